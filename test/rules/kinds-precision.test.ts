/**
 * Precision of the finding kinds beside missing-specificity (vague-term, undocumented-condition,
 * conflict): one test per kind of mistake the hand review of MTSamples found, each with sentences
 * written for the test. See test/eval/kinds.ts for the measurement.
 */
import { describe, expect, it } from 'vitest';
import { analyze, draftQuery, lintQuery } from '../../src/index.js';
import type { Finding } from '../../src/types.js';

const OTHER_KINDS = ['vague-term', 'undocumented-condition', 'conflict'];
/** "kind/rule-id "evidence"" for every finding of the three kinds. */
const found = (text: string): string[] =>
  analyze(text).findings.filter((f) => OTHER_KINDS.includes(f.kind)).map((f) => `${f.rule} "${f.text}"`);
const only = (text: string, rule: string): Finding => {
  const list = analyze(text).findings.filter((f) => f.rule === rule);
  expect(list).toHaveLength(1);
  return list[0]!;
};
const optionLabels = (text: string, rule: string): string[] => {
  const analysis = analyze(text);
  const finding = analysis.findings.find((f) => f.rule === rule);
  if (!finding) throw new Error(`no ${rule} in ${JSON.stringify(text)}`);
  const query = draftQuery(finding, text, { analysis });
  expect(lintQuery(query).problems).toEqual([]);
  return query.items.flatMap((i) => i.options.map((o) => o.label));
};

describe('a vague term yields when the note states the specific condition anywhere', () => {
  it.each([
    ['acute on chronic renal failure', 'HPI: known renal insufficiency, creatinine 3.1.\nASSESSMENT: Acute on chronic renal failure, hypertensive.'],
    ['a CKD stage', 'Renal insufficiency noted on labs.\nIMPRESSION: Chronic kidney disease stage 3b.'],
    ['acute kidney injury', 'Seen for renal failure and hyperkalemia.\nPLAN: Acute kidney injury, likely prerenal; IV fluids.'],
    ['acute renal failure, hedged, in an inpatient note', 'Has renal insufficiency as well.\nIMPRESSION: Acute renal failure, suspected, from hypotension.'],
    ['ESRD written in one word', 'PMH: endstage renal disease.\nShe now presents with renal failure and volume overload.'],
    ['ESRD elsewhere', 'History of hypertension and renal failure.\nA/P: ESRD, continue dialysis Monday, Wednesday and Friday.'],
    ['acute renal shutdown', 'Underlying renal failure.\nA/P: Acute renal shutdown, nephrology to see.'],
    ['respiratory failure', 'Respiratory insufficiency overnight.\nA/P: Acute hypoxic respiratory failure, on BiPAP.'],
    ['an NSTEMI', 'Troponin elevation to 2.4.\nA/P: NSTEMI, heparin drip, cardiology consulted.'],
  ])('%s', (_, text) => {
    expect(found(text).filter((f) => f.startsWith('vague-term/'))).toEqual([]);
  });

  it('still asks when nothing in the note states acuity or stage', () => {
    expect(found('A/P: Renal insufficiency, creatinine 2.1, baseline unknown.')).toEqual(['vague-term/renal-insufficiency "Renal insufficiency"']);
  });

  it('asks the kidney question once: dialysis yields to the "renal failure" query, which offers end-stage', () => {
    const text = 'A 60-year-old with renal failure, on hemodialysis three times a week, admitted with a fall.';
    expect(found(text)).toEqual(['vague-term/renal-failure "renal failure"']);
    expect(optionLabels(text, 'vague-term/renal-failure')).toContain('End-stage');
  });
});

