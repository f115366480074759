/**
 * The shapes of compliant query drafts, their answers, the hand-off summary and the audit trail.
 *
 * A query is a request for clarification sent to the provider about one finding. It follows the
 * AHIMA/ACDIS "Guidelines for Achieving a Compliant Query Practice" (2022): it quotes the clinical
 * indicators from the note, asks a neutral question, and offers every clinically reasonable option
 * plus "Other (please specify)" and "Clinically undetermined". Spans are half-open UTF-16 offsets
 * into the analysed text, as everywhere in the engine.
 */
import type { AxisId, CodeRef, FamilyId, FindingKind, Span } from '../types.js';
import type { AnswerWriting } from './answer-edit.js';

/**
 * Query formats. `multiple-choice` is the default; `yes-no` is allowed only for the purposes in
 * {@link YES_NO_PURPOSES}; `open-ended` is drafted when a list would hold a single credible value
 * (offering it alone would lead): the provider answers in their own words ("Other") or
 * "Clinically undetermined".
 */
export type QueryFormat = 'multiple-choice' | 'yes-no' | 'open-ended';

/**
 * Why a query is asked, which decides what the compliance rules allow:
 * - `specify-documented`: more detail about a condition already documented (missing specificity);
 * - `clarify-term`: the condition meant by wording that has no specific code (vague term);
 * - `new-diagnosis`: whether clinical indicators represent a diagnosis not documented;
 * - `resolve-conflict`: which of two documented statements applies;
 * - `confirm-documented`: confirmation of a condition already documented (e.g. as uncertain);
 * - `present-on-admission`: POA status;
 * - `implied-cause`: a cause-and-effect relationship already implied in the note.
 */
export type QueryPurpose =
  | 'specify-documented' | 'clarify-term' | 'new-diagnosis' | 'resolve-conflict'
  | 'confirm-documented' | 'present-on-admission' | 'implied-cause';

/** Closed list of purposes. */
export const QUERY_PURPOSES: readonly QueryPurpose[] = [
  'specify-documented', 'clarify-term', 'new-diagnosis', 'resolve-conflict',
  'confirm-documented', 'present-on-admission', 'implied-cause',
];

/** Purposes for which a yes/no query is compliant (AHIMA/ACDIS 2022, via ACDIS). */
export const YES_NO_PURPOSES: readonly QueryPurpose[] = ['confirm-documented', 'present-on-admission', 'implied-cause'];

/** What an option means to the linter and to {@link applyAnswerToText}:
 * - `answer`: a clinical answer (a value, a diagnosis, a status);
 * - `yes` / `no`: the two answers of a yes/no query;
 * - `other`: free text from the provider ("Other (please specify)");
 * - `undetermined`: "Clinically undetermined": nothing is written into the note;
 * - `not-significant`: "Not clinically significant": nothing is written into the note. */
export type OptionRole = 'answer' | 'yes' | 'no' | 'other' | 'undetermined' | 'not-significant';

/** Closed list of option roles. */
export const OPTION_ROLES: readonly OptionRole[] = ['answer', 'yes', 'no', 'other', 'undetermined', 'not-significant'];

/**
 * Where an option's wording goes in the note, relative to the finding's evidence:
 * - `before`: in front of it, separated by a space ("acute on chronic systolic" + " CHF");
 * - `after`: behind it, separated by a space ("pneumonia" + " due to Klebsiella");
 * - `replace`: instead of it ("urosepsis" → "urinary tract infection");
 * - `annotate`: behind it in parentheses ("Na 126 (hyponatremia)");
 * - `confirm`: the hedge word before the evidence is removed ("possible pneumonia" → "pneumonia");
 * - `value`: for a conflict, the phrase stating the other value is replaced by this wording.
 */
export type Placement = 'before' | 'after' | 'replace' | 'annotate' | 'confirm' | 'value';

