import { describe, expect, it } from 'vitest';
import { tokenize } from '../../src/text/tokens.js';
import { splitSentences } from '../../src/text/sentences.js';

const split = (text: string) => splitSentences(text, tokenize(text)).map((s) => text.slice(s.start, s.end));

describe('splitSentences', () => {
  it('splits at periods', () => {
    expect(split('Pt denies fever. He has CHF.')).toEqual(['Pt denies fever.', 'He has CHF.']);
  });
  it('ends a sentence at a line break in a list', () => {
    expect(split('PMH:\nCHF\nDM2\n\nPlan: diuresis')).toEqual(['PMH:', 'CHF', 'DM2', 'Plan: diuresis']);
  });
  it('keeps a numbered list marker with its item', () => {
    expect(split('1. CHF\n2. Afib')).toEqual(['1. CHF', '2. Afib']);
  });
  it('joins hard-wrapped prose', () => {
    expect(split('He denies chest pain or\nshortness of breath.')).toEqual(['He denies chest pain or\nshortness of breath.']);
  });
  it('does not join lines separated by a blank line', () => {
    expect(split('No fever\n\nchills present')).toEqual(['No fever', 'chills present']);
  });
  it('gives no sentence for empty text', () => {
    expect(split('')).toEqual([]);
  });
});
