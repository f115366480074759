/**
 * Commands over the plugin's findings, in the usual ProseMirror `Command` form: without
 * `dispatch` they only answer whether they apply. They do nothing (return false) when the plugin
 * is not installed or the finding is gone.
 */
import { TextSelection } from 'prosemirror-state';
import type { Command, EditorState, Transaction } from 'prosemirror-state';
import { textBetween } from '../positions.js';
import { LedgerStep, newKey } from './ledger-step.js';
import type { LedgerOp } from './ledger-step.js';
import { closeHistory } from 'prosemirror-history';
import { cdiLintKey } from './state.js';
import { suspensions } from './suspension.js';
import type { Answer, CdiLintAction, Dismissal, DismissReason, LintFinding } from './types.js';

/** The visible findings of `state`, in document order (empty without the plugin). */
export function getFindings(state: EditorState): readonly LintFinding[] {
  return cdiLintKey.getState(state)?.findings ?? [];
}

/** The visible finding with this id, if any. */
export function findFinding(state: EditorState, id: string): LintFinding | undefined {
  return getFindings(state).find((f) => f.id === id);
}

function selectRange(finding: LintFinding): Command {
  return (state, dispatch) => {
    dispatch?.(state.tr.setSelection(TextSelection.create(state.doc, finding.from, finding.to)).scrollIntoView());
    return true;
  };
}

/** Selects the words of the first finding that starts after the selection's start, wrapping to the first. */
export const nextFinding: Command = (state, dispatch, view) => {
  const findings = getFindings(state);
  const target = findings.find((f) => f.from > state.selection.from) ?? findings[0];
  return target ? selectRange(target)(state, dispatch, view) : false;
};

/** Selects the words of the last finding that starts before the selection's start, wrapping to the last. */
export const previousFinding: Command = (state, dispatch, view) => {
  const findings = getFindings(state);
  const before = findings.filter((f) => f.from < state.selection.from);
  const target = before.at(-1) ?? findings.at(-1);
  return target ? selectRange(target)(state, dispatch, view) : false;
};

/** Selects the words of finding `id`. */
export function selectFinding(id: string): Command {
  return (state, dispatch, view) => {
    const finding = findFinding(state, id);
    return finding ? selectRange(finding)(state, dispatch, view) : false;
  };
}

/**
 * Hides finding `id` for as long as its words stay (see `Dismissal`). The text does not change;
 * the dismissal is a step of its own in the undo history (see `LedgerStep`), so Ctrl+Z right after
 * it restores the finding and touches no text.
 */
export function dismissFinding(id: string, reason: DismissReason, note?: string): Command {
  return (state, dispatch) => {
    const finding = findFinding(state, id);
    if (!finding) return false;
    if (!dispatch) return true;
    const dismissal: Dismissal = {
      key: newKey('dismissal'),
      kind: finding.finding.kind,
      family: finding.finding.family,
      text: textBetween(state.doc, finding.from, finding.to),
      from: finding.from,
      to: finding.to,
      reason,
      findingId: id,
      hidden: finding,
      ...(note === undefined ? {} : { note }),
    };
    dispatch(collapseOver(ledgerTransaction(state, [{ op: 'dismiss', dismissal }]), finding.from, finding.to));
    return true;
  };
}

/**
 * Restores a dismissal (by its `key`): the finding it hid is shown again at once, and re-analysis
 * may report it. A step in the undo history, like the dismissal.
 */
export function restoreDismissal(key: string): Command {
  return (state, dispatch) => {
    const dismissal = cdiLintKey.getState(state)?.dismissals.find((d) => d.key === key);
    if (!dismissal) return false;
    dispatch?.(collapseOver(ledgerTransaction(state, [{ op: 'restore', dismissal }]), dismissal.from, dismissal.to));
    return true;
  };
}

/**
 * A selection that covers the words `from`..`to` exactly (the words were selected by navigating to
 * the finding, not by the clinician) collapses to their end, so that the next key typed after a
 * dismissal or a restore adds to the note instead of replacing those words.
 */
function collapseOver(tr: Transaction, from: number, to: number): Transaction {
  const { selection } = tr;
  if (!selection.empty && selection.from === from && selection.to === to) tr.setSelection(TextSelection.create(tr.doc, to));
  return tr;
}

/** A transaction carrying only ledger changes, as its own undo step. */
function ledgerTransaction(state: EditorState, ops: LedgerOp[]): Transaction {
  const tr = state.tr;
  closeHistory(tr);
  tr.step(new LedgerStep(ops));
  return tr;
}

