/**
 * Time told in narrative (src/context/time.ts): dates and time phrases make an episodic condition
 * history; a chronic one stays current. The note's date, when given, is the reference.
 */
import { describe, expect, it } from 'vitest';
import { analyze } from '../../src/analyze.js';
import { TIME, validateTime } from '../../src/context/time.js';

const current = (text: string, noteDate?: string) => analyze(text, noteDate ? { noteDate } : {}).mentions.filter((m) => m.current).map((m) => m.text);

describe('time data examples', () => {
  for (const text of TIME.examples.past) it(`reads ${JSON.stringify(text)} as a past episode`, () => expect(current(text)).toEqual([]));
  for (const text of TIME.examples.current) it(`reads ${JSON.stringify(text)} as current`, () => expect(current(text).length).toBeGreaterThan(0));
});

describe('episodic conditions told in the past', () => {
  it('a year after a preposition', () => expect(current('Admitted for pyelonephritis back in 2011, treated with ceftriaxone.')).toEqual([]));
  it('"N months ago" is past, "N days ago" is not', () => {
    expect(current('Pneumonia two months ago.')).toEqual([]);
    expect(current('Pneumonia diagnosed 2 days ago, on antibiotics.')).toEqual(['Pneumonia']);
  });
  it('an episode continues over past-tense sentences of its paragraph', () => {
    const text = 'She had a hip replacement in March of 2004. She was then sent to rehabilitation, where she developed a DVT.\nShe has a DVT of the left leg now.';
    const mentions = analyze(text).mentions.filter((m) => m.family === 'deep-vein-thrombosis');
    expect(mentions.map((m) => m.current)).toEqual([false, true]);
  });
  it('a present-tense sentence ends the told episode', () => {
    expect(current('She had a stroke in 2001. She has a urinary tract infection.')).toEqual(['urinary tract infection']);
  });
  it('a closed stay between two dates is over', () => {
    expect(current('She stayed in hospital from 03/02/21 to 03/09/21 with acute kidney injury.')).toEqual([]);
  });
  it('"now" in the clause keeps it current', () => expect(current('Sepsis in 2019 and again now.')).toEqual(['Sepsis']));
  it('a clause break limits a past cue', () => {
    expect(current('MI in 1999; pneumonia this admission.')).toEqual(['pneumonia']);
  });
});

describe('chronic conditions stay current', () => {
  it('diabetes diagnosed in 1999 is still diabetes', () => expect(current('She was diagnosed with CHF in 1999.')).toEqual(['CHF']));
});

describe('the note date as the reference', () => {
  it('a date within 30 days of the note date is the current stay', () => {
    expect(current('On 11/20/2026 she was admitted with pneumonia.', '2026-12-02')).toEqual(['pneumonia']);
    expect(current('On 11/20/2025 she was admitted with pneumonia.', '2026-12-02')).toEqual([]);
  });
  it('a year of the note date is not past', () => {
    expect(current('Pneumonia in 2026, on antibiotics.', '2026-12-02')).toEqual(['Pneumonia']);
    expect(current('Pneumonia in 2025.', '2026-12-02')).toEqual([]);
  });
  it('without a note date, the latest date in the note is the reference', () => {
    expect(current('Seen 05/01/2020. On 04/28/2020 she was found to have pneumonia.')).toEqual(['pneumonia']);
  });
  it('an invalid noteDate is a TypeError naming the option', () => {
    expect(() => analyze('CHF.', { noteDate: '12/02/2026' })).toThrow(TypeError);
    expect(() => analyze('CHF.', { noteDate: '2026-02-30' })).toThrow(/noteDate/);
  });
});

describe('validation of time data', () => {
  it('rejects an unknown key and an empty list, naming the file', () => {
    expect(() => validateTime({ ...TIME, source: ['x'], other: [] }, 't.json')).toThrow(/t\.json: unknown key "other"/);
    expect(() => validateTime({ ...TIME, source: ['x'], pastPhrases: [] }, 't.json')).toThrow(/"pastPhrases" must be a non-empty list/);
  });
});
