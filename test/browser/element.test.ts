/**
 * `<cdi-editor>` in a real browser: typing, decorations that follow their words, answers and
 * undo, dismissal, exact value round trips, a failing analyser, and moving the element.
 * Waits are on events and `updateComplete`, never on time. Assertions compare strings, numbers
 * and booleans, never DOM nodes (a failing assertion on a node serialises the whole page).
 */
import { expect } from 'chai';
import { sendKeys } from '@web/test-runner-commands';
import '../../plugin/element/cdi-editor.js';
import type { CdiEditor } from '../../plugin/element/cdi-editor.js';
import type { CdiEventMap } from '../../plugin/element/events.js';

/** Resolves with the next `name` event of `target`. Create it before the action that fires it. */
function nextEvent<K extends keyof CdiEventMap>(target: EventTarget, name: K): Promise<CdiEventMap[K]> {
  return new Promise((resolve) => target.addEventListener(name, (e) => resolve(e as CdiEventMap[K]), { once: true }));
}

/** A connected `<cdi-editor analysis="inline">` inside a `<main>`, with its first findings rendered. */
async function editorWith(value: string, attrs: Record<string, string> = {}): Promise<CdiEditor> {
  const main = document.createElement('main');
  const el = document.createElement('cdi-editor');
  el.setAttribute('analysis', 'inline');
  for (const [k, v] of Object.entries(attrs)) el.setAttribute(k, v);
  el.value = value;
  const findings = nextEvent(el, 'cdi-findings');
  main.append(el);
  document.body.append(main);
  if (value !== '') await findings;
  await el.updateComplete;
  return el;
}

/** Text of every underlined finding in the note, in order. */
function underlined(el: CdiEditor): string[] {
  return [...el.shadowRoot!.querySelectorAll<HTMLElement>('.editor [data-finding-id]')].map((e) => e.textContent ?? '');
}

/** Presses `key` with modifiers held (the chrome launcher's sendKeys takes no "Control+z" combos). */
async function chord(modifiers: string[], key: string): Promise<void> {
  for (const m of modifiers) await sendKeys({ down: m });
  await sendKeys({ press: key });
  for (const m of [...modifiers].reverse()) await sendKeys({ up: m });
}

/** Focuses the note and puts the caret at its start or end. */
async function caretTo(el: CdiEditor, where: 'Home' | 'End'): Promise<void> {
  el.focus();
  await chord(['Control'], where);
}

/** The panel item of finding `id`. */
function panelItem(el: CdiEditor, id: string): HTMLButtonElement {
  return el.shadowRoot!.querySelector<HTMLButtonElement>(`.panel button[data-finding-id="${CSS.escape(id)}"]`)!;
}

/** Selects finding `id` from the panel and resolves once its popover is rendered. */
async function openPopoverFromPanel(el: CdiEditor, id: string): Promise<HTMLElement> {
  panelItem(el, id).click();
  await el.updateComplete;
  const popover = el.shadowRoot!.querySelector<HTMLElement>('.popover');
  expect(popover?.dataset.findingId, 'popover of the clicked finding').to.equal(id);
  return popover!;
}

afterEach(() => {
  for (const main of document.querySelectorAll('main')) main.remove();
});

