#!/usr/bin/env node
/**
 * `npm run test:embed`: cdi-lint as an EHR vendor's engineer would embed it, from the packed
 * tarball, in three fresh apps installed from the npm registry (network needed; takes minutes; NOT
 * part of `npm test`):
 *
 * - plain: a Vite 8 page with `<cdi-editor>` (`import 'cdi-lint/cdi-editor'`), on older ProseMirror
 *   releases that installing cdi-lint must keep; plus, in Node, the
 *   element imported as a server-rendering host would, and the package's types under
 *   `moduleResolution` node16 and nodenext;
 * - react: React 19 + TypeScript with `cdi-lint/react` under StrictMode, `value` controlled (and the
 *   JSX typings typechecked by the app's own tsc);
 * - tiptap: Tiptap 3 with StarterKit and `cdi-lint/tiptap` (headings, a list, marks, a hard break);
 *   tiptap2: the same app on Tiptap 2.
 *
 * Each app is built with Vite and no cdi-lint configuration, served under a strict
 * Content-Security-Policy (test/csp/server.mjs, the worker's script included), and driven in
 * headless Chromium (puppeteer-core): underlines appear on the right words, an answer writes its
 * words (one undo step in Tiptap; "Other" too), zero CSP violations. Installing cdi-lint into the
 * Tiptap app must change none of the app's ProseMirror packages and leave one copy of each. The same
 * app is also built without cdi-lint (a textarea or the bare editor) and the difference in gzip
 * bytes of the JS and CSS a page loads is printed; the worker (loaded on first analysis) apart.
 *
 * Everything happens in a fresh folder under the system temp dir (kept with --keep; --dir DIR to
 * reuse one, which skips installs already done). `--no-build` skips `npm run build`; `--only a,b`
 * runs some apps.
 * Prints one line per check, a table of sizes, and writes results.json in that folder.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import puppeteer from 'puppeteer-core';
import { findChrome } from '../browser/ensure-chrome.mjs';
import { startServer } from '../csp/server.mjs';

const root = fileURLToPath(new URL('../..', import.meta.url));

/** The strict policy of `npm run test:csp` (test/csp/run.mjs): no 'unsafe-inline', no 'unsafe-eval', nothing off the origin. */
const POLICY = [
  "default-src 'none'",
  "script-src 'self'",
  "worker-src 'self'",
  "style-src 'self'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');
const here = fileURLToPath(new URL('.', import.meta.url));
const args = process.argv.slice(2);
const STEP_MS = 30_000;

/** What each app installs from the registry besides cdi-lint (ranges as a new app would write them). */
const APPS = {
  // An app already on older ProseMirror releases (exact versions, as an older lockfile holds them):
  // installing cdi-lint must keep them.
  plain: {
    deps: {
      vite: '^8.0.0', typescript: '^5.9.0',
      'prosemirror-state': '1.4.3', 'prosemirror-view': '1.33.8', 'prosemirror-model': '1.21.0', 'prosemirror-history': '1.4.0',
    },
    entry: 'index.html',
    base: 'base.html',
  },
  react: {
    deps: {
      vite: '^8.0.0', '@vitejs/plugin-react': '^6.0.0', react: '^19.0.0', 'react-dom': '^19.0.0',
      typescript: '^5.9.0', '@types/react': '^19.0.0', '@types/react-dom': '^19.0.0',
    },
    entry: 'index.html',
    base: 'base.html',
  },
  tiptap: {
    deps: { vite: '^8.0.0', '@tiptap/core': '^3.0.0', '@tiptap/pm': '^3.0.0', '@tiptap/starter-kit': '^3.0.0' },
    entry: 'index.html',
    base: 'base.html',
  },
  // The same app on Tiptap 2 (its ProseMirror releases must stay as they are).
  tiptap2: {
    source: 'tiptap',
    deps: { vite: '^8.0.0', '@tiptap/core': '^2.0.0', '@tiptap/pm': '^2.0.0', '@tiptap/starter-kit': '^2.0.0' },
    entry: 'index.html',
    base: 'base.html',
  },
};

const results = [];
function check(app, name, ok, detail = '') {
  results.push({ app, name, ok: Boolean(ok), detail: ok ? '' : String(detail) });
  console.log(`${ok ? 'ok  ' : 'FAIL'} [${app}] ${name}${!ok && detail ? `\n       ${detail}` : ''}`);
}

function run(cmd, argv, cwd, { allowFail = false } = {}) {
  const started = Date.now();
  const out = spawnSync(cmd, argv, { cwd, encoding: 'utf8', env: { ...process.env, CI: 'true' }, maxBuffer: 64 * 1024 * 1024 });
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  console.log(`  $ (${basename(cwd)}) ${cmd} ${argv.join(' ')}  [${seconds} s, exit ${out.status}]`);
  if (out.status !== 0 && !allowFail) throw new Error(`${cmd} ${argv.join(' ')} failed in ${cwd}\n${out.stdout}\n${out.stderr}`);
  return out;
}

async function until(fn, ms = STEP_MS) {
  const end = Date.now() + ms;
  let value = await fn();
  while (!value && Date.now() < end) {
    await new Promise((r) => setTimeout(r, 50));
    value = await fn();
  }
  return value;
}

/** Versions of every installed copy of each prosemirror-* package: { name: [version, ...] }. */
function prosemirrorCopies(dir) {
  const copies = {};
  const walk = (modules) => {
    if (!existsSync(modules)) return;
    for (const name of readdirSync(modules)) {
      const path = join(modules, name);
      if (name.startsWith('@')) {
        walk(path);
        continue;
      }
      const manifest = join(path, 'package.json');
      if (name.startsWith('prosemirror-') && existsSync(manifest)) {
        (copies[name] ??= []).push(JSON.parse(readFileSync(manifest, 'utf8')).version);
      }
      walk(join(path, 'node_modules'));
    }
  };
  walk(join(dir, 'node_modules'));
  return copies;
}

/** gzip -9 bytes of the .js and .css files a page loads, and of the worker, in a Vite build. */
function measure(dir) {
  const files = [];
  const walk = (d) => {
    for (const name of readdirSync(d)) {
      const path = join(d, name);
      if (statSync(path).isDirectory()) walk(path);
      else if (/\.(js|css)$/.test(name)) files.push(path);
    }
  };
  walk(dir);
  let page = 0;
  let pageRaw = 0;
  let worker = 0;
  for (const file of files) {
    const body = readFileSync(file);
    const gz = gzipSync(body, { level: 9 }).length;
    if (/^worker[-.]/.test(basename(file))) worker += gz;
    else {
      page += gz;
      pageRaw += body.length;
    }
  }
  return { page, pageRaw, worker, files: files.map((f) => f.slice(dir.length + 1)) };
}

function viteConfig(app) {
  const react = app === 'react';
  return `// Nothing here is for cdi-lint: the entry is switched by the size comparison only.
import { defineConfig } from 'vite';
${react ? "import react from '@vitejs/plugin-react';\n" : ''}export default defineConfig({
  ${react ? 'plugins: [react()],\n  ' : ''}build: { outDir: process.env.OUT_DIR, emptyOutDir: true, rollupOptions: { input: process.env.ENTRY } },
});
`;
}

/** Creates the app folder, installs its dependencies, then the tarball (checking ProseMirror before and after). */
function install(app, dir, tarball) {
  const spec = APPS[app];
  cpSync(join(here, 'apps', spec.source ?? app), dir, { recursive: true });
  writeFileSync(join(dir, 'vite.config.mjs'), viteConfig(spec.source ?? app));
  const pkgFile = join(dir, 'package.json');
  if (!existsSync(join(dir, 'node_modules'))) {
    writeFileSync(pkgFile, JSON.stringify({ name: `embed-${app}`, private: true, type: 'module', dependencies: spec.deps }, null, 2));
    run('npm', ['install', '--no-audit', '--no-fund', '--ignore-scripts', '--loglevel=error'], dir);
  }
  const before = prosemirrorCopies(dir);
  run('npm', ['install', '--no-audit', '--no-fund', '--ignore-scripts', '--loglevel=error', tarball], dir);
  const after = prosemirrorCopies(dir);
  const installed = JSON.parse(readFileSync(join(dir, 'node_modules/cdi-lint/package.json'), 'utf8')).version;
  check(app, `the tarball installs (cdi-lint ${installed})`, existsSync(join(dir, 'node_modules/cdi-lint/dist/worker.js')));
  if (Object.keys(before).length > 0) {
    const changed = Object.keys(before).filter((n) => JSON.stringify(before[n]) !== JSON.stringify(after[n]));
    check(app, `installing cdi-lint changes none of the app's ${Object.keys(before).length} ProseMirror packages`, changed.length === 0,
      changed.map((n) => `${n}: ${before[n]} -> ${after[n]}`).join(', '));
  }
  const doubles = Object.entries(after).filter(([, v]) => v.length > 1);
  check(app, 'one copy of each ProseMirror package is installed', doubles.length === 0, JSON.stringify(doubles));
}

function build(app, dir) {
  const spec = APPS[app];
  const env = (entry, out) => ({ ...process.env, ENTRY: entry, OUT_DIR: out });
  for (const [entry, out] of [[spec.base, 'dist-base'], [spec.entry, 'dist']]) {
    const started = Date.now();
    const res = spawnSync('npx', ['vite', 'build', '--logLevel', 'warn'], { cwd: dir, encoding: 'utf8', env: env(entry, out) });
    console.log(`  $ (${app}) ENTRY=${entry} vite build  [${((Date.now() - started) / 1000).toFixed(1)} s, exit ${res.status}]`);
    if (res.status !== 0) throw new Error(`vite build failed for ${app}/${entry}\n${res.stdout}\n${res.stderr}`);
    if (out === 'dist') {
      // The defect this guards against is the language model (4 MB) landing in a chunk of the host's
      // build. Vite's own advisory (a chunk over 500 kB) also fires for an ordinary React app with a
      // ProseMirror editor (React + ProseMirror + the element come to about 510 kB minified), so the
      // check is on the size of every emitted script instead, and the largest is printed.
      // cdi-lint's worker (engine + model, fetched by the worker on first analysis) is the one script meant to be that large.
      const scripts = listFiles(join(dir, out)).filter((f) => f.endsWith('.js') && !/\/worker[^/]*\.js$/.test(f)).map((f) => ({ f, bytes: statSync(f).size }));
      const largest = scripts.reduce((a, b) => (b.bytes > a.bytes ? b : a), { f: '', bytes: 0 });
      const vite = `${res.stdout}\n${res.stderr}`.split('\n').some((l) => /larger than 500/i.test(l));
      console.log(`  largest script in the build: ${(largest.bytes / 1024).toFixed(0)} KB minified${vite ? " (Vite's 500 kB advisory printed)" : ''}`);
      check(app, 'no script of the build holds the language model (every emitted chunk under 1 MB)', scripts.every((s) => s.bytes < 1024 * 1024), JSON.stringify(scripts.filter((s) => s.bytes >= 1024 * 1024)));
    }
  }
  const base = measure(join(dir, 'dist-base'));
  const withLint = measure(join(dir, 'dist'));
  return { base, withLint, added: withLint.page - base.page };
}

/** Launches the browser with the CSP test's offline flags. */
function launch() {
  const executablePath = findChrome();
  if (!executablePath) throw new Error('No Chromium found: run `node test/browser/ensure-chrome.mjs` or set CHROME_PATH');
  return puppeteer.launch({
    executablePath,
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update',
      '--disable-sync', '--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1'],
  });
}

