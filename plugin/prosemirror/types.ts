/**
 * The shapes shared by the cdi-lint ProseMirror plugin's layers: analyzer provider, plugin state,
 * the meta actions its reducer understands, and the plugin's options.
 *
 * Positions here are ProseMirror document positions of the *current* state unless a field says
 * otherwise; engine offsets (`Finding.start/end`) index the text that was analysed, which may be
 * older than the document.
 */
import type { DecorationSet } from 'prosemirror-view';
import type { Mapping } from 'prosemirror-transform';
import type { Analysis, AnalyzeOptions, Finding, Setting } from '../../src/types.js';
import type { PositionRange } from '../positions.js';
import type { Query, QueryAnswer, TextEdit } from '../../src/queries/types.js';
import type { QueryService } from '../queries/types.js';

/**
 * Where analyses come from. `analyze` must not modify `text`; it may reject (the plugin retries
 * with backoff). Implementations: `createInlineAnalyzer()` (main thread) and
 * `createWorkerAnalyzer()` (Web Worker). Both also draft each finding's compliant query (the
 * analysis's `queries`, see `QueriedAnalysis`) and offer the query calls of {@link QueryService}
 * (answer edits, hand-off, exports); a host's own provider may leave them out, and the element then
 * shows findings without queries.
 */
export interface AnalysisProvider extends Partial<QueryService> {
  analyze(text: string, options: AnalyzeOptions): Promise<Analysis>;
  /** Releases resources (terminates a worker). The plugin never calls it: the host owns the provider. */
  destroy?(): void;
}

/**
 * Health of the analysis provider, as the plugin sees it:
 * - `loading`: no analysis has succeeded yet (the model may still be loading);
 * - `ready`: the last analysis succeeded;
 * - `error`: the last analysis failed; a retry is scheduled (see `CdiLintState.error`);
 * - `retrying`: a retry is in flight.
 */
export type AnalyzerStatus = 'loading' | 'ready' | 'error' | 'retrying';

/**
 * Why the clinician dismissed a finding. The last two are not offered in the dismiss menu: they
 * record a query answered "Clinically undetermined" or "Not clinically significant", which hides
 * the finding without changing the note.
 */
export type DismissReason =
  | 'not-clinically-relevant' | 'documented-elsewhere' | 'address-later' | 'other'
  | 'clinically-undetermined' | 'not-clinically-significant';

/** The dismissal reasons of the dismiss menu, in display order. */
export const DISMISS_REASONS: readonly DismissReason[] = [
  'not-clinically-relevant', 'documented-elsewhere', 'address-later', 'other',
];

/**
 * A finding placed in the current document. `from`/`to` track its words through every
 * transaction; `finding` is the engine's report, whose `start`/`end` index the text that was
 * analysed (possibly an older version) and are kept only for reference.
 */
export interface LintFinding extends PositionRange {
  /**
   * Stable while the finding's words stay: a re-analysis that reports the same kind and family
   * on the same words keeps the id. Starts as the engine's id (suffixed `#2`, `#3`… on a clash).
   */
  id: string;
  finding: Finding;
  /** `finding.mentions` as current document ranges (mentions whose text was deleted are gone). */
  mentions: PositionRange[];
  /** The finding's compliant query, when the provider drafted one (offsets index the analysed text). */
  query?: Query;
}

/**
 * A dismissal: hides every finding of the same kind and family whose evidence is these words
 * (same range, same text) or that lists them among its mentions. Mapped through every
 * transaction; it is in force while its words read `text` (an edit inside them suspends it) and
 * lapses when its words are deleted. Undoing the edit or the deletion brings it back (see
 * `suspension.ts`); typing the same words again does not. Dismissing and restoring
 * are steps in the undo history (see `ledger-step.ts`), so Ctrl+Z after a dismissal restores the
 * finding and leaves the text alone.
 */
export interface Dismissal extends PositionRange {
  /** Unique id of this dismissal (a finding dismissed, restored and dismissed again gets a new one). */
  key?: string;
  /** The finding it hid, shown again at once when the dismissal is restored (if its words still read the same). */
  hidden?: LintFinding;
  kind: Finding['kind'];
  family: Finding['family'];
  /** The words dismissed, as they read in the document. */
  text: string;
  reason: DismissReason;
  note?: string;
  /** Id of the finding that was dismissed. */
  findingId: string;
}

