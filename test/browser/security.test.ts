/**
 * `<cdi-editor>` never turns note text into markup: hostile text in the note, in a finding's
 * fields (from an analyser that echoes it) or pasted as HTML stays text everywhere the element
 * shows it (the note, the findings panel, the popover, the CDI view's codes), nothing runs, and
 * pasted HTML keeps every word but only the schema's paragraphs of text.
 *
 * Every test watches the shadow root from before the first render with a MutationObserver, so an
 * element created and removed again is caught too. `window.__pwned` is what every payload sets.
 * The element exposes no export (download, copy as FHIR…) to check: its output is `value`,
 * `getText()`, `findings` and its events, which the tests read.
 */
import { expect } from 'chai';
import { sendKeys } from '@web/test-runner-commands';
import '../../plugin/element/cdi-editor.js';
import type { CdiEditor } from '../../plugin/element/cdi-editor.js';
import type { CdiEventMap } from '../../plugin/element/events.js';
import { analyze } from '../../src/index.js';
import type { Analysis, Finding } from '../../src/index.js';

/** Markup that runs script or loads something if it is ever parsed as HTML. */
const PAYLOADS = [
  '<img src=x onerror="window.__pwned=1">',
  '<script>window.__pwned=1</script>',
  '"><svg onload="window.__pwned=1">',
  '\'><iframe src="javascript:parent.__pwned=1"></iframe>',
  '<a href="javascript:window.__pwned=1">link</a>',
  '<style>@import "//x.invalid/a.css";</style>',
  '<math><mtext><table><mglyph><style><img src=x onerror="window.__pwned=1">',
  '${window.__pwned=1} {{constructor.constructor("window.__pwned=1")()}}',
];

/** Elements that note text must never become (none of them is part of the element's own UI). */
const FORBIDDEN = ['img', 'script', 'svg', 'iframe', 'a', 'style', 'math', 'table', 'object', 'embed', 'link', 'b', 'i'];

type Pwned = Window & { __pwned?: unknown };

function nextEvent<K extends keyof CdiEventMap>(target: EventTarget, name: K): Promise<CdiEventMap[K]> {
  return new Promise((resolve) => target.addEventListener(name, (e) => resolve(e as CdiEventMap[K]), { once: true }));
}

/** Resolves when the first analysis has been applied (status `ready`; findings are placed before it is reported). */
async function readyStatus(el: CdiEditor): Promise<void> {
  while ((await nextEvent(el, 'cdi-status')).detail.status !== 'ready');
}

/** Records the forbidden elements ever added under `root` (also inside added subtrees). */
function watch(root: ShadowRoot): { created(): string[] } {
  const seen: string[] = [];
  const note = (node: Node): void => {
    if (!(node instanceof Element)) return;
    for (const el of [node, ...node.querySelectorAll('*')]) {
      if (FORBIDDEN.includes(el.localName)) seen.push(el.outerHTML.slice(0, 80));
    }
  };
  const observer = new MutationObserver((records) => records.forEach((r) => r.addedNodes.forEach(note)));
  observer.observe(root, { childList: true, subtree: true });
  return {
    created() {
      observer.takeRecords().forEach((r) => r.addedNodes.forEach(note));
      note(root as unknown as Element);
      for (const child of root.children) note(child);
      return [...new Set(seen)];
    },
  };
}

/** Resolves once an image that cannot load has fired `error`: any `<img onerror>` created before would have run by then. */
function imageErrorsFired(): Promise<void> {
  return new Promise((resolve) => {
    const probe = new Image();
    probe.onerror = probe.onload = () => resolve();
    probe.src = `./no-such-image-${Math.random()}.png`;
  });
}

/** A connected `<cdi-editor>` (inline analysis unless an analyzer is given), watched from its first render. */
async function mount(value: string, options: { attrs?: Record<string, string>; analyzer?: CdiEditor['analyzer'] } = {}) {
  const main = document.createElement('main');
  const el = document.createElement('cdi-editor');
  el.setAttribute('analysis', 'inline');
  for (const [k, v] of Object.entries(options.attrs ?? {})) el.setAttribute(k, v);
  if (options.analyzer) el.analyzer = options.analyzer;
  el.value = value;
  const ready = readyStatus(el);
  main.append(el);
  document.body.append(main);
  const watcher = watch(el.shadowRoot!);
  await ready;
  await el.updateComplete;
  return { el, watcher };
}

/** The ProseMirror root (the contenteditable). */
function editorDom(el: CdiEditor): HTMLElement {
  return el.shadowRoot!.querySelector<HTMLElement>('div[part="editor"]')!;
}

/** Each line of the note as the editor shows it. */
function shownLines(el: CdiEditor): string[] {
  return [...editorDom(el).children].map((p) => p.textContent ?? '');
}

