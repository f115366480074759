/**
 * The work done for one note, wherever it runs (a worker thread of the pool, or the main thread
 * with `--jobs 1`): analyse it, format it for the chosen output, and keep the report's record of it.
 * Input and result are plain data (structured-cloneable), so a worker can take and return them.
 */
import { analyze } from '../index.js';
import { defaultVisible } from '../rules/confidence.js';
import type { Analysis, Setting } from '../types.js';
import { reportNote } from '../report/record.js';
import type { ReportNote } from '../report/types.js';
import type { Format } from './args.js';
import { formatNoteCsv } from './format-csv.js';
import { formatFileFhir } from './format-fhir.js';
import { formatFileHandoff } from './format-handoff.js';
import { formatFileJson } from './format-json.js';
import { formatNoteNdjson } from './format-ndjson.js';
import { formatFileText } from './format-text.js';
import type { NoteRef } from './note-source.js';

/** One note to analyse. */
export interface AnalyzeTask {
  text: string;
  /** How text output and error lines name the note. */
  name: string;
  ref: NoteRef;
  setting: Setting;
  /** The outputs wanted, in order (stdout's first, when it has one); the result has one string each. */
  formats: Format[];
  /** ANSI colour in the first output when it is `text` (stdout at a terminal). */
  color: boolean;
  /** Also return the report's record of the note. */
  report: boolean;
  /** `--all`: keep low-confidence findings (marked); otherwise only high-confidence ones. */
  all?: boolean;
}

/** What came of it: the formatted output and counts, or why the engine failed (a bug, reported, never fatal). */
export type AnalyzeResult =
  | { ok: true; out: string[]; findings: number; report?: ReportNote }
  | { ok: false; reason: string };

/** Analyses and formats one note. Never throws. */
export function runAnalyzeTask(task: AnalyzeTask): AnalyzeResult {
  const { text, ref } = task;
  let analysis: Analysis;
  try {
    const noteDate = isoDate(ref.date);
    analysis = analyze(text, noteDate !== undefined ? { setting: task.setting, noteDate } : { setting: task.setting });
  } catch (error) {
    // The engine promises never to throw on user text; if it does, lose one note, not the run.
    return { ok: false, reason: `internal error: ${error instanceof Error ? error.message : String(error)}` };
  }
  // By default only high-confidence findings; --all shows the rest, marked.
  const findings = task.all ? analysis.findings : analysis.findings.filter(defaultVisible);
  const context = { text, analysis };
  // Several notes of one FHIR file are told apart by their line or entry, as in error lines.
  const file = ref.line !== undefined || ref.entry !== undefined ? task.name : ref.file;
  const format = (f: Format, color: boolean): string => {
    switch (f) {
      case 'json': return formatFileJson(file, findings, context);
      case 'fhir': return formatFileFhir(file, findings, context, ref);
      // The hand-off lists what the run shows: high-confidence findings, or all (marked) with --all.
      case 'handoff': return formatFileHandoff(task.name, { text, analysis: { ...analysis, findings } });
      case 'ndjson': return formatNoteNdjson(ref, findings, context);
      case 'csv': return formatNoteCsv(ref, findings);
      case 'text': return formatFileText(task.name, text, findings, { color });
    }
  };
  const out = task.formats.map((f, i) => format(f, i === 0 && task.color));
  const result: AnalyzeResult = { ok: true, out, findings: findings.length };
  if (task.report) result.report = reportNote(task.name, ref, text, findings);
  return result;
}

/**
 * The note's date as the engine takes it (an ISO date, or a timestamp read by its date), or
 * undefined when the resource gave none or one that is not a real calendar date (the note is then
 * analysed without a date rather than lost).
 */
export function isoDate(date: string | undefined): string | undefined {
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(date ?? '');
  if (!m) return undefined;
  const time = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]));
  return new Date(time).getUTCDate() === Number(m[3]) && Number(m[2]) >= 1 && Number(m[2]) <= 12 ? date : undefined;
}
