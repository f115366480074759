/**
 * The batch report builder (src/report): figures gathered in bounded memory, and one HTML file
 * that is self-contained, escapes all note text, and allows exactly its own inline style and script
 * by hash. Its behaviour in a browser (charts, filter, sort, CSP) is tested in
 * test/browser/report.test.ts.
 */
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { analyze } from '../../src/index.js';
import { buildReport } from '../../src/report/build-report.js';
import { reportNote } from '../../src/report/record.js';
import { sha256Base64 } from '../../src/report/sha256.js';
import { ReportSummary } from '../../src/report/summary.js';
import type { ReportNote, ReportSettings } from '../../src/report/types.js';

const SETTINGS: ReportSettings = { setting: 'inpatient', jobs: 2, format: 'ndjson', inputs: ['notes'], version: '0.1.0', generated: '2026-12-02T08:00:00.000Z' };
const EVIL = '<script>alert(1)</script><img src=x onerror=alert(2)>';

function note(name: string, text: string, identity: { id?: string; subject?: string; date?: string } = {}): ReportNote {
  return reportNote(name, identity, text, analyze(text).findings);
}

function report(notes: ReportNote[], limit?: number): string {
  const summary = new ReportSummary(limit);
  for (const n of notes) summary.add(n);
  return buildReport(summary.result(), SETTINGS);
}

describe('sha256Base64', () => {
  it('equals node:crypto on ASCII, multi-byte text, and lengths around the block size', () => {
    for (const s of ['', 'abc', 'a'.repeat(55), 'a'.repeat(56), 'a'.repeat(64), 'é✓😀'.repeat(50)]) {
      expect(sha256Base64(s)).toBe(createHash('sha256').update(s, 'utf8').digest('base64'));
    }
  });
});

describe('reportNote', () => {
  it('keeps each finding with its sentence split around the evidence, and drops the rest of the note', () => {
    const n = note('a.txt', 'Chief complaint: cough.\nASSESSMENT: Patient has CHF, on furosemide. Follow up.\n');
    expect(n.findings.map((f) => [f.before, f.evidence, f.after])).toEqual([['ASSESSMENT: Patient has ', 'CHF', ', on furosemide.']]);
    expect(JSON.stringify(n)).not.toContain('cough');
  });
});

describe('ReportSummary', () => {
  it('counts by family, kind and missing axis, ranks notes, and keeps the date range', () => {
    const summary = new ReportSummary();
    summary.add(note('a', 'PMH: CHF. CKD.', { date: '2026-10-05T10:00:00Z' }));
    summary.add(note('b', 'No findings here.', { date: '2026-10-01' }));
    summary.add(note('c', 'PMH: CHF.', { date: '2026-10-09T00:00:00Z' }));
    const data = summary.result();
    expect([data.notes, data.notesWithFindings, data.findings]).toEqual([3, 2, 3]);
    expect(data.byFamily).toEqual([['heart-failure', 2], ['chronic-kidney-disease', 1]]);
    expect(data.missingAxes.slice(0, 2)).toEqual([{ family: 'heart-failure', axis: 'acuity', count: 2 }, { family: 'heart-failure', axis: 'type', count: 2 }]);
    expect(data.topNotes.map((t) => [t.note.name, t.findings])).toEqual([['a', 2], ['c', 1]]);
    expect(data.dateRange).toEqual({ from: '2026-10-01', to: '2026-10-09T00:00:00Z' });
  });

  it('keeps at most the table limit of rows, but counts every finding', () => {
    const summary = new ReportSummary(2, 1);
    for (let i = 0; i < 3; i++) summary.add(note(`n${i}`, 'PMH: CHF. CKD.'));
    const data = summary.result();
    expect([data.rows.length, data.rowsTotal, data.topNotes.length]).toEqual([2, 6, 1]);
  });
});

describe('buildReport', () => {
  const html = report([
    note(`notes/${EVIL}.txt`, `PMH: CHF ${EVIL} and "quotes" & more.`, { subject: `Patient/${EVIL}` }),
    note('b.txt', 'Assessment: CKD.'),
  ]);

  it('is one HTML document with no external reference of any kind', () => {
    expect(html.startsWith('<!doctype html>')).toBe(true);
    expect(html).not.toMatch(/<[a-z][^>]*\s(?:src|href|xlink:href)\s*=|@import|url\(/i);
  });

  it('escapes the note text, file names and references everywhere', () => {
    const body = html.slice(html.indexOf('<body>'), html.lastIndexOf('<script>'));
    expect(body).not.toContain('<script');
    expect(body).not.toContain('<img');
    expect(body).toContain('&lt;script&gt;alert(1)&lt;/script&gt;&lt;img src=x onerror=alert(2)&gt;');
  });

  it('allows exactly its inline style and script by their SHA-256 in a strict CSP', () => {
    const script = /<script>([\s\S]*)<\/script>/.exec(html)![1]!;
    const style = /<style>([\s\S]*)<\/style>/.exec(html)![1]!;
    const csp = /<meta http-equiv="Content-Security-Policy" content="([^"]+)">/.exec(html)![1]!;
    const hash = (s: string): string => createHash('sha256').update(s, 'utf8').digest('base64');
    expect(csp).toBe(`default-src 'none'; style-src 'sha256-${hash(style)}'; script-src 'sha256-${hash(script)}'; img-src 'none'; base-uri 'none'; form-action 'none'`);
    expect(html.match(/<script/g)).toHaveLength(1);
    expect(html.match(/<style/g)).toHaveLength(1);
    expect(html).not.toMatch(/<[a-z][^>]*\s(?:style|on[a-z]+)\s*=/i);
  });

  it('shows the totals, three charts, and a row per finding with the evidence marked in its sentence', () => {
    expect(html).toMatch(/<b>2<\/b><span>notes analysed/);
    expect(html.match(/<svg class="chart"/g)).toHaveLength(3);
    expect(html.match(/<tr data-kind=/g)).toHaveLength(2);
    expect(html).toContain('<mark>CKD</mark>.');
  });

  it('says when the table holds only the first findings', () => {
    expect(report([note('a', 'PMH: CHF. CKD.')], 1)).toContain('The table holds the first 1 of 2 findings');
  });
});
