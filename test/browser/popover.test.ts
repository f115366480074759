/**
 * When the popover opens and closes (issue 10, "Never interrupt typing"): typing never opens it;
 * a click, Alt+F8, the arrow keys and a resting pointer do; the pointer can travel from the word
 * to the popover whatever the order of the events; a re-analysis does not redraw an open popover's
 * options, and a click writes the option that was shown.
 */
import { expect } from 'chai';
import { sendKeys } from '@web/test-runner-commands';
import { createInlineAnalyzer } from '../../plugin/prosemirror/inline-analyzer.js';
import type { AnalysisProvider } from '../../plugin/prosemirror/index.js';
import type { QueriedAnalysis } from '../../plugin/queries/types.js';
import type { Query } from '../../src/queries/types.js';
import { HOVER_CLOSE_MS, HOVER_OPEN_MS } from '../../plugin/element/popover-controller.js';
import { chord, editorWith, until, findingOf, nextEvent, openPopover, removeEditors, settle, shadow, typeOther } from './editor-harness.js';
import type { CdiEditor } from '../../plugin/element/cdi-editor.js';

afterEach(removeEditors);

const popoverOf = (el: CdiEditor): HTMLElement | null => shadow(el).querySelector<HTMLElement>('.popover');
const underline = (el: CdiEditor, id: string): HTMLElement => shadow(el).querySelector<HTMLElement>(`.ProseMirror [data-finding-id="${CSS.escape(id)}"]`)!;
const wait = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

/** The inline analyser, whose drafts pass through `change` once `on()` is true (a re-draft after the popover opened). */
function redrafting(on: () => boolean, change: (q: Query) => Query): AnalysisProvider {
  const inline = createInlineAnalyzer();
  return {
    ...inline,
    analyze: async (text, options) => {
      const result = (await inline.analyze(text, options)) as QueriedAnalysis;
      if (!on() || !result.queries) return result;
      return { ...result, queries: Object.fromEntries(Object.entries(result.queries).map(([k, q]) => [k, change(q)])) };
    },
  };
}

