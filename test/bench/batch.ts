/**
 * `npm run bench:batch`: the batch command line (`node dist/cli.js`, built first) over FHIR NDJSON
 * made from the MTSamples corpus (test/bench/batch-notes.ts).
 *
 * 1. Throughput: all 2,357 distinct MTSamples notes with `--jobs 1` and with `--jobs <cores>`,
 *    alternated round by round (so that load from other work on the machine hits both alike);
 *    notes per second from each run's wall time; medians, and the median of the per-round ratios.
 *    Each round also measures the machine's own ceiling for this work: <cores> independent
 *    `--jobs 1` processes started at once, each on its share of the same notes (no threads, no
 *    pool, nothing shared but the hardware). Their speed-up over one process is the most any
 *    pool could reach here; the pool's speed-up is also given as a share of it. Then one run of
 *    each over 10,000 notes (a month of a small service), where the threads' start-up is amortised.
 * 2. Memory: peak RSS (`/usr/bin/time -f %M`, the whole process with its worker threads) for
 *    10,000 and 100,000 notes generated from the corpus, with `--jobs <cores> --format ndjson
 *    --report` (output to /dev/null, report to a temp file).
 *
 *   npm run bench:batch [-- --rounds N] [-- --quick] [-- --only throughput|memory]
 *   (--quick: 3 rounds, 1,000 vs 10,000 notes; --only: one part; --build: rebuild dist/ first)
 *
 * Prints a Markdown table and writes test/bench/batch-results.json.
 */
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { ROOT } from '../support/shared.js';
import { mtsamplesNotes, writeNdjsonNotes } from './batch-notes.js';

const args = process.argv.slice(2);
const quick = args.includes('--quick');
const roundsArg = args.indexOf('--rounds');
const rounds = roundsArg >= 0 ? Number(args[roundsArg + 1]) : quick ? 3 : 5;
const cores = availableParallelism();
const [small, large] = quick ? [1_000, 10_000] : [10_000, 100_000];
/** Notes in the longer throughput run (not with --quick). */
const LONG_NOTES = 10_000;
const onlyArg = args.indexOf('--only');
const only = onlyArg >= 0 ? args[onlyArg + 1] : undefined;
if (only !== undefined && only !== 'throughput' && only !== 'memory') throw new Error('--only takes throughput or memory');

const cli = join(ROOT, 'dist/cli.js');
if (!existsSync(join(ROOT, 'dist/cli-worker.js')) || args.includes('--build')) {
  console.error('bench: building dist/ (npm run build:lib)');
  execFileSync('npm', ['run', 'build:lib'], { cwd: ROOT, stdio: 'inherit' });
}

const median = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
};

