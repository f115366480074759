/**
 * Does compromise earn its place? Its reading of verb tense and dates, added to the engine's own
 * time reading (src/context/time.ts), scored on the historical labels of the NegEx gold standard
 * (2,376 sentence-target pairs; "Historical" temporality), with the time each reading costs.
 *
 *   npx tsx test/eval/compromise.ts      (needs compromise installed: npm i --no-save compromise)
 *
 * Readings compared, each OR-ed onto ConText's historical triggers (what `npm run negex` scores):
 *   time      the engine's time reading of the sentence (dates, years, "years ago", life stages, ...)
 *   +tense    time, or compromise tags a past-tense verb in the sentence
 *   +date     time, or compromise finds a past-tense verb and a #Date in the sentence
 * Rows are all pairs, then those whose target is an episodic condition word (the time item's use).
 */
import { readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { findTarget } from '../../src/context/command.js';
import { assertContext } from '../../src/context/assert.js';
import { pastCueAt } from '../../src/context/time.js';
import { sharedPath } from '../support/shared.js';

let nlp: (text: string) => { has: (m: string) => boolean };
try {
  nlp = (await import('compromise' as string)).default;
} catch {
  console.error('compromise is not installed (it is not a dependency of cdi-lint): npm i --no-save compromise, then rerun.');
  process.exit(1);
}

const EPISODIC = /pneumonia|infection|uti|sepsis|fracture|stroke|cva|infarction|mi\b|dvt|thrombosis|embol|bleed|hemorrhage|cellulitis|abscess|failure|injury/i;
const rows = readFileSync(sharedPath('corpus/negex/rsAnnotations-1-120-random.txt'), 'utf8').split('\n').slice(1).filter((l) => l.trim()).map((l) => {
  const [, target = '', sentence = '', , temporality = ''] = l.split('\t');
  return { target, sentence, historical: temporality.trim() === 'Historical' };
});

function timePast(sentence: string, target: string): boolean {
  const span = findTarget(sentence, target);
  return span !== null && pastCueAt(sentence, span.start) !== undefined;
}

type Reading = 'context' | 'time' | '+tense' | '+date';
const READINGS: Reading[] = ['context', 'time', '+tense', '+date'];
const predictions = new Map<Reading, boolean[]>(READINGS.map((r) => [r, []]));
let timeMs = 0;
let nlpMs = 0;
for (const row of rows) {
  // ConText alone (contextLine adds the time reading since this measurement; take it out here).
  const span = findTarget(row.sentence, row.target);
  const context = span !== null && assertContext(row.sentence, { start: 0, end: row.sentence.length }, span).historical;
  let t = performance.now();
  const time = context || timePast(row.sentence, row.target);
  timeMs += performance.now() - t;
  t = performance.now();
  const doc = nlp(row.sentence);
  const past = doc.has('#PastTense');
  const date = doc.has('#Date');
  nlpMs += performance.now() - t;
  predictions.get('context')!.push(context);
  predictions.get('time')!.push(time);
  predictions.get('+tense')!.push(time || past);
  predictions.get('+date')!.push(time || (past && date));
}

function score(pick: (i: number) => boolean, reading: Reading) {
  let tp = 0, fp = 0, fn = 0, n = 0;
  rows.forEach((row, i) => {
    if (!pick(i)) return;
    n++;
    const p = predictions.get(reading)![i]!;
    if (p && row.historical) tp++; else if (p) fp++; else if (row.historical) fn++;
  });
  const precision = tp + fp ? tp / (tp + fp) : 0;
  const recall = tp + fn ? tp / (tp + fn) : 0;
  return { n, tp, fp, fn, precision, recall, f1: precision + recall ? (2 * precision * recall) / (precision + recall) : 0 };
}

const f = (x: number) => x.toFixed(3);
for (const [name, pick] of [['all pairs', () => true], ['episodic-condition targets', (i: number) => EPISODIC.test(rows[i]!.target)]] as const) {
  console.log(`\n${name}`);
  console.log('| reading | rows | TP | FP | FN | precision | recall | F1 |\n|---|---:|---:|---:|---:|---:|---:|---:|');
  for (const r of READINGS) {
    const s = score(pick, r);
    console.log(`| ${r} | ${s.n} | ${s.tp} | ${s.fp} | ${s.fn} | ${f(s.precision)} | ${f(s.recall)} | ${f(s.f1)} |`);
  }
}
console.log(`\ntime per sentence: engine time reading ${(timeMs / rows.length).toFixed(3)} ms; compromise nlp() ${(nlpMs / rows.length).toFixed(3)} ms (median not taken: totals / ${rows.length})`);
