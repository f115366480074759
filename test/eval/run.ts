/**
 * `npm run eval`: accuracy of `missing-specificity` on the development set (in-sample: rules are
 * written against it) and the validation set (out-of-sample: it measures whether they generalise),
 * side by side, for the default output (high-confidence findings) and for `--all` (low-confidence
 * included). Per family, then every error with its evidence.
 *
 *   npx tsx test/eval/run.ts [--family F] [--set dev|validation] [--output default|all] [--json] [--quiet]
 *
 * The rules are read from src/knowledge/families on disk.
 */
import { createAnalyzer } from '../../src/analyze.js';
import { compileKnowledge } from '../../src/rules/knowledge.js';
import type { Finding } from '../../src/types.js';
import { familyFilesOnDisk } from '../support/families.js';
import { sharedPath } from '../support/shared.js';
import { prf, readSet, scoreSet, type Counts, type Output, type SetScore } from './score.js';

const args = process.argv.slice(2);
const option = (name: string) => (args.includes(name) ? args[args.indexOf(name) + 1] : undefined);
const only = option('--family');
const onlySet = option('--set');
const onlyOutput = option('--output') as Output | undefined;
const json = args.includes('--json');
const quiet = args.includes('--quiet');

const analyzer = createAnalyzer(compileKnowledge(familyFilesOnDisk()));
const SETS = ['dev', 'validation'].filter((s) => !onlySet || s === onlySet);
const OUTPUTS: Output[] = (['default', 'all'] as const).filter((o) => !onlyOutput || o === onlyOutput);
const inScope = (family: string) => !only || family === only;

const scores = new Map<string, SetScore>();
for (const set of SETS) {
  const notes = readSet(sharedPath('eval', set));
  const cache = new Map<string, Finding[]>();
  for (const output of OUTPUTS) scores.set(`${set}/${output}`, scoreSet(analyzer, notes, output, inScope, cache));
}

const fmt = (x: number) => x.toFixed(3);
const cell = (c: Counts | undefined) => {
  if (!c) return ' | | | |';
  const m = prf(c);
  return ` ${c.tp} | ${c.fp} | ${c.fn} | ${fmt(m.precision)} | ${fmt(m.recall)} |`;
};

if (json) {
  const out: Record<string, unknown> = {};
  for (const [key, s] of scores) out[key] = { notes: s.notes, micro: { ...s.micro, ...prf(s.micro) }, families: Object.fromEntries([...s.families].map(([f, c]) => [f, { ...c, ...prf(c) }])) };
  console.log(JSON.stringify(out));
} else {
  for (const output of OUTPUTS) {
    console.log(`\n## ${output === 'default' ? 'Default output (high confidence)' : '--all (low confidence included)'}${only ? `, family ${only}` : ''}\n`);
    const head = SETS.map((s) => `${s} TP | FP | FN | P | R |`).join(' ');
    console.log(`| family | ${head}`);
    console.log(`|---|${SETS.map(() => '---:|---:|---:|---:|---:|').join('')}`);
    const families = new Set<string>();
    for (const set of SETS) for (const f of scores.get(`${set}/${output}`)!.families.keys()) families.add(f);
    for (const family of [...families].sort()) {
      console.log(`| ${family} |${SETS.map((s) => cell(scores.get(`${s}/${output}`)!.families.get(family))).join('')}`);
    }
    console.log(`| **micro** |${SETS.map((s) => cell(scores.get(`${s}/${output}`)!.micro)).join('')}`);
  }
  console.log('\nSummary:');
  for (const [key, s] of scores) {
    const m = prf(s.micro);
    console.log(`  ${key.padEnd(20)} notes ${s.notes}  TP ${s.micro.tp}  FP ${s.micro.fp}  FN ${s.micro.fn}  P ${fmt(m.precision)}  R ${fmt(m.recall)}  F1 ${fmt(m.f1)}`);
  }
  if (!quiet) {
    for (const [key, s] of scores) {
      if (s.errors.length === 0) continue;
      console.log(`\nErrors, ${key}:`);
      for (const e of s.errors) console.log(`  ${e}`);
    }
  }
}
