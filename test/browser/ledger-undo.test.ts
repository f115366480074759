/**
 * Undo composes with answers and dismissals when their words are deleted: deleting an answer's
 * written words (or a dismissed finding's words) and undoing the deletion brings the record back
 * exactly as it was, on the restored words; redo deletes both again. Retyping the same words by
 * hand restores nothing. Plain ProseMirror with the plugin, history and the base keymap.
 */
import { expect } from 'chai';
import { sendKeys } from '@web/test-runner-commands';
import { TextSelection } from 'prosemirror-state';
import type { EditorView } from 'prosemirror-view';
import { history, redo, undo } from 'prosemirror-history';
import { keymap } from 'prosemirror-keymap';
import { baseKeymap, deleteSelection } from 'prosemirror-commands';
import {
  answerFinding, applyAnswerEdit, cdiLintKey, dismissalInForce, dismissFinding, getFindings, standingAnswers,
} from '../../plugin/prosemirror/index.js';
import type { LedgerEntry } from '../../plugin/prosemirror/index.js';
import { docToText, textMap } from '../../plugin/positions.js';
import { analysed, mountPlain } from './prosemirror-harness.js';

const mount = (text: string): Promise<EditorView> =>
  mountPlain(text, [history(), keymap({ 'Mod-z': undo, 'Shift-Mod-z': redo }), keymap(baseKeymap)]);

const text = (view: EditorView): string => docToText(view.state.doc);
const plugin = (view: EditorView) => cdiLintKey.getState(view.state)!;
/** The standing answers as `written words @ text offset`. */
const standing = (view: EditorView): string[] => {
  const map = textMap(view.state.doc);
  return standingAnswers(plugin(view), view.state.doc).map((e) => `${e.written?.text ?? '(none)'} @ ${e.written ? map.toOffset(e.written.from) : '-'}`);
};
/** The dismissals in force as `"words" @ text offset`. */
const dismissed = (view: EditorView): string[] => {
  const map = textMap(view.state.doc);
  return plugin(view).dismissals.filter((d) => dismissalInForce(d, view.state.doc)).map((d) => `"${d.text}" @ ${map.toOffset(d.from)}`);
};
const families = (view: EditorView): string[] => getFindings(view.state).map((f) => f.finding.family ?? '');

/** Deletes the text `[start, end)` as Backspace over a selection does (one transaction). */
function deleteSpan(view: EditorView, start: number, end: number): void {
  const { from, to } = textMap(view.state.doc).toRange({ start, end });
  view.dispatch(view.state.tr.setSelection(TextSelection.create(view.state.doc, from, to)));
  expect(deleteSelection(view.state, view.dispatch)).to.equal(true);
}

/** Types `words` at text offset `at`, one transaction per character, as typing by hand does. */
function typeAt(view: EditorView, at: number, words: string): void {
  let pos = textMap(view.state.doc).toPos(at);
  for (const ch of words) {
    view.dispatch(view.state.tr.insertText(ch, pos));
    pos += ch.length;
  }
}

async function answerAcuteSystolic(view: EditorView): Promise<LedgerEntry> {
  const hf = getFindings(view.state).find((f) => f.finding.family === 'heart-failure')!;
  const answer = { queryId: hf.query!.id, choices: [{ itemId: 'acuity', optionId: 'acute' }, { itemId: 'type', optionId: 'systolic' }] };
  expect(answerFinding(view, hf.id, answer)).to.equal(true);
  return plugin(view).ledger.at(-1)!;
}

afterEach(() => document.body.replaceChildren());

