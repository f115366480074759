/**
 * Accuracy of `missing-specificity` on the labelled development set (shared/eval/dev), scored as
 * shared/eval/GUIDE.md says: per note, the set of (family, axis) pairs; micro precision, recall
 * and F1 over all notes, and per family. Prints every false positive and false negative with its
 * evidence so each error can be read.
 *
 *   npx tsx test/eval/dev.ts [--family F] [--covered] [--json] [--quiet]
 *
 * --covered scores only the families the engine has rules for (labels of other families are left
 * out of the recall). The rules are read from src/knowledge/families on disk.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createAnalyzer } from '../../src/analyze.js';
import { compileKnowledge } from '../../src/rules/knowledge.js';
import { familyFilesOnDisk } from '../support/families.js';
import { sharedPath } from '../support/shared.js';

interface Label { family: string; axis: string; evidence: string }
interface NoteLabels { id: string; gaps: Label[]; specific?: Label[] }

const args = process.argv.slice(2);
const only = args.includes('--family') ? args[args.indexOf('--family') + 1] : undefined;
const json = args.includes('--json');
const quiet = args.includes('--quiet');
const coveredOnly = args.includes('--covered');

const kb = compileKnowledge(familyFilesOnDisk());
const analyzer = createAnalyzer(kb);
const covered = new Set<string>(kb.families.keys());
const dir = sharedPath('eval/dev');
const labels: NoteLabels[] = readFileSync(join(dir, 'labels.jsonl'), 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l));

const counts = new Map<string, { tp: number; fp: number; fn: number }>();
const bump = (family: string, k: 'tp' | 'fp' | 'fn') => {
  const c = counts.get(family) ?? { tp: 0, fp: 0, fn: 0 };
  c[k]++;
  counts.set(family, c);
};
const errors: string[] = [];
const inScope = (family: string) => (!only || family === only) && (!coveredOnly || covered.has(family));

for (const note of labels) {
  const text = readFileSync(join(dir, 'notes', `${note.id}.txt`), 'utf8');
  const findings = analyzer(text).findings.filter((f) => f.kind === 'missing-specificity' && f.family !== null && inScope(f.family));
  const predicted = new Map<string, string>();
  for (const f of findings) for (const axis of f.axes) predicted.set(`${f.family}/${axis}`, `"${f.text}" @${f.start} [${f.section}]`);
  const gold = new Map<string, string>();
  for (const g of note.gaps) if (inScope(g.family)) gold.set(`${g.family}/${g.axis}`, g.evidence);
  for (const [pair, evidence] of predicted) {
    const family = pair.split('/')[0]!;
    if (gold.has(pair)) bump(family, 'tp');
    else {
      bump(family, 'fp');
      const spec = note.specific?.find((s) => `${s.family}/${s.axis}` === pair);
      errors.push(`FP ${note.id} ${pair}: ${evidence}${spec ? ` (labelled specific: "${spec.evidence}")` : ''}`);
    }
  }
  for (const [pair, evidence] of gold) {
    if (!predicted.has(pair)) {
      bump(pair.split('/')[0]!, 'fn');
      errors.push(`FN ${note.id} ${pair}: "${evidence}"`);
    }
  }
}

const total = { tp: 0, fp: 0, fn: 0 };
for (const c of counts.values()) { total.tp += c.tp; total.fp += c.fp; total.fn += c.fn; }
const prf = (c: { tp: number; fp: number; fn: number }) => {
  const p = c.tp + c.fp ? c.tp / (c.tp + c.fp) : 1;
  const r = c.tp + c.fn ? c.tp / (c.tp + c.fn) : 1;
  return { precision: p, recall: r, f1: p + r ? (2 * p * r) / (p + r) : 0 };
};

if (json) {
  console.log(JSON.stringify({ notes: labels.length, micro: { ...total, ...prf(total) }, families: Object.fromEntries([...counts].map(([f, c]) => [f, { ...c, ...prf(c) }])) }));
} else {
  const fmt = (x: number) => x.toFixed(3);
  console.log(`dev set: ${labels.length} notes; families with rules: ${covered.size}${coveredOnly ? ' (scoring only those)' : ''}${only ? `; family ${only}` : ''}`);
  console.log('| family | TP | FP | FN | precision | recall | F1 |');
  console.log('|---|---:|---:|---:|---:|---:|---:|');
  for (const [family, c] of [...counts].sort()) {
    const m = prf(c);
    console.log(`| ${family}${covered.has(family) ? '' : ' (no rule yet)'} | ${c.tp} | ${c.fp} | ${c.fn} | ${fmt(m.precision)} | ${fmt(m.recall)} | ${fmt(m.f1)} |`);
  }
  const m = prf(total);
  console.log(`| **micro** | ${total.tp} | ${total.fp} | ${total.fn} | ${fmt(m.precision)} | ${fmt(m.recall)} | ${fmt(m.f1)} |`);
  if (!quiet) {
    console.log('\nErrors:');
    for (const e of errors.sort()) console.log(`  ${e}`);
  }
}
