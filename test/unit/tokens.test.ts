import { describe, expect, it } from 'vitest';
import { tokenize } from '../../src/text/tokens.js';
import { readQuantities } from '../../src/text/quantities.js';

const words = (text: string) => tokenize(text).filter((t) => t.kind !== 'newline').map((t) => t.text);

describe('tokenize', () => {
  it('gives offsets such that every token is the slice of the input', () => {
    const text = 'PMH: CHF,  DM2\r\n\n67 y/o M c/o b/l knee pain 😀 s/p L TKA.';
    for (const t of tokenize(text)) expect(text.slice(t.start, t.end)).toBe(t.text);
  });
  it('keeps clinical shorthand with slashes whole', () => {
    expect(words('67 y/o c/o b/l pain h/o DM s/p TKA a/c CHF L/R')).toEqual(['67', 'y/o', 'c/o', 'b/l', 'pain', 'h/o', 'DM', 's/p', 'TKA', 'a/c', 'CHF', 'L/R']);
  });
  it('keeps units with slashes whole', () => {
    expect(words('Na 128 mEq/L')).toEqual(['Na', '128', 'mEq/L']);
  });
  it('keeps a stage with its letter and a grade with its plus sign', () => {
    expect(words('CKD stage 3b, CKD3a, 3+ edema')).toEqual(['CKD', 'stage', '3b', ',', 'CKD3a', ',', '3+', 'edema']);
  });
  it('does not merge pieces separated by spaces', () => {
    expect(words('b / l')).toEqual(['b', '/', 'l']);
  });
  it('normalizes periods and case for matching', () => {
    expect(tokenize('C.H.F.')[0]?.norm).toBe('chf');
  });
  it('returns nothing for empty or blank text', () => {
    expect(tokenize('')).toEqual([]);
    expect(tokenize('   ')).toEqual([]);
  });
  it('never throws on lone surrogates and control characters', () => {
    const text = 'a\ud800b\u0000c\u202ed\udfff';
    for (const t of tokenize(text)) expect(text.slice(t.start, t.end)).toBe(t.text);
  });
});

describe('readQuantities', () => {
  const read = (text: string) => readQuantities(text, tokenize(text)).map((q) => `${q.label ?? ''}=${q.values.join('/')}${q.unit ? ` ${q.unit}` : ''}`);
  it('reads a lab value with its unit and label', () => {
    expect(read('Na 128 mEq/L')).toEqual(['na=128 mEq/L']);
  });
  it('reads a percentage and a ratio', () => {
    expect(read('EF 25%, BP 158/92')).toEqual(['ef=25 %', 'bp=158/92']);
  });
  it('reads a label across a colon or "of"', () => {
    expect(read('BMI of 41.2 kg/m2; Hgb: 6.8 g/dL')).toEqual(['bmi=41.2 kg/m2', 'hgb=6.8 g/dL']);
  });
});

describe('tokenize at the end of a sentence', () => {
  it('keeps a stage letter apart from the period that ends the sentence', () => {
    expect(words('CKD stage 3a. Next')).toEqual(['CKD', 'stage', '3a', '.', 'Next']);
  });
});

describe('tokenize is deterministic', () => {
  it('gives the same tokens for a possessive the first time and after (wink learns new words)', () => {
    const text = "history of Quxbarnik's disease";
    const first = tokenize(text).map((t) => t.text);
    const second = tokenize(text).map((t) => t.text);
    expect(first).toEqual(["history", "of", "Quxbarnik's", "disease"]);
    expect(second).toEqual(first);
  });
});
