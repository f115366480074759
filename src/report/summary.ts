/**
 * Gathering the report's figures note by note, in bounded memory: counts per family, kind and
 * missing axis, the notes with the most findings (a top list), the date range, and the findings
 * table up to {@link TABLE_LIMIT} rows (the report says how many more there were; the CSV and
 * NDJSON outputs hold them all). Memory does not grow with the number of notes beyond the table.
 */
import type { ReportFinding, ReportNote } from './types.js';

/** Most findings listed in the report's table. */
export const TABLE_LIMIT = 5_000;
/** Notes listed under "notes with the most opportunities". */
export const TOP_NOTES = 10;

/** A note as the table and the top list name it. */
export type NoteHead = Omit<ReportNote, 'findings'>;

/** Everything the report shows, gathered from all notes. */
export interface ReportData {
  notes: number;
  notesWithFindings: number;
  findings: number;
  /** [family, count], most first; `null` family is "other". */
  byFamily: Array<[string, number]>;
  byKind: Array<[string, number]>;
  /** Missing axes by family and axis, most first. */
  missingAxes: Array<{ family: string; axis: string; count: number }>;
  topNotes: Array<{ note: NoteHead; findings: number; families: string[] }>;
  rows: Array<{ note: NoteHead; finding: ReportFinding }>;
  /** All findings, of which `rows` holds the first {@link TABLE_LIMIT}. */
  rowsTotal: number;
  /** Earliest and latest note date as written, or null when no note had a date. */
  dateRange: { from: string; to: string } | null;
  notesWithDate: number;
}

/** Adds up notes for the report. */
export class ReportSummary {
  private notes = 0;
  private notesWithFindings = 0;
  private findings = 0;
  private readonly byFamily = new Map<string, number>();
  private readonly byKind = new Map<string, number>();
  private readonly missing = new Map<string, { family: string; axis: string; count: number }>();
  private readonly top: Array<{ note: NoteHead; findings: number; families: string[]; order: number }> = [];
  private readonly rows: ReportData['rows'] = [];
  private from: { text: string; time: number } | undefined;
  private to: { text: string; time: number } | undefined;
  private notesWithDate = 0;

  constructor(private readonly tableLimit = TABLE_LIMIT, private readonly topLimit = TOP_NOTES) {}

  /** Adds one analysed note. */
  add(note: ReportNote): void {
    const order = this.notes++;
    const { findings, ...head } = note;
    this.findings += findings.length;
    if (findings.length > 0) this.notesWithFindings++;
    this.addDate(note.date);
    for (const finding of findings) {
      const family = finding.family ?? 'other';
      bump(this.byFamily, family);
      bump(this.byKind, finding.kind);
      if (finding.kind === 'missing-specificity') {
        for (const axis of finding.axes) {
          const key = `${family}\u0000${axis}`;
          const entry = this.missing.get(key) ?? { family, axis, count: 0 };
          entry.count++;
          this.missing.set(key, entry);
        }
      }
      if (this.rows.length < this.tableLimit) this.rows.push({ note: head, finding });
    }
    if (findings.length > 0) this.addTop({ note: head, findings: findings.length, families: [...new Set(findings.map((f) => f.family ?? 'other'))], order });
  }

  /** The figures so far. */
  result(): ReportData {
    const sorted = <K>(map: Map<K, number>): Array<[K, number]> => [...map].sort((a, b) => b[1] - a[1] || String(a[0]).localeCompare(String(b[0])));
    return {
      notes: this.notes,
      notesWithFindings: this.notesWithFindings,
      findings: this.findings,
      byFamily: sorted(this.byFamily),
      byKind: sorted(this.byKind),
      missingAxes: [...this.missing.values()].sort((a, b) => b.count - a.count || a.family.localeCompare(b.family) || a.axis.localeCompare(b.axis)),
      topNotes: this.top.map(({ order: _order, ...rest }) => rest),
      rows: this.rows,
      rowsTotal: this.findings,
      dateRange: this.from && this.to ? { from: this.from.text, to: this.to.text } : null,
      notesWithDate: this.notesWithDate,
    };
  }

  private addDate(date: string | undefined): void {
    if (date === undefined) return;
    const time = Date.parse(date);
    if (Number.isNaN(time)) return;
    this.notesWithDate++;
    if (!this.from || time < this.from.time) this.from = { text: date, time };
    if (!this.to || time > this.to.time) this.to = { text: date, time };
  }

  /** Keeps the top list sorted by findings (most first), earlier notes first on ties. */
  private addTop(entry: { note: NoteHead; findings: number; families: string[]; order: number }): void {
    const last = this.top[this.top.length - 1];
    if (this.top.length >= this.topLimit && last && last.findings >= entry.findings) return;
    let i = this.top.length;
    while (i > 0 && this.top[i - 1]!.findings < entry.findings) i--;
    this.top.splice(i, 0, entry);
    if (this.top.length > this.topLimit) this.top.pop();
  }
}

function bump<K>(map: Map<K, number>, key: K): void {
  map.set(key, (map.get(key) ?? 0) + 1);
}
