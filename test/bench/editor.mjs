#!/usr/bin/env node
/**
 * `npm run bench:editor`: the editor's costs in real headless Chromium (puppeteer-core, the
 * launcher web-test-runner uses; Chromium from test/browser/ensure-chrome.mjs).
 *
 * - keystroke cost on a 20 KB note, ProseMirror with the cdi-lint plugin vs the same editor
 *   without it, typed alternately in the same run (keydown → state applied and layout flushed;
 *   median of each, and their ratio; target ≤ 1.3);
 * - last keystroke → decorations updated for the final text (debounce + worker analysis +
 *   applying results; median of bursts; target ≤ 150 ms);
 * - main-thread tasks over 50 ms (Long Tasks API) during BENCH_TYPING_SECONDS (default 60) of
 *   scripted typing into the plugin editor, and into the bare one as a baseline;
 * - the same keystroke ratio (target ≤ 1.5) and last keystroke → decorations updated on a 200 KB
 *   note (BENCH_LARGE_BYTES), in a second pair of editors, after the 20 KB pair is removed;
 * - size: `<cdi-editor>` + plugin + worker glue (lit and ProseMirror included, language model
 *   excluded), minified, gzip -9 (target ≤ 120 KB); and the worker with the model.
 *
 * The page and the worker are bundled here with esbuild and served from a temporary directory.
 * Prints a Markdown table and writes test/bench/editor-results.json.
 */
import { createServer } from 'node:http';
import { mkdtempSync, readFileSync, writeFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, extname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';
import puppeteer from 'puppeteer-core';
import { findChrome } from '../browser/ensure-chrome.mjs';

const root = fileURLToPath(new URL('../..', import.meta.url));
const TYPING_SECONDS = Number(process.env.BENCH_TYPING_SECONDS ?? 60);
const NOTE_BYTES = 20_000;
const LARGE_NOTE_BYTES = Number(process.env.BENCH_LARGE_BYTES ?? 200_000);

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length ? (s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2) : NaN;
};

/** A synthetic note of `bytes` characters (default 20 KB): the demo's samples repeated. */
async function note(bytes = NOTE_BYTES) {
  const out = await build({ entryPoints: [join(root, 'demo/samples.ts')], bundle: true, write: false, format: 'esm', platform: 'node' });
  const dataUrl = 'data:text/javascript;base64,' + Buffer.from(out.outputFiles[0].text).toString('base64');
  const { SAMPLE_NOTES } = await import(dataUrl);
  let text = '';
  for (let i = 0; text.length < bytes; i++) text += SAMPLE_NOTES[i % SAMPLE_NOTES.length].text + '\n';
  return text.slice(0, bytes);
}

/** Bundles the page (split, so the size of what loads up front can be read) and the worker. */
async function bundle(dir) {
  const common = { bundle: true, format: 'esm', target: 'es2022', minify: true, write: true, logLevel: 'silent', loader: { '.json': 'json' } };
  await build({ ...common, entryPoints: { page: join(root, 'test/bench/editor-page.ts') }, outdir: dir, splitting: true, chunkNames: 'chunk-[hash]' });
  await build({ ...common, entryPoints: { worker: join(root, 'plugin/worker/worker.ts') }, outdir: dir });
  // What a page using the element loads before any analysis: the public entry and its static imports.
  const sized = await build({ ...common, entryPoints: { element: join(root, 'plugin/cdi-editor.ts') }, outdir: join(dir, 'size'), splitting: true, metafile: true });
  const outputs = sized.metafile.outputs;
  const entry = Object.keys(outputs).find((f) => outputs[f].entryPoint);
  const files = new Set([entry]);
  for (const f of files) for (const imp of outputs[f].imports) if (imp.kind === 'import-statement') files.add(imp.path);
  const gz = (f) => gzipSync(readFileSync(join(root, f)), { level: 9 }).length;
  let elementGzip = 0;
  let elementBytes = 0;
  for (const f of files) {
    elementGzip += gz(f);
    elementBytes += outputs[f].bytes;
  }
  const workerFile = join(dir, 'worker.js');
  const workerGzip = gzipSync(readFileSync(workerFile), { level: 9 }).length;
  writeFileSync(join(dir, 'index.html'), '<!doctype html><meta charset="utf-8"><title>bench</title><style>.editor{height:300px;overflow:auto;white-space:pre-wrap;font:14px monospace;border:1px solid}</style><script type="module" src="./page.js"></script>');
  return { elementGzip, elementBytes, workerGzip };
}