/**
 * An answer the clinician gave, as recorded in the answer ledger (`CdiLintState.ledger`). Adding
 * and removing entries are steps of the answer's own transaction, so undo removes the entry and
 * redo brings it back, always in step with the text. An edit that breaks or deletes its written
 * words stops it standing; undoing that edit puts `written` back on the restored words.
 */
export interface LedgerEntry {
  /** Unique id of this entry. */
  key: string;
  /** The id of the finding answered, as the plugin reported it. */
  findingId: string;
  /** The finding as it was when answered; offsets index the text before the edit. */
  finding: Finding;
  query: Query;
  answer: QueryAnswer;
  /** The edit made, offsets into the text before it; null when the answer wrote nothing. */
  edit: TextEdit | null;
  /** The text the edit replaced (`before.slice(edit.from, edit.to)`), empty when it only inserted. */
  replaced: string;
  /** The words the answer wrote, as a current document range (collapsed once they are deleted); null when it wrote none. */
  written: (PositionRange & { text: string }) | null;
  /** The key of the dismissal recorded with the answer ("Clinically undetermined"), if any. */
  dismissal?: string;
}

/** The analysis request in flight, with the mapping of every transaction since it read the doc. */
export interface PendingAnalysis {
  id: number;
  mapping: Mapping;
}

/** The plugin's state (read it with `cdiLintKey.getState(state)`). */
export interface CdiLintState {
  /** Visible findings in document order (dismissed ones excluded). */
  findings: readonly LintFinding[];
  /** One inline decoration per visible finding; spec `{ findingId }`. */
  decorations: DecorationSet;
  dismissals: readonly Dismissal[];
  status: AnalyzerStatus;
  /** Message of the last failure while `status` is `error` or `retrying`, else null. */
  error: string | null;
  pending: PendingAnalysis | null;
  /** Bumped when the set of visible findings changes (not when they merely move). */
  revision: number;
  /** Bumped by the `reanalyze` command; the plugin view analyses at once when it changes. */
  refresh: number;
  /** The answers given, oldest first, including those whose words were since edited (see `standingAnswers`). */
  ledger: readonly LedgerEntry[];
  /** The finding id answered by the last document-changing transaction (a multi-part answer continues it), else null. */
  lastAnswer: string | null;
}

/**
 * A finding as the provider reported it, placed in the document that was analysed (positions of
 * *that* document). The reducer maps it forward with the pending mapping.
 */
export interface PlacedFinding extends PositionRange {
  finding: Finding;
  mentions: PositionRange[];
  query?: Query;
}

/** Where an answer's text goes relative to the finding's words. */
export type AnswerMode = 'replace' | 'before' | 'after';

/** Text to write at a finding. Inserted verbatim (add your own spaces). */
export interface Answer {
  text: string;
  /** Default `replace`. */
  mode?: AnswerMode;
}

/** The meta actions of the plugin's reducer (`tr.setMeta(cdiLintKey, action)`). */
export type CdiLintAction =
  /** The view read the document and sent it to the provider. */
  | { type: 'request'; id: number; retry: boolean }
  /** Results of request `id`, placed in the document as it was at the request. */
  | { type: 'results'; id: number; findings: PlacedFinding[] }
  /** Request `id` failed; a retry is scheduled. */
  | { type: 'failed'; id: number; error: string }
  | { type: 'dismiss'; id: string; reason: DismissReason; note?: string }
  /** The transaction carrying this action wrote an answer at finding `id` (nothing happens if it is gone). */
  | { type: 'answered'; id: string; also?: readonly string[] }
  /** Adds a dismissal for words whose finding may no longer be visible (and hides any it matches). */
  | { type: 'suppress'; dismissal: Dismissal }
  | { type: 'refresh' };

/** Options of `cdiLint`. */
export interface CdiLintOptions {
  /** Where analyses come from. */
  analyzer: AnalysisProvider;
  /** Care setting, or a function read at each analysis. Default `inpatient`. */
  setting?: Setting | (() => Setting);
  /** Quiet time after the last document change before analysing, in ms. Default 250. */
  debounceMs?: number;
  /** Backoff after a failed analysis: first delay (default 500 ms), doubling up to `maxDelayMs` (default 30 s). */
  retry?: { initialDelayMs?: number; maxDelayMs?: number };
  /** Called when the set of visible findings changes (results, dismissal, words deleted). Positions are current. */
  onFindings?: (findings: readonly LintFinding[]) => void;
  /** Called with the initial status and on every change. */
  onStatus?: (status: AnalyzerStatus, error: string | null) => void;
}
