/**
 * The batch report: one self-contained HTML file for a CDI team. Pure: figures in, HTML string out.
 *
 * - Self-contained and offline: one inline stylesheet and one inline script, SVG charts drawn here;
 *   no other file, font, image or network request.
 * - Strict Content-Security-Policy in a `<meta>`: `default-src 'none'`, and the stylesheet and the
 *   script allowed by their SHA-256 hashes (computed here, from the exact text inserted), so it
 *   works opened from disk and under any stricter policy a server adds.
 * - Every string that comes from the notes or the inputs is escaped (src/report/escape.ts).
 */
import { barChart } from './charts.js';
import { html, label } from './escape.js';
import { REPORT_SCRIPT } from './report-script.js';
import { REPORT_STYLE } from './report-style.js';
import { sha256Base64 } from './sha256.js';
import type { NoteHead, ReportData } from './summary.js';
import type { ReportSettings } from './types.js';

/** Bars shown per chart; the rest are summed into one "other" bar. */
const MAX_BARS = 15;
/** Rows of the missing-axes list. */
const MAX_AXES = 12;

/** The Content-Security-Policy of a report whose inline style and script are exactly these texts. */
export function reportPolicy(style: string, script: string): string {
  return [
    "default-src 'none'",
    `style-src 'sha256-${sha256Base64(style)}'`,
    `script-src 'sha256-${sha256Base64(script)}'`,
    "img-src 'none'",
    "base-uri 'none'",
    "form-action 'none'",
  ].join('; ');
}

/**
 * The report's HTML. `failed` is how many inputs (or lines, or entries) could not be read or
 * analysed in the run.
 */
export function buildReport(data: ReportData, settings: ReportSettings, failed = 0): string {
  const percent = (n: number, of: number): string => (of > 0 ? `${Math.round((n / of) * 100)}%` : '–');
  const dates = data.dateRange ? `${html(shortDate(data.dateRange.from))} to ${html(shortDate(data.dateRange.to))}` : 'no note dates given';
  const body = [
    `<header><h1>Documentation review: ${data.findings.toLocaleString('en-US')} query opportunities in ${data.notes.toLocaleString('en-US')} notes</h1>`,
    `<p class="sub">Notes dated ${dates}${data.dateRange && data.notesWithDate < data.notes ? ` (${data.notesWithDate.toLocaleString('en-US')} of ${data.notes.toLocaleString('en-US')} notes have a date)` : ''}. Setting: ${html(settings.setting)}. Generated ${html(shortDate(settings.generated))} by cdi-lint ${html(settings.version)}.</p></header>`,
    '<main>',
    totals(data, failed, percent),
    '<div class="grid">',
    panel('by-family', 'Findings by condition family', barChart('Findings by condition family', bars(data.byFamily), 'a') + rest(data.byFamily, 'families')),
    panel('by-kind', 'Findings by kind', barChart('Findings by kind', bars(data.byKind), 'b') + rest(data.byKind, 'kinds')),
    '</div><div class="grid">',
    panel('missing-axes', 'Most common missing details', barChart('Most common missing details (missing-specificity findings)', data.missingAxes.slice(0, MAX_AXES).map((m) => ({ label: `${label(m.family)}: ${m.axis}`, value: m.count })), 'c')),
    panel('top-notes', 'Notes with the most opportunities', topNotes(data)),
    '</div>',
    findingsTable(data),
    '</main>',
    footer(settings, data),
  ].join('\n');
  return (
    '<!doctype html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n' +
    `<meta http-equiv="Content-Security-Policy" content="${reportPolicy(REPORT_STYLE, REPORT_SCRIPT)}">\n` +
    '<meta name="viewport" content="width=device-width, initial-scale=1">\n<meta name="referrer" content="no-referrer">\n' +
    `<title>cdi-lint report: ${data.notes.toLocaleString('en-US')} notes</title>\n` +
    `<style>${REPORT_STYLE}</style>\n</head>\n<body>\n${body}\n<script>${REPORT_SCRIPT}</script>\n</body>\n</html>\n`
  );
}

