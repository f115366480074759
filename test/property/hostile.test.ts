/**
 * Fixed hostile inputs: empty and blank notes, megabytes of text, 100,000 lines, one 200 KB line,
 * every context trigger and every family phrase repeated, deep nesting. Each must be analysed
 * without throwing and with every span inside the text. Timing is the business of
 * `linear-time.test.ts` and `test/bench/scaling.ts`; the timeouts here only stop a hang.
 */
import { describe, expect, it } from 'vitest';
import { analyze } from '../../src/analyze.js';
import triggersFile from '../../src/knowledge/context/triggers.json';
import { FAMILY_PHRASES, TRIGGER_LITERALS, spanProblems } from './arbitraries.js';
import { randomCodeUnits, realNotes } from './texts.js';

const SLOW = { timeout: 60_000 };

/** Analyses `text` and returns the analysis after checking the span contract. */
function analyzeChecked(text: string) {
  const analysis = analyze(text);
  expect(spanProblems(text, analysis)).toEqual([]);
  return analysis;
}

describe('analyze on blank input', () => {
  it('gives an empty analysis for the empty string', () => {
    const { findings, mentions, quantities } = analyzeChecked('');
    expect({ findings, mentions, quantities }).toEqual({ findings: [], mentions: [], quantities: [] });
  });

  it('gives no findings for whitespace only, odd spaces included', () => {
    expect(analyzeChecked(' \t\r\n\n   \u00a0\u2002\u2009\u202f\u3000\u200b\ufeff\n'.repeat(1000)).findings).toEqual([]);
  });
});

describe('analyze on huge input', () => {
  it('keeps every span inside 1 MB of real notes', SLOW, () => {
    expect(analyzeChecked(realNotes(1 << 20)).findings.length).toBeGreaterThan(0);
  });

  it('keeps every span inside 1 MB of random UTF-16 code units', SLOW, () => {
    analyzeChecked(randomCodeUnits(1 << 20));
  });

  it('reads 100,000 short lines of "CHF" as one finding with 100,000 mentions', SLOW, () => {
    const { findings } = analyzeChecked('CHF\n'.repeat(100_000));
    expect(findings.map((f) => [f.family, f.mentions.length])).toEqual([['heart-failure', 100_000]]);
  });

  it('keeps every span inside 100,000 short lines of markers, numbers and fragments', SLOW, () => {
    const lines = ['1.', '-', 'x', '', 'PMH:', 'no', '3+', 'CKD 3b', ':', '.', 'A/P:', '\t'];
    analyzeChecked(Array.from({ length: 100_000 }, (_, i) => lines[i % lines.length]).join('\n'));
  });
});

describe('analyze on one 200 KB line with no space', () => {
  const line = (unit: string) => unit.repeat(Math.ceil(200_000 / unit.length));

  it.each(['a', '-', 'a/', 'C.H.F.', '👨‍👩‍👧‍👦', 'x\u0301', '\ud800', '<b>'])(
    'keeps every span inside a line of %j repeated',
    (unit) => {
      analyzeChecked(line(unit));
    },
  );

  it('still finds every CHF of a comma list written without spaces', () => {
    expect(analyzeChecked(line('CHF,')).mentions).toHaveLength(50_000);
  });
});

describe('analyze on repeated context triggers', () => {
  it(`keeps every span inside each of the ${TRIGGER_LITERALS.length} trigger literals repeated 200 times before a mention`, SLOW, () => {
    for (const literal of TRIGGER_LITERALS) analyzeChecked(`${literal} CHF `.repeat(200));
  });

  // One trigger of each category and direction, 10,000 times in one run-on sentence: the scope
  // resolution and the per-mention assertion must not cost triggers × mentions.
  const representatives = new Map<string, string>();
  for (const t of triggersFile.triggers) {
    const key = `${t.category ?? 'all'}/${t.direction}`;
    if (!representatives.has(key)) representatives.set(key, t.literal);
  }
  it.each([...representatives])('keeps every span inside the %s trigger "%s" repeated 10,000 times, alone and around mentions', SLOW, (_, literal) => {
    analyzeChecked(`${literal} CHF `.repeat(10_000));
    analyzeChecked(`${literal} `.repeat(10_000));
  });
});

describe('analyze on repeated family phrases', () => {
  it.each([...FAMILY_PHRASES.keys()])('keeps every span inside each %s term and value phrase repeated 10 times in one run-on', SLOW, (family) => {
    const phrases = FAMILY_PHRASES.get(family)!;
    const analysis = analyzeChecked(phrases.map((p) => `${p} `.repeat(10)).join(''));
    expect(analysis.mentions.length).toBeGreaterThan(0);
  });
});

describe('analyze on deep nesting', () => {
  it.each([
    ['brackets', '('.repeat(50_000) + 'CHF' + ')'.repeat(50_000)],
    ['mixed brackets', '([{<'.repeat(12_500) + 'acute CHF' + '>}])'.repeat(12_500)],
    ['quotes', '"\''.repeat(25_000) + 'CHF' + '\'"'.repeat(25_000)],
    ['spaced quotes', '" \' “ ‘ '.repeat(10_000) + 'no CHF' + ' ’ ” \' "'.repeat(10_000)],
    ['unbalanced brackets', '(['.repeat(50_000) + 'CHF'],
    ['markup', '<div>'.repeat(10_000) + 'CHF' + '</div>'.repeat(10_000)],
  ])('keeps every span inside nested %s', (_, text) => {
    analyzeChecked(text);
  });
});
