/**
 * The batch report (src/report) in Chromium: built from figures with hostile note text, loaded
 * into a frame as its own document (so its `<meta>` Content-Security-Policy governs it), then:
 * the charts render with bars, the inline script runs (allowed by its hash) and filters and sorts
 * the table, nothing from the notes runs, and the policy is live (an injected inline script is
 * refused). The file opened from disk with the network blocked, and the README screenshot, are
 * checked by test/browser/report-screenshot.mjs.
 */
import { expect } from 'chai';
import { buildReport } from '../../src/report/build-report.js';
import { ReportSummary } from '../../src/report/summary.js';
import type { ReportFinding, ReportNote } from '../../src/report/types.js';

const EVIL = '<img src=x onerror="window.parent.__pwned=1"><script>window.parent.__pwned=1</script>';

function finding(family: string, axes: string[], evidence: string, candidates: number, kind = 'missing-specificity'): ReportFinding {
  return { kind, family, axes, severity: 'warning', before: 'PMH: ', evidence, after: `, stable. ${EVIL}`, current: 'X00.0', candidates };
}

function notes(): ReportNote[] {
  return [
    { name: 'a.ndjson:1', id: 'doc-1', subject: 'Patient/p1', date: '2026-10-03T10:00:00Z', findings: [finding('heart-failure', ['acuity', 'type'], 'CHF', 12), finding('chronic-kidney-disease', ['stage'], 'CKD', 7)] },
    { name: 'a.ndjson:2', id: 'doc-2', subject: 'Patient/p2', date: '2026-10-01T10:00:00Z', findings: [finding('heart-failure', ['type'], 'HFrEF', 3)] },
    { name: `notes/${EVIL}.txt`, subject: EVIL, findings: [finding('sepsis', [], 'urosepsis', 4, 'vague-term')] },
    { name: 'a.ndjson:4', id: 'doc-4', date: '2026-10-09', findings: [] },
  ];
}

let frame: HTMLIFrameElement;
let doc: Document;
const violations: string[] = [];

async function openReport(): Promise<void> {
  const summary = new ReportSummary();
  for (const n of notes()) summary.add(n);
  const html = buildReport(summary.result(), { setting: 'inpatient', jobs: 2, format: 'ndjson', inputs: ['a.ndjson'], version: 'test', generated: '2026-12-02T08:00:00Z' }, 1);
  const url = URL.createObjectURL(new Blob([html], { type: 'text/html' }));
  frame = document.createElement('iframe');
  frame.style.width = '1200px';
  frame.style.height = '900px';
  const loaded = new Promise((resolve) => frame.addEventListener('load', resolve, { once: true }));
  frame.src = url;
  document.body.append(frame);
  await loaded;
  doc = frame.contentDocument!;
  doc.addEventListener('securitypolicyviolation', (e) => violations.push(e.violatedDirective));
}

function visibleRows(): HTMLTableRowElement[] {
  return [...doc.querySelectorAll<HTMLTableRowElement>('#findings tbody tr')].filter((r) => !r.hidden);
}

function column(name: string): number {
  return [...doc.querySelectorAll('#findings thead th')].findIndex((th) => th.textContent === name);
}

function clickHeader(name: string): void {
  [...doc.querySelectorAll<HTMLButtonElement>('#findings th button')].find((b) => b.textContent === name)!.click();
}

describe('the batch report in Chromium', () => {
  before(openReport);
  after(() => frame.remove());

  it('runs its inline script under its own CSP (allowed by hash)', () => {
    expect(doc.documentElement.hasAttribute('data-ready')).to.equal(true);
  });

  it('draws three charts whose bars have width, the largest family first', () => {
    const charts = [...doc.querySelectorAll('svg.chart')];
    expect(charts).to.have.length(3);
    for (const chart of charts) {
      const widths = [...chart.querySelectorAll('rect')].map((r) => r.getBoundingClientRect().width);
      expect(widths.length).to.be.greaterThan(0);
      expect(widths.every((w) => w > 0)).to.equal(true);
    }
    expect(charts[0]!.querySelector('text')!.textContent).to.equal('Heart failure');
  });

  it('shows a row per finding with the evidence marked in its sentence, note text as text', () => {
    expect(visibleRows()).to.have.length(4);
    expect([...doc.querySelectorAll('#findings mark')].map((m) => m.textContent)).to.deep.equal(['CHF', 'CKD', 'HFrEF', 'urosepsis']);
    expect(doc.querySelectorAll('img, #findings script, iframe')).to.have.length(0);
    expect((window as unknown as { __pwned?: number }).__pwned).to.equal(undefined);
  });

  it('filters the rows by the words typed, and says how many are shown', () => {
    const input = doc.getElementById('filter-text') as HTMLInputElement;
    input.value = 'heart p2';
    input.dispatchEvent(new Event('input'));
    expect(visibleRows().map((r) => r.cells[0]!.textContent)).to.deep.equal(['doc-2']);
    expect(doc.getElementById('shown')!.textContent).to.equal('1');
    input.value = '';
    input.dispatchEvent(new Event('input'));
    expect(visibleRows()).to.have.length(4);
  });

  it('filters by kind and by family', () => {
    const kind = doc.getElementById('filter-kind') as HTMLSelectElement;
    kind.value = 'vague-term';
    kind.dispatchEvent(new Event('change'));
    expect(visibleRows().map((r) => r.dataset['kind'])).to.deep.equal(['vague-term']);
    kind.value = '';
    kind.dispatchEvent(new Event('change'));
    const family = doc.getElementById('filter-family') as HTMLSelectElement;
    family.value = 'heart-failure';
    family.dispatchEvent(new Event('change'));
    expect(visibleRows()).to.have.length(2);
    family.value = '';
    family.dispatchEvent(new Event('change'));
  });

  it('sorts by a column on a header click, then the other way on a second click', () => {
    const candidates = (): number[] => visibleRows().map((r) => Number(r.cells[column('Candidates')]!.textContent));
    clickHeader('Candidates');
    expect(candidates()).to.deep.equal([3, 4, 7, 12]);
    expect(doc.querySelector('th[aria-sort]')!.getAttribute('aria-sort')).to.equal('ascending');
    clickHeader('Candidates');
    expect(candidates()).to.deep.equal([12, 7, 4, 3]);
    clickHeader('Date');
    expect(visibleRows().map((r) => r.cells[column('Date')]!.textContent)).to.deep.equal(['', '2026-10-01', '2026-10-03', '2026-10-03']);
  });

  it('refuses an inline script that is not its own (the policy is live), with no other violation', async () => {
    const refused = new Promise((resolve) => doc.addEventListener('securitypolicyviolation', resolve, { once: true }));
    const script = doc.createElement('script');
    script.textContent = 'window.parent.__pwned = 1;';
    doc.body.append(script);
    await refused;
    expect((window as unknown as { __pwned?: number }).__pwned).to.equal(undefined);
    expect(violations).to.deep.equal(['script-src-elem']);
  });
});
