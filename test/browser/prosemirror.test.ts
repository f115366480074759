/**
 * The cdi-lint ProseMirror plugin in a real editor: decorations follow their words, answers are one
 * undo step, dismissals stick, and late results are mapped or dropped, never misplaced. Tests
 * wait on real signals (a dispatched results/failed transaction, a status callback), never on time.
 */
import { expect } from 'chai';
import { sendKeys } from '@web/test-runner-commands';
import { EditorState, TextSelection } from 'prosemirror-state';
import type { Transaction } from 'prosemirror-state';
import { EditorView } from 'prosemirror-view';
import { history, undo } from 'prosemirror-history';
import { keymap } from 'prosemirror-keymap';
import { Schema } from 'prosemirror-model';
import { baseKeymap } from 'prosemirror-commands';
import {
  applyAnswer, cdiLint, cdiLintKey, dismissFinding, getFindings, nextFinding, previousFinding, selectFinding,
} from '../../plugin/prosemirror/index.js';
import type { AnalysisProvider, AnalyzerStatus, CdiLintAction, CdiLintOptions, LintFinding } from '../../plugin/prosemirror/index.js';
import { createInlineAnalyzer } from '../../plugin/prosemirror/inline-analyzer.js';
import { docToText, textMap, textToDoc } from '../../plugin/positions.js';
import { noteSchema } from '../../plugin/schema.js';
import { analyze } from '../../src/index.js';
import type { Analysis, AnalyzeOptions } from '../../src/index.js';

type ActionType = CdiLintAction['type'];

/** An editor with the plugin, and promises for the plugin's signals. */
interface Harness {
  view: EditorView;
  /** Resolves after the next transaction carrying this plugin action has been applied. */
  next(type: ActionType): Promise<void>;
  statuses: AnalyzerStatus[];
  /** Resolves when onStatus reports `status`. */
  status(status: AnalyzerStatus): Promise<void>;
  text(): string;
  findings(): readonly LintFinding[];
  /** The findings rendered compactly: `family "words"` as the DOM decoration shows them. */
  rendered(): string[];
  destroy(): void;
}

const harnesses: Harness[] = [];

function mount(text: string, options: Partial<CdiLintOptions> = {}): Harness {
  const place = document.createElement('div');
  place.style.whiteSpace = 'pre-wrap';
  document.body.append(place);
  const waiters: Array<{ type: ActionType; resolve: () => void }> = [];
  const statusWaiters: Array<{ status: AnalyzerStatus; resolve: () => void }> = [];
  const statuses: AnalyzerStatus[] = [];
  const plugin = cdiLint({
    analyzer: createInlineAnalyzer(),
    debounceMs: 5,
    retry: { initialDelayMs: 5, maxDelayMs: 20 },
    ...options,
    onStatus: (status, error) => {
      statuses.push(status);
      for (const w of statusWaiters.splice(0).filter((w) => (w.status === status ? (w.resolve(), false) : true))) statusWaiters.push(w);
      options.onStatus?.(status, error);
    },
  });
  const view = new EditorView(place, {
    state: EditorState.create({ doc: textToDoc(noteSchema, text), plugins: [history(), keymap(baseKeymap), plugin] }),
    dispatchTransaction(tr: Transaction) {
      view.updateState(view.state.apply(tr));
      const action = tr.getMeta(cdiLintKey) as CdiLintAction | undefined;
      if (!action) return;
      for (const w of waiters.splice(0)) {
        if (w.type === action.type) w.resolve();
        else waiters.push(w);
      }
    },
  });
  const harness: Harness = {
    view,
    next: (type) => new Promise((resolve) => waiters.push({ type, resolve })),
    statuses,
    status: (status) =>
      statuses.at(-1) === status ? Promise.resolve() : new Promise((resolve) => statusWaiters.push({ status, resolve })),
    text: () => docToText(view.state.doc),
    findings: () => getFindings(view.state),
    rendered: () =>
      [...view.dom.querySelectorAll<HTMLElement>('[data-finding-id]')].map((el) => {
        const finding = getFindings(view.state).find((f) => f.id === el.dataset.findingId);
        return `${finding?.finding.family ?? '?'} "${el.textContent}"`;
      }),
    destroy: () => {
      view.destroy();
      place.remove();
    },
  };
  harnesses.push(harness);
  return harness;
}

