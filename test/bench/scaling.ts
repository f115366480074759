/**
 * `npx tsx test/bench/scaling.ts [--quick]`: how analysis time grows with the length of a note.
 *
 * Prints a Markdown table of the median time per KB at 1 KB, 10 KB, 100 KB and 1 MB for real
 * development-set notes (shared/eval/dev/notes, concatenated) and for hostile shapes (one line with
 * no space, short lines, a run-on sentence of context triggers and mentions, random UTF-16 code
 * units), with the ratio of time per KB at 1 MB to that at 1 KB. A linear engine keeps the ratio
 * near 1 (below 1 where a fixed cost per call dominates small notes); the test that asserts a bound
 * is test/property/linear-time.test.ts.
 */
import { analyze } from '../../src/analyze.js';
import { oneLongLine, randomCodeUnits, realNotes, shortLines, triggerRunOn } from '../property/texts.js';

const quick = process.argv.includes('--quick');

const SIZES: ReadonlyArray<{ label: string; length: number; runs: number; batch: number }> = [
  { label: '1 KB', length: 1024, runs: quick ? 5 : 31, batch: 50 },
  { label: '10 KB', length: 10 * 1024, runs: quick ? 5 : 21, batch: 10 },
  { label: '100 KB', length: 100 * 1024, runs: quick ? 3 : 11, batch: 1 },
  { label: '1 MB', length: 1024 * 1024, runs: quick ? 1 : 5, batch: 1 },
];

const SHAPES: ReadonlyArray<{ name: string; make: (length: number) => string }> = [
  { name: 'real notes (dev set)', make: realNotes },
  { name: 'one line, no space (`CHF,s/p-CABG,h/o.DM2;knee-OA/`…)', make: oneLongLine },
  { name: 'short lines (4 characters on average)', make: shortLines },
  { name: 'run-on sentence of triggers and mentions', make: triggerRunOn },
  { name: 'random UTF-16 code units', make: (length) => randomCodeUnits(length) },
];

function median(xs: readonly number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}

/** Median time per KB (ms) of analysing `text`, over `runs` timings of `batch` analyses each. */
function msPerKB(text: string, runs: number, batch: number): number {
  for (let i = 0; i < batch; i++) analyze(text); // warm-up
  const perKB: number[] = [];
  for (let r = 0; r < runs; r++) {
    const t0 = performance.now();
    for (let i = 0; i < batch; i++) analyze(text);
    perKB.push((performance.now() - t0) / batch / (text.length / 1024));
  }
  return median(perKB);
}

analyze('warm up: CHF'); // builds the knowledge base once
const rows = [
  `| input | ${SIZES.map((s) => s.label).join(' | ')} | 1 MB / 1 KB |`,
  `|---|${SIZES.map(() => '---:|').join('')}---:|`,
];
for (const shape of SHAPES) {
  const perKB = SIZES.map((size) => msPerKB(shape.make(size.length), size.runs, size.batch));
  const cells = perKB.map((x) => x.toFixed(3));
  rows.push(`| ${shape.name} | ${cells.join(' | ')} | ${(perKB.at(-1)! / perKB[0]!).toFixed(2)}× |`);
}
console.log(`Time per KB (ms, median; runs at 1 KB / 10 KB / 100 KB / 1 MB: ${SIZES.map((s) => s.runs).join(' / ')}), Node ${process.version}\n`);
console.log(rows.join('\n'));