/** Opens the built app under the CSP; returns the page and a function listing violations and errors. */
async function open(dir) {
  const server = await startServer({ root: join(dir, 'dist'), policy: POLICY });
  // One browser per app, closed before the server (whose close waits for the browser's open connections).
  const browser = await launch();
  const page = await browser.newPage();
  const consoleCsp = [];
  const errors = [];
  const offOrigin = [];
  await page.setRequestInterception(true);
  page.on('request', (request) => {
    const url = request.url();
    if (url.startsWith('data:') || url.startsWith('blob:') || new URL(url).origin === server.origin) return void request.continue();
    offOrigin.push(url);
    return void request.abort('blockedbyclient');
  });
  const onConsole = (where) => (m) => {
    if (/Content Security Policy|Refused to/i.test(m.text())) consoleCsp.push(`${where}: ${m.text()}`);
  };
  page.on('console', onConsole('page'));
  page.on('workercreated', (w) => w.on('console', onConsole(`worker ${w.url()}`)));
  page.on('pageerror', (e) => errors.push(e.message));
  await page.evaluateOnNewDocument(() => {
    window.__violations = [];
    document.addEventListener('securitypolicyviolation', (e) => window.__violations.push(`${e.effectiveDirective} ${e.blockedURI}`));
  });
  await page.goto(`${server.origin}/`, { waitUntil: 'load' });
  const problems = async () => [
    ...server.reports.map((r) => `report: ${JSON.stringify(r)}`),
    ...(await page.evaluate(() => window.__violations)).map((v) => `event: ${v}`),
    ...consoleCsp,
    ...offOrigin.map((u) => `off-origin request: ${u}`),
  ];
  const close = async () => {
    await browser.close();
    await server.close();
  };
  return { page, server, errors, problems, close };
}

