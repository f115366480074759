import { describe, expect, it } from 'vitest';
import { analyze, applyAnswerToText, AnswerError, codeAfterAnswer, draftQuery, type Setting } from '../../src/index.js';
import { FAMILY_FILES } from '../../src/knowledge/families/index.js';
import { answer, draftFor } from './helpers.js';

const HF = 'PAST MEDICAL HISTORY: CHF, hypertension.';

describe('applyAnswerToText', () => {
  it('writes the chosen values before the evidence, acuity first, in one edit', () => {
    const { finding, query } = draftFor(HF);
    const result = applyAnswerToText(HF, finding, query, answer(query, { type: 'systolic', acuity: 'acute-on-chronic' }));
    expect(result).toEqual({ text: 'PAST MEDICAL HISTORY: Acute on chronic systolic CHF, hypertension.', edit: { from: 22, to: 22, insert: 'Acute on chronic systolic ' } });
  });

  it('writes the words after the evidence when the axis says so (organism)', () => {
    const text = 'Community acquired pneumonia, continue ceftriaxone and azithromycin.';
    const { finding, query } = draftFor(text);
    expect(applyAnswerToText(text, finding, query, answer(query, { organism: 'klebsiella' })).text).toBe('Community acquired pneumonia due to Klebsiella, continue ceftriaxone and azithromycin.');
  });

  it('puts a side before the site that precedes the evidence', () => {
    const text = 'Assessment: Hip fracture after a fall at home.';
    const { finding, query } = draftFor(text);
    expect(applyAnswerToText(text, finding, query, answer(query, { laterality: 'left' })).text).toBe('Assessment: Left Hip fracture after a fall at home.');
  });

  it('writes the provider\'s free text for "Other"', () => {
    const { finding, query } = draftFor(HF);
    expect(applyAnswerToText(HF, finding, query, answer(query, { acuity: { optionId: 'other', text: 'subacute' } })).text).toBe('PAST MEDICAL HISTORY: Subacute CHF, hypertension.');
  });

  it('"Other" text that names the condition replaces the evidence instead of repeating it', () => {
    const text = 'Problems: Anemia. CHF.';
    const { finding, query } = draftFor(text, (f) => f.family === 'anemia');
    const other = (t: string) => answer(query, { type: { optionId: 'other', text: t } });
    expect(applyAnswerToText(text, finding, query, other('anemia of chronic disease')).text).toBe('Problems: Anemia of chronic disease. CHF.');
    expect(applyAnswerToText(text, finding, query, other('iron deficiency')).text).toBe('Problems: Iron deficiency Anemia. CHF.');
  });

  it('"Other" text naming the condition by another of its names replaces the abbreviation', () => {
    const { finding, query } = draftFor(HF);
    expect(applyAnswerToText(HF, finding, query, answer(query, { acuity: { optionId: 'other', text: 'acute on chronic diastolic heart failure' } })).text)
      .toBe('PAST MEDICAL HISTORY: Acute on chronic diastolic heart failure, hypertension.');
    expect(applyAnswerToText(HF, finding, query, answer(query, { acuity: 'acute', type: { optionId: 'other', text: 'systolic chf' } })).text)
      .toBe('PAST MEDICAL HISTORY: Acute systolic CHF, hypertension.');
  });

  it('never writes words the note already has next to the evidence ("calf vein" on "vein DVT")', () => {
    const text = 'Assessment: left leg vein DVT.';
    const { finding, query } = draftFor(text, (f) => f.family === 'deep-vein-thrombosis');
    expect(applyAnswerToText(text, finding, query, answer(query, { site: 'calf' })).text).toBe('Assessment: left leg calf vein DVT.');
    expect(applyAnswerToText(text, finding, query, answer(query, { site: 'femoral', acuity: 'acute' })).text).toBe('Assessment: left leg acute femoral vein DVT.');
    expect(applyAnswerToText(text, finding, query, answer(query, { site: { optionId: 'other', text: 'calf vein' } })).text).toBe('Assessment: left leg calf vein DVT.');
  });

  it('completes a value the note states in part ("CKD stage 3" answered 3a reads "CKD stage 3a")', () => {
    const text = 'PMH: CKD stage 3, CHF.';
    const { finding, query } = draftFor(text, (f) => f.family === 'chronic-kidney-disease');
    expect(applyAnswerToText(text, finding, query, answer(query, { stage: '3a' })).text).toBe('PMH: CKD stage 3a, CHF.');
  });

  it('changes nothing for "Clinically undetermined"', () => {
    const { finding, query } = draftFor(HF);
    expect(applyAnswerToText(HF, finding, query, answer(query, { acuity: 'undetermined', type: 'undetermined' }))).toEqual({ text: HF, edit: { from: 22, to: 22, insert: '' } });
  });

  it('replaces a vague term with the condition chosen', () => {
    const text = 'Admitted with urosepsis.';
    const { finding, query } = draftFor(text, (f) => f.kind === 'vague-term');
    expect(applyAnswerToText(text, finding, query, answer(query, { clarification: 'uti' })).text).toBe('Admitted with urinary tract infection.');
  });

  it('adds the diagnosis after the values of an undocumented condition, which is then documented', () => {
    const text = 'Vitals: BMI 42.3 kg/m2.';
    const { finding, query } = draftFor(text);
    const result = applyAnswerToText(text, finding, query, answer(query, { clarification: 'obesity-class-3' }));
    expect(result.text).toBe('Vitals: BMI 42.3 kg/m2 (class 3 obesity).');
    expect(analyze(result.text).findings.filter((f) => f.kind === 'undocumented-condition')).toEqual([]);
  });

  it('removes the hedge of a confirmed uncertain diagnosis', () => {
    const text = 'Assessment: Possible pneumonia. Start amoxicillin.';
    const { finding, query } = draftFor(text, (f) => f.kind === 'uncertain-diagnosis', 'outpatient');
    const result = applyAnswerToText(text, finding, query, answer(query, { clarification: 'confirmed' }));
    expect(result.text).toBe('Assessment: pneumonia. Start amoxicillin.');
    expect(analyze(result.text, { setting: 'outpatient' }).findings.filter((f) => f.kind === 'uncertain-diagnosis')).toEqual([]);
  });

  it('resolves a conflict by replacing the other value\'s phrase', () => {
    const text = 'Assessment: Chronic diastolic heart failure. Plan: continue diuresis for systolic heart failure.';
    const { finding, query } = draftFor(text, (f) => f.kind === 'conflict');
    const result = applyAnswerToText(text, finding, query, answer(query, { type: 'diastolic' }));
    expect(result.text).toBe('Assessment: Chronic diastolic heart failure. Plan: continue diuresis for diastolic heart failure.');
    expect(analyze(result.text).findings.filter((f) => f.kind === 'conflict')).toEqual([]);
  });

  it('rejects "Other" without text', () => {
    const { finding, query } = draftFor(HF);
    expect(() => applyAnswerToText(HF, finding, query, answer(query, { acuity: 'other' }))).toThrow(AnswerError);
  });

  it('rejects an option the item does not have', () => {
    const { finding, query } = draftFor(HF);
    expect(() => applyAnswerToText(HF, finding, query, answer(query, { acuity: 'systolic' }))).toThrow(/item "acuity" has no option "systolic"/);
  });
});

