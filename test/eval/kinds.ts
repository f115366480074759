/**
 * Precision of the finding kinds that have no labelled set (`vague-term`, `undocumented-condition`,
 * `conflict`), judged by hand. Runs the engine (inpatient, as the command line does by default)
 * over every MTSamples note (../shared/corpus/mtsamples, read exactly as shared/eval/notes.py
 * prints it), lists each such finding with its note id, evidence, sentence and query options, and
 * scores the findings against the hand judgements stored in test/eval/kinds-judgements.jsonl.
 *
 *   npx tsx test/eval/kinds.ts                       list every finding of the three kinds
 *   npx tsx test/eval/kinds.ts --sample 100 --seed 7 a seeded random sample of them
 *   npx tsx test/eval/kinds.ts --score [--file F]    precision per kind from the judgements
 *   npx tsx test/eval/kinds.ts --unjudged            only the findings with no judgement yet
 *   npx tsx test/eval/kinds.ts --json                one JSON object per finding
 *   --corpus aci                                     the ACI-BENCH notes instead (a second, unseen corpus)
 *   --kind missing-specificity                       other kinds (comma-separated; default the three above)
 *   --unseen                                         leave out the notes of the dev and validation sets
 *
 * A judgement is one JSON line: {"note", "kind", "rule", "start", "text", "verdict", "reason"},
 * where verdict is `right` (a careful CDI specialist would send this query for this patient now),
 * `right-query-misleads` (right finding, but the likely answer is missing from the options or an
 * option contradicts what is written) or `wrong`. A finding is matched to its judgement by note,
 * rule, start and text. `--score` counts right and right-query-misleads as correct, and reports the
 * findings of the run that no judgement covers, so a figure never silently rests on part of the run.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { analyze } from '../../src/analyze.js';
import { draftQuery } from '../../src/queries/draft.js';
import type { Finding } from '../../src/types.js';
import { ROOT, sharedPath } from '../support/shared.js';

const ALL_KINDS = ['vague-term', 'undocumented-condition', 'conflict', 'missing-specificity'] as const;
type Kind = (typeof ALL_KINDS)[number];
type Verdict = 'right' | 'right-query-misleads' | 'wrong';

interface Listed {
  note: string;
  kind: Kind;
  rule: string;
  start: number;
  text: string;
  sentence: string;
  message: string;
  options: string[];
  mentions: string[];
}

interface Judgement {
  note: string;
  kind: Kind;
  rule: string;
  start: number;
  text: string;
  verdict: Verdict;
  reason: string;
}

const args = process.argv.slice(2);
const flag = (name: string) => args.includes(name);
const value = (name: string) => (args.includes(name) ? args[args.indexOf(name) + 1] : undefined);
const CORPUS = value('--corpus') ?? 'mtsamples';
if (CORPUS !== 'mtsamples' && CORPUS !== 'aci') throw new Error('--corpus must be mtsamples or aci');
const PREFIX = CORPUS === 'aci' ? 'aci-' : 'mts-';
/** `--kind K[,K]`: the kinds listed and scored (default: the three without a labelled set). */
const KINDS: readonly Kind[] = (value('--kind')?.split(',') ?? ['vague-term', 'undocumented-condition', 'conflict']).map((k) => {
  if (!(ALL_KINDS as readonly string[]).includes(k)) throw new Error(`--kind: unknown kind ${k} (${ALL_KINDS.join(', ')})`);
  return k as Kind;
});
/** `--unseen`: leave out the notes of the development and validation sets (out-of-sample figures). */
const UNSEEN = flag('--unseen');
const DEFAULT_FILE = join(ROOT, CORPUS === 'aci' ? 'test/eval/kinds-judgements-aci.jsonl' : 'test/eval/kinds-judgements.jsonl');

/** Every MTSamples note as shared/eval/notes.py prints it (one Python run for all of them). */
function loadNotes(): Array<[string, string]> {
  const dir = sharedPath('eval');
  sharedPath('corpus/mtsamples/mtsamples.csv');
  const script = [
    'import json, sys',
    `sys.path.insert(0, ${JSON.stringify(dir)})`,
    'import notes',
    `print(json.dumps([[k, v] for k, v in notes.load().items() if k.startswith(${JSON.stringify(PREFIX)})]))`,
  ].join('\n');
  const out = execFileSync('python3', ['-c', script], { encoding: 'utf8', maxBuffer: 1 << 30 });
  return JSON.parse(out) as Array<[string, string]>;
}

/** The line of the note around a span, trimmed to about 240 characters. */
function sentenceOf(text: string, start: number, end: number): string {
  const lineStart = text.lastIndexOf('\n', start - 1) + 1;
  let lineEnd = text.indexOf('\n', end);
  if (lineEnd < 0) lineEnd = text.length;
  const from = Math.max(lineStart, start - 160);
  const to = Math.min(lineEnd, end + 120);
  return `${from > lineStart ? '…' : ''}${text.slice(from, to)}${to < lineEnd ? '…' : ''}`.replace(/\s+/g, ' ');
}

