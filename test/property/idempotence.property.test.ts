/**
 * Idempotence: the analysis of a text does not depend on what was analysed before it.
 *
 * wink-nlp's tokenizer keeps a vocabulary that grows with every word it reads, and it tokenizes a
 * known word differently from an unknown one (a possessive "Alzheimer's" was split the first time
 * and kept whole once it had met "Alzheimer's." with a period). Each case analyses A, then a B that
 * teaches the tokenizer A's new words, then A again, and requires the two analyses of A to be
 * identical.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { analyze } from '../../src/analyze.js';
import { clinicalText, hostileText, novelWords } from './arbitraries.js';

const SEED = 20_260_102;

/**
 * A pair of notes (A, B) that share words the tokenizer has not met: A uses them as possessives
 * inside clinical text ("acute Qorvex's CHF"), B ends them with punctuation ("Qorvex's."), the form
 * that makes wink learn the possessive as one word.
 */
const notePair = fc
  .record({
    stems: fc.uniqueArray(fc.stringMatching(/^[A-Z][a-z]{4,9}$/), { minLength: 1, maxLength: 4 }),
    suffix: fc.constantFrom('\'s', '’s', '\'S'),
    every: fc.integer({ min: 1, max: 6 }),
    a: fc.oneof(clinicalText, hostileText),
    b: fc.oneof(clinicalText, hostileText),
    more: novelWords,
  })
  .map(({ stems, suffix, every, a, b, more }) => {
    const possessive = (i: number) => stems[i % stems.length]! + suffix;
    const words = a.split(' ');
    const textA = words.map((w, i) => (i % every === 0 ? `${w} ${possessive(i)}` : w)).join(' ');
    const textB = `${b}\n${more}\n${stems.map((s) => `${s}${suffix}. (${s}${suffix}), ${s}${suffix};`).join(' ')}`;
    return [textA, textB] as const;
  });

describe('analyze twice', () => {
  it('gives identical results for A before and after analysing another text B (300 cases)', () => {
    fc.assert(
      fc.property(notePair, ([a, b]) => {
        const first = analyze(a);
        analyze(b);
        expect(analyze(a)).toEqual(first);
      }),
      {
        seed: SEED,
        numRuns: 300,
        examples: [
          [['PMH: Alzheimer\'s dementia, knee OA.', 'Alzheimer\'s.']],
          [['Quxbarnik\'s disease with acute CHF', 'Quxbarnik\'s, Quxbarnik\'s.']],
        ],
      },
    );
  });

  it('gives identical results for the same text analysed ten times in a row (100 cases)', () => {
    fc.assert(
      fc.property(notePair, ([a]) => {
        const first = JSON.stringify(analyze(a));
        for (let i = 0; i < 9; i++) expect(JSON.stringify(analyze(a))).toBe(first);
      }),
      { seed: SEED, numRuns: 100 },
    );
  });
});