describe('deleting an answer\'s or a dismissal\'s words, and undo', () => {
  it('brings an answer back exactly as it was when the deletion of its words is undone', async () => {
    const view = await mount('PMH: CHF. Plan: diuresis.');
    const entry = await answerAcuteSystolic(view);
    const answered = text(view);
    expect(answered).to.equal('PMH: Acute systolic CHF. Plan: diuresis.');
    expect(standing(view)).to.deep.equal(['Acute systolic  @ 5']);
    deleteSpan(view, 5, 5 + 'Acute systolic '.length);
    expect(text(view)).to.equal('PMH: CHF. Plan: diuresis.');
    expect(standing(view)).to.deep.equal([]);
    undo(view.state, view.dispatch);
    expect(text(view)).to.equal(answered);
    expect(standing(view)).to.deep.equal(['Acute systolic  @ 5']);
    expect(plugin(view).ledger).to.deep.equal([entry]);
  });

  it('deletes it again on redo and brings it back again on the next undo', async () => {
    const view = await mount('PMH: CHF. Plan: diuresis.');
    const entry = await answerAcuteSystolic(view);
    deleteSpan(view, 0, 'PMH: Acute systolic CHF.'.length); // more than the answer's words
    expect(text(view)).to.equal(' Plan: diuresis.');
    undo(view.state, view.dispatch);
    expect(standing(view)).to.deep.equal(['Acute systolic  @ 5']);
    redo(view.state, view.dispatch);
    expect(text(view)).to.equal(' Plan: diuresis.');
    expect(standing(view)).to.deep.equal([]);
    undo(view.state, view.dispatch);
    expect(text(view)).to.equal('PMH: Acute systolic CHF. Plan: diuresis.');
    expect(plugin(view).ledger).to.deep.equal([entry]);
    undo(view.state, view.dispatch); // and the answer itself is still one undo step
    expect(text(view)).to.equal('PMH: CHF. Plan: diuresis.');
    expect(plugin(view).ledger).to.deep.equal([]);
  });

  it('brings an answer back after its words were deleted key by key with Backspace and Ctrl+Z pressed', async () => {
    const view = await mount('PMH: CHF.');
    await answerAcuteSystolic(view);
    const map = textMap(view.state.doc);
    view.focus();
    view.dispatch(view.state.tr.setSelection(TextSelection.create(view.state.doc, map.toPos(5 + 'Acute systolic '.length))));
    for (let i = 0; i < 'Acute systolic '.length; i++) await sendKeys({ press: 'Backspace' });
    expect(text(view)).to.equal('PMH: CHF.');
    expect(standing(view)).to.deep.equal([]);
    await sendKeys({ down: 'Control' });
    await sendKeys({ press: 'z' });
    await sendKeys({ up: 'Control' });
    expect(text(view)).to.equal('PMH: Acute systolic CHF.');
    expect(standing(view)).to.deep.equal(['Acute systolic  @ 5']);
  });

  it('hides a dismissed finding again when the deletion of its words is undone', async () => {
    const view = await mount('PMH: CHF, CKD.');
    const hf = getFindings(view.state).find((f) => f.finding.family === 'heart-failure')!;
    expect(dismissFinding(hf.id, 'documented-elsewhere', 'see echo')(view.state, view.dispatch)).to.equal(true);
    const dismissal = plugin(view).dismissals[0]!;
    deleteSpan(view, 5, 8);
    expect(text(view)).to.equal('PMH: , CKD.');
    expect(dismissed(view)).to.deep.equal([]);
    undo(view.state, view.dispatch);
    expect(text(view)).to.equal('PMH: CHF, CKD.');
    expect(dismissed(view)).to.deep.equal(['"CHF" @ 5']);
    const back = plugin(view).dismissals[0]!;
    expect({ ...back, hidden: undefined }).to.deep.equal({ ...dismissal, hidden: undefined });
    await analysed(view);
    expect(families(view), 'still hidden after re-analysis').to.not.include('heart-failure');
  });

  it('keeps an answer of "Clinically undetermined" standing when the deletion of its words is undone', async () => {
    const view = await mount('PMH: CHF.');
    const hf = getFindings(view.state)[0]!;
    const answer = { queryId: hf.query!.id, choices: [{ itemId: 'acuity', optionId: 'undetermined' }, { itemId: 'type', optionId: 'undetermined' }] };
    expect(answerFinding(view, hf.id, answer)).to.equal(true);
    expect(standing(view)).to.deep.equal(['(none) @ -']);
    deleteSpan(view, 5, 8);
    expect(standing(view)).to.deep.equal([]);
    undo(view.state, view.dispatch);
    expect(text(view)).to.equal('PMH: CHF.');
    expect(standing(view)).to.deep.equal(['(none) @ -']);
    expect(dismissed(view)).to.deep.equal(['"CHF" @ 5']);
  });

  it('restores nothing when the same words are typed again by hand', async () => {
    const view = await mount('PMH: CHF, CKD.');
    await answerAcuteSystolic(view); // 'PMH: Acute systolic CHF, CKD.'
    const ckd = getFindings(view.state).find((f) => f.finding.family === 'chronic-kidney-disease')!;
    dismissFinding(ckd.id, 'address-later')(view.state, view.dispatch);
    const at = text(view).indexOf('CKD');
    deleteSpan(view, at, at + 3);
    deleteSpan(view, 5, 5 + 'Acute systolic '.length);
    expect(text(view)).to.equal('PMH: CHF, .');
    typeAt(view, 5, 'Acute systolic ');
    typeAt(view, text(view).indexOf(', ') + 2, 'CKD');
    expect(text(view)).to.equal('PMH: Acute systolic CHF, CKD.');
    expect(standing(view)).to.deep.equal([]);
    expect(dismissed(view)).to.deep.equal([]);
    await analysed(view);
    expect(families(view), 'the retyped CKD is judged afresh').to.include('chronic-kidney-disease');
  });

  it('brings an answer back when a host\'s answer edit that deleted its words is undone', async () => {
    const view = await mount('PMH: CHF.');
    const entry = await answerAcuteSystolic(view);
    const { from, to } = entry.written!;
    expect(applyAnswerEdit('host-answer', { from, to, text: '' })(view.state, view.dispatch)).to.equal(true);
    expect(text(view)).to.equal('PMH: CHF.');
    expect(standing(view)).to.deep.equal([]);
    undo(view.state, view.dispatch);
    expect(text(view)).to.equal('PMH: Acute systolic CHF.');
    expect(plugin(view).ledger).to.deep.equal([entry]);
  });
});
