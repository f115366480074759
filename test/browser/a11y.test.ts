/**
 * Accessibility of `<cdi-editor>`, checked by axe-core in both views, with findings listed and a
 * popover open (the richest state of the UI). Reports each violation by rule id and target.
 */
import { expect } from 'chai';
import axe from 'axe-core';
import '../../plugin/element/cdi-editor.js';
import type { CdiEditor } from '../../plugin/element/cdi-editor.js';

const NOTE = 'PAST MEDICAL HISTORY: CHF. Anemia.\n\nASSESSMENT: Sepsis, pneumonia.';

/** A connected inline-analysis editor in a `<main>` with a heading, once its findings are listed. */
async function editorInView(view: 'clinician' | 'cdi'): Promise<CdiEditor> {
  const main = document.createElement('main');
  const heading = document.createElement('h1');
  heading.textContent = 'Note';
  const el = document.createElement('cdi-editor');
  el.setAttribute('analysis', 'inline');
  el.view = view;
  el.value = NOTE;
  const listed = new Promise((resolve) => el.addEventListener('cdi-findings', resolve, { once: true }));
  main.append(heading, el);
  document.body.append(main);
  await listed;
  await el.updateComplete;
  return el;
}

/** Opens the popover of the first finding, as a click in the panel does. */
async function openFirstPopover(el: CdiEditor): Promise<void> {
  el.shadowRoot!.querySelector<HTMLButtonElement>('.panel button[data-finding-id]')!.click();
  await el.updateComplete;
  expect(el.shadowRoot!.querySelector('.popover'), 'an open popover').to.not.equal(null);
  expect(el.shadowRoot!.querySelector('.popover .query[role="group"][aria-labelledby] fieldset legend'), 'with its query').to.not.equal(null);
}

/** axe violations as `rule: target` lines (compact, so a failure reads at a glance). */
async function violations(context: Element): Promise<string[]> {
  const results = await axe.run(context, { resultTypes: ['violations'] });
  return results.violations.flatMap((v) => v.nodes.map((n) => `${v.id}: ${JSON.stringify(n.target)} ${n.failureSummary ?? ''}`));
}

afterEach(() => {
  for (const main of document.querySelectorAll('main')) main.remove();
});

describe('<cdi-editor> accessibility (axe-core)', () => {
  for (const view of ['clinician', 'cdi'] as const) {
    it(`has no violations in the ${view} view with a popover open`, async function () {
      // The first test loads the engine in the page (seconds on a loaded machine).
      this.timeout(60_000);
      const el = await editorInView(view);
      await openFirstPopover(el);
      expect(await violations(el.parentElement!)).to.deep.equal([]);
    });

    it(`has no violations in the ${view} view on a dark page`, async () => {
      document.documentElement.style.colorScheme = 'dark';
      document.body.style.background = '#111827';
      document.body.style.color = '#f9fafb';
      try {
        const el = await editorInView(view);
        await openFirstPopover(el);
        expect(await violations(el.parentElement!)).to.deep.equal([]);
      } finally {
        document.documentElement.style.colorScheme = '';
        document.body.style.background = '';
        document.body.style.color = '';
      }
    });
  }

  it('has no violations with the "Other (please specify)" text box open', async () => {
    const el = await editorInView('clinician');
    await openFirstPopover(el);
    el.shadowRoot!.querySelector<HTMLButtonElement>('.popover button[data-role="other"]')!.click();
    await el.updateComplete;
    expect(el.shadowRoot!.querySelector('.popover input[part="other-input"]')).to.not.equal(null);
    expect(await violations(el.parentElement!)).to.deep.equal([]);
  });

  it('labels the panel list and the text box', async () => {
    const el = await editorInView('clinician');
    const root = el.shadowRoot!;
    const list = root.querySelector('.panel ul[role="list"]')!;
    expect(root.getElementById(list.getAttribute('aria-labelledby')!)?.textContent).to.contain('Findings');
    const box = root.querySelector('[contenteditable]')!;
    expect(box.getAttribute('role')).to.equal('textbox');
    expect(box.getAttribute('aria-label')).to.equal('Clinical note');
  });
});
