import { describe, expect, it } from 'vitest';
import { createAnalyzer } from '../../src/analyze.js';
import { compileKnowledge } from '../../src/rules/knowledge.js';
import heartFailure from '../../src/knowledge/families/heart-failure.json';
import { analyze } from '../../src/index.js';

const flags = (text: string, setting?: 'inpatient' | 'outpatient') =>
  analyze(text, setting ? { setting } : {}).findings.map((f) => `${f.family}[${f.axes.join(',')}]@"${f.text}"`);

describe('analyze', () => {
  it('flags a bare CHF in the past medical history for acuity and type', () => {
    expect(flags('PAST MEDICAL HISTORY: CHF, hypertension.')).toEqual(['heart-failure[acuity,type]@"CHF"']);
  });
  it('returns spans whose text is the slice of the input', () => {
    const text = 'HPI: 70 y/o with C.H.F.  and\r\nCKD.\n\nA/P:\n1. Pneumonia.';
    const analysis = analyze(text);
    expect(analysis.findings.length).toBeGreaterThan(0);
    for (const f of analysis.findings) {
      expect(text.slice(f.start, f.end)).toBe(f.text);
      for (const m of f.mentions) expect(m.end).toBeGreaterThan(m.start);
    }
  });
  it('names the code the note supports now and the codes an answer would allow', () => {
    const [finding] = analyze('Chronic CHF.').findings;
    expect(finding?.codes.current?.code).toBe('I50.9');
    expect(finding?.codes.candidates.map((c) => c.code)).toContain('I50.22');
    expect(finding?.codes.candidates.map((c) => c.code)).not.toContain('I50.21');
  });
  it('pools values across mentions: a type stated once documents every mention', () => {
    expect(flags('HPI: chronic diastolic heart failure.\nA/P: CHF - continue Lasix.')).toEqual([]);
  });
  it('reports one finding per condition, with every mention', () => {
    const analysis = analyze('CHF. Continue Lasix for CHF.');
    expect(analysis.findings).toHaveLength(1);
    expect(analysis.findings[0]!.mentions).toHaveLength(2);
  });
  it('does not flag a condition under family history', () => {
    expect(flags('FAMILY HISTORY: CHF in father.')).toEqual([]);
  });
  it('does not flag negated, hypothetical or hedged mentions', () => {
    expect(flags('Denies CHF. Return if heart failure symptoms. Possible CHF exacerbation.')).toEqual([]);
  });
  it('does not flag an episodic condition that is only history', () => {
    expect(flags('PAST MEDICAL HISTORY: pneumonia in 2019.')).toEqual([]);
  });
  it('flags a chronic condition listed as history', () => {
    expect(flags('History of CHF.')).toEqual(['heart-failure[acuity,type]@"CHF"']);
  });
  it('gives no findings for empty, blank or non-clinical text', () => {
    expect(flags('')).toEqual([]);
    expect(flags(' \n\t ')).toEqual([]);
    expect(flags('<script>alert(1)</script>')).toEqual([]);
  });
  it('never throws on hostile text', () => {
    const hostile = ['\ud800CHF\udfff', 'CHF'.repeat(5000), 'no '.repeat(3000) + 'CHF', '\u0000\u0001CHF\u202e', 'CHF\n'.repeat(2000), '😀 CHF 😀'];
    for (const text of hostile) {
      const analysis = analyze(text);
      for (const f of analysis.findings) expect(text.slice(f.start, f.end)).toBe(f.text);
    }
  });
  it('treats a non-string as empty text', () => {
    expect(analyze(undefined as unknown as string).findings).toEqual([]);
  });
  it('rejects an unknown setting with a clear error', () => {
    expect(() => analyze('CHF', { setting: 'icu' as 'inpatient' })).toThrow('cdi-lint: setting must be "inpatient" or "outpatient", got "icu"');
  });
  it('echoes the setting, inpatient by default', () => {
    expect(analyze('CHF').setting).toBe('inpatient');
    expect(analyze('CHF', { setting: 'outpatient' }).setting).toBe('outpatient');
  });
  it('reads numbers with units', () => {
    expect(analyze('Na 128 mEq/L').quantities.map((q) => `${q.label}:${q.values[0]}:${q.unit}`)).toEqual(['na:128:mEq/L']);
  });
  it('does not take a negated value phrase as documentation', () => {
    expect(flags('Systolic CHF, no acute exacerbation.')).toEqual(['heart-failure[acuity]@"CHF"']);
  });
  it('does not read a value from the name of another condition', () => {
    expect(flags('Chronic obstructive pulmonary disease and systolic CHF.')).toEqual(['heart-failure[acuity]@"CHF"']);
  });
  it('reads a value phrase that holds another condition whole', () => {
    expect(flags('Anemia secondary to chronic kidney disease stage 3b.')).toEqual([]);
  });
  it('counts another condition named between a mention and its value as one word', () => {
    expect(flags('Chronic congestive heart failure due to rapid atrial fibrillation and systolic dysfunction.').filter((f) => f.startsWith('heart-failure'))).toEqual([]);
  });
  it('reads a stage written at the end of a sentence', () => {
    expect(flags('CKD stage 3a.')).toEqual([]);
  });
});

