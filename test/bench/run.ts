/**
 * `npm run bench`: the engine's speed and memory, measured against a baseline in the same run.
 *
 * - analysis time of 5 KB, 50 KB and 500 KB notes (median of repeated runs), against a bare
 *   wink-nlp `readDoc` (the default English pipeline) of the same text;
 * - the command line's cold start to its first result (median of 7 runs of `node dist/cli.js`);
 * - peak memory (max RSS) of the command line on a 1 MB note;
 * - negation, history and hypothetical accuracy on the NegEx gold standard through `cdi-lint context`.
 *
 * Notes are built from real notes of the development set (shared/eval/dev), concatenated.
 * Figures are printed as a Markdown table and written to test/bench/results.json.
 */
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import winkNLP from 'wink-nlp';
import model from 'wink-eng-lite-web-model';
import { analyze } from '../../src/index.js';
import { ROOT, sharedPath } from '../support/shared.js';

const quick = process.argv.includes('--quick');

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}

function timeRuns(fn: () => void, runs: number, warmup: number): number[] {
  for (let i = 0; i < warmup; i++) fn();
  const out: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    fn();
    out.push(performance.now() - t0);
  }
  return out;
}

/** A note of about `bytes` bytes made of real development-set notes. */
function corpusNote(bytes: number): string {
  const dir = sharedPath('eval/dev/notes');
  const notes = readdirSync(dir).sort().map((f) => readFileSync(join(dir, f), 'utf8'));
  let text = '';
  for (let i = 0; Buffer.byteLength(text) < bytes; i++) text += notes[i % notes.length] + '\n\n';
  while (Buffer.byteLength(text) > bytes) text = text.slice(0, text.length - (Buffer.byteLength(text) - bytes));
  return text;
}

const results: Record<string, unknown> = { date: new Date().toISOString(), node: process.version };
const rows: string[] = [];
const fmt = (x: number, d = 2) => x.toFixed(d);

// ---- 1. Analysis time against bare wink-nlp ---------------------------------------------------
const bare = winkNLP(model);
// The engine runs wink with sentence detection only; this second baseline shows its own overhead.
const bareSbd = winkNLP(model, ['sbd']);
analyze('warm up: CHF'); // builds the knowledge base once
const sizes = [5_000, 50_000, 500_000];
const timing: Array<Record<string, number>> = [];
for (const size of sizes) {
  const text = corpusNote(size);
  const runs = quick ? 5 : size <= 5_000 ? 200 : size <= 50_000 ? 40 : 8;
  const warm = quick ? 1 : Math.max(2, runs / 10);
  // Interleave the two so that machine noise hits both alike.
  const ours: number[] = [];
  const base: number[] = [];
  const baseSbd: number[] = [];
  for (let r = 0; r < runs + warm; r++) {
    const [a] = timeRuns(() => analyze(text), 1, 0);
    const [b] = timeRuns(() => bare.readDoc(text), 1, 0);
    const [c] = timeRuns(() => bareSbd.readDoc(text), 1, 0);
    if (r >= warm) {
      ours.push(a!);
      base.push(b!);
      baseSbd.push(c!);
    }
  }
  const m = median(ours);
  const mb = median(base);
  const ms = median(baseSbd);
  timing.push({ bytes: size, analyzeMs: m, winkReadDocMs: mb, winkSbdReadDocMs: ms, ratio: m / mb, ratioSbd: m / ms, msPerKB: m / (size / 1000), runs });
  rows.push(`| analyze, ${size / 1000} KB note (median of ${runs}) | ${fmt(m)} ms | wink readDoc, default pipeline ${fmt(mb)} ms; sentences only ${fmt(ms)} ms | ${fmt(m / mb)}×; ${fmt(m / ms)}× | ${fmt(m / (size / 1000), 3)} ms/KB |`);
}
results.analysis = timing;

// ---- 2. CLI cold start and peak memory ---------------------------------------------------------
const cli = join(ROOT, 'dist/cli.js');
if (!existsSync(cli)) {
  console.error('bench: dist/cli.js is missing; building it (npm run build:lib)');
  execFileSync('npm', ['run', 'build:lib'], { cwd: ROOT, stdio: 'inherit' });
}
const tmp = mkdtempSync(join(tmpdir(), 'cdi-bench-'));
const small = join(tmp, 'note.txt');
writeFileSync(small, corpusNote(5_000));
const big = join(tmp, 'big.txt');
writeFileSync(big, corpusNote(1_000_000));

