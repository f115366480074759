/**
 * Property tests: `analyze` is total on any string and keeps its span contract
 * (`text === input.slice(start, end)`, every span inside the text). Fixed seeds, so a failure
 * reproduces; each test names how many cases it generates.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { analyze } from '../../src/analyze.js';
import { tokenize } from '../../src/text/tokens.js';
import { clinicalText, codeUnitText, hostileText, spanProblems } from './arbitraries.js';

const SEED = 20_260_101;

/** Checks the span contract of both settings' analyses of each generated text. */
function keepsSpanContract(arbitrary: fc.Arbitrary<string>, numRuns: number): void {
  fc.assert(
    fc.property(arbitrary, (text) => {
      expect(spanProblems(text, analyze(text))).toEqual([]);
      expect(spanProblems(text, analyze(text, { setting: 'outpatient' }))).toEqual([]);
    }),
    { seed: SEED, numRuns },
  );
}

describe('analyze on generated text', () => {
  it('never throws and keeps every span inside arbitrary Unicode text (300 cases)', () => {
    keepsSpanContract(fc.string({ unit: 'binary', maxLength: 2000, size: 'max' }), 300);
  });

  it('never throws and keeps every span inside random UTF-16 code units, lone surrogates included (300 cases)', () => {
    keepsSpanContract(codeUnitText, 300);
  });

  it('never throws and keeps every span inside clinical text mixed with controls, bidi marks, emoji and markup (300 cases)', () => {
    keepsSpanContract(hostileText, 300);
  });

  it('never throws and keeps every span inside clinical-looking text (400 cases)', () => {
    keepsSpanContract(clinicalText, 400);
  });

  it('finds conditions in most clinical-looking texts, negated ones in many, so the properties above reach the rules (200 cases)', () => {
    const analyses = fc.sample(clinicalText, { seed: SEED, numRuns: 200 }).map((text) => analyze(text));
    expect(analyses.filter((a) => a.findings.length > 0).length).toBeGreaterThan(120);
    expect(analyses.filter((a) => a.mentions.some((m) => m.assertion.negated)).length).toBeGreaterThan(50);
  });
});

describe('tokenize on generated text', () => {
  it('gives ordered, non-overlapping tokens whose text is the slice of the input (300 cases)', () => {
    const text = fc.oneof(hostileText, codeUnitText, fc.string({ unit: 'binary', maxLength: 2000, size: 'max' }));
    fc.assert(
      fc.property(text, (input) => {
        let previousEnd = 0;
        for (const t of tokenize(input)) {
          expect(t.start).toBeGreaterThanOrEqual(previousEnd);
          expect(t.end).toBeGreaterThan(t.start);
          expect(input.slice(t.start, t.end)).toBe(t.text);
          previousEnd = t.end;
        }
      }),
      { seed: SEED, numRuns: 300 },
    );
  });

  it('cuts a run longer than 128 characters with no space into pieces, keeping every character of it (200 cases)', () => {
    const run = fc.string({ unit: fc.constantFrom('a', 'Z', '-', '/', '.', ',', '(', '\'', '1', '😀', 'é', '\u0301'), minLength: 129, maxLength: 3000 });
    fc.assert(
      fc.property(run, (input) => {
        const tokens = tokenize(input);
        expect(tokens.map((t) => t.text).join('')).toBe(input);
        expect(tokens.every((t, i) => t.start === (tokens[i - 1]?.end ?? 0))).toBe(true);
      }),
      { seed: SEED, numRuns: 200 },
    );
  });
});
