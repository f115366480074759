/**
 * Answering a finding's query in the editor: {@link answerFinding} writes exactly what
 * {@link previewAnswer} shows, as one transaction that is one undo step, and records the answer in
 * the plugin's answer ledger (a `LedgerStep` in the same transaction, so undo and redo keep text
 * and ledger in step). The words are computed in the page from the query's `writing` (attached by
 * the analysis provider), so answering is synchronous and needs no round trip to a worker.
 */
import { TextSelection } from 'prosemirror-state';
import type { EditorState, Transaction } from 'prosemirror-state';
import type { EditorView } from 'prosemirror-view';
import { closeHistory, undo } from 'prosemirror-history';
import type { Finding } from '../../src/types.js';
import { writeAnswer } from '../../src/queries/answer-edit.js';
import type { AnswerWriting, AppliedAnswer } from '../../src/queries/answer-edit.js';
import type { Query, QueryAnswer, TextEdit } from '../../src/queries/types.js';
import { docToText, textBetween, textMap } from '../positions.js';
import { cdiLintKey } from './state.js';
import { findFinding } from './commands.js';
import { LedgerStep, newKey, opKey } from './ledger-step.js';
import type { LedgerOp } from './ledger-step.js';
import { suspensions } from './suspension.js';
import type { CdiLintAction, Dismissal, DismissReason, LedgerEntry, LintFinding } from './types.js';

/** Writing facts for a query that came without them (a host's own provider): no reordering, no site, no hedges. */
const NO_WRITING: AnswerWriting = { order: [], sitePhrases: [], hedges: [], valuePhrases: {}, terms: [] };

/** What an answer would do, computed without changing anything. */
export interface AnswerPlan {
  findingId: string;
  /** The finding answered, offsets into {@link baseText}. */
  finding: Finding;
  query: Query;
  answer: QueryAnswer;
  /** The text the answer applies to: the current text, or for a continued answer the text before its first part. */
  baseText: string;
  /** The new text and the one edit that makes it from `baseText`. */
  applied: AppliedAnswer;
  /** True when the answer replaces the previous part of the same answer (a multi-part query answered item by item). */
  continues: boolean;
  /** The entry of the part it replaces, when it continues. */
  previous: LedgerEntry | null;
  /** The finding as placed now, when visible. */
  visible: LintFinding | null;
  /** The dismissal reason recorded with it: an item answered "Clinically undetermined" or "Not clinically significant". */
  reason: DismissReason | null;
}

/** What an option will write, to show before it writes. */
export interface AnswerPreview {
  /** The note's text after the answer. */
  text: string;
  /** The edit, offsets into the text before it; null when nothing is written. */
  edit: TextEdit | null;
  /** The words around the change as they will read ("Acute on chronic systolic CHF"); empty when nothing is written. */
  phrase: string;
}

/**
 * Plans `answer` to the query of finding `findingId`: the finding visible now, or the finding
 * whose answer the last edit wrote when `answer` continues it (same query: the choices so far,
 * one more item answered). Null when there is no such finding or query, or the answer does not fit
 * the query (an unknown item or option, "Other" without text).
 */
export function planAnswer(state: EditorState, findingId: string, answer: QueryAnswer): AnswerPlan | null {
  const plugin = cdiLintKey.getState(state);
  if (!plugin) return null;
  const previous = plugin.lastAnswer === findingId ? ([...plugin.ledger].reverse().find((e) => e.findingId === findingId) ?? null) : null;
  const visible = findFinding(state, findingId) ?? null;
  const continued = previous && previous.query.id === answer.queryId ? continuePlan(state, previous, answer, visible) : null;
  // The finding still hidden by the answer's first part: this continues it. Visible again (reported
  // anew on the same words): a new answer, unless only the continuation fits.
  if (continued && !visible) return continued;
  return (visible?.query ? freshPlan(state, visible, answer) : null) ?? continued;
}

function freshPlan(state: EditorState, visible: LintFinding, answer: QueryAnswer): AnswerPlan | null {
  const map = textMap(state.doc);
  const query = visible.query!;
  const finding: Finding = {
    ...visible.finding,
    id: visible.id,
    ...map.toSpan(visible),
    text: textBetween(state.doc, visible.from, visible.to),
    mentions: visible.mentions.map((m) => map.toSpan(m)),
  };
  return plan(visible.id, finding, query, answer, map.text, null, visible);
}

function continuePlan(state: EditorState, previous: LedgerEntry, answer: QueryAnswer, visible: LintFinding | null): AnswerPlan | null {
  const current = docToText(state.doc);
  const edit = previous.edit;
  const baseText = edit ? current.slice(0, edit.from) + previous.replaced + current.slice(edit.from + edit.insert.length) : current;
  return plan(previous.findingId, previous.finding, previous.query, answer, baseText, previous, visible);
}