/** The inserted words between two texts (common prefix and suffix removed). */
function inserted(before, after) {
  let start = 0;
  while (start < before.length && before[start] === after[start]) start++;
  let end = 0;
  while (end < before.length - start && before[before.length - 1 - end] === after[after.length - 1 - end]) end++;
  return { removed: before.slice(start, before.length - end), added: after.slice(start, after.length - end) };
}

/** The underlined words in the page's `<cdi-editor>`, or null while there are none. */
function underlines(page) {
  return page.evaluate(() => {
    const words = [...(document.querySelector('cdi-editor')?.shadowRoot?.querySelectorAll('[data-finding-id]') ?? [])].map((e) => e.textContent);
    return words.length > 0 ? words : null;
  });
}

/** Answers the first finding of a `<cdi-editor>` from its popover; returns [before, after, edit]. */
async function answerInElement(page) {
  const before = await page.evaluate(() => document.querySelector('cdi-editor').value);
  const editable = await page.waitForSelector('cdi-editor >>> .editor[contenteditable="true"]', { timeout: STEP_MS });
  await editable.click();
  await page.evaluate(() => document.querySelector('cdi-editor').nextFinding());
  const button = await page.waitForSelector('cdi-editor >>> .popover button[part~="answer"]', { timeout: STEP_MS });
  // The option's label; the button also shows a preview of the words it writes ("→ CKD stage 1").
  const label = await button.evaluate((b) => (b.querySelector('.option-label') ?? b).textContent.trim());
  await button.click();
  await until(() => page.evaluate((text) => document.querySelector('cdi-editor').value !== text, before));
  const after = await page.evaluate(() => document.querySelector('cdi-editor').value);
  return { before, after, label };
}

