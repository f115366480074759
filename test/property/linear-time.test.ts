/**
 * Analysis time grows linearly with the length of the note: no catastrophic regex backtracking,
 * no cost of triggers × mentions in a long sentence, no quadratic tokenizing of a long word.
 *
 * Only a ratio measured in this process is asserted, never an absolute time: the time per KB of a
 * 1 MB note may be at most 6× that of a 10 KB note of the same shape (a quadratic stage would make
 * it about 100×). The 10 KB and 1 MB runs are interleaved so that machine noise hits both alike;
 * each figure is a median. The measured times, and more shapes, are in `test/bench/scaling.ts`.
 */
import { describe, expect, it } from 'vitest';
import { analyze } from '../../src/analyze.js';
import { oneLongLine, realNotes, triggerRunOn } from './texts.js';

const SMALL = 10 * 1024;
const LARGE = 1024 * 1024;
const MAX_RATIO = 6;
/** Large runs per shape; each is paired with a batch of small runs. */
const ROUNDS = 3;
const SMALL_BATCH = 5;

function median(xs: readonly number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}

/** Time per KB of the large text over time per KB of the small one (medians, interleaved). */
function slowdown(make: (length: number) => string): number {
  const small = make(SMALL);
  const large = make(LARGE);
  for (let i = 0; i < SMALL_BATCH; i++) analyze(small); // warm up the code paths this shape takes
  const smallPerKB: number[] = [];
  const largePerKB: number[] = [];
  for (let round = 0; round < ROUNDS; round++) {
    for (let i = 0; i < SMALL_BATCH; i++) {
      const t0 = performance.now();
      analyze(small);
      smallPerKB.push((performance.now() - t0) / (SMALL / 1024));
    }
    const t0 = performance.now();
    analyze(large);
    largePerKB.push((performance.now() - t0) / (LARGE / 1024));
  }
  return median(largePerKB) / median(smallPerKB);
}

describe('analysis time per KB at 1 MB against 10 KB', () => {
  it.each([
    ['real notes', realNotes],
    ['one line with no space', oneLongLine],
    ['one run-on sentence of triggers and mentions', triggerRunOn],
  ])(`is at most ${MAX_RATIO}× for %s (${ROUNDS} runs at 1 MB, ${ROUNDS * SMALL_BATCH} at 10 KB)`, { timeout: 120_000 }, (_, make) => {
    expect(slowdown(make)).toBeLessThanOrEqual(MAX_RATIO);
  });
});
