/**
 * `AnalysisController`: the element's link to the analysis. It picks the analyser (the host's
 * `analyzer`, else a Web Worker, else the engine in the page for `analysis="inline"`), makes the
 * note's cdi-lint plugin with one stable provider that forwards to it (and re-analyses when a
 * property that decides the analysis changes), and turns the plugin's reports into what the
 * element shows: the visible findings (engine findings with the plugin's ids and offsets into the
 * current text), their queries, the analyser's health and a polite count announcement. It fires
 * `cdi-findings` and `cdi-status`. One job: analysis in, findings out.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { EditorState, Plugin } from 'prosemirror-state';
import type { Finding, Setting } from '../../src/index.js';
import type { Query } from '../../src/queries/types.js';
import type { QueryService } from '../queries/types.js';
import { cdiLint, createWorkerAnalyzer, getFindings } from '../prosemirror/index.js';
import type { AnalysisProvider, AnalyzerStatus } from '../prosemirror/index.js';
import { textMap } from '../positions.js';
import { defaultVisible } from '../../src/rules/visible.js';
import { emit } from './event.js';
import { countLabel } from './labels.js';
import { defaultWorkerUrl } from './worker-url.js';

/** Quiet time after the last keystroke before the note is analysed again, in ms. */
const DEBOUNCE_MS = 120;

/** Where analysis runs: a Web Worker (default) or synchronously in this thread. */
export type AnalysisMode = 'worker' | 'inline';

/** What the controller reads from its host element. */
export interface AnalysisHost extends ReactiveControllerHost, HTMLElement {
  analyzer: AnalysisProvider | undefined;
  analysis: AnalysisMode;
  workerUrl: string;
  setting: Setting;
  /** Who is reading: the `cdi` view is shown low-confidence findings too. */
  view: 'clinician' | 'cdi';
  /** When true, low-confidence findings are shown in any view. */
  showLowConfidence: boolean;
}

/** See the module comment. */
export class AnalysisController implements ReactiveController {
  /** Health of the analysis. */
  status: AnalyzerStatus = 'loading';
  /** False until the first analysis of the current note has finished. */
  analysed = false;
  /** The visible findings, in text order; spans index the current text. */
  findings: readonly Finding[] = [];
  /** Queries of the visible findings, by finding id. */
  queries: ReadonlyMap<string, Query> = new Map();
  /** The polite announcement of the count ("3 findings"). */
  announcement = '';

  /**
   * Stable analyser handed to the plugin; it forwards to the current one, created on first use,
   * and keeps only the findings this element shows ({@link shows}). Filtering here, before the
   * plugin places anything, keeps every consumer consistent: underlines, the panel and its count,
   * next/previous, the popover, dismissals and `cdi-findings` all see the same findings.
   */
  readonly provider: AnalysisProvider = {
    analyze: (text, options) =>
      this.current()
        .then((analyzer) => analyzer.analyze(text, options))
        .then((analysis) => (analysis.findings.every((f) => this.shows(f)) ? analysis : { ...analysis, findings: analysis.findings.filter((f) => this.shows(f)) })),
    destroy: () => this.release(),
  };

  private own: Promise<AnalysisProvider> | undefined;
  /** True once the host's first update has run. */
  private rendered = false;
  private memo: { doc: unknown; placed: unknown; findings: readonly Finding[] } | undefined;

  constructor(
    private readonly host: AnalysisHost,
    /** Called after the findings changed (before `cdi-findings` fires). */
    private readonly onFindings: (findings: readonly Finding[]) => void,
  ) {
    host.addController(this);
  }

  hostDisconnected(): void {
    // A move (remove then insert in the same task) keeps the analyser; a real removal releases it.
    queueMicrotask(() => {
      if (!this.host.isConnected) this.release();
    });
  }

  /**
   * The analyser in use, created on first use: the host's `analyzer`, else a worker, else (for
   * `analysis="inline"`) the engine in this thread, loaded on demand so that the element's bundle
   * never contains the language model.
   */
  current(): Promise<AnalysisProvider> {
    if (this.host.analyzer) return Promise.resolve(this.host.analyzer);
    this.own ??=
      this.host.analysis === 'inline'
        ? import('../prosemirror/inline-analyzer.js').then((m) => m.createInlineAnalyzer())
        : Promise.resolve().then(() => createWorkerAnalyzer({ url: this.host.workerUrl || defaultWorkerUrl() }));
    return this.own;
  }