async function testPlain(dir) {
  const app = 'plain';
  const ssr = run('node', ['ssr.mjs'], dir, { allowFail: true });
  check(app, "import 'cdi-lint/cdi-editor' in Node (a server-rendering host) does not throw", ssr.status === 0 && /"element":"function"/.test(ssr.stdout), ssr.stderr.slice(0, 400));
  for (const resolution of ['nodenext', 'node16']) {
    const tsc = run('npx', ['tsc', '-p', 'tsconfig.node.json', '--module', resolution, '--moduleResolution', resolution], dir, { allowFail: true });
    check(app, `the package's types are clean under moduleResolution ${resolution}`, tsc.status === 0, (tsc.stdout + tsc.stderr).slice(0, 1500));
  }
  const { page, errors, problems, close } = await open(dir);
  try {
    const underlined = await until(() => underlines(page));
    check(app, 'underlines appear (analysed in the worker)', underlined?.includes('CKD'), JSON.stringify(underlined));
    const { before, after, label } = await answerInElement(page);
    const change = inserted(before, after);
    check(app, `an answer ("${label}") writes its words`, change.removed === '' && change.added.trim().toLowerCase() === label.toLowerCase(), JSON.stringify({ before, after }));
    // Four more section editors on the page: they share the one worker.
    await page.evaluate(() => {
      for (const note of ['PMH: CHF.', 'Knee OA.', 'CKD.', 'Anemia.']) {
        const more = document.createElement('cdi-editor');
        more.className = 'section';
        more.value = note;
        document.body.append(more);
      }
    });
    const sections = await until(() => page.evaluate(() => {
      const all = [...document.querySelectorAll('cdi-editor.section')];
      return all.every((e) => e.shadowRoot?.querySelector('[data-finding-id]')) ? all.length : null;
    }));
    const workers = page.workers().filter((w) => /worker/.test(w.url())).length;
    check(app, 'five editors on one page: all underlined, one shared worker', sections === 4 && workers === 1, `sections=${sections} workers=${workers}`);
    const log = await page.evaluate(() => window.__app);
    check(app, 'cdi-findings, cdi-answer and cdi-status events arrive', log.findings.length > 0 && log.answers === 1 && log.statuses.includes('ready'), JSON.stringify(log));
    check(app, 'zero CSP violations, zero page errors, nothing leaves the origin', (await problems()).length === 0 && errors.length === 0, [...(await problems()), ...errors].join('\n       '));
  } finally {
    await close();
  }
}

