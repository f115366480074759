/**
 * Embedding: the Tiptap 3 extension in a real Tiptap editor (headings, a list, marks, a hard
 * break) with the framework-free popover and `answerFinding`; the shared worker; the worker error
 * that names the URL and the fix. (The packed tarball in fresh React, Tiptap and plain apps is
 * `npm run test:embed`.)
 */
import { expect } from 'chai';
import { Editor } from '@tiptap/core';
import StarterKit from '@tiptap/starter-kit';
import { CdiLint } from '../../plugin/tiptap/index.js';
import { createWorkerAnalyzer } from '../../plugin/prosemirror/index.js';
import type { LintFinding } from '../../plugin/prosemirror/index.js';
import { createInlineAnalyzer } from '../../plugin/prosemirror/inline-analyzer.js';

const CONTENT =
  '<h2>Assessment</h2><ul><li><p>CHF <strong>exacerbation</strong></p></li><li><p>CKD</p></li></ul>' +
  '<p>Knee OA<br>Plan: follow up, <em>labs</em> in a week.</p>';

/** Resolves when `predicate` holds, checked after each editor transaction. */
function when(editor: Editor, predicate: () => boolean): Promise<void> {
  return new Promise((resolve) => {
    if (predicate()) return resolve();
    const check = (): void => {
      if (!predicate()) return;
      editor.off('transaction', check);
      resolve();
    };
    editor.on('transaction', check);
  });
}

function text(editor: Editor): string {
  const { doc } = editor.state;
  return doc.textBetween(0, doc.content.size, '\n', '\n');
}

/** The words inserted between two texts (common prefix and suffix removed). */
function inserted(before: string, after: string): string {
  let start = 0;
  while (start < before.length && before[start] === after[start]) start++;
  let end = 0;
  while (end < before.length - start && before[before.length - 1 - end] === after[after.length - 1 - end]) end++;
  return after.slice(start, after.length - end);
}

describe('cdi-lint/tiptap in a Tiptap 3 editor', () => {
  let editor: Editor;
  let host: HTMLElement;

  beforeEach(async () => {
    host = document.createElement('div');
    document.body.append(host);
    editor = new Editor({
      element: host,
      extensions: [StarterKit, CdiLint.configure({ analyzer: createInlineAnalyzer(), debounceMs: 5 })],
      content: CONTENT,
    });
    await when(editor, () => editor.storage.cdiLint.findings.length >= 3);
  });

  afterEach(() => {
    editor.destroy();
    host.remove();
    document.querySelectorAll('.cdi-popover').forEach((p) => p.remove());
  });

  it('underlines the right words across a heading, list items, a bold mark and a hard break', () => {
    const placed = editor.storage.cdiLint.findings.map((f: LintFinding) => ({
      words: f.finding.text,
      doc: editor.state.doc.textBetween(f.from, f.to),
      dom: [...host.querySelectorAll(`[data-finding-id="${CSS.escape(f.id)}"]`)].map((e) => e.textContent).join(''),
    }));
    expect(placed.map((p) => p.words)).to.include.members(['CHF exacerbation', 'CKD', 'OA']);
    for (const p of placed) expect([p.doc, p.dom]).to.deep.equal([p.words, p.words]);
    expect(editor.storage.cdiLint.status).to.equal('ready');
  });

  it('answers from the popover in one undo step of Tiptap\'s history', async () => {
    const before = text(editor);
    const ckd = editor.storage.cdiLint.findings.find((f: LintFinding) => f.finding.text === 'CKD')!;
    editor.view.focus();
    editor.commands.selectFinding(ckd.id);
    const option = document.querySelector<HTMLButtonElement>('.cdi-popover:not([hidden]) .cdi-popover__option--answer');
    expect(option, 'the popover shows the query\'s options').to.exist;
    const label = option!.textContent!;
    option!.click();
    expect(inserted(before, text(editor)).trim()).to.equal(label.toLowerCase());
    expect(document.querySelector('.cdi-popover')!.hasAttribute('hidden')).to.equal(true);
    editor.commands.undo();
    expect(text(editor)).to.equal(before);
  });

  it('writes the words typed for "Other (please specify)"', () => {
    const before = text(editor);
    const oa = editor.storage.cdiLint.findings.find((f: LintFinding) => f.finding.text === 'OA')!;
    editor.view.focus();
    editor.commands.selectFinding(oa.id);
    document.querySelector<HTMLButtonElement>('.cdi-popover:not([hidden]) .cdi-popover__option--other')!.click();
    const input = document.querySelector<HTMLInputElement>('.cdi-popover__other input')!;
    input.value = 'left and right';
    input.form!.requestSubmit();
    expect(inserted(before, text(editor)).toLowerCase()).to.include('left and right');
  });

  it('dismisses from the popover with a reason', async () => {
    const ckd = editor.storage.cdiLint.findings.find((f: LintFinding) => f.finding.text === 'CKD')!;
    editor.view.focus();
    editor.commands.selectFinding(ckd.id);
    const select = document.querySelector<HTMLSelectElement>('.cdi-popover:not([hidden]) .cdi-popover__dismiss-reason')!;
    select.value = 'documented-elsewhere';
    document.querySelector<HTMLButtonElement>('.cdi-popover__dismiss')!.click();
    await when(editor, () => !editor.storage.cdiLint.findings.some((f: LintFinding) => f.id === ckd.id));
    expect(editor.state.doc.textContent).to.include('CKD');
  });
});

