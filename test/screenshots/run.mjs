#!/usr/bin/env node
/**
 * `npm run screenshots`: the demo in headless Chromium at 1280x800, 1920x1080, a 390x844 phone,
 * and 1280x800 in dark mode. For each: the clinician view with its findings and the CDI workspace,
 * a query popover open (a bottom sheet on the phone), then the workspace after one query was
 * answered in the popover and another sent. Writes PNGs to `--out DIR` (default: a
 * directory under the system's temp dir) and prints one JSON line of layout measurements per
 * shot: horizontal overflow, the popover's box against the viewport, whether it scrolls inside,
 * the smallest interactive target, and whether the findings are beside the note.
 *
 * Builds the demo first (`npm run build:demo`; skip with `--no-build`). Served under the same
 * strict Content-Security-Policy as `npm run test:csp`, offline.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import puppeteer from 'puppeteer-core';
import { findChrome } from '../browser/ensure-chrome.mjs';
import { startServer } from '../csp/server.mjs';

const root = fileURLToPath(new URL('../..', import.meta.url));
const args = process.argv.slice(2);
const outIndex = args.indexOf('--out');
const out = outIndex >= 0 ? args[outIndex + 1] : join(tmpdir(), 'cdi-lint-screenshots');
const STEP_TIMEOUT_MS = 60_000;
/** The strict policy of `npm run test:csp` (test/csp/run.mjs), repeated: that module runs its checks when imported. */
const POLICY = ["default-src 'none'", "script-src 'self'", "worker-src 'self'", "style-src 'self'", "base-uri 'none'", "form-action 'none'", "frame-ancestors 'none'"].join('; ');

/** The shots: a name, the viewport, the colour scheme. */
const SHOTS = [
  { name: 'desktop-1280x800', width: 1280, height: 800, scheme: 'light' },
  { name: 'desktop-1920x1080', width: 1920, height: 1080, scheme: 'light' },
  { name: 'phone-390x844', width: 390, height: 844, scheme: 'light', mobile: true },
  { name: 'dark-1280x800', width: 1280, height: 800, scheme: 'dark' },
];

/** Layout facts of the page now (runs in the page). */
function measure() {
  const editor = document.querySelector('#clinician');
  const root = editor.shadowRoot;
  const vw = document.documentElement.clientWidth;
  const vh = window.innerHeight;
  const popover = root.querySelector('.popover');
  const box = popover?.getBoundingClientRect();
  const note = root.querySelector('.editor').getBoundingClientRect();
  const panel = root.querySelector('.panel').getBoundingClientRect();
  const targets = [];
  const collect = (scope) => {
    for (const el of scope.querySelectorAll('button, select, summary, input, a[href]')) {
      const r = el.getBoundingClientRect();
      if (r.width === 0 || r.height === 0) continue; // hidden
      targets.push({ what: `${el.tagName.toLowerCase()}${el.className ? `.${String(el.className).split(' ')[0]}` : ''} ${(el.textContent ?? '').trim().slice(0, 24)}`, h: Math.round(r.height), w: Math.round(r.width) });
    }
  };
  collect(document);
  collect(root);
  collect(document.querySelector('#workspace').shadowRoot);
  const smallest = targets.reduce((a, b) => (Math.min(b.h, b.w) < Math.min(a.h, a.w) ? b : a), targets[0]);
  return {
    horizontalOverflow: document.documentElement.scrollWidth - vw,
    findingsBesideNote: panel.left >= note.right - 1 && panel.top < note.bottom,
    panelTopVsFold: Math.round(panel.top - vh),
    popover: box
      ? {
          inside: box.left >= -0.5 && box.top >= -0.5 && box.right <= vw + 0.5 && box.bottom <= vh + 0.5,
          box: [Math.round(box.left), Math.round(box.top), Math.round(box.right), Math.round(box.bottom)],
          sheet: popover.classList.contains('popover--sheet'),
          scrollsInside: popover.scrollHeight > popover.clientHeight + 1,
        }
      : null,
    smallestTarget: smallest,
  };
}

async function main() {
  if (!args.includes('--no-build')) {
    const built = spawnSync('npm', ['run', '--silent', 'build:demo'], { cwd: root, encoding: 'utf8' });
    if (built.status !== 0) throw new Error(`npm run build:demo failed\n${built.stdout}${built.stderr}`);
  }
  mkdirSync(out, { recursive: true });
  const server = await startServer({ root: join(root, 'demo'), policy: POLICY });
  const browser = await puppeteer.launch({
    executablePath: findChrome(),
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--hide-scrollbars'],
  });
  try {
    for (const shot of SHOTS) {
      const page = await browser.newPage();
      await page.setViewport({ width: shot.width, height: shot.height, isMobile: Boolean(shot.mobile), hasTouch: Boolean(shot.mobile), deviceScaleFactor: 1 });
      await page.emulateMediaFeatures([{ name: 'prefers-color-scheme', value: shot.scheme }]);
      await page.goto(`${server.origin}/`, { waitUntil: 'load' });
      await page.waitForFunction(() => (document.querySelector('#clinician')?.findings?.length ?? 0) > 0, { timeout: STEP_TIMEOUT_MS });
      await page.waitForFunction(() => document.querySelector('#workspace')?.shadowRoot?.querySelector('.queries .card'), { timeout: STEP_TIMEOUT_MS });
      const view = join(out, `${shot.name}.png`);
      await page.screenshot({ path: view });
      console.log(JSON.stringify({ shot: `${shot.name}.png`, ...(await page.evaluate(measure)) }));
      // A query popover, opened from the findings panel as a user would (the first finding with two items if any).
      const item = await page.evaluateHandle(() => {
        const root = document.querySelector('#clinician').shadowRoot;
        return root.querySelector('.panel button[data-finding-id]');
      });
      await item.asElement().click();
      await page.waitForFunction(() => {
        const p = document.querySelector('#clinician').shadowRoot.querySelector('.popover');
        return p && p.style.top !== '' && p.style.left !== '';
      }, { timeout: STEP_TIMEOUT_MS });
      await new Promise((r) => setTimeout(r, 200));
      const popoverShot = join(out, `${shot.name}-popover.png`);
      await page.screenshot({ path: popoverShot });
      console.log(JSON.stringify({ shot: `${shot.name}-popover.png`, ...(await page.evaluate(measure)) }));
      // The workspace after work: one query answered in the popover, one sent from the workspace.
      await page.evaluate(() => {
        const root = document.querySelector('#clinician').shadowRoot;
        for (const item of root.querySelectorAll('.popover fieldset')) item.querySelector('button[data-role="answer"]')?.click();
      });
      await page.waitForFunction(() => document.querySelector('#workspace').shadowRoot.querySelector('.card--answered'), { timeout: STEP_TIMEOUT_MS });
      await page.evaluate(() => document.querySelector('#workspace').shadowRoot.querySelector('.card--open button[part="send-query"]')?.click());
      const workspaceShot = join(out, `${shot.name}-workspace.png`);
      await page.evaluate(() => document.querySelector('#workspace').scrollIntoView());
      await new Promise((r) => setTimeout(r, 200));
      await page.screenshot({ path: workspaceShot });
      console.log(JSON.stringify({ shot: `${shot.name}-workspace.png`, ...(await page.evaluate(measure)) }));
      await page.close();
    }
  } finally {
    await browser.close();
    await server.close();
  }
  console.log(`screenshots in ${out}`);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
