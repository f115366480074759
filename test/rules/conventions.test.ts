/**
 * The ICD-10-CM conventions the rules respect (issue: "coding conventions the rules respect").
 */
import { describe, expect, it } from 'vitest';
import { analyze } from '../../src/index.js';

const gaps = (text: string, setting: 'inpatient' | 'outpatient' = 'inpatient') =>
  analyze(text, { setting }).findings.filter((f) => f.kind === 'missing-specificity').map((f) => `${f.family}:${f.axes.join('+')}`);

describe('defaults of the classification are not gaps (I.C.19.c.1, I.C.4.a)', () => {
  it('does not ask whether a fracture is open or closed, or displaced', () => {
    expect(gaps('Right distal radius fracture, splinted.')).toEqual([]);
  });
  it('asks a fracture only for its side', () => {
    expect(gaps('Distal radius fracture, splinted.')).toEqual(['fracture:laterality']);
  });
  it('codes diabetes without a type as type 2', () => {
    const finding = analyze('Uncontrolled diabetes.').findings.find((f) => f.family === 'diabetes');
    expect(finding?.codes.current?.code).toMatch(/^E11\./);
    expect(finding?.codes.candidates.map((c) => c.code).every((c) => c.startsWith('E11.'))).toBe(true);
  });
  it('does not ask the type of a diabetes that is only "poorly controlled" (indexes to hyperglycemia)', () => {
    expect(gaps('Poorly controlled type 2 diabetes.')).toEqual([]);
  });
});

describe('presumed links are not queried (I.A.15, I.C.9.a)', () => {
  it('never flags plain hypertension', () => {
    expect(analyze('Hypertension. HTN, well controlled on lisinopril.').findings).toEqual([]);
  });
  it('asks only the heart failure of hypertension with heart failure', () => {
    expect(gaps('Hypertension with CHF.')).toEqual(['heart-failure:acuity+type']);
  });
  it('asks no link between diabetes and its listed complication', () => {
    expect(analyze('Type 2 diabetes with chronic kidney disease stage 3a.').findings).toEqual([]);
  });
});

describe('details documented by other clinicians count (I.B.14)', () => {
  it('takes the stage of a pressure injury from a nursing note', () => {
    expect(gaps('Pressure injury of the sacrum.\n\nWound care nursing note: stage 3, 2 x 3 cm.')).toEqual([]);
  });
  it('takes a BMI documented elsewhere as the severity of a stated obesity', () => {
    expect(gaps('Assessment: obesity.\n\nDietitian: BMI 41.')).toEqual([]);
  });
  it('takes the side of a limb condition from another clinician in the note', () => {
    expect(gaps('Knee osteoarthritis.\n\nPhysical therapy: right knee range of motion 0-110.')).toEqual([]);
  });
  it('still flags when nobody documents the detail', () => {
    expect(gaps('Pressure injury of the sacrum.')).toEqual(['pressure-injury:stage']);
  });
});

describe('setting (II.H inpatient, IV.H outpatient)', () => {
  it('reports a hedged diagnosis as uncertain-diagnosis in an outpatient note', () => {
    expect(analyze('Likely pneumonia.', { setting: 'outpatient' }).findings.map((f) => f.kind)).toEqual(['uncertain-diagnosis']);
  });
  it('does not report a hedged diagnosis in an inpatient note', () => {
    expect(analyze('Likely pneumonia.', { setting: 'inpatient' }).findings).toEqual([]);
  });
});