async function testReact(dir) {
  const app = 'react';
  const tsc = run('npx', ['tsc', '-p', '.'], dir, { allowFail: true });
  check(app, 'the app typechecks: <CdiEditor onCdiFindings> and <cdi-editor oncdi-findings> (React 19 JSX)', tsc.status === 0, (tsc.stdout + tsc.stderr).slice(0, 1500));
  const { page, errors, problems, close } = await open(dir);
  try {
    const underlined = await until(() => underlines(page));
    check(app, 'underlines appear', underlined?.includes('CKD'), JSON.stringify(underlined));
    const events = await until(() => page.evaluate(() => window.__app.findings > 0 && window.__app.statuses.includes('ready') && document.querySelector('#count').textContent));
    check(app, 'onCdiFindings and onCdiStatus receive the events (React state shows the findings)', /CKD/.test(events || ''), String(events));

    // Typing in the middle with `value` controlled (each keystroke goes through React state and back):
    // the caret must stay where the user types.
    const NOTE = 'Assessment: CKD, hypertension.';
    const editable = await page.waitForSelector('cdi-editor >>> .editor[contenteditable="true"]', { timeout: STEP_MS });
    await editable.click();
    await page.keyboard.press('End');
    for (let i = 0; i < 'hypertension.'.length; i++) await page.keyboard.press('ArrowLeft');
    await page.keyboard.type('acute ', { delay: 30 });
    const typed = NOTE.replace('hypertension', 'acute hypertension');
    await until(() => page.evaluate((t) => window.__app.value === t, typed), 5_000);
    const [value, state, changes] = await page.evaluate(() => [document.querySelector('cdi-editor').value, window.__app.value, window.__app.changes]);
    check(app, 'typing mid-line under StrictMode with value controlled: no caret jump, React state in step', value === typed && state === typed && changes >= 6, JSON.stringify({ value, state, changes }));

    const { before, after, label } = await answerInElement(page);
    const change = inserted(before, after);
    await until(() => page.evaluate((t) => window.__app.value === t && window.__app.answers > 0, after), 5_000);
    const log = await page.evaluate(() => window.__app);
    check(app, `an answer ("${label}") writes its words; onCdiAnswer and onCdiChange keep React state equal`,
      change.removed === '' && change.added.trim().toLowerCase() === label.toLowerCase() && log.answers === 1 && log.value === after,
      JSON.stringify({ before, after, log }));
    check(app, 'zero CSP violations, zero page errors, nothing leaves the origin', (await problems()).length === 0 && errors.length === 0, [...(await problems()), ...errors].join('\n       '));
  } finally {
    await close();
  }
}

