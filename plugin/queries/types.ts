/**
 * The query side of an analysis provider: what the page asks the worker (or the inline analyser)
 * about compliant queries, and what comes back. Types only; the engine work is in `service.ts`,
 * which runs where the engine runs (the worker, or the page for `analysis="inline"`).
 *
 * Offsets are UTF-16 offsets into the `text` of the request, as everywhere in the engine.
 */
import type { Analysis, AnalyzeOptions, Finding } from '../../src/types.js';
import type { FhirBundle } from '../../src/queries/fhir.js';
import type { HandoffSummary, Query, QueryAnswer, TextEdit } from '../../src/queries/types.js';

/** An analysis whose findings come with their compliant query drafts (keyed by engine finding id). */
export interface QueriedAnalysis extends Analysis {
  /** The linted query of each finding that has one (a finding whose draft fails is left out). */
  queries?: Readonly<Record<string, Query>>;
}

/** Compute the edit an answer makes: `applyAnswerToText(text, finding, query, answer).edit`. */
export interface AnswerEditRequest {
  text: string;
  /** The finding, with offsets (evidence and mentions) into `text`. */
  finding: Finding;
  query: Query;
  answer: QueryAnswer;
}

/** An answered query the editor still holds (its words are still in the note, or it was undetermined). */
export interface AnsweredRecord {
  /** The finding as the element reported it when answered (its id is the element's). */
  finding: Finding;
  query: Query;
  answer: QueryAnswer;
}

/** A live dismissal, its words located in the current text. */
export interface DismissedSpan {
  /** The finding id the element reported for it. */
  findingId: string;
  kind: Finding['kind'];
  family: Finding['family'];
  start: number;
  end: number;
  text: string;
  reason: string;
}

/** Build the hand-off summary of `text` with the editor's answers and dismissals. */
export interface HandoffRequest {
  text: string;
  options: AnalyzeOptions;
  answered: AnsweredRecord[];
  dismissed: DismissedSpan[];
  /**
   * List low-confidence findings too (marked in `lowConfidence`), as the CDI view and
   * `show-low-confidence` show them; by default only high-confidence ones, as the clinician view.
   * Answered and dismissed findings are listed whatever their confidence.
   */
  includeLowConfidence?: boolean;
}

/** Export formats of the open queries. */
export type QueryExportFormat = 'text' | 'json' | 'fhir';

/** The open queries of a hand-off, exported. */
export interface ExportRequest extends HandoffRequest {
  format: QueryExportFormat;
}

/** What each export format returns: an inbox message, the queries as JSON-ready objects, a FHIR R4 Bundle. */
export interface QueryExports {
  text: string;
  json: Query[];
  fhir: FhirBundle;
}

/** The query calls an analysis provider may offer besides `analyze`. */
export interface QueryService {
  answerEdit(request: AnswerEditRequest): Promise<TextEdit>;
  handoff(request: HandoffRequest): Promise<HandoffSummary>;
  exportQueries<F extends QueryExportFormat>(request: ExportRequest & { format: F }): Promise<QueryExports[F]>;
}

export type { FhirBundle, HandoffSummary, Query, QueryAnswer, TextEdit };