/**
 * What the editor's DOM holds besides paragraphs of text: each element that is not a `<p>` child
 * of the root, a finding underline inside one, or ProseMirror's trailing `<br>` of an empty line.
 */
function nonText(el: CdiEditor): string[] {
  const odd: string[] = [];
  for (const block of editorDom(el).children) {
    if (block.localName !== 'p') odd.push(block.localName);
    for (const inner of block.querySelectorAll('*')) {
      const underline = inner.localName === 'span' && inner.hasAttribute('data-finding-id') && inner.children.length === 0;
      const trailingBreak = inner.localName === 'br' && inner.classList.contains('ProseMirror-trailingBreak');
      if (!underline && !trailingBreak) odd.push(inner.outerHTML.slice(0, 80));
    }
  }
  return odd;
}

/** Opens the popover of each panel item in turn; returns each popover's text. */
async function openEachPopover(el: CdiEditor): Promise<string[]> {
  const texts: string[] = [];
  for (const item of el.shadowRoot!.querySelectorAll<HTMLButtonElement>('.panel button[data-finding-id]')) {
    item.click();
    await el.updateComplete;
    const popover = el.shadowRoot!.querySelector<HTMLElement>('.popover');
    expect(popover?.dataset.findingId, 'popover opened').to.equal(item.dataset.findingId);
    texts.push(popover!.textContent ?? '');
  }
  return texts;
}

/** Dispatches a paste of `data` (MIME type → content) on the note; returns whether the editor handled it. */
function paste(el: CdiEditor, data: Record<string, string>): boolean {
  const transfer = new DataTransfer();
  for (const [type, content] of Object.entries(data)) transfer.setData(type, content);
  const event = new ClipboardEvent('paste', { clipboardData: transfer, bubbles: true, cancelable: true, composed: true });
  editorDom(el).dispatchEvent(event);
  return event.defaultPrevented;
}

/** Focuses the note with the caret at its end. */
async function caretToEnd(el: CdiEditor): Promise<void> {
  el.focus();
  await sendKeys({ down: 'Control' });
  await sendKeys({ press: 'End' });
  await sendKeys({ up: 'Control' });
}

/** The words of a text, in order (letters and digits). */
function wordsOf(text: string): string[] {
  return text.split(/[^\p{L}\p{N}]+/u).filter((w) => w.length > 0);
}

async function expectNothingRan(watcher: { created(): string[] }): Promise<void> {
  await imageErrorsFired();
  await new Promise(requestAnimationFrame);
  expect((window as Pwned).__pwned, 'window.__pwned').to.equal(undefined);
  expect(watcher.created(), 'forbidden elements created in the shadow root').to.deep.equal([]);
}

beforeEach(() => {
  delete (window as Pwned).__pwned;
});

afterEach(() => {
  for (const main of document.querySelectorAll('main')) main.remove();
});

describe('<cdi-editor> renders note text as text', () => {
  it('shows markup in a note as its characters in the note, the panel, the popover and the CDI view', async () => {
    const conditions = ['CHF', 'Anemia', 'CKD', 'knee OA', 'AKI', 'pneumonia', 'afib', 'sepsis'];
    const note = ['PMH:', ...PAYLOADS.map((p, i) => `${conditions[i]} ${p}.`)].join('\n');
    const { el, watcher } = await mount(note, {
      attrs: { view: 'cdi', label: PAYLOADS[0]!, placeholder: PAYLOADS[1]! },
    });
    expect(el.findings.length, 'findings on the note').to.be.greaterThan(3);
    expect(el.getText()).to.equal(note);
    expect(shownLines(el)).to.deep.equal(note.split('\n'));
    expect(nonText(el)).to.deep.equal([]);
    expect(editorDom(el).getAttribute('aria-label')).to.equal(PAYLOADS[0]);
    const popovers = await openEachPopover(el);
    expect(popovers.length).to.equal(el.findings.length);
    expect(el.shadowRoot!.querySelectorAll('.panel [part="codes"]').length).to.equal(el.findings.length);
    await expectNothingRan(watcher);
  });

  it('shows markup in every field of a finding as text (an analyser that echoes it)', async () => {
    const evidence = PAYLOADS[0]!;
    const note = `PMH: CHF. ${evidence} and ${PAYLOADS[1]}`;
    const template = analyze('PMH: CHF.', { setting: 'inpatient' }).findings[0]!;
    const start = note.indexOf(evidence);
    const hostile: Finding = {
      ...template,
      id: PAYLOADS[2]!,
      start,
      end: start + evidence.length,
      text: evidence,
      mentions: [{ start, end: start + evidence.length }],
      message: `${PAYLOADS[3]} ${PAYLOADS[1]}`,
      codes: {
        current: { code: PAYLOADS[4]!, title: PAYLOADS[0]! },
        candidates: [{ code: PAYLOADS[2]!, title: PAYLOADS[6]!, when: { acuity: 'acute' } }],
      },
    };
    const analyzer = {
      analyze: (text: string): Promise<Analysis> =>
        Promise.resolve({ ...analyze(text, { setting: 'inpatient' }), findings: text === note ? [hostile] : [] }),
    };
    const { el, watcher } = await mount(note, { analyzer, attrs: { view: 'cdi' } });
    expect(el.findings.map((f) => f.text)).to.deep.equal([evidence]);
    const item = el.shadowRoot!.querySelector<HTMLButtonElement>('.panel button[data-finding-id]')!;
    expect(item.dataset.findingId).to.equal(PAYLOADS[2]);
    expect(item.querySelector('[part="finding-evidence"]')!.textContent).to.equal(evidence);
    // The card's button is its short name; the message and codes are its description beside it.
    const card = item.closest('li')!;
    expect(card.querySelector('[part="finding-message"]')!.textContent).to.equal(hostile.message);
    const codes = card.querySelector('[part="codes"]')!.textContent!;
    for (const part of [PAYLOADS[4]!, PAYLOADS[0]!, PAYLOADS[2]!]) expect(codes).to.contain(part);
    const [popover] = await openEachPopover(el);
    expect(popover).to.contain(hostile.message);
    expect(popover).to.contain(PAYLOADS[4]);
    expect(underlinedText(el)).to.deep.equal([evidence]);
    expect(nonText(el)).to.deep.equal([]);
    await expectNothingRan(watcher);
  });
});

