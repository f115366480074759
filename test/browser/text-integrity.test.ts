/**
 * The note is the clinician's: each bug of issue 10's "Text integrity" and hand-off sections, in
 * the real element in Chromium. Each test failed on the code before the fix.
 */
import { expect } from 'chai';
import { sendKeys } from '@web/test-runner-commands';
import { TextSelection } from 'prosemirror-state';
import { textMap } from '../../plugin/positions.js';
import {
  chord, editorWith, enter, findingOf, nextEvent, openPopover, optionButton, paste, previewOf, removeEditors, settle, shadow, typeOther, viewOf,
} from './editor-harness.js';

afterEach(removeEditors);

describe('<cdi-editor> text integrity', () => {
  it('keeps a pasted carriage return a carriage return when its line is edited', async function () {
    this.timeout(30_000);
    const el = await editorWith('');
    const view = viewOf(el);
    el.focus();
    paste(view, 'BP 120/80\r\nHR 72\rRR 16');
    expect(el.value).to.equal('BP 120/80\r\nHR 72\rRR 16');
    // Edit the line that holds the bare \r through the keyboard (ProseMirror reads the DOM back).
    const map = textMap(view.state.doc);
    view.dispatch(view.state.tr.setSelection(TextSelection.create(view.state.doc, map.toPos(el.value.length, -1))));
    await sendKeys({ type: ' ok' });
    expect(el.value).to.equal('BP 120/80\r\nHR 72\rRR 16 ok');
    await chord(['Control'], 'Home');
    await sendKeys({ type: 'x' });
    expect(el.value).to.equal('xBP 120/80\r\nHR 72\rRR 16 ok');
  });

  it('"Other" text naming the condition completes its words ("anemia of chronic disease" for "Anemia")', async () => {
    const el = await editorWith('Problems: Anemia. CHF.');
    await openPopover(el, findingOf(el, 'anemia').id);
    const input = await typeOther(el, 'type', 'anemia of chronic disease');
    expect(shadow(el).querySelector<HTMLElement>('#other-preview')!.dataset.preview).to.equal('Anemia of chronic disease');
    const answered = nextEvent(el, 'cdi-answer');
    enter(input);
    await answered;
    expect(el.value).to.equal('Problems: Anemia of chronic disease. CHF.');
  });

  it('shows, in every option, exactly what it writes', async function () {
    this.timeout(60_000);
    const note = 'PMH: CHF, CKD.';
    const el = await editorWith(note);
    const view = viewOf(el);
    for (const family of ['heart-failure', 'chronic-kidney-disease']) {
      await settle(el);
      const finding = findingOf(el, family);
      const query = el.queryFor(finding.id)!;
      for (const item of query.items) {
        for (const option of item.options.filter((o) => o.role === 'answer')) {
          await openPopover(el, findingOf(el, family).id);
          const button = optionButton(el, item.id, option.id);
          const preview = previewOf(button);
          expect(preview, `${family}/${option.id} shows a preview`).to.not.equal('');
          button.click();
          await el.updateComplete;
          expect(el.value.replace(/\s+/g, ' '), `${family}/${option.id}`).to.contain(preview);
          expect(el.value.length).to.be.greaterThan(note.length);
          // Back to the note as it was (closing a partial answer first).
          shadow(el).querySelector<HTMLElement>('.popover')?.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true, composed: true }));
          const { undo } = await import('prosemirror-history');
          undo(view.state, view.dispatch);
          expect(el.value).to.equal(note);
          await settle(el);
        }
      }
    }
  });

  it('never writes words the note already has ("calf vein" on "... vein DVT")', async () => {
    const el = await editorWith('Assessment: left leg vein DVT.');
    await openPopover(el, findingOf(el, 'deep-vein-thrombosis').id);
    const calf = optionButton(el, 'site', 'calf');
    expect(previewOf(calf)).to.equal('calf vein DVT');
    calf.click();
    await el.updateComplete;
    expect(el.value).to.equal('Assessment: left leg calf vein DVT.');
  });

  it('Ctrl+Z after a dismissal restores the finding and keeps an earlier answer\'s words; redo dismisses again', async () => {
    const note = 'PMH: CHF, anemia.';
    const el = await editorWith(note);
    await openPopover(el, findingOf(el, 'heart-failure').id);
    optionButton(el, 'acuity', 'chronic').click();
    optionButton(el, 'type', 'diastolic').click();
    await el.updateComplete;
    const answered = el.value;
    expect(answered).to.equal('PMH: Chronic diastolic CHF, anemia.');
    const anemia = findingOf(el, 'anemia');
    const popover = await openPopover(el, anemia.id);
    popover.querySelector<HTMLSelectElement>('select')!.value = 'address-later';
    popover.querySelector<HTMLButtonElement>('button[part="dismiss"]')!.click();
    await el.updateComplete;
    expect(el.findings.map((f) => f.family)).to.not.include('anemia');
    el.focus();
    await chord(['Control'], 'z');
    expect(el.value).to.equal(answered);
    expect(el.findings.map((f) => f.family)).to.include('anemia');
    await chord(['Control', 'Shift'], 'z');
    expect(el.value).to.equal(answered);
    expect(el.findings.map((f) => f.family)).to.not.include('anemia');
    expect(el.dismissals.map((d) => d.text)).to.deep.equal(['anemia']);
  });

  it('dismisses only with a reason chosen, lists it under "Dismissed (n)" and restores it', async () => {
    const el = await editorWith('PMH: CHF.');
    const hf = findingOf(el, 'heart-failure');
    let popover = await openPopover(el, hf.id);
    expect(popover.querySelector<HTMLSelectElement>('select')!.value, 'no reason preselected').to.equal('');
    popover.querySelector<HTMLButtonElement>('button[part="dismiss"]')!.click();
    await el.updateComplete;
    expect(el.findings.length, 'not dismissed without a reason').to.equal(1);
    expect(shadow(el).querySelector('#dismiss-hint')?.textContent).to.match(/reason/);
    popover = shadow(el).querySelector<HTMLElement>('.popover')!;
    popover.querySelector<HTMLSelectElement>('select')!.value = 'documented-elsewhere';
    popover.querySelector<HTMLButtonElement>('button[part="dismiss"]')!.click();
    await el.updateComplete;
    expect(el.findings.length).to.equal(0);
    const list = shadow(el).querySelector<HTMLElement>('[part="dismissed"]')!;
    expect(list.querySelector('summary')!.textContent).to.equal('Dismissed (1)');
    expect(list.textContent).to.contain('Already documented elsewhere');
    list.querySelector<HTMLButtonElement>('button[part="restore"]')!.click();
    await el.updateComplete;
    expect(el.findings.map((f) => f.family)).to.deep.equal(['heart-failure']);
    expect(shadow(el).querySelector('[part="dismissed"]')).to.equal(null);
    expect(el.value).to.equal('PMH: CHF.');
  });
});