describe('the worker provider on a page', () => {
  /** A module worker that answers each analysis with the text it was sent (no model: fast). */
  const ECHO_URL = URL.createObjectURL(
    new Blob(['self.onmessage = (e) => self.postMessage({ id: e.data.id, analysis: { findings: [{ text: e.data.text }] } });'], {
      type: 'text/javascript',
    }),
  );
  const RealWorker = window.Worker;
  let started: string[] = [];
  const texts = (analysis: { findings: readonly { text: string }[] }): string[] => analysis.findings.map((f) => f.text);

  beforeEach(() => {
    started = [];
    window.Worker = class extends RealWorker {
      constructor(url: string | URL, options?: WorkerOptions) {
        super(url, options);
        started.push(String(url));
      }
    };
  });
  afterEach(() => {
    window.Worker = RealWorker;
  });

  it('shares one worker between providers of the same URL, until the last is destroyed', async () => {
    const a = createWorkerAnalyzer({ url: ECHO_URL });
    const b = createWorkerAnalyzer({ url: new URL(ECHO_URL) });
    const [ra, rb] = await Promise.all([a.analyze('one', {}), b.analyze('two', {})]);
    expect([texts(ra), texts(rb)]).to.deep.equal([['one'], ['two']]);
    expect(started).to.have.length(1);
    a.destroy();
    expect(texts(await b.analyze('three', {}))).to.deep.equal(['three']);
    expect(await a.analyze('x', {}).then(() => 'answered', (e: Error) => e.message)).to.include('destroyed');
    expect(started, 'the survivor keeps the same worker').to.have.length(1);
    b.destroy();
    const c = createWorkerAnalyzer({ url: ECHO_URL });
    await c.analyze('', {});
    expect(started, 'a new user after the last one left starts a new worker').to.have.length(2);
    c.destroy();
  });

  it('starts a private worker with shared: false', async () => {
    const a = createWorkerAnalyzer({ url: ECHO_URL });
    const b = createWorkerAnalyzer({ url: ECHO_URL, shared: false });
    await Promise.all([a.analyze('', {}), b.analyze('', {})]);
    expect(started).to.have.length(2);
    a.destroy();
    b.destroy();
  });

  it('names the URL it tried and the fix when the worker cannot load', async () => {
    const url = new URL('/no-such/worker.js', location.href);
    const analyzer = createWorkerAnalyzer({ url });
    const error = await analyzer.analyze('CHF.', {}).then(() => null, (e: Error) => e);
    analyzer.destroy();
    expect(error?.message).to.include(url.href).and.include('dist/worker.js').and.include('createWorker');
  });
});