describe('a condition named inside another condition\'s name', () => {
  const mentions = (text: string) => analyze(text).mentions.map((m) => `${m.family}@"${m.text}"`);
  it('is a mention of its own family (anemia of CKD names the CKD, whose stage is then asked)', () => {
    expect(mentions('ASSESSMENT: Anemia of CKD.')).toEqual(['anemia@"Anemia of CKD"', 'chronic-kidney-disease@"CKD"']);
    expect(flags('ASSESSMENT: Anemia of CKD.')).toEqual(['chronic-kidney-disease[stage]@"CKD"']);
  });
  it('reads its values around the outer name as any mention does', () => {
    expect(flags('ASSESSMENT: Anemia of chronic kidney disease stage 4.')).toEqual([]);
  });
  it('is not read twice for the outer term\'s own family, nor inside an excluded phrase', () => {
    expect(mentions('ASSESSMENT: Septic shock.').filter((m) => m.startsWith('sepsis'))).toEqual(['sepsis@"Septic shock"']);
    expect(mentions('She attends the heart failure clinic.')).toEqual([]);
  });
  it('keeps the negation and history of its sentence', () => {
    expect(flags('ASSESSMENT: No anemia of CKD.')).toEqual([]);
  });
});

describe('axis conditions', () => {
  const base = structuredClone(heartFailure) as { axes: Record<string, Record<string, unknown>> };
  it('does not ask for an axis whose notNeededWhen value is documented', () => {
    base.axes.acuity!.notNeededWhen = { type: ['biventricular'] };
    const analyzer = createAnalyzer(compileKnowledge({ 'hf.json': base }));
    expect(analyzer('Biventricular heart failure.').findings).toEqual([]);
    expect(analyzer('Systolic heart failure.').findings.map((f) => f.axes)).toEqual([['acuity']]);
  });
  it('asks for an axis with onlyWhen only when its condition is documented', () => {
    const data = structuredClone(heartFailure) as { axes: Record<string, Record<string, unknown>> };
    data.axes.acuity!.onlyWhen = { type: ['systolic'] };
    const analyzer = createAnalyzer(compileKnowledge({ 'hf.json': data }));
    expect(analyzer('Diastolic heart failure.').findings).toEqual([]);
    expect(analyzer('Systolic heart failure.').findings.map((f) => f.axes)).toEqual([['acuity']]);
    expect(analyzer('Heart failure.').findings.map((f) => f.axes)).toEqual([['type']]);
  });
});

describe('a value named with the condition\'s own organ anywhere in the note (anywhere phrases)', () => {
  it('documents the side of the cancer of that organ from a result sentence', () => {
    expect(flags('ASSESSMENT: Ovarian cancer.\nRESULTS: CT shows a 3 cm left ovarian mass.')).toEqual([]);
    expect(flags('ASSESSMENT: Stage III non-small cell lung cancer.\nPathology: a 4.4 cm left upper lobe nodule.')).toEqual([]);
  });
  it('not for a cancer of another organ', () => {
    expect(flags('ASSESSMENT: Ovarian cancer.\nRESULTS: CT: a 4 mm left upper lobe nodule.')).toEqual(['cancer[laterality]@"Ovarian cancer"']);
  });
  it('not from the examination, not negated, not beside another condition', () => {
    expect(flags('ASSESSMENT: Ovarian cancer.\nPHYSICAL EXAM: Left adnexal mass.')).toEqual(['cancer[laterality]@"Ovarian cancer"']);
    expect(flags('ASSESSMENT: Ovarian cancer.\nRESULTS: No left ovarian mass.')).toEqual(['cancer[laterality]@"Ovarian cancer"']);
    expect(flags('ASSESSMENT: Lung cancer, on chemotherapy.\nRESULTS: Left upper lobe airspace disease consistent with pneumonia.').filter((f) => f.startsWith('cancer'))).toEqual(['cancer[laterality]@"Lung cancer"']); // the side is still asked (the site is read note-wide, as before)
  });
});