describe('another sense of the words is not evidence', () => {
  it.each([
    ['pulmonary valve insufficiency on an echo', 'The pulmonic valve is thin with trace pulmonary insufficiency.'],
    ['catheter-induced pulmonary insufficiency on an angiogram', 'Contrast injection showed catheter-induced pulmonary insufficiency.'],
    ['an insulin level', 'His fasting insulin level was 12, within normal limits.'],
    ['insulin in a wash solution', 'The graft was rinsed in a solution containing 10 units of regular insulin.'],
    ['a drug salt read as a serum sodium', 'Medications: docusate sodium 100 mg twice daily, heparin sodium 5000 units.'],
    ['a dialysis catheter placed, no dialysis', 'PROCEDURE: Placement of a right internal jugular hemodialysis catheter.'],
    ['a peritoneal dialysis catheter removed', 'The peritoneal dialysis catheter was removed at the end of the case.'],
  ])('%s', (_, text) => {
    expect(found(text)).toEqual([]);
  });

  it('reads a sodium with its unit, and without one', () => {
    expect(found('Labs: Na 126 mEq/L, K 4.0.')).toEqual(['undocumented-condition/sodium-below-130-without-hyponatremia "Na 126 mEq/L"']);
    expect(found('Chemistry: sodium of 124, chloride 88.')).toEqual(['undocumented-condition/sodium-below-130-without-hyponatremia "sodium of 124"']);
  });
});

describe('text not about this patient now is not evidence', () => {
  it.each([
    ['a general statement', 'Left untreated, severe preeclampsia can result in seizures, stroke, kidney failure, or death.'],
    ['advice not taken', 'She was advised to go on dialysis but wished to wait.'],
    ['dialysis only mentioned', 'He has wanted a transplant ever since dialysis was first mentioned.'],
    ['a relative', 'The kidney is for my father, who is on dialysis three times a week.'],
    ['a past episode tied to an earlier stay', 'She had transient renal failure during her last admission.'],
    ['an episode told at an earlier time', 'In 2001 her glucose was 600. Evaluation at that time led to insulin therapy for a month.'],
    ['a history-only vague term', 'Recent history of pneumonia and urosepsis, treated.'],
    ['a past-history list item with nothing current', 'PAST MEDICAL HISTORY:\n1. Hypertension.\n2. Renal insufficiency.'],
    ['education about a condition', 'CKD stage 4. We again educated him about end-stage renal disease and its treatment.'],
    ['a quotation of the patient', 'CHIEF COMPLAINT: "I have had kidney failure since my surgery."'],
  ])('%s', (_, text) => {
    expect(found(text)).toEqual([]);
  });

  it.each([
    ['a relative named after the phrase', 'He is on hemodialysis three times a week; his wife drives him.', 'undocumented-condition/dialysis-without-esrd "hemodialysis"'],
    ['teaching far before the phrase', 'Counseled on smoking cessation and diet for ten minutes today, and she continues home oxygen at night.', 'undocumented-condition/home-oxygen-without-respiratory-diagnosis "home oxygen"'],
    ['a past-history item with a current status: the kidney question is asked through dialysis', 'PAST MEDICAL HISTORY: Diabetes. Renal failure, on dialysis since 2019.', 'undocumented-condition/dialysis-without-esrd "dialysis"'],
  ])('does not over-reach: %s', (_, text, expected) => {
    expect(found(text)).toContain(expected);
  });

  it('anchors a vague term on its current mention when an earlier one is history', () => {
    const f = only('HPI: History of diabetes and renal failure.\nA/P:\n1. Renal failure, on dialysis.', 'vague-term/renal-failure');
    expect(f.text).toBe('Renal failure');
    expect(f.assertion.historical).toBe(false);
    expect(f.mentions).toHaveLength(2);
  });

  it('keeps a status listed as history: home oxygen under past history is current', () => {
    expect(found('PAST MEDICAL HISTORY: COPD, on 2 L home oxygen.')).toEqual(['undocumented-condition/home-oxygen-without-respiratory-diagnosis "2 L home oxygen"']);
  });

  it('never reports a vague term or conflict whose own assertion is history', () => {
    const texts = [
      'PMH: urosepsis in 2019. Now: renal insufficiency, creatinine 2.0.',
      'PAST MEDICAL HISTORY: troponin leak.\nA/P: chronic HFpEF, on furosemide.\nPMH: systolic heart failure.',
    ];
    for (const text of texts) {
      for (const f of analyze(text).findings.filter((x) => x.kind === 'vague-term' || x.kind === 'conflict')) expect(f.assertion.historical).toBe(false);
    }
  });
});

