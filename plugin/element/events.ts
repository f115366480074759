/**
 * The events of `<cdi-editor>`: names, detail shapes and their TypeScript declarations.
 *
 * Every event is a `CustomEvent`, prefixed `cdi-`, and fired with `bubbles` and `composed` (see
 * {@link emit}), so a page can listen on the element or on any ancestor, across shadow roots.
 */
import type { AxisId, Finding } from '../../src/index.js';
import type { AnalyzerStatus, DismissReason } from '../prosemirror/types.js';

export { DISMISS_REASONS } from '../prosemirror/types.js';
export type { AnalyzerStatus, DismissReason };

/** Words for each dismiss reason, as shown to the user. */
export const DISMISS_REASON_LABELS: Readonly<Record<DismissReason, string>> = {
  'not-clinically-relevant': 'Not clinically relevant',
  'documented-elsewhere': 'Already documented elsewhere',
  'address-later': 'Will address later',
  other: 'Other',
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
  /** The findings now shown, in text order; spans index into `getText()`. */
  findings: readonly Finding[];
}

/** `cdi-finding-dismiss`: the user dismissed a finding. */
export interface FindingDismissEventDetail {
  finding: Finding;
  reason: DismissReason;
}

/** `cdi-answer`: the user chose an answer; its wording was inserted before the evidence. */
export interface AnswerEventDetail {
  finding: Finding;
  axis: AxisId;
  /** The axis value id from the rule data, e.g. `acute-on-chronic`. */
  value: string;
  /** The words inserted, e.g. `acute on chronic`. */
  wording: string;
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
  'cdi-status': CustomEvent<StatusEventDetail>;
}

export type CdiChangeEvent = CdiEventMap['cdi-change'];
export type CdiFindingsEvent = CdiEventMap['cdi-findings'];
export type CdiFindingDismissEvent = CdiEventMap['cdi-finding-dismiss'];
export type CdiAnswerEvent = CdiEventMap['cdi-answer'];
export type CdiStatusEvent = CdiEventMap['cdi-status'];

declare global {
  // Lets `el.addEventListener('cdi-answer', (e) => e.detail.wording)` type-check.
  interface HTMLElementEventMap extends CdiEventMap {}
}
