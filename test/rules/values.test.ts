/**
 * Values stated in ways beyond an adjective next to the condition: plurals of paired limbs, a side
 * after the condition, a side named in a procedure on the same structure.
 */
import { describe, expect, it } from 'vitest';
import { analyze } from '../../src/analyze.js';

const gaps = (text: string, family: string) =>
  analyze(text).findings.filter((f) => f.kind === 'missing-specificity' && f.family === family).map((f) => `${f.text}: ${f.axes.join('+')}`);

describe('plurals of paired limbs state both sides', () => {
  it('"osteoarthritis of the knees" is bilateral', () => expect(gaps('Assessment: osteoarthritis of the knees, on meloxicam.', 'musculoskeletal')).toEqual([]));
  it('"pain in her feet and ankles" is bilateral', () => expect(gaps('She reports pain in her feet and ankles after walking.', 'musculoskeletal')).toEqual([]));
  it('a singular still lacks its side', () => expect(gaps('Assessment: osteoarthritis of the knee.', 'musculoskeletal')).toEqual(['osteoarthritis: laterality']));
  it('a plural elsewhere in the note does not give a side to a bare condition', () => {
    expect(gaps('PROBLEMS: Osteoarthritis.\nEXAM: Strength is full in the arms and legs.', 'musculoskeletal')).toEqual(['Osteoarthritis: laterality']);
  });
});

describe('a side written after the condition counts', () => {
  it('"arthralgias of her hands and wrists, bilaterally"', () => expect(gaps('Arthralgias of her hands and wrists, bilaterally.', 'musculoskeletal')).toEqual([]));
});

describe('a side named in a procedure on the same structure', () => {
  it('ear: "bilateral myringotomies" documents the otitis media', () => {
    expect(gaps('PREOPERATIVE DIAGNOSIS: Recurrent otitis media.\nPROCEDURE: Bilateral myringotomies with tympanostomy tubes.', 'ear')).toEqual([]);
  });
  it('eye: "left eye ... vitrectomy" documents the retinopathy', () => {
    expect(gaps('PREOP DIAGNOSIS: Diabetic retinopathy.\nPROCEDURE: Pars plana vitrectomy with endolaser, left eye.', 'eye')).toEqual([]);
  });
  it('an examination side of the ear without a procedure does not document the diagnosis', () => {
    expect(gaps('DIAGNOSIS: Chronic otitis media.\nEXAM: Left ear canal is clear.', 'ear')).toEqual(['Chronic otitis media: laterality']);
  });
});

describe('a diagnosis that is part of another', () => {
  it('anemia "at goal for this stage of CKD" is anemia in CKD (a type)', () => {
    expect(gaps('Anemia: hemoglobin is at goal for this stage of CKD.', 'anemia')).toEqual([]);
  });
  it('a value hedged on its own still documents it', () => {
    expect(gaps('Anemia secondary to illness and possible iron deficiency.', 'anemia')).toEqual([]);
  });
  it('a value phrase that starts inside the window and ends past it is read', () => {
    expect(gaps('Anemia, likely multifactorial, with iron deficiency.', 'anemia')).toEqual([]);
  });
});
