#!/usr/bin/env node
/**
 * `npm run test:csp`: the demo under a strict Content-Security-Policy, offline.
 *
 * Builds the demo bundle (`npm run build:demo`; skip with `--no-build`), serves demo/ from
 * test/csp/server.mjs on 127.0.0.1 with {@link POLICY} on every response (the worker's too), and
 * drives headless Chromium (puppeteer-core; Chromium from test/browser/ensure-chrome.mjs) with:
 * - request interception: a request to any other origin is recorded and aborted (host resolution
 *   is also mapped away, so nothing could leave even unrecorded);
 * - CSP violations recorded four ways: `securitypolicyviolation` events in the page and in each
 *   worker, console messages of the page and its workers, and the reports the browser POSTs to
 *   the `report-uri`.
 *
 * The run: type a note with the keyboard, wait for findings from the Web Worker (`cdi-findings`),
 * answer a query from the popover, undo. Then it asserts findings appeared, the answer changed the
 * text, undo restored it, zero CSP violations, zero requests off the page's origin. Two canaries
 * at the end prove the recording is live: a cross-origin fetch in the page and an `eval` in the
 * worker must each be refused and reported.
 *
 * Prints one line per check and `N passed, N failed`; exits 1 when any check failed.
 */
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import puppeteer from 'puppeteer-core';
import { findChrome } from '../browser/ensure-chrome.mjs';
import { startServer } from './server.mjs';

const root = fileURLToPath(new URL('../..', import.meta.url));

/**
 * The strictest policy the demo runs under: nothing by default; scripts, the worker and styles
 * only from this origin (Lit's styles are constructable stylesheets, which style-src does not
 * govern; no inline `<style>`, no `style=""` attributes). No 'unsafe-eval', no 'unsafe-inline'.
 */