/** The note ids of the labelled sets (shared/eval/dev and validation). */
function labelledIds(): Set<string> {
  const ids = new Set<string>();
  for (const set of ['dev', 'validation']) {
    for (const line of readFileSync(sharedPath(`eval/${set}/labels.jsonl`), 'utf8').split('\n')) {
      if (line.trim()) ids.add((JSON.parse(line) as { id: string }).id);
    }
  }
  return ids;
}

function list(): Listed[] {
  const out: Listed[] = [];
  const skip = UNSEEN ? labelledIds() : new Set<string>();
  for (const [id, text] of loadNotes()) {
    if (skip.has(id)) continue;
    const analysis = analyze(text);
    for (const f of analysis.findings) {
      if (!(KINDS as readonly string[]).includes(f.kind)) continue;
      out.push(describe(id, text, f, analysis));
    }
  }
  return out;
}

function describe(id: string, text: string, f: Finding, analysis: ReturnType<typeof analyze>): Listed {
  let options: string[];
  try {
    options = draftQuery(f, text, { analysis }).items.flatMap((i) => i.options.map((o) => o.label));
  } catch (error) {
    options = [`QUERY ERROR: ${error instanceof Error ? error.message : String(error)}`];
  }
  return {
    note: id, kind: f.kind as Kind, rule: f.rule, start: f.start, text: f.text,
    sentence: sentenceOf(text, f.start, f.end), message: f.message, options,
    mentions: f.mentions.map((m) => text.slice(m.start, m.end).replace(/\s+/g, ' ')),
  };
}

const keyOf = (x: { note: string; rule: string; start: number; text: string }) => `${x.note}|${x.rule}|${x.start}|${x.text}`;

function readJudgements(file: string): Judgement[] {
  if (!existsSync(file)) return [];
  return readFileSync(file, 'utf8').split('\n').filter((l) => l.trim() !== '').map((l, i) => {
    const j = JSON.parse(l) as Judgement;
    if (!['right', 'right-query-misleads', 'wrong'].includes(j.verdict)) throw new Error(`${file}:${i + 1}: verdict must be right, right-query-misleads or wrong`);
    return j;
  });
}

/** A seeded shuffle (mulberry32), so a sample is the same on every run. */
function sample<T>(items: readonly T[], n: number, seed: number): T[] {
  let s = seed >>> 0;
  const rand = () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const copy = [...items];
  for (let i = copy.length - 1; i > 0; i--) {
    const j = Math.floor(rand() * (i + 1));
    [copy[i], copy[j]] = [copy[j]!, copy[i]!];
  }
  return copy.slice(0, n);
}

const findings = list();
const file = value('--file') ?? DEFAULT_FILE;

if (flag('--score')) {
  const judged = new Map(readJudgements(file).map((j) => [keyOf(j), j]));
  console.log(`${findings.length} findings of ${KINDS.join(', ')} on ${new Set(findings.map((f) => f.note)).size} ${CORPUS === 'aci' ? 'ACI-BENCH' : 'MTSamples'} notes; judgements: ${file}`);
  console.log('| kind | findings | judged | right | of which the query misleads | wrong | precision |');
  console.log('|---|---:|---:|---:|---:|---:|---:|');
  for (const kind of KINDS) {
    const ofKind = findings.filter((f) => f.kind === kind);
    const verdicts = ofKind.map((f) => judged.get(keyOf(f))?.verdict);
    const right = verdicts.filter((v) => v === 'right' || v === 'right-query-misleads').length;
    const misleads = verdicts.filter((v) => v === 'right-query-misleads').length;
    const wrong = verdicts.filter((v) => v === 'wrong').length;
    const n = right + wrong;
    console.log(`| ${kind} | ${ofKind.length} | ${n} | ${right} | ${misleads} | ${wrong} | ${n ? (right / n).toFixed(3) : '-'} |`);
  }
  const missing = findings.filter((f) => !judged.has(keyOf(f)));
  if (missing.length) console.log(`\n${missing.length} findings have no judgement (run with --unjudged to list them).`);
  for (const f of findings) {
    const j = judged.get(keyOf(f));
    if (j?.verdict === 'wrong') console.log(`WRONG ${f.note} ${f.rule} "${f.text}": ${j.reason}`);
  }
} else {
  let shown = flag('--unjudged') ? findings.filter((f) => !new Set(readJudgements(file).map(keyOf)).has(keyOf(f))) : findings;
  const n = value('--sample');
  if (n) shown = sample(shown, Number(n), Number(value('--seed') ?? 1));
  if (flag('--json')) for (const f of shown) console.log(JSON.stringify(f));
  else {
    for (const f of shown) {
      console.log(`${f.note} ${f.rule} @${f.start} "${f.text}"\n  sentence: ${f.sentence}\n  values: ${f.mentions.join(' | ')}\n  options: ${f.options.join(' / ')}\n`);
    }
    const counts = KINDS.map((k) => `${k} ${shown.filter((f) => f.kind === k).length}`).join(', ');
    console.log(`${shown.length} findings (${counts})`);
  }
}