function firstOutputMs(args: string[]): Promise<number> {
  return new Promise((resolve, reject) => {
    const t0 = performance.now();
    const child = spawn(process.execPath, [cli, ...args], { stdio: ['ignore', 'pipe', 'inherit'] });
    let done = false;
    child.stdout.once('data', () => {
      done = true;
      resolve(performance.now() - t0);
    });
    child.on('exit', (code) => {
      if (!done) reject(new Error(`cdi-lint exited with ${code} before printing`));
    });
  });
}

const cold: number[] = [];
for (let i = 0; i < (quick ? 3 : 7); i++) cold.push(await firstOutputMs(['--format', 'json', small]));
results.cliColdStartMs = median(cold);
rows.push(`| command line, cold start to first result (5 KB note) | ${fmt(median(cold), 0)} ms | target ≤ 1000 ms | | |`);

// The command line itself, with a preload that reports its max RSS on exit.
const preload = `data:text/javascript,process.on('exit',()=>process.stderr.write('MAXRSS '+process.resourceUsage().maxRSS+'\\n'))`;
const memRuns: number[] = [];
const memTimes: number[] = [];
for (let i = 0; i < (quick ? 1 : 3); i++) {
  const t0 = performance.now();
  const child = spawnSync(process.execPath, ['--import', preload, cli, '--format', 'json', big], { encoding: 'utf8', maxBuffer: 256 << 20 });
  memTimes.push(performance.now() - t0);
  const m = /MAXRSS (\d+)/.exec(child.stderr);
  if (!m) throw new Error(`bench: no memory figure from the command line: ${child.stderr}`);
  memRuns.push(Number(m[1]) / 1024);
}
results.cliPeakMemory1MB = { maxRssMB: median(memRuns), wallMs: median(memTimes) };
rows.push(`| command line, peak memory (max RSS), 1 MB note | ${fmt(median(memRuns), 0)} MB | target ≤ 300 MB | | whole run ${fmt(median(memTimes), 0)} ms |`);

// ---- 3. NegEx gold standard through the command line -----------------------------------------
const gold = readFileSync(sharedPath('corpus/negex/rsAnnotations-1-120-random.txt'), 'utf8').split(/\r?\n/).slice(1).filter((l) => l.trim());
const rowsIn = gold.map((l) => l.split('\t')).filter((c) => c.length >= 6);
const input = rowsIn.map((c) => JSON.stringify({ text: c[2], target: c[1] })).join('\n') + '\n';
const out = execFileSync(process.execPath, [cli, 'context', '--format', 'json'], { input, encoding: 'utf8', maxBuffer: 64 << 20 }).trim().split('\n');
const score = (pred: (o: Record<string, unknown>) => boolean, truth: (c: string[]) => boolean) => {
  let tp = 0, fp = 0, fn = 0;
  rowsIn.forEach((c, i) => {
    const o = JSON.parse(out[i] ?? '{}') as Record<string, unknown>;
    const p = pred(o), t = truth(c);
    if (p && t) tp++; else if (p) fp++; else if (t) fn++;
  });
  const precision = tp / (tp + fp), recall = tp / (tp + fn);
  return { tp, fp, fn, precision, recall, f1: (2 * precision * recall) / (precision + recall) };
};
const negex = {
  negated: score((o) => o.negated === true, (c) => c[3]!.trim().toLowerCase() === 'negated'),
  historical: score((o) => o.historical === true, (c) => c[4]!.trim().toLowerCase() === 'historical'),
  hypothetical: score((o) => o.hypothetical === true, (c) => /hypothetical|not particular/i.test(c[4]!)),
};
results.negex = negex;
for (const [k, v] of Object.entries(negex)) rows.push(`| NegEx set (${rowsIn.length} pairs), ${k} | F1 ${fmt(v.f1, 3)} | precision ${fmt(v.precision, 3)} | recall ${fmt(v.recall, 3)} | |`);

console.log('| measure | result | baseline / target | ratio | notes |');
console.log('|---|---|---|---|---|');
for (const r of rows) console.log(r);
writeFileSync(join(ROOT, 'test/bench/results.json'), JSON.stringify(results, null, 2) + '\n');