describe('<cdi-editor> popover', () => {
  it('never opens while typing, even with the caret at the end of a word just flagged', async function () {
    this.timeout(30_000);
    const el = await editorWith('');
    el.focus();
    for (const line of ['PMH: CHF', ', CKD', ', anemia']) {
      const flagged = nextEvent(el, 'cdi-findings');
      await sendKeys({ type: line });
      await flagged;
      await el.updateComplete;
      expect(popoverOf(el), `no popover after typing "${line}"`).to.equal(null);
    }
    expect(el.findings.length).to.be.greaterThan(0);
    // The caret sits right after "anemia", inside the finding's words: still no popover.
    await settle(el);
    expect(popoverOf(el)).to.equal(null);
  });

  it('opens when the arrow keys move the caret into a finding, and on Alt+F8', async () => {
    const el = await editorWith('PMH: CHF.');
    el.focus();
    await chord(['Control'], 'End');
    expect(popoverOf(el)).to.equal(null);
    await sendKeys({ press: 'ArrowLeft' });
    await sendKeys({ press: 'ArrowLeft' });
    await until(el, () => popoverOf(el) !== null);
    expect(popoverOf(el)?.dataset.findingId).to.equal(findingOf(el, 'heart-failure').id);
    await sendKeys({ press: 'Escape' });
    await until(el, () => popoverOf(el) === null);
    expect(popoverOf(el)).to.equal(null);
    await chord(['Control'], 'Home');
    await chord(['Alt'], 'F8');
    await until(el, () => popoverOf(el) !== null);
    expect(popoverOf(el)?.dataset.findingId).to.equal(findingOf(el, 'heart-failure').id);
  });

  it('opens on a click in the finding\'s words', async () => {
    const el = await editorWith('PMH: CHF.');
    const word = underline(el, findingOf(el, 'heart-failure').id);
    const box = word.getBoundingClientRect();
    const { sendMouse } = await import('@web/test-runner-commands');
    await sendMouse({ type: 'click', position: [Math.round(box.left + box.width / 2), Math.round(box.top + box.height / 2)] });
    await el.updateComplete;
    expect(popoverOf(el)?.dataset.findingId).to.equal(findingOf(el, 'heart-failure').id);
  });

  it('opens after the pointer rests on the word, and stays open while the pointer travels to it (any event order)', async function () {
    this.timeout(10_000);
    const el = await editorWith('PMH: CHF.');
    const id = findingOf(el, 'heart-failure').id;
    const word = underline(el, id);
    word.dispatchEvent(new MouseEvent('mouseover', { bubbles: true, composed: true }));
    await el.updateComplete;
    expect(popoverOf(el), 'not at once').to.equal(null);
    await wait(HOVER_OPEN_MS + 50);
    await el.updateComplete;
    const popover = popoverOf(el)!;
    expect(popover.dataset.findingId).to.equal(id);
    // The popover's pointerenter arrives before the word's mouseout (what Chromium does).
    popover.dispatchEvent(new PointerEvent('pointerenter'));
    word.dispatchEvent(new MouseEvent('mouseout', { bubbles: true, composed: true, relatedTarget: popover }));
    await wait(HOVER_CLOSE_MS + 100);
    await el.updateComplete;
    expect(popoverOf(el), 'still open with the pointer in it').to.not.equal(null);
    // "Other" text being typed survives the pointer leaving.
    await typeOther(el, 'acuity', 'subacu');
    popoverOf(el)!.dispatchEvent(new PointerEvent('pointerleave'));
    await wait(HOVER_CLOSE_MS + 100);
    await el.updateComplete;
    expect(shadow(el).querySelector<HTMLInputElement>('input[part="other-input"]')?.value).to.equal('subacu');
  });

  it('closes a pointer popover once the pointer has left word and popover', async function () {
    this.timeout(10_000);
    const el = await editorWith('PMH: CHF.');
    const id = findingOf(el, 'heart-failure').id;
    const word = underline(el, id);
    word.dispatchEvent(new MouseEvent('mouseover', { bubbles: true, composed: true }));
    await wait(HOVER_OPEN_MS + 50);
    await el.updateComplete;
    expect(popoverOf(el)).to.not.equal(null);
    word.dispatchEvent(new MouseEvent('mouseout', { bubbles: true, composed: true, relatedTarget: document.body }));
    await wait(HOVER_CLOSE_MS + 100);
    await el.updateComplete;
    expect(popoverOf(el)).to.equal(null);
  });

  it('keeps the options shown when a re-analysis arrives, and a click writes the option that was shown', async () => {
    // An analyser whose later drafts list the options in reverse order.
    let reversed = false;
    const analyzer = redrafting(() => reversed, (q) => ({ ...q, items: q.items.map((i) => ({ ...i, options: [...i.options].reverse() })) }));
    const el = await editorWith('PMH: CHF.', {}, analyzer);
    const popover = await openPopover(el, findingOf(el, 'heart-failure').id);
    const labels = (): string[] => [...popover.querySelectorAll('fieldset[data-item="acuity"] .option-label')].map((b) => b.textContent ?? '');
    const before = labels();
    const firstButton = popover.querySelector<HTMLButtonElement>('fieldset[data-item="acuity"] button[data-option]')!;
    reversed = true;
    await settle(el);
    expect(el.queryFor(findingOf(el, 'heart-failure').id)!.items[0]!.options[0]!.id, 'the new draft is reversed').to.equal('undetermined');
    expect(labels(), 'the open popover keeps what it showed').to.deep.equal(before);
    expect(firstButton.isConnected).to.equal(true);
    firstButton.click();
    await el.updateComplete;
    expect(el.value).to.equal('PMH: Acute CHF.');
  });

  it('continues an answer item by item when the query was re-drafted after the popover opened', async () => {
    // An analyser whose later drafts carry new query ids (as after an edit moves the finding).
    let redrafted = false;
    const analyzer = redrafting(() => redrafted, (q) => ({ ...q, id: `${q.id}:redrafted` }));
    const el = await editorWith('PMH: CHF.', {}, analyzer);
    const id = findingOf(el, 'heart-failure').id;
    const popover = await openPopover(el, id);
    redrafted = true;
    await settle(el);
    expect(el.queryFor(id)!.id, 'the new draft').to.match(/:redrafted$/);
    popover.querySelector<HTMLButtonElement>('button[data-item="acuity"][data-option="acute"]')!.click();
    await el.updateComplete;
    expect(el.value).to.equal('PMH: Acute CHF.');
    const answered = nextEvent(el, 'cdi-answer');
    shadow(el).querySelector<HTMLButtonElement>('.popover button[data-item="type"][data-option="systolic"]')!.click();
    expect((await answered).detail.answer.choices.map((c) => c.optionId)).to.deep.equal(['acute', 'systolic']);
    expect(el.value).to.equal('PMH: Acute systolic CHF.');
  });
});