  /**
   * Whether the element shows a finding: a high-confidence one always (a finding without a
   * confidence, from an older analyser, counts as high: see `defaultVisible`); a low-confidence one
   * in the `cdi` view or when the host set `showLowConfidence`.
   */
  shows(finding: Pick<Finding, 'confidence'>): boolean {
    return defaultVisible(finding) || this.host.view === 'cdi' || this.host.showLowConfidence;
  }

  /**
   * The cdi-lint plugin of the note: analyses through {@link provider} in the host's `setting`
   * after {@link DEBOUNCE_MS} of quiet, and reports here; `state` is the editor's current state.
   */
  plugin(state: () => EditorState): Plugin {
    return cdiLint({
      analyzer: this.provider,
      setting: () => this.host.setting,
      debounceMs: DEBOUNCE_MS,
      onFindings: () => this.findingsChanged(state()),
      onStatus: (status, error) => this.statusChanged(status, error),
    });
  }

  /**
   * Call at the end of each host update with its changed properties: after the first update, a new
   * analyser (`analysis`, `analyzer`, `workerUrl`) releases the old one and re-analyses the note
   * with `reanalyze`; a new `setting`, `view` or `showLowConfidence` re-analyses it (the view and
   * showLowConfidence decide which findings are shown, see {@link shows}).
   */
  hostPropertiesChanged(changed: ReadonlyMap<PropertyKey, unknown>, reanalyze: () => void): void {
    // Changes after the first render (the first one only sets things up).
    const swapped = (key: 'analysis' | 'analyzer' | 'workerUrl'): boolean => changed.has(key) && this.rendered;
    if (swapped('analysis') || swapped('analyzer') || swapped('workerUrl')) {
      this.release();
      reanalyze();
    } else if ((changed.has('setting') || changed.has('view') || changed.has('showLowConfidence')) && this.rendered) {
      reanalyze();
    }
    this.rendered = true;
  }

  /** Releases the element's own analyser (terminates its worker); the next analysis creates another. */
  release(): void {
    const own = this.own;
    this.own = undefined;
    void own?.then((a) => a.destroy?.(), () => undefined);
  }

  /** The query calls of the analyser in use (rejects when a host's own analyser has none). */
  async queryService(): Promise<Pick<QueryService, 'handoff' | 'exportQueries'>> {
    const analyzer = await this.current();
    const { handoff, exportQueries } = analyzer;
    if (!handoff || !exportQueries) {
      throw new Error('cdi-lint: the analyzer in use offers no query calls (handoff, exportQueries)');
    }
    return { handoff: handoff.bind(analyzer), exportQueries: exportQueries.bind(analyzer) as QueryService['exportQueries'] };
  }

  /** The plugin reported a status. */
  statusChanged(status: AnalyzerStatus, error: string | null): void {
    if (status === this.status) return;
    this.status = status;
    if (status === 'ready') {
      this.analysed = true;
      if (this.announcement === '') this.announcement = countLabel(this.findings.length);
    }
    this.host.requestUpdate();
    emit(this.host, 'cdi-status', { status, error });
  }

  /** The plugin's visible findings changed (in `state`). */
  findingsChanged(state: EditorState): void {
    const findings = this.publicFindings(state);
    const before = this.findings.length;
    this.findings = findings;
    this.analysed = true;
    if (findings.length !== before || this.announcement === '') this.announcement = countLabel(findings.length);
    this.queries = new Map(getFindings(state).flatMap((lf) => (lf.query ? [[lf.id, lf.query] as const] : [])));
    this.host.requestUpdate();
    this.onFindings(findings);
    emit(this.host, 'cdi-findings', { findings });
  }

  /** A new note (the host set `value`): its findings come with its first analysis; the old list goes now, silently. */
  reset(state: EditorState): void {
    this.findings = this.publicFindings(state);
    this.analysed = false;
    this.host.requestUpdate();
  }

  /** The visible findings as engine findings with the plugin's stable ids and offsets into the current text. */
  publicFindings(state: EditorState): readonly Finding[] {
    const placed = getFindings(state);
    if (this.memo && this.memo.doc === state.doc && this.memo.placed === placed) return this.memo.findings;
    const map = placed.length > 0 ? textMap(state.doc) : undefined;
    const findings = placed.map((lf) => ({ ...lf.finding, id: lf.id, ...map!.toSpan(lf) }));
    this.memo = { doc: state.doc, placed, findings };
    return findings;
  }
}