function serve(dir) {
  const types = { '.html': 'text/html', '.js': 'text/javascript', '.json': 'application/json' };
  const server = createServer((req, res) => {
    const path = join(dir, new URL(req.url, 'http://x').pathname.replace(/^\/+/, '') || 'index.html');
    if (!path.startsWith(dir)) return res.writeHead(403).end();
    try {
      const body = readFileSync(path);
      res.writeHead(200, { 'Content-Type': types[extname(path)] ?? 'application/octet-stream' }).end(body);
    } catch {
      res.writeHead(404).end();
    }
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)));
}

const WORDS = 'patient reports improved dyspnea today with stable weight and no new edema noted overnight '.split(' ');

async function main() {
  const dir = mkdtempSync(join(tmpdir(), 'cdi-bench-editor-'));
  const sizes = await bundle(dir);
  const server = await serve(dir);
  const executablePath = findChrome();
  if (!executablePath) throw new Error('No Chromium found: run `node test/browser/ensure-chrome.mjs` or set CHROME_PATH');
  const browser = await puppeteer.launch({ executablePath, headless: true, args: ['--no-sandbox', '--disable-gpu', '--no-first-run'] });
  try {
    const page = await browser.newPage();
    page.on('pageerror', (e) => console.error('page error:', e.message));
    await page.goto(`http://127.0.0.1:${server.address().port}/`);
    await page.waitForFunction(() => 'bench' in window);
    const text = await note();
    await page.evaluate((t) => window.bench.setup(t), text);
    const findings = await page.evaluate(() => window.bench.ready());

    // 1. Keystroke cost, alternating editors in rounds of 20 characters.
    for (const name of ['bare', 'plugin']) await page.evaluate((n) => window.bench.caretToEnd(n), name);
    const keys = { bare: [], plugin: [] };
    for (let round = 0; round < 15; round++) {
      for (const name of round % 2 ? ['plugin', 'bare'] : ['bare', 'plugin']) {
        await page.evaluate((n) => window.bench.caretToEnd(n), name);
        await page.keyboard.type(' ' + WORDS.slice(round % 5, (round % 5) + 3).join(' '), { delay: 25 });
        keys[name].push(...(await page.evaluate((n) => window.bench.take(n), name)).keystrokes);
      }
    }

    // 2. Last keystroke → decorations updated, over bursts of typing.
    const latencies = [];
    await page.evaluate(() => window.bench.caretToEnd('plugin'));
    for (let i = 0; i < 20; i++) {
      const settled = page.evaluate(() => window.bench.settle('plugin'));
      await page.keyboard.type(` ${WORDS[i % WORDS.length]}`, { delay: 30 });
      latencies.push(await settled);
    }

    // 3. Long tasks during scripted typing: a full BENCH_TYPING_SECONDS with the plugin, then the
    //    same time in the bare editor as the baseline.
    const longTasks = {};
    for (const name of ['plugin', 'bare']) {
      await page.evaluate((n) => window.bench.caretToEnd(n), name);
      await page.evaluate((n) => window.bench.take(n), name);
      const until = Date.now() + TYPING_SECONDS * 1000;
      for (let i = 0; Date.now() < until; i++) {
        await page.keyboard.type(WORDS[i % WORDS.length] + (i % 12 === 11 ? '\n' : ' '), { delay: 35 });
      }
      const taken = await page.evaluate((n) => window.bench.take(n), name);
      longTasks[name] = { over50: taken.longTasks.filter((d) => d > 50).length, max: Math.max(0, ...taken.longTasks), keystrokes: taken.keystrokes.length };
    }

    // 4. A 200 KB note: keystroke ratio and last keystroke → decorations updated, in a fresh pair.
    await page.evaluate(() => window.bench.remove(''));
    const large = await note(LARGE_NOTE_BYTES);
    await page.evaluate((t) => window.bench.setup(t, '-large'), large);
    const largeFindings = await page.evaluate(() => window.bench.ready('plugin-large'));
    const largeKeys = { bare: [], plugin: [] };
    for (let round = 0; round < 10; round++) {
      for (const name of round % 2 ? ['plugin-large', 'bare-large'] : ['bare-large', 'plugin-large']) {
        await page.evaluate((n) => window.bench.caretToEnd(n), name);
        await page.keyboard.type(' ' + WORDS.slice(round % 5, (round % 5) + 3).join(' '), { delay: 25 });
        largeKeys[name.replace('-large', '')].push(...(await page.evaluate((n) => window.bench.take(n), name)).keystrokes);
      }
    }
    const largeLatencies = [];
    await page.evaluate(() => window.bench.caretToEnd('plugin-large'));
    for (let i = 0; i < 15; i++) {
      const settled = page.evaluate(() => window.bench.settle('plugin-large'));
      await page.keyboard.type(` ${WORDS[i % WORDS.length]}`, { delay: 30 });
      largeLatencies.push(await settled);
    }

    const results = {
      noteBytes: text.length,
      findings,
      keystroke: { bareMedianMs: median(keys.bare), pluginMedianMs: median(keys.plugin), ratio: median(keys.plugin) / median(keys.bare), samples: keys.bare.length + keys.plugin.length },
      latency: { medianMs: median(latencies), maxMs: Math.max(...latencies), samples: latencies.length },
      longTasks,
      typingSeconds: TYPING_SECONDS,
      large: {
        noteBytes: large.length,
        findings: largeFindings,
        keystroke: {
          bareMedianMs: median(largeKeys.bare),
          pluginMedianMs: median(largeKeys.plugin),
          ratio: median(largeKeys.plugin) / median(largeKeys.bare),
          samples: largeKeys.bare.length + largeKeys.plugin.length,
        },
        latency: { medianMs: median(largeLatencies), maxMs: Math.max(...largeLatencies), samples: largeLatencies.length },
      },
      size: { elementGzipKB: sizes.elementGzip / 1024, elementKB: sizes.elementBytes / 1024, workerGzipKB: sizes.workerGzip / 1024 },
    };
    writeFileSync(join(root, 'test/bench/editor-results.json'), JSON.stringify(results, null, 2) + '\n');
    const f = (x, d = 2) => x.toFixed(d);
    console.log(`
Editor benchmark, headless Chromium (${(await browser.version())}), ${results.noteBytes} B note with ${findings} findings

| measure | result | target |
|---|---:|---:|
| keystroke, bare ProseMirror (median, keydown → layout) | ${f(results.keystroke.bareMedianMs)} ms | |
| keystroke, with cdi-lint plugin (median) | ${f(results.keystroke.pluginMedianMs)} ms | |
| keystroke ratio plugin / bare (${results.keystroke.samples} keystrokes) | ${f(results.keystroke.ratio)} | ≤ 1.3 |
| last keystroke → decorations updated (median of ${latencies.length}; max ${f(results.latency.maxMs, 0)} ms) | ${f(results.latency.medianMs, 0)} ms | ≤ 150 ms |
| main-thread tasks > 50 ms, ${TYPING_SECONDS} s typing with plugin (${longTasks.plugin.keystrokes} keystrokes; longest ${f(longTasks.plugin.max, 0)} ms) | ${longTasks.plugin.over50} | 0 |
| main-thread tasks > 50 ms, ${TYPING_SECONDS} s typing, bare baseline (longest ${f(longTasks.bare.max, 0)} ms) | ${longTasks.bare.over50} | |
| ${results.large.noteBytes} B note (${results.large.findings} findings): keystroke, bare (median) | ${f(results.large.keystroke.bareMedianMs)} ms | |
| same note: keystroke, with cdi-lint plugin (median) | ${f(results.large.keystroke.pluginMedianMs)} ms | |
| same note: keystroke ratio plugin / bare (${results.large.keystroke.samples} keystrokes) | ${f(results.large.keystroke.ratio)} | ≤ 1.5 |
| same note: last keystroke → decorations updated (median of ${results.large.latency.samples}; max ${f(results.large.latency.maxMs, 0)} ms) | ${f(results.large.latency.medianMs, 0)} ms | |
| element + plugin + worker glue, minified (no language model) | ${f(results.size.elementKB, 1)} KB | |
| same, gzip -9 | ${f(results.size.elementGzipKB, 1)} KB | ≤ 120 KB |
| worker with engine and language model, gzip -9 (loaded by the worker on first analysis) | ${f(results.size.workerGzipKB, 0)} KB | |
`);
  } finally {
    await browser.close();
    server.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
