/**
 * The shapes the batch report is built from. A {@link ReportNote} is made per note where the note
 * is analysed (a worker thread), is small and structured-cloneable, and holds no more of the note's
 * text than each finding's sentence.
 */

/** One finding as the report shows it. */
export interface ReportFinding {
  kind: string;
  family: string | null;
  axes: string[];
  severity: string;
  /** The finding's sentence, split around the evidence: `before + evidence + after`. */
  before: string;
  evidence: string;
  after: string;
  /** The code the note supports now, or null. */
  current: string | null;
  /** Distinct codes a fuller statement would allow. */
  candidates: number;
  /** The engine's confidence grade, when it gives one. */
  confidence?: string;
}

/** One analysed note: who and when, and its findings. */
export interface ReportNote {
  /** How the run names the note (`a.txt`, `b.ndjson:17`). */
  name: string;
  id?: string;
  subject?: string;
  encounter?: string;
  date?: string;
  findings: ReportFinding[];
}

/** The settings a run used, shown at the foot of the report. */
export interface ReportSettings {
  setting: string;
  jobs: number;
  format: string;
  inputs: string[];
  version: string;
  /** When the report was generated (ISO 8601). */
  generated: string;
}