/** Inserts `text` at text offset `offset` as typing would (one transaction). */
function typeAt(h: Harness, offset: number, text: string): void {
  const pos = textMap(h.view.state.doc).toPos(offset);
  h.view.dispatch(h.view.state.tr.insertText(text, pos));
}

/** Deletes the text span `[start, end)`. */
function deleteText(h: Harness, start: number, end: number): void {
  const range = textMap(h.view.state.doc).toRange({ start, end });
  h.view.dispatch(h.view.state.tr.delete(range.from, range.to));
}

/** A provider whose calls wait until the test settles them. */
function manualAnalyzer(): AnalysisProvider & {
  calls: Array<{ text: string; resolve(a: Analysis): void; reject(e: Error): void }>;
  called(): Promise<void>;
} {
  const calls: Array<{ text: string; resolve(a: Analysis): void; reject(e: Error): void }> = [];
  let onCall: (() => void) | undefined;
  return {
    calls,
    called: () => new Promise((resolve) => (onCall = resolve)),
    analyze(text: string, _options: AnalyzeOptions) {
      return new Promise<Analysis>((resolve, reject) => {
        calls.push({ text, resolve, reject });
        onCall?.();
      });
    },
  };
}

const NOTE = 'ASSESSMENT\nCHF, continue diuretics.\nPneumonia.';