function plan(findingId: string, finding: Finding, query: Query, answer: QueryAnswer, baseText: string, previous: LedgerEntry | null, visible: LintFinding | null): AnswerPlan | null {
  let applied: AppliedAnswer;
  try {
    applied = writeAnswer(baseText, finding, query, { ...answer, queryId: query.id }, query.writing ?? NO_WRITING);
  } catch {
    return null;
  }
  const roles = answer.choices.map((c) => query.items.find((i) => i.id === c.itemId)?.options.find((o) => o.id === c.optionId)?.role);
  const reason: DismissReason | null = roles.includes('undetermined')
    ? 'clinically-undetermined'
    : roles.includes('not-significant') ? 'not-clinically-significant' : null;
  return { findingId, finding, query, answer: { ...answer, queryId: query.id }, baseText, applied, continues: previous !== null, previous, visible, reason };
}

/** What `answer` would write at finding `findingId` (see {@link planAnswer}); null when it cannot be answered. */
export function previewAnswer(state: EditorState, findingId: string, answer: QueryAnswer): AnswerPreview | null {
  const plan = planAnswer(state, findingId, answer);
  if (!plan) return null;
  const { edit, text } = plan.applied;
  if (edit.insert === '' && edit.from === edit.to) return { text, edit: null, phrase: '' };
  const shift = edit.insert.length - (edit.to - edit.from);
  const after = (offset: number): number => (offset <= edit.from ? offset : offset >= edit.to ? offset + shift : edit.from);
  let from = Math.min(edit.from, after(plan.finding.start));
  let to = Math.max(edit.from + edit.insert.length, after(plan.finding.end));
  while (from > 0 && /[\p{L}\p{N}]/u.test(text.charAt(from - 1))) from--;
  while (to < text.length && /[\p{L}\p{N}]/u.test(text.charAt(to))) to++;
  return { text, edit, phrase: text.slice(from, to).replace(/\s+/g, ' ').trim() };
}

/**
 * Answers the query of finding `findingId` with `answer` (every option kind: a value, "Other" with
 * the provider's text in `ItemAnswer.text`, "Clinically undetermined", "Not clinically
 * significant"), exactly as `<cdi-editor>` does when a clinician answers in its popover:
 *
 * - the note changes by exactly {@link previewAnswer}'s edit, in one transaction that is its own
 *   undo step; the caret ends after the written words; the finding (and any finding of the same
 *   kind and family reported on the same words) is hidden until re-analysis;
 * - a multi-part answer (acuity, then type) is given item by item, each call with every choice so
 *   far: a call that continues the answer the last edit wrote replaces that write, so the note reads
 *   the combined wording ("acute on chronic systolic CHF") in either order and one undo restores the
 *   text from before the first part;
 * - an item answered "Clinically undetermined" / "Not clinically significant" writes nothing and
 *   records a dismissal with that reason on the finding's words (in the same undo step);
 * - the answer is recorded in the plugin's ledger (`CdiLintState.ledger`), removed by undo and
 *   restored by redo.
 *
 * Returns false, changing nothing, when the finding is gone (and the answer does not continue the
 * last one), it has no query, or the answer does not fit the query.
 */
export function answerFinding(view: EditorView, findingId: string, answer: QueryAnswer): boolean {
  const plan = planAnswer(view.state, findingId, answer);
  if (!plan) return false;
  let tr: Transaction;
  if (plan.continues && plan.previous) {
    // Take back the previous part: by undo when there is a history (one undo step in the end), else by hand.
    if (undo(view.state, (t) => view.dispatch(t)) && docToText(view.state.doc) === plan.baseText) {
      tr = view.state.tr;
    } else {
      tr = view.state.tr;
      revert(tr, plan.previous, cdiLintKey.getState(view.state)?.dismissals ?? []);
      if (docToText(tr.doc) !== plan.baseText) return false;
    }
  } else tr = view.state.tr;
  write(tr, plan, view.state);
  view.dispatch(tr);
  return true;
}

/**
 * An edit as the smallest changes that make it, applied in order (each in the text as the previous
 * one left it): the text the edit keeps is not rewritten, so the words it keeps (an earlier
 * answer's, a dismissed finding's) keep their place through this edit and its undo. An edit that
 * wraps the old words ("acute " + "CKD" + " stage 3") becomes an insertion after them, then one
 * before them; otherwise the common start and end of the old and new words are left alone.
 */
export function splitEdit(text: string, edit: TextEdit): TextEdit[] {
  const old = text.slice(edit.from, edit.to);
  const { insert } = edit;
  if (old !== '' && insert.length > old.length) {
    const at = insert.indexOf(old);
    if (at >= 0) {
      const parts: TextEdit[] = [];
      const after = insert.slice(at + old.length);
      const before = insert.slice(0, at);
      if (after !== '') parts.push({ from: edit.to, to: edit.to, insert: after });
      if (before !== '') parts.push({ from: edit.from, to: edit.from, insert: before });
      return parts;
    }
  }
  let start = 0;
  while (start < old.length && start < insert.length && old.charCodeAt(start) === insert.charCodeAt(start)) start++;
  let end = 0;
  while (end < old.length - start && end < insert.length - start && old.charCodeAt(old.length - 1 - end) === insert.charCodeAt(insert.length - 1 - end)) end++;
  if (start === old.length && start === insert.length) return [];
  return [{ from: edit.from + start, to: edit.to - end, insert: insert.slice(start, insert.length - end) }];
}