describe('<cdi-editor> hand-off', () => {
  it('lists the latest answer to a condition answered twice, once, with its code title', async () => {
    const el = await editorWith('PMH: CHF.');
    await openPopover(el, findingOf(el, 'heart-failure').id);
    optionButton(el, 'acuity', 'acute').click();
    await el.updateComplete;
    // Leave the type open: the condition is flagged again for its type; answer it later.
    shadow(el).querySelector<HTMLElement>('.popover')!.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true, composed: true }));
    await settle(el);
    const partial = await el.handoff();
    expect(partial.codes.filter((c) => c.condition === 'Heart failure').length, 'one code line after a partial answer').to.equal(1);
    expect(partial.answered.map((a) => a.labels)).to.deep.equal([['Acute']]);
    await openPopover(el, findingOf(el, 'heart-failure').id);
    optionButton(el, 'type', 'systolic').click();
    await el.updateComplete;
    expect(el.value).to.equal('PMH: Acute systolic CHF.');
    const summary = await el.handoff();
    expect(summary.answered.map((a) => [a.condition, a.labels])).to.deep.equal([['Heart failure', ['Systolic']]]);
    expect(summary.codes.map((c) => [c.condition, c.now?.code, c.now?.title])).to.deep.equal([['Heart failure', 'I50.21', 'Acute systolic (congestive) heart failure']]);
    expect(summary.scope).to.match(/flagged/);
    expect(JSON.stringify(summary.codes)).to.not.contain('"condition":"missing-specificity');
  });

  it('drops an undone answer whose last item was "Clinically undetermined", and redo brings it back', async () => {
    const el = await editorWith('PMH: CHF.');
    await openPopover(el, findingOf(el, 'heart-failure').id);
    optionButton(el, 'acuity', 'acute').click();
    optionButton(el, 'type', 'undetermined').click();
    await el.updateComplete;
    expect(el.value).to.equal('PMH: Acute CHF.');
    expect((await el.handoff()).answered.map((a) => a.labels)).to.deep.equal([['Acute', 'Clinically undetermined']]);
    el.focus();
    await chord(['Control'], 'z');
    expect(el.value).to.equal('PMH: CHF.');
    await settle(el);
    const undone = await el.handoff();
    expect(undone.answered).to.deep.equal([]);
    expect(undone.unanswered.map((q) => q.family)).to.deep.equal(['heart-failure']);
    await chord(['Control', 'Shift'], 'z');
    expect(el.value).to.equal('PMH: Acute CHF.');
    expect((await el.handoff()).answered.map((a) => a.labels)).to.deep.equal([['Acute', 'Clinically undetermined']]);
  });
});