/** Text of every underlined finding in the note. */
function underlinedText(el: CdiEditor): string[] {
  return [...editorDom(el).querySelectorAll<HTMLElement>('[data-finding-id]')].map((e) => e.textContent ?? '');
}

describe('<cdi-editor> paste', () => {
  const HTML = [
    '<meta charset="utf-8"><style>p { color: red }</style>',
    '<p style="color:red" onclick="window.__pwned=1">Alpha <b>bravo</b> <i style="font-size:40px">charlie</i></p>',
    '<script>window.__pwned=1</script>',
    '<img src=x onerror="window.__pwned=1" alt="pic">',
    '<table><tr><td>echo</td><td>foxtrot</td></tr><tr><th>golf</th><td>hotel</td></tr></table>',
    '<a href="javascript:window.__pwned=1">india</a>',
    '<div onmouseover="window.__pwned=1">juliet<br>kilo <svg onload="window.__pwned=1"></svg></div>',
    '<ul><li>lima</li><li>mike</li></ul><h1>november</h1><span>oscar</span>',
  ].join('');
  const WORDS = ['Alpha', 'bravo', 'charlie', 'echo', 'foxtrot', 'golf', 'hotel', 'india', 'juliet', 'kilo', 'lima', 'mike', 'november', 'oscar'];

  it('keeps every word of pasted HTML but only paragraphs of text, and runs nothing', async () => {
    const { el, watcher } = await mount('Start.');
    await caretToEnd(el);
    expect(paste(el, { 'text/html': HTML, 'text/plain': WORDS.join(' ') }), 'paste handled').to.equal(true);
    await el.updateComplete;
    const text = el.getText();
    expect(text.startsWith('Start.'), text).to.equal(true);
    expect(wordsOf(text).filter((w) => w !== 'Start'), text).to.deep.equal(WORDS);
    expect(nonText(el)).to.deep.equal([]);
    expect(shownLines(el).join('\n')).to.equal(text.replace(/\r\n?/g, '\n'));
    await expectNothingRan(watcher);
  });

  it('keeps the cells of a pasted table apart: one line per row, a space between cells', async () => {
    const { el, watcher } = await mount('');
    el.focus();
    const table =
      '<table><tbody><tr><th>Na</th><td>128</td><td>mEq/L</td></tr><tr><td>Cr</td><td>2.1</td></tr></tbody></table>' +
      '<table>\n  <tr>\n    <td>BNP</td>\n    <td>900</td>\n  </tr>\n</table>';
    expect(paste(el, { 'text/html': table, 'text/plain': 'Na\t128\tmEq/L\nCr\t2.1\nBNP\t900' }), 'paste handled').to.equal(true);
    await el.updateComplete;
    expect(el.getText()).to.equal('Na 128 mEq/L\nCr 2.1\nBNP 900');
    expect(nonText(el)).to.deep.equal([]);
    await expectNothingRan(watcher);
  });

  it('keeps the blank lines of pasted plain text', async () => {
    const { el, watcher } = await mount('');
    el.focus();
    const pasted = 'PMH: CHF.\n\nPlan:\n\n\n  diuresis\tdaily\n';
    expect(paste(el, { 'text/plain': pasted }), 'paste handled').to.equal(true);
    await el.updateComplete;
    expect(el.getText()).to.equal(pasted);
    expect(shownLines(el)).to.deep.equal(pasted.split('\n'));
    await expectNothingRan(watcher);
  });
});