// Assertions compare strings and numbers, never DOM nodes (a failing DOM assertion makes the
// runner serialise the page).
describe('cdiLint in a ProseMirror editor', () => {
  afterEach(() => {
    for (const h of harnesses.splice(0)) h.destroy();
  });

  it('decorates each finding of a typed note with its kind, severity and id', async () => {
    const h = mount('');
    await h.next('results');
    h.view.focus();
    await sendKeys({ type: 'ASSESSMENT' });
    await sendKeys({ press: 'Enter' });
    await sendKeys({ type: 'CHF, continue diuretics.' });
    expect(h.text()).to.equal('ASSESSMENT\nCHF, continue diuretics.');
    while (!h.findings().length) await h.next('results'); // the analysis after the last keystrokes
    expect(h.rendered()).to.deep.equal(['heart-failure "CHF"']);
    const el = h.view.dom.querySelector<HTMLElement>('[data-finding-id]')!;
    expect(el.className).to.equal('cdi-finding cdi-finding--missing-specificity cdi-finding--warning');
    expect(el.dataset.findingId).to.equal(h.findings()[0]!.id);
  });

  it('moves a finding with its words when text is typed before it, keeping its id', async () => {
    const h = mount(NOTE);
    await h.next('results');
    const id = h.findings()[0]!.id;
    typeAt(h, 'ASSESSMENT\n'.length, 'Chronic ');
    expect(h.rendered(), 'mapped at once').to.deep.equal(['heart-failure "CHF"', 'pneumonia "Pneumonia"']);
    await h.next('results');
    expect(h.rendered(), 'after re-analysis').to.deep.equal(['heart-failure "CHF"', 'pneumonia "Pneumonia"']);
    expect(h.findings()[0]!.id).to.equal(id);
  });

  it('removes a finding at once when its words are deleted', async () => {
    const h = mount(NOTE);
    await h.next('results');
    const start = NOTE.indexOf('CHF');
    deleteText(h, start, start + 3);
    expect(h.rendered()).to.deep.equal(['pneumonia "Pneumonia"']);
    expect(h.findings().map((f) => f.finding.family)).to.deep.equal(['pneumonia']);
  });

  it('removes a finding at once when its words are edited, and re-analysis judges the new words', async () => {
    const h = mount(NOTE);
    await h.next('results');
    typeAt(h, NOTE.indexOf('CHF') + 1, 'x'); // "CxHF"
    expect(h.rendered()).to.deep.equal(['pneumonia "Pneumonia"']);
  });

  it('applies an answer in one transaction that one undo reverts exactly, even right after typing', async () => {
    const h = mount(NOTE);
    await h.next('results');
    typeAt(h, NOTE.length, ' Afebrile.'); // typed just before: same history group window
    const before = h.text();
    const chf = h.findings().find((f) => f.finding.family === 'heart-failure')!;
    expect(applyAnswer(chf.id, { text: 'Acute on chronic systolic CHF' })(h.view.state, h.view.dispatch)).to.equal(true);
    expect(h.text()).to.equal(before.replace('CHF', 'Acute on chronic systolic CHF'));
    typeAt(h, h.text().length, ' Plan.'); // typed just after: must not join the answer's undo step
    await h.next('results');
    expect(h.findings().map((f) => f.finding.family), 'the answer resolved it').to.deep.equal(['pneumonia']);
    undo(h.view.state, h.view.dispatch);
    expect(h.text()).to.equal(before.replace('CHF', 'Acute on chronic systolic CHF'));
    undo(h.view.state, h.view.dispatch);
    expect(h.text()).to.equal(before);
  });

  it('inserts an answer before the words when asked', async () => {
    const h = mount(NOTE);
    await h.next('results');
    const chf = h.findings()[0]!;
    applyAnswer(chf.id, { text: 'chronic systolic ', mode: 'before' })(h.view.state, h.view.dispatch);
    expect(h.text()).to.equal(NOTE.replace('CHF', 'chronic systolic CHF'));
    expect(h.view.state.selection.from).to.equal(textMap(h.view.state.doc).toPos(NOTE.indexOf('CHF') + 17));
  });

  it('keeps a dismissed finding hidden through edits and re-analysis while its words stay', async () => {
    const h = mount(NOTE);
    await h.next('results');
    const chf = h.findings()[0]!;
    dismissFinding(chf.id, 'documented-elsewhere', 'see cardiology note')(h.view.state, h.view.dispatch);
    expect(h.rendered()).to.deep.equal(['pneumonia "Pneumonia"']);
    const dismissal = cdiLintKey.getState(h.view.state)!.dismissals[0]!;
    expect([dismissal.reason, dismissal.note, dismissal.text]).to.deep.equal(['documented-elsewhere', 'see cardiology note', 'CHF']);
    typeAt(h, 'ASSESSMENT\n'.length, 'Known ');
    await h.next('results');
    typeAt(h, h.text().length, '\nCKD.');
    await h.next('results');
    expect(h.rendered()).to.deep.equal(['pneumonia "Pneumonia"', 'chronic-kidney-disease "CKD"']);
  });

  it('lets a dismissal lapse when its words are deleted, so new words are judged afresh', async () => {
    const h = mount(NOTE);
    await h.next('results');
    dismissFinding(h.findings()[0]!.id, 'address-later')(h.view.state, h.view.dispatch);
    const start = NOTE.indexOf('CHF');
    deleteText(h, start, start + 3);
    await h.next('results');
    expect(cdiLintKey.getState(h.view.state)!.dismissals).to.have.length(0);
    typeAt(h, start, 'CHF');
    await h.next('results');
    expect(h.rendered()).to.deep.equal(['heart-failure "CHF"', 'pneumonia "Pneumonia"']);
  });

  it('maps late results through the edits made since their request', async () => {
    const analyzer = manualAnalyzer();
    const called = analyzer.called();
    const h = mount(NOTE, { analyzer });
    await called;
    typeAt(h, 0, 'Seen today.\n'); // while the analysis of NOTE is in flight
    const results = h.next('results');
    analyzer.calls[0]!.resolve(analyze(analyzer.calls[0]!.text));
    await results;
    expect(analyzer.calls[0]!.text).to.equal(NOTE);
    expect(h.rendered()).to.deep.equal(['heart-failure "CHF"', 'pneumonia "Pneumonia"']);
  });

  it('drops late results whose words were changed since their request', async () => {
    const analyzer = manualAnalyzer();
    const called = analyzer.called();
    const h = mount(NOTE, { analyzer });
    await called;
    const start = NOTE.indexOf('CHF');
    deleteText(h, start, start + 3);
    typeAt(h, start, 'HTN'); // same length, same place: a blind apply would decorate "HTN"
    const results = h.next('results');
    analyzer.calls[0]!.resolve(analyze(analyzer.calls[0]!.text));
    await results;
    expect(h.rendered()).to.deep.equal(['pneumonia "Pneumonia"']);
  });

  it('sends the edits made during an analysis as soon as it settles, with one request in flight', async () => {
    const analyzer = manualAnalyzer();
    let called = analyzer.called();
    const h = mount(NOTE, { analyzer });
    await called;
    called = analyzer.called();
    typeAt(h, h.text().length, '\nCKD.');
    const first = h.next('results');
    analyzer.calls[0]!.resolve(analyze(analyzer.calls[0]!.text));
    await first;
    await called;
    expect(analyzer.calls.map((c) => c.text)).to.deep.equal([NOTE, NOTE + '\nCKD.']);
  });

  it('moves the selection to the next and previous finding, wrapping, and selects one by id', async () => {
    const h = mount(NOTE);
    await h.next('results');
    const selected = () => h.view.state.doc.textBetween(h.view.state.selection.from, h.view.state.selection.to);
    h.view.dispatch(h.view.state.tr.setSelection(TextSelection.create(h.view.state.doc, 1)));
    nextFinding(h.view.state, h.view.dispatch);
    expect(selected()).to.equal('CHF');
    nextFinding(h.view.state, h.view.dispatch);
    expect(selected()).to.equal('Pneumonia');
    nextFinding(h.view.state, h.view.dispatch);
    expect(selected()).to.equal('CHF');
    previousFinding(h.view.state, h.view.dispatch);
    expect(selected()).to.equal('Pneumonia');
    selectFinding(h.findings()[0]!.id)(h.view.state, h.view.dispatch);
    expect(selected()).to.equal('CHF');
    expect(selectFinding('no-such-id')(h.view.state)).to.equal(false);
  });

  it('reports failures as error then retrying, keeps the text, and recovers', async () => {
    let fail = true;
    const inline = createInlineAnalyzer();
    const h = mount(NOTE, {
      analyzer: { analyze: (text, options) => (fail ? Promise.reject(new Error('model did not load')) : inline.analyze(text, options)) },
    });
    await h.status('error');
    expect(cdiLintKey.getState(h.view.state)!.error).to.equal('model did not load');
    await h.status('retrying');
    typeAt(h, h.text().length, ' Stable.');
    expect(h.text()).to.equal(NOTE + ' Stable.');
    fail = false;
    await h.status('ready');
    expect(h.statuses.slice(0, 3)).to.deep.equal(['loading', 'error', 'retrying']);
    expect(h.text()).to.equal(NOTE + ' Stable.');
    await (h.findings().length ? Promise.resolve() : h.next('results'));
    expect(h.rendered()).to.deep.equal(['heart-failure "CHF"', 'pneumonia "Pneumonia"']);
  });

  it('calls onFindings when the set of findings changes', async () => {
    const seen: string[][] = [];
    const h = mount(NOTE, { onFindings: (fs) => seen.push(fs.map((f) => f.finding.family ?? '')) });
    await h.next('results');
    const start = NOTE.indexOf('CHF');
    deleteText(h, start, start + 3);
    expect(seen).to.deep.equal([['heart-failure', 'pneumonia'], ['pneumonia']]);
  });
});

