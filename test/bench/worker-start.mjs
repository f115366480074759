#!/usr/bin/env node
/**
 * `npm run bench:worker-start [-- WORKER.js ...] [-- --runs N]`: how long a page waits for its first
 * underline: from `new Worker(url)` to the first analysis result of a 5 KB development note, in
 * headless Chromium, each run in a fresh page (the browser's HTTP cache disabled, so the worker is
 * fetched, parsed and its engine started every time). Also the second analysis of the same text
 * (a warm worker) as the baseline of the same run.
 *
 * With several worker files (say a build of an older commit and `dist/worker.js`), their runs are
 * interleaved, so load on the machine hits each alike; medians are printed as a Markdown table.
 * Default: `dist/worker.js` (built first if missing).
 */
import { createServer } from 'node:http';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { basename, dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import puppeteer from 'puppeteer-core';
import { findChrome } from '../browser/ensure-chrome.mjs';

const root = fileURLToPath(new URL('../..', import.meta.url));
const args = process.argv.slice(2);
const runsAt = args.indexOf('--runs');
const runs = runsAt >= 0 ? Number(args.splice(runsAt, 2)[1]) : 9;
const workers = (args.length ? args : [join(root, 'dist/worker.js')]).map((p) => resolve(p));
if (!existsSync(workers[0]) && args.length === 0) execFileSync('npm', ['run', 'build:lib'], { cwd: root, stdio: 'inherit' });
for (const w of workers) if (!existsSync(w)) throw new Error(`no worker at ${w}`);

// A 5 KB note from the development set, as the engine benchmark uses.
const notesDir = join(root, '../shared/eval/dev/notes');
let note = '';
for (const f of readdirSync(notesDir).sort()) {
  if (note.length >= 5 * 1024) break;
  note += readFileSync(join(notesDir, f), 'utf8') + '\n';
}
note = note.slice(0, 5 * 1024);

const page = `<!doctype html><meta charset="utf-8"><script type="module">
window.measure = (url, text) => new Promise((done, fail) => {
  const t0 = performance.now();
  const worker = new Worker(url, { type: 'module' });
  worker.onerror = (e) => fail(new Error(e.message || 'worker error'));
  let first;
  worker.onmessage = (e) => {
    if (e.data.error) return fail(new Error(e.data.error));
    if (e.data.id === 1) { first = performance.now() - t0; const t1 = performance.now(); worker.postMessage({ id: 2, type: 'analyze', text, options: {} }); worker.onmessage = (m) => { done({ first, second: performance.now() - t1, findings: e.data.analysis.findings.length }); worker.terminate(); }; }
  };
  worker.postMessage({ id: 1, type: 'analyze', text, options: {} });
});
</script>`;

const server = createServer((req, res) => {
  const url = new URL(req.url, 'http://x');
  if (url.pathname === '/') return res.writeHead(200, { 'content-type': 'text/html' }).end(page);
  const i = Number(url.pathname.split('/')[1]);
  if (!Number.isInteger(i) || !workers[i]) return res.writeHead(404).end();
  res.writeHead(200, { 'content-type': 'text/javascript', 'cache-control': 'no-store' }).end(readFileSync(workers[i]));
});
await new Promise((r) => server.listen(0, '127.0.0.1', r));
const origin = `http://127.0.0.1:${server.address().port}`;
const browser = await puppeteer.launch({ executablePath: findChrome(), headless: true, args: ['--no-sandbox', '--disable-gpu', '--no-first-run'] });
const median = (xs) => { const s = [...xs].sort((a, b) => a - b); const m = s.length >> 1; return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2; };
try {
  const results = workers.map(() => ({ first: [], second: [], findings: 0 }));
  for (let r = 0; r < runs; r++) {
    for (const [i] of workers.entries()) {
      const tab = await browser.newPage();
      await tab.setCacheEnabled(false);
      await tab.goto(`${origin}/`);
      await tab.waitForFunction(() => typeof window.measure === 'function');
      const out = await tab.evaluate((url, text) => window.measure(url, text), `${origin}/${i}/worker.js`, note);
      results[i].first.push(out.first);
      results[i].second.push(out.second);
      results[i].findings = out.findings;
      await tab.close();
    }
  }
  console.log(`| worker (\`npm run bench:worker-start\`, ${runs} fresh pages each, interleaved) | first result, median | second analysis (warm), median | findings |`);
  console.log('|---|---:|---:|---:|');
  for (const [i, w] of workers.entries()) {
    const name = `${basename(dirname(dirname(w)))}/${basename(dirname(w))}/${basename(w)}`;
    console.log(`| ${name} | ${median(results[i].first).toFixed(0)} ms | ${median(results[i].second).toFixed(1)} ms | ${results[i].findings} |`);
  }
} finally {
  await browser.close();
  server.close();
}