/** Closed list of placements. */
export const PLACEMENTS: readonly Placement[] = ['before', 'after', 'replace', 'annotate', 'confirm', 'value'];

/** The words an option writes into the note when chosen. */
export interface Wording {
  /** The words as written ("acute on chronic"); empty for `confirm`. */
  text: string;
  placement: Placement;
}

/** One choice offered to the provider. */
export interface QueryOption {
  /** Unique within its item: the value id for an axis value, else a data id (`other`, `undetermined`). */
  id: string;
  /** What the provider reads: "Acute on chronic". */
  label: string;
  role: OptionRole;
  /** The axis values the option states (`{acuity: 'acute-on-chronic'}`); empty when none. */
  values: Record<string, string>;
  /** What is written into the note when chosen; null when nothing is (undetermined, not significant).
   *  For `other`, the placement of the provider's free text (its `text` is empty). */
  wording: Wording | null;
  /** The code the note supports once this option is documented, when the option alone decides it. */
  code?: CodeRef;
}

/** One question of a query: one axis of a multi-axis finding, or the whole query. */
export interface QueryItem {
  /** Unique within the query: the axis id, or `clarification`. */
  id: string;
  /** The axis this item asks about, or null. */
  axis: AxisId | null;
  /** The prompt shown above the options ("Acuity"). */
  prompt: string;
  options: QueryOption[];
}

/** A quotation from the note that supports the query. */
export interface ClinicalIndicator extends Span {
  /** `text === note.slice(start, end)`. */
  text: string;
  /** `mention`: the condition as documented; `value`: a number with its label from the note;
   *  `statement`: another statement quoted from the note (a conflicting one, a finding). */
  kind: 'mention' | 'value' | 'statement';
}

/** A compliant query draft for one finding. Produced by `draftQuery`, checked by `lintQuery`. */
export interface Query {
  /** `query:` + the finding id. */
  id: string;
  findingId: string;
  kind: FindingKind;
  family: FamilyId | null;
  /** The rule of the finding (`missing-specificity/heart-failure`). */
  rule: string;
  /** Id of the template used (src/knowledge/queries/templates.json). */
  template: string;
  purpose: QueryPurpose;
  format: QueryFormat;
  /** A short title for an inbox ("Documentation clarification: CHF"). */
  title: string;
  /** The condition in plain words, for headings ("Heart failure", "knee osteoarthritis"); absent in queries made before it existed. */
  condition?: string;
  /** The neutral question; never names an answer. */
  question: string;
  /** Quoted from the note, in note order. */
  indicators: ClinicalIndicator[];
  /** One item per axis for a multi-axis finding (answered fastest: one click per axis), else one. */
  items: QueryItem[];
  /** Citations: the compliance brief and the finding's own sources. */
  source: string[];
  /**
   * What writing an answer needs from the knowledge base (`answer-edit.ts`), attached by the
   * analysis provider so an editor computes and previews answers in the page. Optional: drafts
   * made by `draftQuery` leave it out, and `applyAnswerToText` then reads the knowledge base.
   */
  writing?: AnswerWriting;
}

/** The provider's choice for one item. */
export interface ItemAnswer {
  itemId: string;
  optionId: string;
  /** Free text, required for an `other` option and ignored otherwise. */
  text?: string;
}

/** The provider's answer to one query: at most one choice per item. Items left out are unanswered. */
export interface QueryAnswer {
  queryId: string;
  choices: ItemAnswer[];
}

/** One text edit: replace `[from, to)` of the text with `insert`. */
export interface TextEdit {
  from: number;
  to: number;
  insert: string;
}

/** One problem found by `lintQuery`. */
export interface QueryProblem {
  /** A rule id of {@link QUERY_LINT_RULES}. */
  rule: QueryLintRule;
  message: string;
}

