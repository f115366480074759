/**
 * The note's structure beyond headers (src/text/discourse.ts): text about patients in general and
 * about other people is not about this patient, for every rule. The data file's own examples run
 * here, then sentences of our own.
 */
import { describe, expect, it } from 'vitest';
import { analyze } from '../../src/analyze.js';
import { DISCOURSE, validateDiscourse } from '../../src/text/discourse.js';

const currentMentions = (text: string) => analyze(text).mentions.filter((m) => m.current).map((m) => m.text);

describe('discourse data examples', () => {
  for (const text of DISCOURSE.examples.general) it(`reads ${JSON.stringify(text)} as about patients in general`, () => expect(currentMentions(text)).toEqual([]));
  for (const text of DISCOURSE.examples.otherPerson) it(`reads ${JSON.stringify(text)} as about someone else`, () => expect(currentMentions(text)).toEqual([]));
  for (const text of DISCOURSE.examples.patient) it(`reads ${JSON.stringify(text)} as about the patient`, () => expect(currentMentions(text).length).toBeGreaterThan(0));
});

describe('text about patients in general', () => {
  it('a consent list with "not limited to" hides its conditions, whatever the section', () => {
    const text = 'ASSESSMENT:\nThe procedure was explained; risks include, but are not limited to, DVT, pneumonia and sepsis.\nCHF.';
    expect(currentMentions(text)).toEqual(['CHF']);
  });
  it('a definition sentence is general as a whole', () => {
    expect(currentMentions('Otitis media is an infection of the middle ear that is common in children.')).toEqual([]);
  });
  it('a patient-education section is general as a whole', () => {
    expect(currentMentions('PATIENT EDUCATION:\nDeep vein thrombosis can follow long flights.\nWarning signs of a stroke were reviewed.')).toEqual([]);
  });
  it('a long-term complication list is general; the next sentence about the patient is not', () => {
    const text = 'Long-term complication of the operation including protein-calorie malnutrition was discussed. He has severe protein-calorie malnutrition now.';
    expect(currentMentions(text)).toEqual(['severe protein-calorie malnutrition']);
    expect(analyze(text).mentions.filter((m) => m.current)[0]!.start).toBeGreaterThan(60);
  });
  it('no finding of any kind is reported inside a general span', () => {
    const text = 'Complications such as urosepsis and heart failure were explained.';
    expect(analyze(text).findings).toEqual([]);
  });
});

describe('text about other people', () => {
  it('a relative as subject outside a family-history header', () => {
    expect(currentMentions('SOCIAL HISTORY:\nHer father died of a heart attack at 60.')).toEqual([]);
  });
  it('"but she" still speaks of the relative', () => {
    expect(currentMentions('His mother had colon cancer, but she died of a stroke.')).toEqual([]);
  });
  it('a relative as the object of a verb does not take the clause', () => {
    expect(currentMentions('He lives with his wife and has atrial fibrillation.')).toEqual(['atrial fibrillation']);
  });
  it('the text returns to the patient after "the patient"', () => {
    expect(currentMentions('Her son has asthma and the patient has pneumonia.')).toEqual(['pneumonia']);
  });
});

describe('validation of discourse data', () => {
  it('rejects an unknown key and an empty list, naming the file', () => {
    const data = JSON.parse(JSON.stringify({ ...DISCOURSE, source: ['x'] }));
    expect(() => validateDiscourse({ ...data, extra: 1 }, 'd.json')).toThrow(/d\.json: .*unknown key "extra"/);
    data.general.forward = [];
    expect(() => validateDiscourse(data, 'd.json')).toThrow(/general\.forward must be a non-empty list/);
  });
});
