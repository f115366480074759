/**
 * The `csv` output format: one row per finding, for a spreadsheet. RFC 4180: comma-separated,
 * CRLF line ends, a header row, and fields holding a comma, quote or line break quoted with their
 * quotes doubled. Safe to open in a spreadsheet: a text cell that starts with `=`, `+`, `-`, `@`,
 * a tab or a carriage return is prefixed with `'`, so it is never read as a formula (OWASP's
 * advice for CSV injection). A note without findings has no row.
 */
import type { Finding } from '../types.js';
import type { NoteRef } from './note-source.js';

/** The columns, in order. `confidence` is empty when the engine does not grade findings. */
export const CSV_COLUMNS = [
  'note', 'patient', 'encounter', 'date', 'kind', 'family', 'axes', 'evidence', 'current_code', 'candidate_count',
  'confidence', 'severity', 'file', 'line', 'start', 'end',
] as const;

/** The header row. */
export function csvHeader(): string {
  return CSV_COLUMNS.join(',') + '\r\n';
}

/** The rows of one note's findings. `note` names the note: its resource id, else its file (and line). */
export function formatNoteCsv(ref: NoteRef, findings: readonly Finding[]): string {
  const note = ref.id ?? (ref.line !== undefined ? `${ref.file}:${ref.line}` : ref.entry !== undefined ? `${ref.file}#${ref.entry}` : ref.file);
  let out = '';
  for (const finding of findings) {
    const confidence = (finding as Finding & { confidence?: unknown }).confidence;
    const row: Array<string | number> = [
      cell(note), cell(ref.subject ?? ''), cell(ref.encounter ?? ''), cell(ref.date ?? ''),
      cell(finding.kind), cell(finding.family ?? ''), cell(finding.axes.join(' ')), cell(finding.text.replace(/\s+/g, ' ').trim()),
      cell(finding.codes.current?.code ?? ''), new Set(finding.codes.candidates.map((c) => c.code)).size,
      cell(typeof confidence === 'string' ? confidence : ''), cell(finding.severity), cell(ref.file),
      ref.line ?? '', finding.start, finding.end,
    ];
    out += row.join(',') + '\r\n';
  }
  return out;
}

/** One text field: neutralised if a spreadsheet would read it as a formula, then quoted if needed. */
export function cell(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}
