/**
 * The course of a condition decides whether history is current (GUIDE rule 5 and the validation
 * readings): `listed` conditions (anemia, thrombocytopenia) are current when listed under a history
 * header and not when history is told in words.
 */
import { describe, expect, it } from 'vitest';
import { analyze } from '../../src/analyze.js';

const current = (text: string, family: string) => analyze(text).mentions.filter((m) => m.family === family && m.current).map((m) => m.text);

describe('listed course (anemia, thrombocytopenia)', () => {
  it('a bare anemia in a past-history list is current', () => expect(current('PAST MEDICAL HISTORY:\nAnemia, hypertension.', 'anemia')).toEqual(['Anemia']));
  it('"history of anemia" is not current, even in a diagnosis list', () => expect(current('DIAGNOSES:\n1. CHF.\n2. History of anemia.', 'anemia')).toEqual([]));
  it('a history list told in a sentence ("past medical history consisting of") is a listing, so current', () => {
    expect(current('She has a past medical history consisting of gout, anemia and asthma.', 'anemia')).toEqual(['anemia']);
  });
  it('"prior anemia" is not current', () => expect(current('She had prior anemia after a delivery.', 'anemia')).toEqual([]));
  it('a past clause makes thrombocytopenia history', () => expect(current('I first saw him for thrombocytopenia when his platelets were 90.', 'thrombocytopenia')).toEqual([]));
  it('a chronic condition under "history of" stays current', () => expect(current('History of CHF.', 'heart-failure')).toEqual(['CHF']));
  it('an episodic one does not', () => expect(current('History of pneumonia.', 'pneumonia')).toEqual([]));
});