describe('conflicts', () => {
  it('two lesions, one on each side, in one section, are two conditions', () => {
    expect(found('PREOPERATIVE DIAGNOSES:\n1. Basal cell carcinoma, right cheek.\n2. Basal cell carcinoma, left cheek.')).toEqual([]);
    expect(found('Biopsy: carcinoma in the right lobe and carcinoma in the left lobe of the prostate.')).toEqual([]);
  });

  it('a side taken from another structure in the sentence does not make a conflict', () => {
    expect(found('HPI: He is status post ORIF of his right forearm. He had a brace placed in the left leg for a left tibial plateau fracture.')).toEqual([]);
  });

  it('still flags one side in one section and the other side in another', () => {
    expect(found('HPI: Right knee osteoarthritis, worse with stairs.\nA/P: Left knee osteoarthritis, steroid injection today.')).toEqual(['conflict/musculoskeletal "knee osteoarthritis"']);
  });

  it('a past episode or a hedged mention is no conflict with the current one', () => {
    expect(found('HPI: She reports periods of more severe depression in her twenties.\nA/P: Major depression, moderate, recurrent.')).toEqual([]);
  });

  it('acute and chronic stated for one heart failure combine; they are no conflict', () => {
    expect(found('PMH: chronic systolic CHF.\nHPI: Admitted with an acute exacerbation of CHF.')).toEqual([]);
  });
});

describe('one finding per span', () => {
  it('"urosepsis" gets the vague-term query only, not a sepsis-organism query that presumes sepsis', () => {
    const findings = analyze('Admitted with urosepsis, on ceftriaxone.').findings;
    expect(findings.map((f) => f.rule)).toEqual(['vague-term/urosepsis']);
  });

  it('a sepsis stated in its own words elsewhere keeps its own finding, on its own words', () => {
    const findings = analyze('Admitted with urosepsis.\nA/P: Sepsis, blood cultures pending.').findings;
    expect(findings.map((f) => `${f.rule} "${f.text}"`)).toEqual(['vague-term/urosepsis "urosepsis"', 'missing-specificity/sepsis "Sepsis"']);
  });
});

describe('CHF exacerbation in a patient documented with chronic CHF', () => {
  it('is acute on chronic (I.B.8), not silently acute: only the type is asked, with acute on chronic codes', () => {
    const f = only('HPI: Admitted with CHF exacerbation.\nPMH: chronic CHF, hypertension.', 'missing-specificity/heart-failure');
    expect(f.axes).toEqual(['type']);
    expect(f.documented.acuity).toBe('acute-on-chronic');
    expect(f.codes.candidates.map((c) => c.code)).toContain('I50.23');
    expect(f.codes.candidates.map((c) => c.code)).not.toContain('I50.21');
  });

  it('keeps the guide\'s reading for a bare exacerbation with no chronic mention: acute', () => {
    const f = only('Admitted with a CHF exacerbation.', 'missing-specificity/heart-failure');
    expect(f.documented.acuity).toBe('acute');
    expect(f.codes.candidates.map((c) => c.code)).toContain('I50.21');
  });
});