async function testTiptap(dir, app = 'tiptap') {
  // One copy of ProseMirror in the bundle: prosemirror-state's error text appears once.
  const js = measure(join(dir, 'dist')).files.filter((f) => f.endsWith('.js') && !/^assets\/worker/.test(f));
  const copies = js.map((f) => readFileSync(join(dir, 'dist', f), 'utf8').split('Adding different instances of a keyed plugin').length - 1).reduce((a, b) => a + b, 0);
  check(app, 'the bundle holds one copy of prosemirror-state', copies === 1, `${copies} copies`);
  const { page, errors, problems, close } = await open(dir);
  try {
    const text = () => page.evaluate(() => window.__editor.state.doc.textBetween(0, window.__editor.state.doc.content.size, '\n', '\n'));
    const placed = await until(() => page.evaluate(() => {
      const editor = window.__editor;
      const findings = editor.storage.cdiLint.findings;
      if (findings.length < 3) return null;
      return findings.map((f) => ({
        words: f.finding.text,
        doc: editor.state.doc.textBetween(f.from, f.to),
        dom: [...document.querySelectorAll(`[data-finding-id="${CSS.escape(f.id)}"]`)].map((e) => e.textContent).join(''),
      }));
    }));
    check(app, 'underlines on the right words across a heading, list items, a bold mark and a hard break',
      placed && placed.every((p) => p.words === p.doc && p.doc === p.dom) && ['CHF exacerbation', 'CKD', 'OA'].every((w) => placed.some((p) => p.words === w)),
      JSON.stringify(placed));

    // Answer CKD's stage from the popover, then undo once.
    const before = await text();
    const ckd = await page.evaluateHandle(() => [...document.querySelectorAll('.cdi-finding')].find((e) => e.textContent === 'CKD'));
    await ckd.asElement().click();
    const option = await page.waitForSelector('.cdi-popover:not([hidden]) .cdi-popover__option--answer', { timeout: STEP_MS });
    // The default styles survive the host's CSS pipeline (Vite minifies them with lightningcss).
    const styled = await page.evaluate(() => {
      const cs = (selector) => getComputedStyle(document.querySelector(selector));
      return {
        underline: cs('.cdi-finding--warning').textDecorationColor,
        popoverBorder: `${cs('.cdi-popover').borderTopStyle} ${cs('.cdi-popover').borderTopColor}`,
        optionBorder: `${cs('.cdi-popover__option--answer').borderTopStyle} ${cs('.cdi-popover__option--answer').borderTopColor}`,
      };
    });
    check(app, 'cdi-lint/styles.css applies: coloured wavy underline, bordered popover and options', styled.underline === 'rgb(154, 52, 18)' &&
      styled.popoverBorder === 'solid rgb(107, 114, 128)' && styled.optionBorder === 'solid rgb(107, 114, 128)', JSON.stringify(styled));
    await page.screenshot({ path: join(dir, 'popover.png') });
    const label = await option.evaluate((b) => b.textContent.trim());
    await option.click();
    await until(async () => (await text()) !== before, 5_000);
    const after = await text();
    const change = inserted(before, after);
    check(app, `the popover's answer ("${label}") writes its words`, change.removed === '' && change.added.trim().toLowerCase() === label.toLowerCase(), JSON.stringify({ before, after }));
    await page.evaluate(() => window.__editor.commands.undo());
    check(app, "one undo in Tiptap's history restores the text exactly", (await text()) === before, JSON.stringify(await text()));

    // "Other" on the knee's side.
    const oa = await until(() => page.evaluateHandle(() => [...document.querySelectorAll('.cdi-finding')].find((e) => e.textContent === 'OA') ?? null).then((h) => h.asElement()));
    await oa.click();
    const other = await page.waitForSelector('.cdi-popover:not([hidden]) .cdi-popover__option--other', { timeout: STEP_MS });
    await other.click();
    const input = await page.waitForSelector('.cdi-popover__other input', { timeout: STEP_MS });
    await input.type('left and right');
    await page.keyboard.press('Enter');
    await until(async () => (await text()) !== before, 5_000);
    const afterOther = await text();
    check(app, '"Other (please specify)" writes the typed words', inserted(before, afterOther).added.toLowerCase().includes('left and right'), JSON.stringify(afterOther));
    check(app, 'zero CSP violations, zero page errors, nothing leaves the origin', (await problems()).length === 0 && errors.length === 0, [...(await problems()), ...errors].join('\n       '));
  } finally {
    await close();
  }
}