describe('<cdi-editor>', () => {
  it('underlines a finding in a note the user types', async () => {
    const el = await editorWith('');
    const changed = nextEvent(el, 'cdi-change');
    const found = nextEvent(el, 'cdi-findings');
    el.focus();
    await sendKeys({ type: 'PMH: CHF.' });
    expect((await changed).detail.value.length).to.be.greaterThan(0);
    const { detail } = await found;
    await el.updateComplete;
    expect(el.getText()).to.equal('PMH: CHF.');
    expect(detail.findings.map((f) => f.family)).to.deep.equal(['heart-failure']);
    expect(underlined(el)).to.deep.equal(['CHF']);
    expect(el.shadowRoot!.querySelectorAll('.panel .list li').length).to.equal(1);
  });

  it('moves a finding with its words when text is typed before it', async () => {
    const el = await editorWith('PMH: CHF.');
    const before = el.findings[0]!;
    await caretTo(el, 'Home');
    await sendKeys({ type: 'Seen today. ' });
    expect(el.getText()).to.equal('Seen today. PMH: CHF.');
    // Mapped at once, before any re-analysis.
    expect(underlined(el)).to.deep.equal(['CHF']);
    const after = el.findings[0]!;
    expect(after.id).to.equal(before.id);
    expect([after.start, after.end]).to.deep.equal([before.start + 12, before.end + 12]);
    expect(el.getText().slice(after.start, after.end)).to.equal('CHF');
  });

  it('applies an answer from the popover, and one undo restores the exact previous text', async () => {
    const note = 'PAST MEDICAL HISTORY: CHF.\n\nPlan: diuresis.';
    const el = await editorWith(note);
    const finding = el.findings.find((f) => f.family === 'heart-failure')!;
    const popover = await openPopoverFromPanel(el, finding.id);
    const answered = nextEvent(el, 'cdi-answer');
    const changed = nextEvent(el, 'cdi-change');
    popover.querySelector<HTMLButtonElement>('button[data-item="acuity"][data-option="acute-on-chronic"]')!.click();
    const { detail } = await answered;
    expect(detail.answer.choices).to.deep.equal([{ itemId: 'acuity', optionId: 'acute-on-chronic' }]);
    expect(detail.edit).to.deep.equal({ from: 22, to: 22, insert: 'Acute on chronic ' });
    expect((await changed).detail.value).to.equal('PAST MEDICAL HISTORY: Acute on chronic CHF.\n\nPlan: diuresis.');
    expect(el.value).to.equal('PAST MEDICAL HISTORY: Acute on chronic CHF.\n\nPlan: diuresis.');
    await chord(['Control'], 'z');
    expect(el.value).to.equal(note);
  });

  it('keeps a dismissed finding hidden while its words stay', async () => {
    const el = await editorWith('PMH: CHF.');
    const finding = el.findings[0]!;
    const popover = await openPopoverFromPanel(el, finding.id);
    popover.querySelector<HTMLSelectElement>('select')!.value = 'documented-elsewhere';
    const dismissed = nextEvent(el, 'cdi-finding-dismiss');
    const listed = nextEvent(el, 'cdi-findings');
    popover.querySelector<HTMLButtonElement>('button[part="dismiss"]')!.click();
    expect((await dismissed).detail.reason).to.equal('documented-elsewhere');
    expect((await listed).detail.findings.length).to.equal(0);
    await el.updateComplete;
    expect(underlined(el)).to.deep.equal([]);
    // A later analysis (new text with a new finding) still leaves it hidden.
    const again = nextEvent(el, 'cdi-findings');
    await caretTo(el, 'End');
    await sendKeys({ type: ' Anemia.' });
    const { detail } = await again;
    expect(detail.findings.map((f) => f.family)).to.deep.equal(['anemia']);
    expect(el.getText()).to.equal('PMH: CHF. Anemia.');
  });

  it('round-trips value exactly: blank lines, spaces, tabs, emoji, CR', async () => {
    const text = '\n\n  Line one\twith\ttabs  \n\n\n🩺 emoji 👩🏽‍⚕️ and é\r\n  \n';
    const el = await editorWith('');
    el.value = text;
    expect(el.value).to.equal(text);
    expect(el.getText()).to.equal(text);
    const other = document.createElement('cdi-editor');
    other.setAttribute('analysis', 'inline');
    other.setAttribute('value', text);
    el.parentElement!.append(other);
    await other.updateComplete;
    expect(other.value).to.equal(text);
  });

  it('fires no cdi-change when the host sets value', async () => {
    const el = await editorWith('PMH: CHF.');
    let changes = 0;
    el.addEventListener('cdi-change', () => changes++);
    el.value = 'Something else.';
    await el.updateComplete;
    expect(changes).to.equal(0);
  });

  it('stays a working editor with a quiet status when analysis fails', async () => {
    const main = document.createElement('main');
    const el = document.createElement('cdi-editor');
    el.analyzer = { analyze: () => Promise.reject(new Error('worker crashed')) };
    const failed = nextEvent(el, 'cdi-status');
    main.append(el);
    document.body.append(main);
    let status = (await failed).detail.status;
    while (status !== 'error') status = (await nextEvent(el, 'cdi-status')).detail.status;
    await el.updateComplete;
    expect(el.shadowRoot!.querySelector('[part="status"]')!.textContent).to.contain('unavailable');
    el.focus();
    await sendKeys({ type: 'Still typing.' });
    expect(el.getText()).to.equal('Still typing.');
    await chord(['Control'], 'z');
    expect(el.getText()).to.equal('');
  });

  it('analyses in a Web Worker by default', async () => {
    const main = document.createElement('main');
    const el = document.createElement('cdi-editor');
    el.value = 'PMH: CHF.';
    const found = nextEvent(el, 'cdi-findings');
    main.append(el);
    document.body.append(main);
    expect((await found).detail.findings.map((f) => f.text)).to.deep.equal(['CHF']);
    expect(el.analyzerStatus).to.equal('ready');
  });

  it('stays a working editor when the worker script cannot load', async () => {
    const main = document.createElement('main');
    const el = document.createElement('cdi-editor');
    el.setAttribute('worker-url', '/no/such/worker.js');
    el.value = 'PMH: CHF.';
    const failed = nextEvent(el, 'cdi-status');
    main.append(el);
    document.body.append(main);
    let status = (await failed).detail.status;
    while (status !== 'error') status = (await nextEvent(el, 'cdi-status')).detail.status;
    await el.updateComplete;
    expect(el.shadowRoot!.querySelector('[part="status"]')!.textContent).to.contain('unavailable');
    await caretTo(el, 'End');
    await sendKeys({ type: ' OK' });
    expect(el.getText()).to.equal('PMH: CHF. OK');
  });

  it('keeps text, history and findings when moved in the DOM', async () => {
    const el = await editorWith('PMH: CHF.');
    await caretTo(el, 'End');
    await sendKeys({ type: ' Stable.' });
    expect(el.getText()).to.equal('PMH: CHF. Stable.');
    const elsewhere = document.createElement('main');
    document.body.append(elsewhere);
    elsewhere.append(el);
    await el.updateComplete;
    expect(el.getText()).to.equal('PMH: CHF. Stable.');
    expect(el.findings.map((f) => f.text)).to.deep.equal(['CHF']);
    expect(underlined(el)).to.deep.equal(['CHF']);
    el.focus();
    await chord(['Control'], 'z');
    expect(el.getText()).to.equal('PMH: CHF.');
    // Still analysing after the move.
    const found = nextEvent(el, 'cdi-findings');
    await caretTo(el, 'End');
    await sendKeys({ type: ' Anemia.' });
    expect((await found).detail.findings.map((f) => f.family)).to.deep.equal(['heart-failure', 'anemia']);
  });

  it('moves to the next finding with Alt+F8 and closes its popover with Escape', async () => {
    const el = await editorWith('PMH: CHF. Anemia.');
    await caretTo(el, 'Home');
    await chord(['Alt'], 'F8');
    await el.updateComplete;
    const popover = el.shadowRoot!.querySelector<HTMLElement>('.popover');
    expect(popover?.dataset.findingId).to.equal(el.findings[0]!.id);
    const root = el.shadowRoot as ShadowRoot & { getSelection?: () => Selection | null };
    const sel = root.getSelection?.() ?? document.getSelection();
    expect(sel?.toString()).to.equal('CHF');
    await chord(['Alt'], 'F8');
    await el.updateComplete;
    expect(el.shadowRoot!.querySelector<HTMLElement>('.popover')?.dataset.findingId).to.equal(el.findings[1]!.id);
    await sendKeys({ press: 'Escape' });
    await el.updateComplete;
    expect(el.shadowRoot!.querySelector('.popover')).to.equal(null);
  });

  it('shows codes and counts only in the cdi view', async () => {
    const el = await editorWith('PMH: CHF. Anemia. CHF exacerbation.');
    expect(el.shadowRoot!.querySelectorAll('[part="codes"]').length).to.equal(0);
    el.view = 'cdi';
    await el.updateComplete;
    expect(el.shadowRoot!.querySelectorAll('.panel [part="codes"]').length).to.equal(el.findings.length);
    expect(el.shadowRoot!.querySelector('[part="summary"]')!.textContent).to.match(/Heart failure:\s*\d/);
  });

  it('announces the count politely', async () => {
    const el = await editorWith('PMH: CHF. Anemia.');
    const live = el.shadowRoot!.querySelector('[aria-live="polite"]')!;
    expect(live.textContent!.trim()).to.equal(`${el.findings.length} findings`);
  });
});