describe('queries offer the likely answer and stay compliant', () => {
  it('a troponin rise offers NSTEMI beside type 2 MI and non-ischemic injury', () => {
    expect(optionLabels('Elevated troponins; a 90% RCA stenosis was stented.', 'vague-term/troponin-leak')).toEqual([
      'Non-ST elevation myocardial infarction (NSTEMI)', 'Type 2 myocardial infarction', 'Non-ischemic myocardial injury', 'Not clinically significant',
      'Other (please specify)', 'Clinically undetermined',
    ]);
  });

  it('insulin with a steroid offers steroid-induced hyperglycemia; without one it does not', () => {
    const withSteroid = optionLabels('Medications: prednisone 20 mg daily, insulin sliding scale.', 'undocumented-condition/insulin-without-diabetes');
    expect(withSteroid).toContain('Steroid-induced hyperglycemia');
    expect(withSteroid).toContain('Hyperglycemia without diabetes');
    const without = optionLabels('Medications: lisinopril, insulin sliding scale.', 'undocumented-condition/insulin-without-diabetes');
    expect(without).not.toContain('Steroid-induced hyperglycemia');
    expect(without).toContain('Hyperglycemia without diabetes');
  });

  it('home oxygen offers chronic hypoxic, chronic hypercapnic and acute on chronic respiratory failure and hypoxemia', () => {
    expect(optionLabels('COPD on 3 L home oxygen, admitted with respiratory acidosis.', 'undocumented-condition/home-oxygen-without-respiratory-diagnosis')).toEqual([
      'Chronic respiratory failure with hypoxia', 'Chronic respiratory failure with hypercapnia', 'Acute on chronic respiratory failure', 'Hypoxemia',
      'Other (please specify)', 'Clinically undetermined', 'Not clinically significant',
    ]);
  });

  it('a low sodium offers hyponatremia, as a multiple-choice query with "Not clinically significant"', () => {
    const analysis = analyze('Labs: Na 124, K 4.1.');
    const finding = analysis.findings.find((f) => f.rule === 'undocumented-condition/sodium-below-130-without-hyponatremia')!;
    const query = draftQuery(finding, 'Labs: Na 124, K 4.1.', { analysis });
    expect(query.format).toBe('multiple-choice');
    expect(query.items[0]!.options.map((o) => o.label)).toEqual(['Hyponatremia', 'Other (please specify)', 'Clinically undetermined', 'Not clinically significant']);
  });

  it('"respiratory insufficiency" offers acute, acute on chronic and chronic respiratory failure and hypoxemia', () => {
    expect(optionLabels('COPD. Post-op course complicated by respiratory insufficiency.', 'vague-term/respiratory-insufficiency')).toEqual([
      'Acute respiratory failure', 'Acute on chronic respiratory failure', 'Chronic respiratory failure', 'Hypoxemia', 'Other (please specify)', 'Clinically undetermined',
    ]);
  });

  it('a vague kidney term quotes the kidney values of the note as clinical indicators', () => {
    const text = 'LABS: creatinine 3.1, BUN 60.\nA/P: Renal failure, baseline unknown.';
    const finding = analyze(text).findings.find((f) => f.rule === 'vague-term/renal-failure')!;
    expect(draftQuery(finding, text).indicators.map((i) => `${i.kind}: ${i.text}`)).toEqual([
      'value: creatinine 3.1', 'value: BUN 60', 'mention: A/P: Renal failure, baseline unknown.',
    ]);
  });

  it('the message does not claim that nothing explains the value when a related condition is written', () => {
    const f = only('COPD, on 2 L home oxygen.', 'undocumented-condition/home-oxygen-without-respiratory-diagnosis');
    expect(f.message).not.toMatch(/no diagnosis/);
  });
});

describe('the new rule data is checked at load', () => {
  it('rejects an unknown not-current key, a bad side and a yieldsTo naming no vague-term rule', async () => {
    const { compileKnowledge } = await import('../../src/rules/knowledge.js');
    const { FAMILY_FILES } = await import('../../src/knowledge/families/index.js');
    const notCurrent = (list: unknown) => ({ description: 'd', source: ['s'], lists: [list] });
    expect(() => compileKnowledge(FAMILY_FILES, { notCurrent: notCurrent({ id: 'x', description: 'd', phrases: ['a'], scope: 3 }) }))
      .toThrow(/not-current.json: list 0: unknown key "scope"/);
    expect(() => compileKnowledge(FAMILY_FILES, { notCurrent: notCurrent({ id: 'x', description: 'd', phrases: ['a'], side: 'after' }) }))
      .toThrow(/not-current.json: list "x" side: "after" is not allowed; allowed: before, both/);
    const indicators = {
      description: 'd', source: ['s'],
      rules: [{ id: 'r', family: null, phrases: ['x'], documentedBy: ['y'], yieldsTo: ['no-such-rule'], message: '{values}', note: 'n', source: ['s'], candidates: [], examples: { flag: ['x'], pass: ['y'] } }],
    };
    expect(() => compileKnowledge(FAMILY_FILES, { indicators })).toThrow(/"no-such-rule" is not a vague-term rule/);
  });
});