async function main() {
  const dirArg = args.indexOf('--dir');
  const work = dirArg >= 0 ? args[dirArg + 1] : mkdtempSync(join(tmpdir(), 'cdi-embed-'));
  mkdirSync(work, { recursive: true });
  console.log(`test:embed: working in ${work}`);
  if (!args.includes('--no-build')) run('npm', ['run', '--silent', 'build:lib'], root);
  const pack = run('npm', ['pack', '--json', '--pack-destination', work], root);
  const packed = JSON.parse(pack.stdout)[0];
  const tarball = join(work, packed.filename);
  const models = packed.files.filter((f) => f.size > 2_000_000).map((f) => f.path);
  console.log(`  tarball ${packed.filename}: ${(packed.size / 1024).toFixed(0)} KB packed, ${(packed.unpackedSize / 1024).toFixed(0)} KB unpacked, ${packed.files.length} files`);
  check('package', 'the language model ships once (one file over 2 MB: dist/worker.js)', models.length === 1 && models[0] === 'dist/worker.js', JSON.stringify(models));
  check('package', 'LICENSE, THIRD-PARTY-NOTICES.md, custom-elements.json and the styles are in the tarball',
    ['LICENSE', 'dist/THIRD-PARTY-NOTICES.md', 'dist/custom-elements.json', 'dist/cdi-lint.css'].every((f) => packed.files.some((x) => x.path === f)));

  const sizes = {};
  const only = args.includes('--only') ? args[args.indexOf('--only') + 1].split(',') : null;
  for (const [app, test] of [['plain', testPlain], ['react', testReact], ['tiptap', testTiptap], ['tiptap2', (dir) => testTiptap(dir, 'tiptap2')]]) {
    if (only && !only.includes(app)) continue;
    const dir = join(work, app);
    mkdirSync(dir, { recursive: true });
    try {
      install(app, dir, tarball);
      sizes[app] = build(app, dir);
      await test(dir);
    } catch (error) {
      check(app, 'the app installs, builds and runs', false, error?.stack ?? String(error));
    }
  }

  console.log('\n| app | JS+CSS gzip without cdi-lint | with | added | worker (gzip, on first analysis) |');
  console.log('|---|---:|---:|---:|---:|');
  for (const [app, s] of Object.entries(sizes)) {
    const kb = (n) => `${(n / 1024).toFixed(1)} KB`;
    console.log(`| ${app} | ${kb(s.base.page)} | ${kb(s.withLint.page)} | **${kb(s.added)}** (${s.added} B) | ${kb(s.withLint.worker)} |`);
  }
  writeFileSync(join(work, 'results.json'), JSON.stringify({ tarball: packed.filename, size: packed.size, unpackedSize: packed.unpackedSize, sizes, results }, null, 2));
  if (dirArg < 0 && !args.includes('--keep')) rmSync(work, { recursive: true, force: true });
}

main()
  .catch((error) => check('run', 'the run completes', false, error?.stack ?? String(error)))
  .finally(() => {
    const failed = results.filter((r) => !r.ok).length;
    console.log(`${results.length - failed} passed, ${failed} failed`);
    process.exitCode = failed > 0 || results.length === 0 ? 1 : 0;
  });

/** Every file under `dir`, recursively (absolute paths). */
function listFiles(dir) {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? listFiles(join(dir, e.name)) : [join(dir, e.name)]));
}
