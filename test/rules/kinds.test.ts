/**
 * The rule kinds beside missing-specificity: every vague-term and indicator rule's own examples,
 * conflicts, and uncertain diagnoses by setting.
 */
import { describe, expect, it } from 'vitest';
import { analyze } from '../../src/index.js';
import { validateIndicators, validateVagueTerms } from '../../src/rules/load-extra.js';
import vagueTerms from '../../src/knowledge/vague-terms.json';
import indicators from '../../src/knowledge/indicators.json';

const kinds = (text: string, kind: string, setting: 'inpatient' | 'outpatient' = 'inpatient') =>
  analyze(text, { setting }).findings.filter((f) => f.kind === kind);

for (const [kind, rules] of [
  ['vague-term', validateVagueTerms(vagueTerms, 'vague-terms.json')],
  ['undocumented-condition', validateIndicators(indicators, 'indicators.json')],
] as const) {
  for (const rule of rules) {
    describe(`${kind} ${rule.id}`, () => {
      for (const text of rule.examples.flag) {
        it(`flags ${JSON.stringify(text)}`, () => {
          expect(kinds(text, kind).map((f) => f.rule)).toEqual([`${kind}/${rule.id}`]);
        });
      }
      for (const text of rule.examples.pass) {
        it(`does not flag ${JSON.stringify(text)}`, () => {
          expect(kinds(text, kind).filter((f) => f.rule === `${kind}/${rule.id}`)).toEqual([]);
        });
      }
    });
  }
}

describe('undocumented-condition', () => {
  it('quotes the values it saw and names no diagnosis as fact', () => {
    const [finding] = kinds('Vitals: BP 128/70, BMI 43.5 kg/m2.', 'undocumented-condition');
    expect(finding?.message).toBe('"BMI 43.5 kg/m2" is documented, and the note states no weight-related diagnosis. Review whether a diagnosis applies.');
    expect(finding?.text).toBe('BMI 43.5 kg/m2');
    expect(finding?.codes.current).toBeNull();
  });
});

describe('conflict', () => {
  it('flags heart failure documented as both preserved and reduced ejection fraction', () => {
    const found = kinds('HPI: chronic HFpEF.\nA/P: chronic systolic heart failure, continue carvedilol.', 'conflict');
    expect(found.map((f) => `${f.family}/${f.axes.join()}: ${f.message}`)).toEqual([
      'heart-failure/type: Heart failure: the type is documented as diastolic ("HFpEF") and as systolic ("systolic heart failure"). Clarify which applies.',
    ]);
  });
  it('flags the left and the right side for the same joint condition', () => {
    expect(kinds('Left knee osteoarthritis.\nPlan: injection for right knee osteoarthritis.', 'conflict').map((f) => f.axes)).toEqual([['laterality']]);
  });
  it('does not flag bilateral with one side', () => {
    expect(kinds('Bilateral knee osteoarthritis, right worse than left. Right knee osteoarthritis injected.', 'conflict')).toEqual([]);
  });
  it('does not flag one value stated twice', () => {
    expect(kinds('Chronic systolic CHF. Systolic heart failure, stable.', 'conflict')).toEqual([]);
  });
});

describe('uncertain-diagnosis', () => {
  it('flags a hedged diagnosis in an outpatient note', () => {
    const found = kinds('Assessment: probable pneumonia. Start azithromycin.', 'uncertain-diagnosis', 'outpatient');
    expect(found.map((f) => `${f.family} "${f.text}"`)).toEqual(['pneumonia "pneumonia"']);
    expect(found[0]?.message).toMatch(/not coded: state the diagnosis if it is confirmed, or the signs and symptoms/);
  });
  it('does not report a hedged diagnosis in an inpatient note', () => {
    expect(analyze('Assessment: probable pneumonia.', { setting: 'inpatient' }).findings).toEqual([]);
  });
  it('does not report a hedged diagnosis that is confirmed elsewhere in the note', () => {
    expect(kinds('HPI: possible pneumonia on x-ray.\nA/P: Pneumonia due to Streptococcus pneumoniae.', 'uncertain-diagnosis', 'outpatient')).toEqual([]);
  });
  it('does not report a negated or ruled-out diagnosis', () => {
    expect(kinds('Pneumonia ruled out.', 'uncertain-diagnosis', 'outpatient')).toEqual([]);
  });
  it('never reports a hedged mention as missing specificity', () => {
    expect(kinds('Probable CHF exacerbation.', 'missing-specificity', 'outpatient')).toEqual([]);
  });
});