function totals(data: ReportData, failed: number, percent: (n: number, of: number) => string): string {
  const item = (value: string, what: string): string => `<li><b>${value}</b><span>${what}</span></li>`;
  const n = (x: number): string => x.toLocaleString('en-US');
  return (
    '<ul class="totals" aria-label="Totals">' +
    item(n(data.notes), 'notes analysed') +
    item(`${n(data.notesWithFindings)} <small class="muted">(${percent(data.notesWithFindings, data.notes)})</small>`, 'notes with a query opportunity') +
    item(n(data.findings), 'findings') +
    item(data.notes > 0 ? (data.findings / data.notes).toFixed(2) : '–', 'findings per note') +
    item(n(failed), failed === 1 ? 'input could not be read' : 'inputs could not be read') +
    '</ul>'
  );
}

function panel(id: string, title: string, content: string): string {
  return `<section class="panel" id="${id}" aria-labelledby="${id}-h"><h2 id="${id}-h">${html(title)}</h2>${content}</section>`;
}

function bars(counts: ReadonlyArray<[string, number]>): Array<{ label: string; value: number }> {
  return counts.slice(0, MAX_BARS).map(([name, value]) => ({ label: label(name), value }));
}

/** A line under a chart for the bars it leaves out (summed, not drawn: a sum would dwarf the bars). */
function rest(counts: ReadonlyArray<[string, number]>, what: string): string {
  if (counts.length <= MAX_BARS) return '';
  const hidden = counts.slice(MAX_BARS);
  const sum = hidden.reduce((total, [, value]) => total + value, 0);
  return `<p class="muted">${hidden.length} more ${what} with ${sum.toLocaleString('en-US')} findings: ${hidden.map(([name, value]) => `${html(label(name))} ${value}`).join(', ')}.</p>`;
}

/** The note's name, with its file and line as a tooltip when the name is a resource id. */
function noteCell(note: NoteHead): string {
  return note.id !== undefined ? `<td class="note-name" title="DocumentReference/${html(note.id)} in ${html(note.name)}">${html(note.id)}</td>` : `<td class="note-name">${html(note.name)}</td>`;
}

const MAX_CHIPS = 4;

function topNotes(data: ReportData): string {
  if (data.topNotes.length === 0) return '<p class="muted">No findings.</p>';
  const rows = data.topNotes.map(({ note, findings, families }) =>
    `<tr>${noteCell(note)}<td>${html(note.subject ?? '')}</td><td class="nowrap">${html(shortDate(note.date ?? ''))}</td>` +
    `<td class="num">${findings}</td><td>${families.slice(0, MAX_CHIPS).map((f) => `<span class="chip">${html(label(f))}</span>`).join('')}` +
    `${families.length > MAX_CHIPS ? `<span class="muted"> +${families.length - MAX_CHIPS}</span>` : ''}</td></tr>`,
  );
  return `<table><thead><tr><th>Note</th><th>Patient</th><th>Date</th><th class="num">Findings</th><th>Families</th></tr></thead><tbody>${rows.join('')}</tbody></table>`;
}