/**
 * Writes `answer.text` at finding `id` (replacing its words, or before/after them) in one
 * transaction that is its own undo step: the history group is closed before it and, by the
 * plugin's `appendTransaction`, after it, so one undo restores exactly the previous text. The
 * finding is hidden at once; the next analysis reports it again only if the note still lacks the
 * specificity. The cursor ends after the inserted text.
 */
export function applyAnswer(id: string, answer: Answer): Command {
  return (state, dispatch) => {
    const finding = findFinding(state, id);
    if (!finding) return false;
    if (!dispatch) return true;
    const mode = answer.mode ?? 'replace';
    const from = mode === 'after' ? finding.to : finding.from;
    const to = mode === 'replace' ? finding.to : from;
    const tr = state.tr;
    if (answer.text) tr.insertText(answer.text, from, to);
    else tr.delete(from, to);
    const end = tr.mapping.map(to, 1);
    tr.setSelection(TextSelection.create(tr.doc, end)).scrollIntoView();
    closeHistory(tr);
    suspendBroken(tr, state);
    const action: CdiLintAction = { type: 'answered', id };
    dispatch(tr.setMeta(cdiLintKey, action));
    return true;
  };
}

/**
 * Adds to an answer's transaction the suspensions of the answers and dismissals its edit broke
 * (the plugin appends them to ordinary edits, not to answers, whose undo step it closes).
 */
function suspendBroken(tr: Transaction, state: EditorState): void {
  const plugin = cdiLintKey.getState(state);
  const ops = plugin && tr.docChanged ? suspensions(plugin, state.doc, tr.doc, tr.mapping, new Set()) : [];
  if (ops.length > 0) tr.step(new LedgerStep(ops));
}

/** One edit in document positions: replace `[from, to)` with `text`. */
export interface DocumentEdit {
  from: number;
  to: number;
  text: string;
}

/**
 * Writes an answer's edit (document positions, e.g. from the engine's `applyAnswerToText` edit
 * mapped into the document) as one transaction that is its own undo step, like
 * {@link applyAnswer}, and hides finding `id` (or each of several ids) if still visible. Unlike `applyAnswer` the edit
 * may lie anywhere (a site word before the evidence, a hedge removed, a conflicting value
 * replaced), so it does not require the finding to be visible. The cursor ends after the edit.
 */
export function applyAnswerEdit(id: string | readonly string[], edit: DocumentEdit): Command {
  return (state, dispatch) => {
    const size = state.doc.content.size;
    if (edit.from < 0 || edit.to < edit.from || edit.to > size) return false;
    if (!dispatch) return true;
    const tr = state.tr;
    if (edit.text) tr.insertText(edit.text, edit.from, edit.to);
    else if (edit.to > edit.from) tr.delete(edit.from, edit.to);
    const end = tr.mapping.map(edit.to, 1);
    tr.setSelection(TextSelection.create(tr.doc, end)).scrollIntoView();
    closeHistory(tr);
    suspendBroken(tr, state);
    const [first = '', ...rest] = typeof id === 'string' ? [id] : id;
    const action: CdiLintAction = rest.length > 0 ? { type: 'answered', id: first, also: rest } : { type: 'answered', id: first };
    dispatch(tr.setMeta(cdiLintKey, action));
    return true;
  };
}

/**
 * Hides the findings of this kind and family on these words, and any reported on them later,
 * for as long as the words stay (a dismissal that needs no visible finding: an answer of
 * "Clinically undetermined" given after part of the query was already written).
 */
export function suppressWords(dismissal: Dismissal): Command {
  return (state, dispatch) => {
    if (!cdiLintKey.getState(state)) return false;
    const d = dismissal.to > state.doc.content.size || textBetween(state.doc, dismissal.from, dismissal.to) !== dismissal.text ? null : dismissal;
    if (!d) return false;
    dispatch?.(ledgerTransaction(state, [{ op: 'dismiss', dismissal: { ...d, key: d.key ?? newKey('dismissal') } }]));
    return true;
  };
}

/** Analyses the document now (e.g. after the care setting changed), skipping the debounce. */
export const reanalyze: Command = (state, dispatch) => {
  if (!cdiLintKey.getState(state)) return false;
  const action: CdiLintAction = { type: 'refresh' };
  dispatch?.(state.tr.setMeta(cdiLintKey, action));
  return true;
};
