/**
 * Commands over the plugin's findings, in the usual ProseMirror `Command` form: without
 * `dispatch` they only answer whether they apply. They do nothing (return false) when the plugin
 * is not installed or the finding is gone.
 */
import { TextSelection } from 'prosemirror-state';
import type { Command, EditorState } from 'prosemirror-state';
import { closeHistory } from 'prosemirror-history';
import { cdiLintKey } from './state.js';
import type { Answer, CdiLintAction, DismissReason, LintFinding } from './types.js';

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
 * Hides finding `id` for as long as its words stay (see `Dismissal`). Not a document change, so
 * it is not in the undo history.
 */
export function dismissFinding(id: string, reason: DismissReason, note?: string): Command {
  return (state, dispatch) => {
    if (!findFinding(state, id)) return false;
    const action: CdiLintAction = note === undefined ? { type: 'dismiss', id, reason } : { type: 'dismiss', id, reason, note };
    dispatch?.(state.tr.setMeta(cdiLintKey, action));
    return true;
  };
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
    const action: CdiLintAction = { type: 'answered', id };
    dispatch(tr.setMeta(cdiLintKey, action));
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
