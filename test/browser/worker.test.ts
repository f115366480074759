/**
 * The Web Worker provider: the engine runs in a worker and its findings decorate the editor; a
 * worker that cannot load, crashes or hangs leaves a working editor with its text intact, a
 * status of error/retrying, and is retried until it works. Waits on callbacks, never on time.
 */
import { expect } from 'chai';
import { EditorState } from 'prosemirror-state';
import { EditorView } from 'prosemirror-view';
import { cdiLint, createWorkerAnalyzer, getFindings } from '../../plugin/prosemirror/index.js';
import type { AnalysisProvider, AnalyzerStatus, LintFinding } from '../../plugin/prosemirror/index.js';
import { docToText, textToDoc } from '../../plugin/positions.js';
import { noteSchema } from '../../plugin/schema.js';

const WORKER_URL = new URL('../../plugin/worker/worker.ts', import.meta.url);
const NOTE = 'ASSESSMENT\nCHF, continue diuretics.';

/** A worker whose script throws at load, as a worker whose model cannot load does. */
function brokenWorker(): Worker {
  const source = 'throw new Error("model failed to load");';
  return new Worker(URL.createObjectURL(new Blob([source], { type: 'text/javascript' })), { type: 'module' });
}

/** A worker that never answers. */
function silentWorker(): Worker {
  return new Worker(URL.createObjectURL(new Blob(['/* never answers */'], { type: 'text/javascript' })), { type: 'module' });
}

interface Mounted {
  view: EditorView;
  findings: Promise<readonly LintFinding[]>;
  status(status: AnalyzerStatus): Promise<void>;
  statuses: AnalyzerStatus[];
  destroy(): void;
}

function mount(text: string, analyzer: AnalysisProvider): Mounted {
  const place = document.createElement('div');
  place.style.whiteSpace = 'pre-wrap';
  document.body.append(place);
  const statuses: AnalyzerStatus[] = [];
  const waiting: Array<[AnalyzerStatus, () => void]> = [];
  let found!: (findings: readonly LintFinding[]) => void;
  const findings = new Promise<readonly LintFinding[]>((resolve) => (found = resolve));
  const plugin = cdiLint({
    analyzer,
    debounceMs: 5,
    retry: { initialDelayMs: 10, maxDelayMs: 40 },
    onFindings: (fs) => fs.length && found(fs),
    onStatus: (status) => {
      statuses.push(status);
      for (const [s, resolve] of waiting) if (s === status) resolve();
    },
  });
  const view = new EditorView(place, { state: EditorState.create({ doc: textToDoc(noteSchema, text), plugins: [plugin] }) });
  return {
    view,
    findings,
    statuses,
    status: (status) =>
      statuses.includes(status) ? Promise.resolve() : new Promise((resolve) => waiting.push([status, resolve])),
    destroy: () => {
      view.destroy();
      place.remove();
      analyzer.destroy?.();
    },
  };
}

describe('createWorkerAnalyzer', () => {
  let mounted: Mounted | undefined;
  afterEach(() => {
    mounted?.destroy();
    mounted = undefined;
  });

  it('analyses in a worker and the findings decorate the editor', async () => {
    mounted = mount(NOTE, createWorkerAnalyzer({ url: WORKER_URL }));
    const findings = await mounted.findings;
    expect(findings.map((f) => f.finding.family)).to.deep.equal(['heart-failure']);
    expect(mounted.view.dom.querySelector('[data-finding-id]')?.textContent).to.equal('CHF');
    expect(mounted.statuses.at(-1)).to.equal('ready');
  });

  it('answers requests directly, matching each response to its request', async () => {
    const analyzer = createWorkerAnalyzer({ url: WORKER_URL });
    try {
      const [a, b] = await Promise.all([analyzer.analyze('CHF.', {}), analyzer.analyze('', { setting: 'outpatient' })]);
      expect(a.findings.map((f) => f.text)).to.deep.equal(['CHF']);
      expect([b.findings.length, b.setting]).to.deep.equal([0, 'outpatient']);
    } finally {
      analyzer.destroy();
    }
  });

  it('keeps a usable editor with its text when the worker cannot load, reporting error then retrying', async () => {
    mounted = mount(NOTE, createWorkerAnalyzer({ createWorker: brokenWorker }));
    await mounted.status('error');
    await mounted.status('retrying');
    const { view } = mounted;
    view.dispatch(view.state.tr.insertText(' Stable.', view.state.doc.content.size - 1));
    expect(docToText(view.state.doc)).to.equal(NOTE + ' Stable.');
    expect(getFindings(view.state)).to.have.length(0);
    expect(mounted.statuses.slice(0, 3)).to.deep.equal(['loading', 'error', 'retrying']);
  });

  it('reports error when the worker script does not exist, leaving the text alone', async () => {
    mounted = mount(NOTE, createWorkerAnalyzer({ url: new URL('/no-such-worker.js', location.href) }));
    await mounted.status('error');
    expect(docToText(mounted.view.state.doc)).to.equal(NOTE);
  });

  it('recovers once a fresh worker loads', async () => {
    let attempts = 0;
    mounted = mount(NOTE, createWorkerAnalyzer({
      createWorker: () => (++attempts < 3 ? brokenWorker() : new Worker(WORKER_URL, { type: 'module' })),
    }));
    const findings = await mounted.findings;
    expect(findings.map((f) => f.finding.family)).to.deep.equal(['heart-failure']);
    expect(attempts).to.equal(3);
    expect(mounted.statuses).to.include.members(['error', 'retrying', 'ready']);
  });

  it('fails a request that outlives the timeout and restarts the worker', async () => {
    let started = 0;
    const analyzer = createWorkerAnalyzer({ createWorker: () => (started++, silentWorker()), timeoutMs: 50 });
    try {
      const first = await analyzer.analyze('CHF.', {}).then(() => 'answered', (error: Error) => error.message);
      expect(first).to.contain('no answer within 50 ms');
      await analyzer.analyze('CHF.', {}).catch(() => undefined);
      expect(started).to.equal(2);
    } finally {
      analyzer.destroy();
    }
  });
});
