/**
 * What a screen reader hears from `<cdi-editor>`: one polite live region; landing on a finding says
 * it briefly ("CHF: needs acuity and type. Tab to answer."); an answer says what it wrote; panel
 * cards have short accessible names with the details as their description.
 */
import { expect } from 'chai';
import { sendKeys } from '@web/test-runner-commands';
import '../../plugin/element/cdi-editor.js';
import type { CdiEditor } from '../../plugin/element/cdi-editor.js';

async function editorWith(value: string): Promise<CdiEditor> {
  const main = document.createElement('main');
  const el = document.createElement('cdi-editor');
  el.setAttribute('analysis', 'inline');
  el.value = value;
  const listed = new Promise((r) => el.addEventListener('cdi-findings', r, { once: true }));
  main.append(el);
  document.body.append(main);
  await listed;
  await el.updateComplete;
  return el;
}

const live = (el: CdiEditor): string => (el.shadowRoot!.querySelector('[aria-live="polite"]')!.textContent ?? '').replace(/\s+/g, ' ').trim();

afterEach(() => {
  for (const main of document.querySelectorAll('main')) main.remove();
});

describe('<cdi-editor> announcements', () => {
  // The first inline analysis loads the engine and its language model: slow on a busy machine.
  before(async function () {
    this.timeout(60_000);
    await editorWith('PMH: CHF.');
    for (const main of document.querySelectorAll('main')) main.remove();
  });

  it('has exactly one live region, also with a popover open', async () => {
    const el = await editorWith('PMH: CHF. Anemia.');
    el.focus();
    await sendKeys({ down: 'Alt' });
    await sendKeys({ press: 'F8' });
    await sendKeys({ up: 'Alt' });
    await el.updateComplete;
    expect(el.shadowRoot!.querySelector('.popover'), 'a popover').to.not.equal(null);
    expect(el.shadowRoot!.querySelectorAll('[aria-live], [role="status"], [role="alert"]').length).to.equal(1);
  });

  it('says a finding briefly when the caret lands on it', async () => {
    const el = await editorWith('PMH: CHF.');
    el.focus();
    await sendKeys({ down: 'Alt' });
    await sendKeys({ press: 'F8' });
    await sendKeys({ up: 'Alt' });
    await el.updateComplete;
    await el.updateComplete;
    expect(live(el)).to.equal('CHF: needs acuity and type. Tab to answer.');
  });

  it('says what an answer wrote', async () => {
    const el = await editorWith('PMH: CHF.');
    el.shadowRoot!.querySelector<HTMLButtonElement>('.panel button[data-finding-id]')!.click();
    await el.updateComplete;
    const answered = new Promise((r) => el.addEventListener('cdi-answer', r, { once: true }));
    el.shadowRoot!.querySelector<HTMLButtonElement>('.popover button[data-item="acuity"][data-option="acute-on-chronic"]')!.click();
    await answered;
    await el.updateComplete;
    expect(el.value).to.equal('PMH: Acute on chronic CHF.');
    expect(live(el)).to.equal('Wrote "Acute on chronic CHF".');
  });

  it('gives panel cards a short accessible name and the details as a description', async () => {
    const el = await editorWith('PMH: CHF.');
    const card = el.shadowRoot!.querySelector<HTMLButtonElement>('.panel button[data-finding-id]')!;
    const name = card.textContent!.replace(/\s+/g, ' ').trim();
    const detail = el.shadowRoot!.getElementById(card.getAttribute('aria-describedby')!)!.textContent!.replace(/\s+/g, ' ').trim();
    expect(name).to.equal('⚠ Needs detail: Heart failure CHF');
    expect(detail.startsWith('Heart failure: state the acuity and the type.')).to.equal(true);
  });
});
