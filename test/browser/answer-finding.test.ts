/**
 * `answerFinding(view, findingId, answer)` in a plain ProseMirror editor (no element): the shared
 * answer path of `<cdi-editor>`, the Tiptap extension and plain-ProseMirror hosts. It writes what
 * `previewAnswer` shows, as one undo step, records the answer in the plugin's ledger, and undo /
 * redo move text and ledger together; dismissals are undo steps too.
 */
import { expect } from 'chai';
import type { EditorView } from 'prosemirror-view';
import { history, redo, undo } from 'prosemirror-history';
import {
  answerFinding, cdiLintKey, dismissFinding, getFindings, previewAnswer, restoreDismissal, standingAnswers,
} from '../../plugin/prosemirror/index.js';
import { docToText } from '../../plugin/positions.js';
import { mountPlain } from './prosemirror-harness.js';

const mount = (text: string): Promise<EditorView> => mountPlain(text);

const text = (view: EditorView): string => docToText(view.state.doc);
const ledgerOf = (view: EditorView) => standingAnswers(cdiLintKey.getState(view.state)!, view.state.doc);

afterEach(() => document.body.replaceChildren());

describe('answerFinding (plain ProseMirror)', () => {
  it('writes exactly the preview, in one undo step, and records the answer; undo and redo move both', async () => {
    const view = await mount('PMH: CHF.');
    const hf = getFindings(view.state)[0]!;
    const answer = { queryId: hf.query!.id, choices: [{ itemId: 'acuity', optionId: 'acute' }, { itemId: 'type', optionId: 'systolic' }] };
    expect(previewAnswer(view.state, hf.id, answer)?.phrase).to.equal('Acute systolic CHF');
    expect(answerFinding(view, hf.id, answer)).to.equal(true);
    expect(text(view)).to.equal('PMH: Acute systolic CHF.');
    expect(ledgerOf(view).map((e) => e.answer.choices.map((c) => c.optionId))).to.deep.equal([['acute', 'systolic']]);
    undo(view.state, view.dispatch);
    expect(text(view)).to.equal('PMH: CHF.');
    expect(ledgerOf(view)).to.deep.equal([]);
    redo(view.state, view.dispatch);
    expect(text(view)).to.equal('PMH: Acute systolic CHF.');
    expect(ledgerOf(view).length).to.equal(1);
  });

  it('answers a multi-part query item by item; one undo restores the text from before the first part', async () => {
    const view = await mount('PMH: CHF.');
    const hf = getFindings(view.state)[0]!;
    const queryId = hf.query!.id;
    expect(answerFinding(view, hf.id, { queryId, choices: [{ itemId: 'type', optionId: 'diastolic' }] })).to.equal(true);
    expect(text(view)).to.equal('PMH: Diastolic CHF.');
    expect(answerFinding(view, hf.id, { queryId, choices: [{ itemId: 'type', optionId: 'diastolic' }, { itemId: 'acuity', optionId: 'chronic' }] })).to.equal(true);
    expect(text(view)).to.equal('PMH: Chronic diastolic CHF.');
    expect(ledgerOf(view).length).to.equal(1);
    undo(view.state, view.dispatch);
    expect(text(view)).to.equal('PMH: CHF.');
  });

  it('writes "Other" text and records "Clinically undetermined" as a dismissal in the same step', async () => {
    const view = await mount('Problems: Anemia. CHF.');
    const [anemia, hf] = getFindings(view.state);
    expect(answerFinding(view, anemia!.id, { queryId: anemia!.query!.id, choices: [{ itemId: 'type', optionId: 'other', text: 'anemia of chronic disease' }] })).to.equal(true);
    expect(text(view)).to.equal('Problems: Anemia of chronic disease. CHF.');
    expect(answerFinding(view, hf!.id, { queryId: hf!.query!.id, choices: [{ itemId: 'acuity', optionId: 'undetermined' }, { itemId: 'type', optionId: 'undetermined' }] })).to.equal(true);
    expect(text(view)).to.equal('Problems: Anemia of chronic disease. CHF.');
    expect(cdiLintKey.getState(view.state)!.dismissals.map((d) => [d.text, d.reason])).to.deep.equal([['CHF', 'clinically-undetermined']]);
    undo(view.state, view.dispatch);
    expect(cdiLintKey.getState(view.state)!.dismissals).to.deep.equal([]);
    expect(getFindings(view.state).map((f) => f.finding.family)).to.include('heart-failure');
    expect(text(view)).to.equal('Problems: Anemia of chronic disease. CHF.');
  });

  it('refuses an answer that does not fit the query, changing nothing', async () => {
    const view = await mount('PMH: CHF.');
    const hf = getFindings(view.state)[0]!;
    expect(answerFinding(view, hf.id, { queryId: hf.query!.id, choices: [{ itemId: 'acuity', optionId: 'other' }] })).to.equal(false);
    expect(answerFinding(view, 'no-such-finding', { queryId: 'x', choices: [] })).to.equal(false);
    expect(text(view)).to.equal('PMH: CHF.');
  });

  it('makes a dismissal and a restore undo steps that never touch the text', async () => {
    const view = await mount('PMH: CHF.');
    const hf = getFindings(view.state)[0]!;
    dismissFinding(hf.id, 'address-later')(view.state, view.dispatch);
    expect(getFindings(view.state)).to.deep.equal([]);
    const key = cdiLintKey.getState(view.state)!.dismissals[0]!.key!;
    restoreDismissal(key)(view.state, view.dispatch);
    expect(getFindings(view.state).map((f) => f.id)).to.deep.equal([hf.id]);
    undo(view.state, view.dispatch);
    expect(getFindings(view.state)).to.deep.equal([]);
    undo(view.state, view.dispatch);
    expect(getFindings(view.state).map((f) => f.id)).to.deep.equal([hf.id]);
    expect(text(view)).to.equal('PMH: CHF.');
  });
});