describe('cdiLint in a host schema', () => {
  const host = new Schema({
    nodes: {
      doc: { content: 'block+' },
      paragraph: { group: 'block', content: 'inline*', toDOM: () => ['p', 0] },
      blockquote: { group: 'block', content: 'block+', toDOM: () => ['blockquote', 0] },
      text: { group: 'inline' },
      hard_break: { group: 'inline', inline: true, toDOM: () => ['br'] },
    },
    marks: { em: { toDOM: () => ['em', 0] } },
  });

  it('decorates findings across nesting, marks and hard breaks', async () => {
    const p = (...content: import('prosemirror-model').Node[]) => host.nodes.paragraph!.create(null, content);
    const doc = host.nodes.doc!.create(null, [
      p(host.text('ASSESSMENT')),
      host.nodes.blockquote!.create(null, [p(host.text('Stable.'), host.nodes.hard_break!.create(), host.text('CHF', [host.marks.em!.create()]), host.text(', diuretics.'))]),
      p(host.text('Pneumonia.')),
    ]);
    const place = document.createElement('div');
    place.style.whiteSpace = 'pre-wrap';
    document.body.append(place);
    let resolve!: () => void;
    const found = new Promise<void>((r) => (resolve = r));
    const view = new EditorView(place, {
      state: EditorState.create({
        doc,
        plugins: [cdiLint({ analyzer: createInlineAnalyzer(), debounceMs: 5, onFindings: (fs) => fs.length && resolve() })],
      }),
    });
    try {
      await found;
      const rendered = [...view.dom.querySelectorAll<HTMLElement>('[data-finding-id]')].map((el) => el.textContent);
      expect(rendered).to.deep.equal(['CHF', 'Pneumonia']);
      expect(getFindings(view.state).map((f) => view.state.doc.textBetween(f.from, f.to))).to.deep.equal(['CHF', 'Pneumonia']);
    } finally {
      view.destroy();
      place.remove();
    }
  });
});