function findingsTable(data: ReportData): string {
  const options = (values: Iterable<string>): string => [...values].sort().map((v) => `<option value="${html(v)}">${html(label(v))}</option>`).join('');
  const kinds = new Set(data.rows.map((r) => r.finding.kind));
  const families = new Set(data.rows.map((r) => r.finding.family ?? 'other'));
  const hasConfidence = data.rows.some((r) => r.finding.confidence !== undefined);
  const head = [
    ['Note', ''], ['Patient', ''], ['Date', ''], ['Kind', ''], ['Family', ''], ['Missing', ''],
    ['Evidence in its sentence', ''], ['Code now', ''], ['Candidates', 'number'],
    ...(hasConfidence ? [['Confidence', '']] : []),
  ].map(([name, type]) => `<th scope="col"${type === 'number' ? ' class="num" data-type="number"' : ''}><button type="button">${name}</button></th>`).join('');
  const rows = data.rows.map(({ note, finding }) => {
    const family = finding.family ?? 'other';
    return (
      `<tr data-kind="${html(finding.kind)}" data-family="${html(family)}">` +
      `${noteCell(note)}<td>${html(note.subject ?? '')}</td>` +
      `<td class="nowrap" data-sort="${html(sortableDate(note.date))}">${html(shortDate(note.date ?? ''))}</td>` +
      `<td>${html(label(finding.kind))}</td><td>${html(label(family))}</td><td>${html(finding.axes.join(', '))}</td>` +
      `<td class="sentence">${html(finding.before)}<mark>${html(finding.evidence)}</mark>${html(finding.after)}</td>` +
      `<td>${html(finding.current ?? '–')}</td><td class="num" data-sort="${finding.candidates}">${finding.candidates}</td>` +
      (hasConfidence ? `<td>${html(finding.confidence ?? '')}</td>` : '') +
      '</tr>'
    );
  });
  const cut = data.rowsTotal > data.rows.length
    ? ` The table holds the first ${data.rows.length.toLocaleString('en-US')} of ${data.rowsTotal.toLocaleString('en-US')} findings; <code>--format csv</code> or <code>ndjson</code> gives them all.`
    : '';
  return (
    '<section class="panel" id="table" aria-labelledby="table-h"><h2 id="table-h">Findings</h2>' +
    '<div class="filters" role="search">' +
    '<label>Filter <input id="filter-text" type="search" placeholder="words in any column" aria-controls="findings"></label>' +
    `<label>Kind <select id="filter-kind" aria-controls="findings"><option value="">all</option>${options(kinds)}</select></label>` +
    `<label>Family <select id="filter-family" aria-controls="findings"><option value="">all</option>${options(families)}</select></label>` +
    `<span class="muted" aria-live="polite">Showing <output id="shown">${data.rows.length}</output> of ${data.rows.length.toLocaleString('en-US')} rows.${cut}</span>` +
    '</div>' +
    `<table id="findings"><thead><tr>${head}</tr></thead><tbody>${rows.join('')}</tbody></table></section>`
  );
}

function footer(settings: ReportSettings, data: ReportData): string {
  const item = (name: string, value: string): string => `<dt>${name}</dt><dd>${value}</dd>`;
  return (
    '<footer><section class="panel" aria-labelledby="settings-h"><h2 id="settings-h">Settings used</h2><dl class="settings">' +
    item('Care setting', html(settings.setting)) +
    item('Worker threads', String(settings.jobs)) +
    item('Output format', html(settings.format)) +
    item('Inputs', settings.inputs.map((i) => `<code>${html(i)}</code>`).join(', ')) +
    item('Note dates', data.dateRange ? `${html(data.dateRange.from)} to ${html(data.dateRange.to)}` : 'none given') +
    item('cdi-lint', html(settings.version)) +
    item('Generated', html(settings.generated)) +
    '</dl><p class="muted">Findings are reasons to ask the clinician, not diagnoses. Codes are ICD-10-CM.</p></section></footer>'
  );
}

/** The date part of an ISO date-time (`2024-03-05T10:00:00Z` → `2024-03-05`); other text as is. */
function shortDate(date: string): string {
  const m = /^(\d{4}-\d{2}-\d{2})/.exec(date);
  return m ? m[1]! : date;
}

/** A key that sorts dates in time order; undated notes sort first. */
function sortableDate(date: string | undefined): string {
  if (date === undefined) return '';
  const time = Date.parse(date);
  return Number.isNaN(time) ? date : new Date(time).toISOString();
}