/** Adds to `tr` the steps that take back a previous part of an answer (without a history). */
function revert(tr: Transaction, entry: LedgerEntry, dismissals: readonly Dismissal[]): void {
  const ops: LedgerOp[] = [{ op: 'unrecord', entry }];
  const dismissal = dismissals.find((d) => d.key === entry.dismissal);
  if (dismissal) ops.push({ op: 'restore', dismissal });
  if (entry.written && entry.edit) tr.insertText(entry.replaced, entry.written.from, entry.written.to);
  tr.step(new LedgerStep(ops));
}

/** Adds the answer's edit, dismissal and ledger entry to `tr` (whose document reads `plan.baseText`). */
function write(tr: Transaction, plan: AnswerPlan, state: EditorState): void {
  closeHistory(tr);
  // Also hides the findings a re-analysis may have reported again on the same words meanwhile.
  const range = textMap(state.doc).toRange(plan.finding);
  const also = (cdiLintKey.getState(state)?.findings ?? [])
    .filter((f) => f.id !== plan.findingId && f.finding.kind === plan.finding.kind && f.finding.family === plan.finding.family && f.from < range.to && range.from < f.to)
    .map((f) => f.id);
  const { edit } = plan.applied;
  const base = plan.baseText;
  const writes = !(edit.insert === '' && edit.from === edit.to);
  let written: LedgerEntry['written'] = null;
  let evidence = textMap(tr.doc).toRange(plan.finding);
  if (writes) {
    // Applied as the smallest changes, last first so earlier offsets stay valid (see splitEdit).
    let text = base;
    for (const part of splitEdit(base, edit)) {
      const map = textMap(tr.doc);
      const side = (offset: number): -1 | 1 => (offset >= text.length || text.charAt(offset) === '\n' ? -1 : 1);
      const from = map.toPos(part.from, part.from === part.to ? side(part.from) : 1);
      const to = part.from === part.to ? from : Math.max(from, map.toPos(part.to, -1));
      if (part.insert) tr.insertText(part.insert, from, to);
      else tr.delete(from, to);
      text = text.slice(0, part.from) + part.insert + text.slice(part.to);
    }
    const after = textMap(tr.doc);
    const shift = (offset: number): number => (offset < edit.from ? offset : offset >= edit.to ? offset + edit.insert.length - (edit.to - edit.from) : edit.from);
    const covered = edit.from <= plan.finding.start && plan.finding.end <= edit.to;
    const start = covered ? edit.from : shift(plan.finding.start);
    const end = covered ? edit.from + edit.insert.length : shift(plan.finding.end);
    evidence = after.toRange({ start, end: Math.max(start, end) });
    if (edit.insert !== '') written = { ...after.toRange({ start: edit.from, end: edit.from + edit.insert.length }), text: edit.insert };
    tr.setSelection(TextSelection.create(tr.doc, after.toPos(edit.from + edit.insert.length, -1))).scrollIntoView();
  }
  // Other answers and dismissals whose words this edit broke come back when it is undone.
  const plugin = cdiLintKey.getState(state);
  const skip = new Set(tr.steps.flatMap((s) => (s instanceof LedgerStep ? s.ops.flatMap((op) => opKey(op) ?? []) : [])));
  const ops: LedgerOp[] = writes && plugin ? suspensions(plugin, state.doc, tr.doc, tr.mapping, skip) : [];
  let dismissalKey: string | undefined;
  if (plan.reason && evidence.to > evidence.from) {
    const dismissal: Dismissal = {
      key: newKey('dismissal'),
      kind: plan.finding.kind,
      family: plan.finding.family,
      text: textBetween(tr.doc, evidence.from, evidence.to),
      ...evidence,
      reason: plan.reason,
      findingId: plan.findingId,
      ...(!writes && plan.visible ? { hidden: plan.visible } : {}),
    };
    dismissalKey = dismissal.key;
    ops.push({ op: 'dismiss', dismissal });
  }
  const entry: LedgerEntry = {
    key: newKey('answer'),
    findingId: plan.findingId,
    finding: plan.finding,
    query: plan.query,
    answer: plan.answer,
    edit: writes ? edit : null,
    replaced: writes ? base.slice(edit.from, edit.to) : '',
    written,
    ...(dismissalKey ? { dismissal: dismissalKey } : {}),
  };
  ops.push({ op: 'record', entry });
  tr.step(new LedgerStep(ops));
  const action: CdiLintAction = also.length > 0 ? { type: 'answered', id: plan.findingId, also } : { type: 'answered', id: plan.findingId };
  tr.setMeta(cdiLintKey, action);
}