/** The rules of the query linter:
 * - `malformed`: an empty question, item or option, or a duplicate id;
 * - `single-diagnosis`: fewer than two substantive options (a single diagnosis is leading);
 * - `names-answer`: the question names an option not quoted from the note, or asks a leading
 *   question ("Are you treating ...", "Do you agree ...");
 * - `no-indicators`: no clinical indicators quoted from the note;
 * - `missing-other`: no "Other (please specify)" option;
 * - `missing-undetermined`: no "Clinically undetermined" option;
 * - `yes-no-not-allowed`: a yes/no query whose purpose does not allow one;
 * - `financial-or-quality`: words about payment, DRG, CC/MCC, HCC, RAF, case mix, quality scores or money. */
export type QueryLintRule =
  | 'malformed' | 'single-diagnosis' | 'names-answer' | 'no-indicators' | 'missing-other'
  | 'missing-undetermined' | 'yes-no-not-allowed' | 'financial-or-quality';

/** Closed list of query lint rules. */
export const QUERY_LINT_RULES: readonly QueryLintRule[] = [
  'malformed', 'single-diagnosis', 'names-answer', 'no-indicators', 'missing-other',
  'missing-undetermined', 'yes-no-not-allowed', 'financial-or-quality',
];

/** The result of `lintQuery`. */
export interface QueryLintResult {
  ok: boolean;
  problems: QueryProblem[];
}

/** A finding dismissed by the user, with the reason given. */
export interface Dismissal {
  findingId: string;
  reason: string;
}

/** An answered query. */
export interface AnsweredQuery {
  query: Query;
  answer: QueryAnswer;
}

/** What the hand-off needs besides the analysis: the note text, answered queries, dismissals. */
export interface HandoffState {
  /** The text the analysis was made from (indicators are quoted from it). */
  text: string;
  answered: AnsweredQuery[];
  dismissed: Dismissal[];
}

/** The code a finding supports now, and after its answer when there is one. */
export interface SupportedCode {
  findingId: string;
  rule: string;
  /** The condition in plain words ("Heart failure"), for people; `rule` is for machines. */
  condition: string;
  /** What the note supported when analysed. */
  before: CodeRef | null;
  /** What it supports with the answer applied (= `before` when unanswered or undetermined). */
  now: CodeRef | null;
}

/** The summary handed to a coder or CDI specialist when the clinician is done. */
export interface HandoffSummary {
  /** What the summary covers: the conditions cdi-lint flagged in this note, not a full coding of it. */
  scope: string;
  /** Queries drafted for findings that are neither answered nor dismissed. */
  unanswered: Query[];
  /** Answers that stand, one per condition (the latest); `condition` in plain words. */
  answered: Array<AnsweredQuery & { labels: string[]; condition: string }>;
  dismissed: Array<Dismissal & { rule: string; evidence: string; condition: string }>;
  /** One per flagged condition, in finding order (a condition answered in part and still flagged is listed once). */
  codes: SupportedCode[];
  /**
   * The listed findings whose confidence is low (shown only with `--all`, `view="cdi"` or
   * `show-low-confidence`), with the reasons in plain words; empty when every one is high.
   */
  lowConfidence: Array<{ findingId: string; reasons: string[] }>;
}

/** Audit events; the element records one per user-visible step. */
export type AuditEvent = 'shown' | 'sent' | 'answered' | 'dismissed';

/** Closed list of audit events. */
export const AUDIT_EVENTS: readonly AuditEvent[] = ['shown', 'sent', 'answered', 'dismissed'];

/** One entry of the audit trail. Carries a hash of the evidence, never the note text itself. */
export interface AuditEntry {
  /** ISO 8601 time. */
  time: string;
  event: AuditEvent;
  findingId: string;
  rule: string;
  queryId: string | null;
  /** FNV-1a (32-bit, hex) of the finding's evidence text. */
  evidenceHash: string;
  /** The options chosen (id and label, plus free text for "Other"); null when not answered. */
  answer: Array<{ itemId: string; optionId: string; label: string; text?: string }> | null;
  /** The reason of a dismissal. */
  reason?: string;
}