const work = mkdtempSync(join(tmpdir(), 'cdi-lint-bench-batch-'));
try {
  const corpusCount = mtsamplesNotes().length;
  const corpus = join(work, 'corpus');
  writeNdjsonNotes(corpus, corpusCount);
  // The same notes in one file per core, for the ceiling runs.
  const shares = writeNdjsonNotes(join(work, 'shares'), corpusCount, Math.ceil(corpusCount / cores));

  /** Wall seconds and peak RSS (KB) of one run; fails loudly if the run fails. */
  const runCli = (jobs: number, dir: string, extra: string[] = []): { seconds: number; maxRssKb: number; cpuSeconds: number } => {
    const t0 = performance.now();
    const result = spawnSync('/usr/bin/time', ['-f', '%M %U %S', process.execPath, cli, '--jobs', String(jobs), '--format', 'ndjson', ...extra, dir], {
      encoding: 'utf8', stdio: ['ignore', 'ignore', 'pipe'], maxBuffer: 1 << 26,
    });
    const seconds = (performance.now() - t0) / 1000;
    if (result.status !== 0) throw new Error(`cdi-lint --jobs ${jobs} failed (${result.status}): ${result.stderr.slice(-2000)}`);
    const [maxRssKb, user, sys] = result.stderr.trim().split('\n').at(-1)!.split(' ').map(Number) as [number, number, number];
    return { seconds, maxRssKb, cpuSeconds: user + sys };
  };

  /** Wall seconds for one `--jobs 1` process per file, all started at once. */
  const runApart = async (files: string[]): Promise<number> => {
    const t0 = performance.now();
    await Promise.all(files.map((file) => new Promise<void>((resolve, reject) => {
      const child = spawn(process.execPath, [cli, '--jobs', '1', '--format', 'ndjson', file], { stdio: ['ignore', 'ignore', 'pipe'] });
      let err = '';
      child.stderr.on('data', (d: Buffer) => { err += d.toString(); });
      child.on('error', reject);
      child.on('close', (code) => (code === 0 ? resolve() : reject(new Error(`cdi-lint --jobs 1 ${file} failed (${code}): ${err.slice(-2000)}`))));
    })));
    return (performance.now() - t0) / 1000;
  };

  // ---- 1. throughput ----------------------------------------------------------------------------
  const loadBefore = loadavg();
  const one: number[] = [];
  const all: number[] = [];
  const ratios: number[] = [];
  const cpu1: number[] = [];
  const cpuAll: number[] = [];
  const ceilings: number[] = [];
  if (only !== 'memory') {
  console.error(`bench: ${corpusCount} notes, ${rounds} rounds of --jobs 1 and --jobs ${cores} (load average before: ${loadBefore.map((l) => l.toFixed(1)).join(' ')})`);
  runCli(cores, corpus); // warm the file cache and the module cache
  for (let r = 0; r < rounds; r++) {
    const first = r % 2 === 0 ? 1 : cores; // alternate which goes first
    const a = runCli(first, corpus);
    const b = runCli(first === 1 ? cores : 1, corpus);
    const [r1, rAll] = first === 1 ? [a, b] : [b, a];
    const [s1, sAll] = [r1.seconds, rAll.seconds];
    cpu1.push(r1.cpuSeconds);
    cpuAll.push(rAll.cpuSeconds);
    one.push(corpusCount / s1);
    all.push(corpusCount / sAll);
    ratios.push(s1 / sAll);
    const sApart = await runApart(shares);
    ceilings.push(s1 / sApart);
    console.error(`  round ${r + 1}: --jobs 1 ${(corpusCount / s1).toFixed(0)} notes/s, --jobs ${cores} ${(corpusCount / sAll).toFixed(0)} notes/s, ×${(s1 / sAll).toFixed(2)}; ${cores} processes apart ×${(s1 / sApart).toFixed(2)}`);
  }
  }
  // A longer run, as a month of notes: the threads' start-up is paid once over 10,000 notes.
  const long: { notes: number; one: number; all: number } | undefined = only === 'memory' || quick ? undefined : (() => {
    const dir = join(work, 'long');
    writeNdjsonNotes(dir, LONG_NOTES, 10_000);
    console.error(`bench: ${LONG_NOTES} notes, --jobs 1 then --jobs ${cores}, one run each`);
    const one = runCli(1, dir).seconds;
    const all = runCli(cores, dir).seconds;
    rmSync(dir, { recursive: true, force: true });
    return { notes: LONG_NOTES, one: LONG_NOTES / one, all: LONG_NOTES / all };
  })();
  const loadAfter = loadavg();

  // ---- 2. memory ---------------------------------------------------------------------------------
  const memory: Array<{ notes: number; maxRssMb: number; seconds: number }> = [];
  for (const count of only === 'throughput' ? [] : [small, large]) {
    const dir = join(work, `notes-${count}`);
    console.error(`bench: generating ${count} notes`);
    writeNdjsonNotes(dir, count, 10_000);
    console.error(`bench: peak memory over ${count} notes (--jobs ${cores} --format ndjson --report)`);
    const { seconds, maxRssKb } = runCli(cores, dir, ['--report', join(work, `report-${count}.html`)]);
    memory.push({ notes: count, maxRssMb: maxRssKb / 1024, seconds });
    rmSync(dir, { recursive: true, force: true });
  }
  const growth = memory.length === 2 ? memory[1]!.maxRssMb / memory[0]!.maxRssMb - 1 : NaN;

  const results = {
    date: new Date().toISOString(), node: process.version, cores, rounds, notes: corpusCount,
    loadAverageBefore: loadBefore, loadAverageAfter: loadAfter,
    notesPerSecond: { jobs1: median(one), jobsAll: median(all) },
    cpuSeconds: { jobs1: median(cpu1), jobsAll: median(cpuAll) },
    speedup: { ofMedians: median(all) / median(one), medianOfRoundRatios: median(ratios), rounds: ratios },
    long,
    ceiling: { medianOfRoundRatios: median(ceilings), rounds: ceilings, shareReached: median(ratios) / median(ceilings) },
    memory, memoryGrowth: growth,
  };
  const throughputRows = only === 'memory' ? [] : [
    `| MTSamples notes (FHIR NDJSON, ${corpusCount} notes), \`--jobs 1\`, median | ${median(one).toFixed(0)} notes/s |`,
    `| same, \`--jobs ${cores}\`, median | ${median(all).toFixed(0)} notes/s |`,
    `| speed-up 1 → ${cores} threads (median of per-round ratios; runs alternated) | ×${median(ratios).toFixed(2)} (rounds: ${ratios.map((x) => x.toFixed(2)).join(', ')}) |`,
    `| ceiling: ${cores} independent \`--jobs 1\` processes at once, each on 1/${cores} of the notes, against one on all (median of per-round ratios) | ×${median(ceilings).toFixed(2)} (rounds: ${ceilings.map((x) => x.toFixed(2)).join(', ')}) |`,
    `| the pool's speed-up as a share of that ceiling | ${((median(ratios) / median(ceilings)) * 100).toFixed(0)}% |`,
    ...(long ? [`| ${long.notes.toLocaleString('en-US')} notes (the corpus 4.2 times), one run each: \`--jobs 1\` / \`--jobs ${cores}\` | ${long.one.toFixed(0)} / ${long.all.toFixed(0)} notes/s (×${(long.all / long.one).toFixed(2)}) |`] : []),
    `| CPU time (user + sys) per run, median: \`--jobs 1\` / \`--jobs ${cores}\` | ${median(cpu1).toFixed(1)} s / ${median(cpuAll).toFixed(1)} s (threads cost ×${(median(cpuAll) / median(cpu1)).toFixed(2)} the CPU) |`,
  ];
  const rows = [
    `| measure (\`npm run bench:batch\`, ${cores} cores, ${rounds} rounds, Node ${process.version}) | value |`,
    '|---|---:|',
    ...throughputRows,
    ...memory.map((m) => `| peak RSS, ${m.notes.toLocaleString('en-US')} notes (\`--jobs ${cores} --format ndjson --report\`) | ${m.maxRssMb.toFixed(0)} MB (${m.seconds.toFixed(0)} s, ${(m.notes / m.seconds).toFixed(0)} notes/s) |`),
    ...(memory.length === 2 ? [`| peak RSS growth ${small.toLocaleString('en-US')} → ${large.toLocaleString('en-US')} notes | ${(growth * 100).toFixed(1)}% |`] : []),
    `| load average (1, 5, 15 min) before / after the throughput runs | ${loadBefore.map((l) => l.toFixed(1)).join(', ')} / ${loadAfter.map((l) => l.toFixed(1)).join(', ')} |`,
  ];
  console.log(rows.join('\n'));
  if (!quick) writeFileSync(join(ROOT, `test/bench/batch-results${only ? `-${only}` : ''}.json`), JSON.stringify(results, null, 2) + '\n');
} finally {
  rmSync(work, { recursive: true, force: true });
}
