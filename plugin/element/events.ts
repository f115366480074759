/**
 * The events of `<cdi-editor>`: names, detail shapes and their TypeScript declarations.
 *
 * Every event is a `CustomEvent`, prefixed `cdi-`, and fired with `bubbles` and `composed` (see
 * {@link emit}), so a page can listen on the element or on any ancestor, across shadow roots.
 */
import type { Finding } from '../../src/index.js';
import type { AuditEntry, Query, QueryAnswer, TextEdit } from '../../src/queries/types.js';
import type { AnalyzerStatus, DismissReason } from '../prosemirror/types.js';

export { DISMISS_REASONS } from '../prosemirror/types.js';
export type { AnalyzerStatus, DismissReason };

/** Words for each dismiss reason, as shown to the user. */
export const DISMISS_REASON_LABELS: Readonly<Record<DismissReason, string>> = {
  'not-clinically-relevant': 'Not clinically relevant',
  'documented-elsewhere': 'Already documented elsewhere',
  'address-later': 'Will address later',
  other: 'Other',
  'clinically-undetermined': 'Clinically undetermined',
  'not-clinically-significant': 'Not clinically significant',
};

/** `cdi-change`: the user changed the text (typing, paste, undo, an applied answer). Not fired when the host sets `value`. */
export interface ChangeEventDetail {
  /** The whole note as plain text, as `getText()` returns it. */
  value: string;
}

/**
 * `cdi-findings`: the list of visible findings changed (an analysis finished with a different
 * result, or a finding was dismissed). Fired whatever started the analysis, including a `value`
 * set by the host, because it reports a result, not a request.
 */
export interface FindingsEventDetail {
  /**
   * The findings now shown, in text order; spans index into `getText()`; the same list as the
   * element's `findings`. Each carries its `confidence` and `confidenceReasons`. Low-confidence
   * findings are included only when the element shows them (`view="cdi"` or
   * `show-low-confidence`): the event reports what the user sees, so counts, navigation and the
   * event agree. A host that wants every finding sets `show-low-confidence` and filters on
   * `confidence` itself.
   */
  findings: readonly Finding[];
}

/** `cdi-finding-dismiss`: the user dismissed a finding. */
export interface FindingDismissEventDetail {
  finding: Finding;
  reason: DismissReason;
}

/**
 * `cdi-answer`: the user answered the finding's query. Fired once per choice: a query with
 * several items (acuity, type) answered one item at a time fires once per item, each time with
 * every choice made so far (the note then holds their combined wording, one undo step).
 */
export interface AnswerEventDetail {
  /** The finding as reported before the answer (spans index the text before the edit). */
  finding: Finding;
  query: Query;
  /** The choices so far, one per answered item ("Other" with the provider's text). */
  answer: QueryAnswer;
  /**
   * The edit made to the text before the answer (offsets into it), as `applyAnswerToText`
   * computes it; null when the answer writes nothing ("Clinically undetermined", "Not clinically
   * significant": the finding is hidden and the note unchanged).
   */
  edit: TextEdit | null;
}

/** `cdi-query-send`: a CDI specialist sent the finding's query (the "Send query" button of the `cdi` view). */
export interface QuerySendEventDetail {
  finding: Finding;
  query: Query;
}

/**
 * `cdi-audit`: an entry was added to the audit trail (a query shown for the first time, sent,
 * answered, or a finding dismissed). The entry carries a hash of the evidence, never the note text.
 */
export interface AuditEventDetail {
  entry: AuditEntry;
}

/**
 * `cdi-status`: the health of the analysis changed (`loading`, `ready`, `error`, `retrying`).
 * On `error` the element stays a working editor and shows a quiet status line.
 */
export interface StatusEventDetail {
  status: AnalyzerStatus;
  /** What failed, while the status is `error` or `retrying`; else null. */
  error: string | null;
}

/** Every event of `<cdi-editor>`, by name. */
export interface CdiEventMap {
  'cdi-change': CustomEvent<ChangeEventDetail>;
  'cdi-findings': CustomEvent<FindingsEventDetail>;
  'cdi-finding-dismiss': CustomEvent<FindingDismissEventDetail>;
  'cdi-answer': CustomEvent<AnswerEventDetail>;
  'cdi-query-send': CustomEvent<QuerySendEventDetail>;
  'cdi-audit': CustomEvent<AuditEventDetail>;
  'cdi-status': CustomEvent<StatusEventDetail>;
}

export type CdiChangeEvent = CdiEventMap['cdi-change'];
export type CdiFindingsEvent = CdiEventMap['cdi-findings'];
export type CdiFindingDismissEvent = CdiEventMap['cdi-finding-dismiss'];
export type CdiAnswerEvent = CdiEventMap['cdi-answer'];
export type CdiStatusEvent = CdiEventMap['cdi-status'];
export type CdiQuerySendEvent = CdiEventMap['cdi-query-send'];
export type CdiAuditEvent = CdiEventMap['cdi-audit'];

declare global {
  // Lets `el.addEventListener('cdi-answer', (e) => e.detail.answer)` type-check.
  interface HTMLElementEventMap extends CdiEventMap {}
}
