/**
 * Corpus evaluation of the context stage on the NegEx/ConText gold standard (Chapman, 2,376
 * condition–sentence pairs): `npx tsx test/eval/negex.ts [--json]`.
 *
 * Reads `<repoRoot>/../shared/corpus/negex/rsAnnotations-1-120-random.txt`, runs every row through
 * `contextLine`, and prints precision/recall/F1 per property. Lines whose target cannot be found count
 * as an all-default prediction (affirmed, recent, patient) and are reported. Exits 1 when the corpus is
 * missing, 0 otherwise.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { contextLine } from '../../src/context/command.js';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const shared = path.resolve(repoRoot, '../shared');
const file = path.join(shared, 'corpus/negex/rsAnnotations-1-120-random.txt');

interface Row { line: string; target: string; sentence: string; negation: string; temporality: string; experiencer: string }
interface Prediction { negated: boolean; historical: boolean; hypothetical: boolean; experiencer: string; uncertain: boolean }
interface Counts { tp: number; fp: number; fn: number; tn: number }
interface Score extends Counts { name: string; gold: number; predicted: number; precision: number | null; recall: number | null; f1: number | null }

function readRows(): Row[] {
  if (!existsSync(file)) {
    console.error(`negex eval: gold standard not found at ${file}\n(expected the shared folder next to the repo: ${shared})`);
    process.exit(1);
  }
  return readFileSync(file, 'utf8')
    .split('\n')
    .slice(1)
    .filter((l) => l.trim() !== '')
    .map((l) => {
      const [line = '', target = '', sentence = '', negation = '', temporality = '', experiencer = ''] = l.split('\t');
      return { line, target, sentence, negation: negation.trim(), temporality: temporality.trim(), experiencer: experiencer.trim() };
    });
}

function score(name: string, pairs: Array<[gold: boolean, predicted: boolean]>): Score {
  const c: Counts = { tp: 0, fp: 0, fn: 0, tn: 0 };
  for (const [g, p] of pairs) {
    if (g && p) c.tp++; else if (!g && p) c.fp++; else if (g && !p) c.fn++; else c.tn++;
  }
  const precision = c.tp + c.fp ? c.tp / (c.tp + c.fp) : null;
  const recall = c.tp + c.fn ? c.tp / (c.tp + c.fn) : null;
  const f1 = precision !== null && recall !== null && precision + recall > 0 ? (2 * precision * recall) / (precision + recall) : null;
  return { name, ...c, gold: c.tp + c.fn, predicted: c.tp + c.fp, precision, recall, f1 };
}

const rows = readRows();
const NONE: Prediction = { negated: false, historical: false, hypothetical: false, experiencer: 'patient', uncertain: false };
const notFound: Row[] = [];
const preds = rows.map((row) => {
  const out = JSON.parse(contextLine(JSON.stringify({ text: row.sentence, target: row.target }))) as Prediction & { error?: string };
  if (out.error !== undefined) {
    notFound.push(row);
    return NONE;
  }
  return out;
});

const scores = [
  score('Negated', rows.map((r, i) => [r.negation === 'Negated', preds[i]!.negated])),
  score('Historical', rows.map((r, i) => [r.temporality === 'Historical', preds[i]!.historical])),
  score('Hypothetical (gold "Not particular")', rows.map((r, i) => [r.temporality === 'Not particular', preds[i]!.hypothetical])),
  score('Experiencer other', rows.map((r, i) => [r.experiencer !== 'Patient', preds[i]!.experiencer === 'other'])),
  score('Uncertain vs "Possible"', rows.map((r, i) => [r.negation === 'Possible', preds[i]!.uncertain])),
];
const errors = rows
  .map((r, i) => ({ row: r, gold: r.negation === 'Negated', predicted: preds[i]!.negated }))
  .filter((e) => e.gold !== e.predicted);

if (process.argv.includes('--json')) {
  console.log(JSON.stringify({ file, rows: rows.length, targetNotFound: notFound.length, scores, negationErrors: errors.length }, null, 2));
} else {
  const f = (x: number | null) => (x === null ? '  n/a' : x.toFixed(3));
  console.log(`NegEx gold standard: ${rows.length} rows (${notFound.length} targets not found in their sentence, scored as default)\n`);
  console.log(`${'property'.padEnd(38)} ${'gold'.padStart(5)} ${'pred'.padStart(5)} ${'TP'.padStart(5)} ${'FP'.padStart(5)} ${'FN'.padStart(5)}  prec   rec    F1`);
  for (const s of scores) {
    console.log(`${s.name.padEnd(38)} ${String(s.gold).padStart(5)} ${String(s.predicted).padStart(5)} ${String(s.tp).padStart(5)} ${String(s.fp).padStart(5)} ${String(s.fn).padStart(5)}  ${f(s.precision)} ${f(s.recall)} ${f(s.f1)}`);
  }
  const limit = process.argv.includes('--all') ? Infinity : 20;
  console.log(`\nNegation errors: ${errors.length} (showing ${Math.min(limit, errors.length)})`);
  for (const e of errors.slice(0, limit)) {
    console.log(`  ${e.gold ? 'FN' : 'FP'} #${e.row.line} [${e.row.target}] ${e.row.sentence.replace(/\s+/g, ' ').slice(0, 200)}`);
  }
}
process.exit(0);