export const POLICY = [
  "default-src 'none'",
  "script-src 'self'",
  "worker-src 'self'",
  "style-src 'self'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

/** The note typed into the clinician editor. */
const NOTE = 'PMH: CHF. Anemia.';
/** An address that never answers (TEST-NET-1): the page canary's cross-origin fetch. */
const CANARY_URL = 'http://192.0.2.1/cdi-csp-canary';
const STEP_TIMEOUT_MS = 20_000;

const results = [];
function check(name, ok, detail = '') {
  results.push({ name, ok: Boolean(ok) });
  console.log(`${ok ? 'ok  ' : 'FAIL'} ${name}${!ok && detail ? `\n       ${detail}` : ''}`);
}

/** Polls `fn` until it returns a truthy value or `ms` pass; resolves with the last value. */
async function until(fn, ms = STEP_TIMEOUT_MS) {
  const end = Date.now() + ms;
  let value = await fn();
  while (!value && Date.now() < end) {
    await new Promise((r) => setTimeout(r, 50));
    value = await fn();
  }
  return value;
}

function build() {
  console.log('test:csp: npm run build:demo');
  const out = spawnSync('npm', ['run', '--silent', 'build:demo'], { cwd: root, encoding: 'utf8' });
  if (out.status !== 0) throw new Error(`npm run build:demo failed (exit ${out.status ?? out.signal})\n${out.stdout}${out.stderr}`);
}

/** In the page before any script: records violations and the element's events. */
function instrument() {
  window.__csp = { violations: [], events: [] };
  document.addEventListener('securitypolicyviolation', (e) => {
    window.__csp.violations.push({ directive: e.effectiveDirective, blocked: e.blockedURI, source: e.sourceFile, sample: e.sample });
  });
  for (const type of ['cdi-findings', 'cdi-answer']) {
    document.addEventListener(type, (e) => {
      const target = e.composedPath()[0];
      window.__csp.events.push({
        type,
        target: target && target.id,
        findings: type === 'cdi-findings' ? e.detail.findings.map((f) => f.text) : undefined,
        wording: type === 'cdi-answer' ? e.detail.wording : undefined,
      });
    });
  }
}

/** In a worker: records its `securitypolicyviolation` events (those during the canary marked). */
function recordWorkerViolations() {
  self.__csp = [];
  self.addEventListener('securitypolicyviolation', (e) => {
    self.__csp.push({ directive: e.effectiveDirective, blocked: e.blockedURI, source: e.sourceFile, canary: self.__cspCanary === true });
  });
}

async function main() {
  if (!process.argv.includes('--no-build')) build();
  const executablePath = findChrome();
  if (!executablePath) throw new Error('No Chromium found: run `node test/browser/ensure-chrome.mjs` or set CHROME_PATH');
  const server = await startServer({ root: `${root}demo`, policy: POLICY });
  const { origin } = server;
  console.log(`test:csp: ${origin}/ with Content-Security-Policy: ${POLICY}`);

  const browser = await puppeteer.launch({
    executablePath,
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      // Offline: every host name resolves nowhere except the test server's address.
      '--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1',
    ],
  });
  const offOrigin = [];
  const onOrigin = [];
  const consoleCsp = [];
  const pageErrors = [];
  try {
    const page = await browser.newPage();
    await page.setRequestInterception(true);
    page.on('request', (request) => {
      const url = request.url();
      if (url.startsWith('data:') || url.startsWith('blob:')) return void request.continue();
      if (new URL(url).origin !== origin) {
        offOrigin.push(url);
        return void request.abort('blockedbyclient');
      }
      onOrigin.push(new URL(url).pathname);
      return void request.continue();
    });
    const onConsole = (where) => (message) => {
      if (/Content Security Policy|Refused to/i.test(message.text())) consoleCsp.push(`${where}: ${message.text()}`);
    };
    page.on('console', onConsole('page'));
    page.on('workercreated', (worker) => {
      worker.on('console', onConsole(`worker ${worker.url()}`));
      // Violations inside a worker fire there, not in the page: record them in the worker.
      worker.evaluate(recordWorkerViolations).catch(() => undefined);
    });
    page.on('pageerror', (error) => pageErrors.push(error.message));
    await page.evaluateOnNewDocument(instrument);

    await page.goto(`${origin}/`, { waitUntil: 'load' });
    const upgraded = await until(() => page.evaluate(() => customElements.get('cdi-editor') !== undefined && Boolean(document.querySelector('#clinician')?.shadowRoot)));
    check('the demo loads and <cdi-editor> upgrades under the policy', upgraded && pageErrors.length === 0, pageErrors.join('; '));

    // Type a note with the keyboard (replacing the sample note).
    const editor = await page.waitForSelector('#clinician >>> .editor[contenteditable="true"]', { timeout: STEP_TIMEOUT_MS });
    await editor.click();
    await page.keyboard.down('Control');
    await page.keyboard.press('a');
    await page.keyboard.up('Control');
    await page.keyboard.press('Backspace');
    const eventsBeforeTyping = await page.evaluate(() => window.__csp.events.length);
    await page.keyboard.type(NOTE, { delay: 15 });
    const typed = await page.evaluate(() => document.querySelector('#clinician').value);
    check('the note typed with the keyboard is the editor\'s text', typed === NOTE, JSON.stringify(typed));

    // Findings from the worker.
    const found = await until(() =>
      page.evaluate(
        (n, note) =>
          document.querySelector('#clinician').value === note &&
          window.__csp.events.slice(n).some((e) => e.type === 'cdi-findings' && e.target === 'clinician' && e.findings.includes('CHF')),
        eventsBeforeTyping,
        NOTE,
      ),
    );
    const workerUrls = page.workers().map((w) => new URL(w.url()).pathname);
    const engineInPage = onOrigin.filter((p) => /inline-analyzer|engine/.test(p));
    check(
      'findings for the typed note arrive as cdi-findings, analysed in the Web Worker',
      found && workerUrls.includes('/dist/worker.js') && engineInPage.length === 0,
      `found=${found} workers=${JSON.stringify(workerUrls)} engine chunks in page=${JSON.stringify(engineInPage)}`,
    );

    // Answer a query from the popover (opened from the findings panel).
    const item = await page.waitForSelector('#clinician >>> .panel button[data-finding-id]', { timeout: STEP_TIMEOUT_MS });
    await item.click();
    const answer = await page.waitForSelector('#clinician >>> .popover button[part="answer"]', { timeout: STEP_TIMEOUT_MS });
    // The option's label (the button also shows a preview of what it writes).
    const wording = await answer.evaluate((b) => (b.querySelector('.option-label') ?? b).textContent.trim());
    // Floating UI places it asynchronously, through the CSSOM (a style attribute in markup would be refused).
    await page.waitForFunction(() => document.querySelector('#clinician').shadowRoot.querySelector('.popover')?.style.top !== '', { timeout: STEP_TIMEOUT_MS });
    const placed = await page.$eval('#clinician >>> .popover', (p) => [p.style.top, p.style.left]);
    check('the popover is positioned (top and left applied)', placed.every((v) => /^-?\d+(\.\d+)?px$/.test(v)), JSON.stringify(placed));
    await answer.click();
    const answered = await until(() => page.evaluate((note) => document.querySelector('#clinician').value !== note, NOTE));
    const afterAnswer = await page.evaluate(() => document.querySelector('#clinician').value);
    check(
      `the popover's answer ("${wording}") changes the text`,
      answered && afterAnswer === NOTE.replace('CHF', `${wording} CHF`),
      JSON.stringify(afterAnswer),
    );

    // Undo (the editor has the focus back after an answer).
    await page.keyboard.down('Control');
    await page.keyboard.press('z');
    await page.keyboard.up('Control');
    const undone = await page.evaluate(() => document.querySelector('#clinician').value);
    check('undo restores the typed text', undone === NOTE, JSON.stringify(undone));

    // The review step before signing: the hand-off summary comes from the worker and is shown in a
    // dialog; signing with open queries needs a confirmation.
    await page.click('#review');
    await page.waitForSelector('#review-summary:not([hidden])', { timeout: STEP_TIMEOUT_MS });
    const signDisabled = await page.$eval('#sign', (b) => b.disabled);
    await page.click('#confirm-open');
    await page.click('#sign');
    await page.waitForFunction(() => /Signed/.test(document.querySelector('#signed')?.textContent ?? ''), { timeout: STEP_TIMEOUT_MS });
    check('the review step shows the hand-off and signs only after confirming open queries', signDisabled === true);

    // Canaries: the recording must see a refused cross-origin fetch in the page and an eval in the
    // worker (run from a timer: code evaluated by DevTools itself is exempt from the eval check).
    // Their reports name puppeteer's evaluation (`pptr:`) as the source, which sets them apart.
    const consoleBeforeCanaries = consoleCsp.length;
    const fetchOutcome = await page.evaluate((url) => fetch(url).then(() => 'loaded', (e) => e.name), CANARY_URL);
    const worker = page.workers().find((w) => w.url().endsWith('/dist/worker.js'));
    const evalOutcome = worker
      ? await worker.evaluate(
          () =>
            new Promise((resolve) => {
              self.__cspCanary = true;
              setTimeout(() => {
                try {
                  resolve(typeof new Function('return 1')());
                } catch (error) {
                  resolve(error.name);
                }
              });
            }),
        )
      : 'no worker';
    const fromCanary = (source) => String(source ?? '').startsWith('pptr');
    const pageCanaryReported = await until(
      () => server.reports.some((r) => fromCanary(r['source-file']) && r['effective-directive'] === 'connect-src'),
      5_000,
    );
    const pageEvents = await page.evaluate(() => window.__csp.violations);
    const workerEvents = (await Promise.all(page.workers().map((w) => w.evaluate(() => self.__csp ?? []).catch(() => [])))).flat();
    check(
      'canaries: a cross-origin fetch in the page and an eval in the worker are refused and recorded',
      fetchOutcome === 'TypeError' &&
        pageCanaryReported &&
        pageEvents.some((v) => fromCanary(v.source)) &&
        evalOutcome === 'EvalError' &&
        workerEvents.some((v) => v.canary && v.blocked === 'eval'),
      `fetch=${fetchOutcome} eval=${evalOutcome} reports=${JSON.stringify(server.reports)} worker events=${JSON.stringify(workerEvents)}`,
    );

    const violations = [
      ...server.reports.filter((r) => !fromCanary(r['source-file'])).map((r) => `report: ${JSON.stringify(r)}`),
      ...pageEvents.filter((v) => !fromCanary(v.source)).map((v) => `page event: ${JSON.stringify(v)}`),
      ...workerEvents.filter((v) => !v.canary).map((v) => `worker event: ${JSON.stringify(v)}`),
      ...consoleCsp.slice(0, consoleBeforeCanaries),
    ];
    check('zero CSP violations (events in page and workers, console of page and workers, reports)', violations.length === 0, violations.join('\n       '));

    check(
      'zero requests left the page\'s origin (interception saw the worker\'s script too)',
      offOrigin.length === 0 && onOrigin.includes('/dist/worker.js'),
      `off-origin=${JSON.stringify(offOrigin)} on-origin=${JSON.stringify(onOrigin)}`,
    );
  } finally {
    await browser.close();
    await server.close();
  }
}

main()
  .catch((error) => {
    check('the run completes', false, error?.stack ?? String(error));
  })
  .finally(() => {
    const failed = results.filter((r) => !r.ok).length;
    console.log(`${results.length - failed} passed, ${failed} failed`);
    process.exitCode = failed > 0 || results.length === 0 ? 1 : 0;
  });
