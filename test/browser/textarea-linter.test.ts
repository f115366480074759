/**
 * attachTextareaLinter in a real browser: it renders findings after input, selects the evidence
 * on click, and never interprets note text as HTML. Waits on the `cdi-findings` event, never on time.
 */
import { expect } from 'chai';
import { attachTextareaLinter, FINDINGS_EVENT } from '../../plugin/index.js';
import type { FindingsEvent, TextareaLinter } from '../../plugin/index.js';
import { analyze } from '../../src/index.js';

declare global {
  interface Window {
    __pwned?: number;
  }
}

/**
 * Resolves once a broken image has failed to load: by then an injected `<img onerror>` would have
 * fired too. (A data URL, so the test makes no network request.)
 */
function errorTurn(): Promise<void> {
  return new Promise((resolve) => {
    const probe = new Image();
    probe.onerror = probe.onload = () => resolve();
    probe.src = 'data:image/png;base64,AAAA';
  });
}

/** Sets the value as typing would, and resolves with the next render's event. */
function type(textarea: HTMLTextAreaElement, value: string): Promise<FindingsEvent> {
  const rendered = new Promise<FindingsEvent>((resolve) => {
    textarea.addEventListener(FINDINGS_EVENT, resolve, { once: true });
  });
  textarea.value = value;
  textarea.dispatchEvent(new Event('input', { bubbles: true }));
  return rendered;
}

// Assertions compare counts, strings and booleans, never DOM nodes: a failing assertion that
// carries an element as `actual` makes the runner serialise the whole DOM, and the run hangs.
describe('attachTextareaLinter', () => {
  let textarea: HTMLTextAreaElement;
  let list: HTMLUListElement;
  let linter: TextareaLinter;

  beforeEach(() => {
    textarea = document.createElement('textarea');
    list = document.createElement('ul');
    document.body.append(textarea, list);
    linter = attachTextareaLinter(textarea, list, { debounceMs: 10 });
  });

  afterEach(() => {
    linter.destroy();
    textarea.remove();
    list.remove();
  });

  it('renders a finding item after the user types a note', async () => {
    const event = await type(textarea, 'PAST MEDICAL HISTORY: CHF.');
    expect(event.detail.text).to.equal('PAST MEDICAL HISTORY: CHF.');
    const items = list.querySelectorAll('li');
    expect(items.length).to.equal(event.detail.analysis.findings.length);
    expect(items.length, 'finding items').to.be.greaterThan(0);
    expect(items[0]!.dataset.family).to.equal('heart-failure');
    expect(items[0]!.textContent).to.contain('heart failure');
    expect(items[0]!.textContent).to.contain('acuity');
  });

  it('selects the evidence in the textarea when an item is clicked', async () => {
    const note = 'PAST MEDICAL HISTORY: CHF.';
    const { detail } = await type(textarea, note);
    const finding = detail.analysis.findings[0];
    expect(finding, 'a finding').to.exist;
    list.querySelector('li')!.click();
    expect(document.activeElement === textarea, 'the textarea has focus').to.equal(true);
    expect([textarea.selectionStart, textarea.selectionEnd]).to.deep.equal([finding!.start, finding!.end]);
    expect(note.slice(textarea.selectionStart, textarea.selectionEnd)).to.equal(finding!.text);
  });

  it('renders markup in the note as text and never runs it', async () => {
    const payload = '<img src=x onerror="window.__pwned=1">';
    window.__pwned = undefined;
    await type(textarea, `PAST MEDICAL HISTORY: CHF ${payload}.\nASSESSMENT: ${payload} CHF`);
    expect(list.children.length, 'finding items').to.be.greaterThan(0);
    expect(list.querySelectorAll('img').length, '<img> elements created').to.equal(0);
    await errorTurn();
    expect(window.__pwned).to.equal(undefined);
  });

  it('puts every string of a finding into the list as text, never as HTML', async () => {
    const payload = '<img src=x onerror="window.__pwned=1">';
    window.__pwned = undefined;
    linter.destroy();
    linter = attachTextareaLinter(textarea, list, {
      debounceMs: 10,
      analyze: (text, options) => {
        const real = analyze('PAST MEDICAL HISTORY: CHF.', options);
        const finding = real.findings[0]!;
        const hostile = {
          ...finding,
          text,
          message: payload,
          codes: {
            current: { code: payload, title: payload },
            candidates: [{ code: payload, title: payload, when: {} }],
          },
        };
        return { ...real, findings: [hostile] };
      },
    });
    await type(textarea, payload);
    const item = list.querySelector('li')!;
    expect(item.querySelectorAll('img').length, '<img> elements created').to.equal(0);
    expect(item.querySelector('.cdi-finding-evidence')!.textContent).to.equal(payload);
    expect(item.querySelector('.cdi-finding-message')!.textContent).to.equal(payload);
    expect(item.querySelector('.cdi-finding-codes')!.textContent).to.contain(payload);
    await errorTurn();
    expect(window.__pwned).to.equal(undefined);
  });

  it('renders evidence text containing markup verbatim', async () => {
    const note = 'PAST MEDICAL HISTORY: <b>CHF</b>.';
    const { detail } = await type(textarea, note);
    const evidence = list.querySelector('.cdi-finding-evidence');
    expect(evidence, 'an evidence element').to.exist;
    expect(evidence!.textContent).to.equal(detail.analysis.findings[0]!.text);
    expect(evidence!.children.length).to.equal(0);
  });

  it('stops rendering after destroy', () => {
    linter.destroy();
    textarea.value = 'PAST MEDICAL HISTORY: CHF.';
    textarea.dispatchEvent(new Event('input'));
    expect(list.children.length).to.equal(0);
    expect(linter.refresh().findings).to.be.an('array');
    expect(list.children.length).to.equal(0);
  });
});