describe('codeAfterAnswer', () => {
  it('gives the family code for the documented and chosen values', () => {
    const { finding, query } = draftFor(HF);
    expect(codeAfterAnswer(finding, query, answer(query, { acuity: 'acute-on-chronic', type: 'systolic' }))?.code).toBe('I50.23');
  });

  it('keeps the current code when the answer is undetermined', () => {
    const { finding, query } = draftFor(HF);
    expect(codeAfterAnswer(finding, query, answer(query, { acuity: 'undetermined' }))).toEqual(finding.codes.current);
  });
});

describe('every family: first flag example answered with the first option', () => {
  for (const [file, data] of Object.entries(FAMILY_FILES)) {
    const rule = data as { family: string; examples: { flag: Array<{ text: string; setting?: Setting }> } };
    const example = rule.examples.flag[0]!;
    it(`${rule.family} (${file}): the axes asked are no longer reported`, () => {
      const setting = example.setting ?? 'inpatient';
      const analysis = analyze(example.text, { setting });
      const finding = analysis.findings.find((f) => f.kind === 'missing-specificity' && f.family === rule.family)!;
      expect(finding).toBeDefined();
      const query = draftQuery(finding, example.text, { analysis });
      const choices = Object.fromEntries(query.items.map((i) => [i.id, i.options[0]!.id]));
      const { text } = applyAnswerToText(example.text, finding, query, answer(query, choices));
      const still = analyze(text, { setting }).findings
        .filter((f) => f.kind === 'missing-specificity' && f.family === rule.family)
        .flatMap((f) => f.axes.filter((a) => finding.axes.includes(a)));
      expect(still, text).toEqual([]);
    });
  }
});

describe('wording that starts with a linking word', () => {
  it('is written after the condition, not before it', async () => {
    const { axisWording } = await import('../../src/queries/draft.js');
    const { defaultQueryKnowledge } = await import('../../src/queries/knowledge.js');
    const { validateFamilyRule } = await import('../../src/rules/load.js');
    const anemia = validateFamilyRule((await import('../../src/knowledge/families/anemia.json')).default, 'anemia.json');
    const wording = axisWording(defaultQueryKnowledge(), anemia, 'type', 'neoplastic-disease', ['of cancer'], 'Anemia');
    expect(wording).toEqual({ text: 'of cancer', placement: 'after' });
  });
});
