#!/usr/bin/env node
/**
 * Opens a batch report (`cdi-lint --report FILE`) from disk in headless Chromium, offline, checks
 * that it works there, and takes screenshots for the README:
 *
 *   node test/browser/report-screenshot.mjs REPORT.html [OUT_PREFIX]
 *
 * Every request other than the report's own file:// URL is recorded and aborted; CSP violations
 * are recorded from the page. Checks: the inline script ran (the page's CSP allowed it by hash),
 * the charts have bars, typing in the filter narrows the table, a header click sorts it, zero CSP
 * violations, zero other requests. Writes OUT_PREFIX.png (the top of the report) and
 * OUT_PREFIX-table.png (the table, filtered); default prefix demo/report-screenshot.
 * Exits 1 when a check fails. (The same behaviours are tested in CI by test/browser/report.test.ts.)
 */
import { resolve } from 'node:path';
import { pathToFileURL, fileURLToPath } from 'node:url';
import puppeteer from 'puppeteer-core';
import { findChrome } from './ensure-chrome.mjs';

const [reportPath, prefix = fileURLToPath(new URL('../../demo/report-screenshot', import.meta.url))] = process.argv.slice(2);
if (!reportPath) {
  console.error('usage: node test/browser/report-screenshot.mjs REPORT.html [OUT_PREFIX]');
  process.exit(2);
}
const chrome = findChrome();
if (!chrome) {
  console.error('No Chromium found: run `node test/browser/ensure-chrome.mjs` first, or set CHROME_PATH.');
  process.exit(1);
}

const url = pathToFileURL(resolve(reportPath)).href;
const browser = await puppeteer.launch({
  executablePath: chrome,
  headless: true,
  args: ['--no-sandbox', '--headless', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
});
let failed = 0;
const check = (name, ok, detail = '') => {
  if (!ok) failed++;
  console.log(`${ok ? 'ok  ' : 'FAIL'} ${name}${!ok && detail ? `: ${detail}` : ''}`);
};
try {
  const page = await browser.newPage();
  await page.setViewport({ width: 1280, height: 1100, deviceScaleFactor: 1 });
  const offsite = [];
  await page.setRequestInterception(true);
  page.on('request', (request) => {
    if (request.url() === url) return request.continue();
    offsite.push(request.url());
    return request.abort();
  });
  await page.evaluateOnNewDocument(() => {
    window.__violations = [];
    document.addEventListener('securitypolicyviolation', (e) => window.__violations.push(`${e.violatedDirective} ${e.blockedURI}`));
  });
  await page.goto(url, { waitUntil: 'load' });

  check('the inline script ran under the report CSP', await page.evaluate(() => document.documentElement.hasAttribute('data-ready')));
  const bars = await page.evaluate(() => [...document.querySelectorAll('svg.chart')].map((svg) => [...svg.querySelectorAll('rect')].filter((r) => r.getBoundingClientRect().width > 0).length));
  check('three charts with bars', bars.length === 3 && bars.every((n) => n > 0), JSON.stringify(bars));
  await page.screenshot({ path: `${prefix}.png` });

  const total = await page.evaluate(() => document.querySelectorAll('#findings tbody tr').length);
  await page.type('#filter-text', 'heart');
  const filtered = await page.evaluate(() => [...document.querySelectorAll('#findings tbody tr')].filter((r) => !r.hidden).map((r) => r.textContent.toLowerCase()));
  check('the filter narrows the table', filtered.length > 0 && filtered.length < total && filtered.every((t) => t.includes('heart')), `${filtered.length} of ${total}`);
  await page.evaluate(() => [...document.querySelectorAll('#findings th button')].find((b) => b.textContent === 'Candidates').click());
  await page.evaluate(() => [...document.querySelectorAll('#findings th button')].find((b) => b.textContent === 'Candidates').click());
  const counts = await page.evaluate(() => [...document.querySelectorAll('#findings tbody tr')].filter((r) => !r.hidden).map((r) => Number(r.cells[8].textContent)));
  check('a second header click sorts descending', counts.every((n, i) => i === 0 || counts[i - 1] >= n), counts.slice(0, 10).join(','));
  await page.evaluate(() => document.getElementById('table').scrollIntoView());
  await page.screenshot({ path: `${prefix}-table.png` });

  const violations = await page.evaluate(() => window.__violations);
  check('no CSP violations', violations.length === 0, violations.join('; '));
  check('no request left the file', offsite.length === 0, offsite.join(', '));
  console.log(`screenshots: ${prefix}.png, ${prefix}-table.png`);
} finally {
  await browser.close();
}
process.exit(failed > 0 ? 1 : 0);
