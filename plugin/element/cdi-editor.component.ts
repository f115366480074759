/**
 * `<cdi-editor>`: a plain-text clinical note editor (ProseMirror in the shadow root) that
 * underlines documentation findings as the note is typed, lists them beside the text, and offers
 * the answers that would resolve them.
 */
import { html, LitElement, nothing } from 'lit';
import type { PropertyValues, TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { EditorState } from 'prosemirror-state';
import type { Command, Transaction } from 'prosemirror-state';
import { EditorView } from 'prosemirror-view';
import { baseKeymap } from 'prosemirror-commands';
import { history, redo, undo } from 'prosemirror-history';
import { keymap } from 'prosemirror-keymap';
import type { Finding, Setting } from '../../src/index.js';
import { auditEntry, toJsonLines } from './audit.js';
import type { AuditEntry, AuditEvent, HandoffSummary, ItemAnswer, Query, QueryAnswer, QueryOption } from '../../src/queries/types.js';
import type { AnsweredRecord, DismissedSpan, HandoffRequest, QueryExportFormat, QueryExports, QueryService } from '../queries/types.js';
import { editorStyles } from './cdi-editor.styles.js';
import { emit } from './event.js';
import type { DismissReason } from './events.js';
import { renderFindingPopover } from './finding-popover.js';
import { renderFindingsPanel } from './findings-panel.js';
import { countLabel } from './labels.js';
import {
  answerFinding,
  cdiLint,
  dismissalInForce,
  standingAnswers,
  cdiLintKey,
  createWorkerAnalyzer,
  dismissFinding,
  getFindings,
  nextFinding,
  previousFinding,
  reanalyze,
  selectFinding,
} from '../prosemirror/index.js';
import type { AnalysisProvider, AnalyzerStatus, LintFinding } from '../prosemirror/index.js';
import { docToText, textMap, textToDoc } from '../positions.js';
import type { PositionRange } from '../positions.js';
import { noteClipboardParser, noteClipboardTextParser, noteSchema } from '../schema.js';
import { defaultWorkerUrl } from './worker-url.js';

/** Where analysis runs: a Web Worker (default) or synchronously in this thread. */
export type AnalysisMode = 'worker' | 'inline';
/** `clinician`: findings and answers, no codes. `cdi`: also codes and counts by condition. */
export type EditorViewMode = 'clinician' | 'cdi';

/** Quiet time after the last keystroke before the note is analysed again, in ms. */
const DEBOUNCE_MS = 120;
/** Delay before a popover opened by the pointer closes once the pointer has left it, in ms. */
const HOVER_CLOSE_MS = 250;

interface PopoverState {
  id: string;
  /**
   * What opened it: the pointer over the underline, the caret inside the finding's words, the
   * panel (a read-only note, which takes no caret), or an
   * answer in progress (a query with items left to answer, whose finding is hidden meanwhile).
   */
  source: 'pointer' | 'caret' | 'panel' | 'answer';
}

/**
 * A query being answered in the popover. A query with several items (acuity, type) is answered
 * one click per item; each click calls `answerFinding` with every choice so far, which replaces the
 * previous partial write, so the note reads "acute on chronic systolic CHF" in either click order
 * and one undo restores the text from before the first click.
 */
interface AnswerSession {
  id: string;
  /** The finding as shown when the first choice was made. */
  finding: Finding;
  query: Query;
  choices: ItemAnswer[];
}

/**
 * A clinical note editor that flags missing documentation specificity as the note is typed.
 *
 * @summary Plain-text note editor with CDI findings, a findings panel and answer popovers.
 *
 * @event {CustomEvent<ChangeEventDetail>} cdi-change - The user changed the text (not fired when `value` is set).
 * @event {CustomEvent<FindingsEventDetail>} cdi-findings - The visible findings changed.
 * @event {CustomEvent<FindingDismissEventDetail>} cdi-finding-dismiss - The user dismissed a finding, with a reason.
 * @event {CustomEvent<AnswerEventDetail>} cdi-answer - The user answered a query: `{ finding, query, answer, edit }`.
 * @event {CustomEvent<QuerySendEventDetail>} cdi-query-send - A CDI specialist sent a query (`cdi` view): `{ finding, query }`.
 * @event {CustomEvent<AuditEventDetail>} cdi-audit - An audit entry was recorded (query shown, sent, answered; finding dismissed).
 * @event {CustomEvent<StatusEventDetail>} cdi-status - The analysis became ready, failed or is retrying.
 *
 * @csspart base - The grid holding the note and the panel.
 * @csspart editor - The editable text (ProseMirror's root).
 * @csspart status - The quiet status line under the note (e.g. analysis unavailable).
 * @csspart popover - The popover of one finding.
 * @csspart popover-message - The popover's message.
 * @csspart answer - An option of the query in the popover.
 * @csspart query-question - The query's neutral question.
 * @csspart indicators - The clinical indicators quoted from the note.
 * @csspart other-input - The text box of "Other (please specify)".
 * @csspart send-query - The "Send query" button (`cdi` view).
 * @csspart finding-query - The query's question, indicators and options in the panel.
 * @csspart dismiss-reason - The dismiss reason select.
 * @csspart dismiss - The dismiss button.
 * @csspart panel - The findings panel.
 * @csspart panel-heading - The panel's heading.
 * @csspart summary - Counts by condition (`cdi` view).
 * @csspart finding - A finding in the panel (also `finding-warning` / `finding-info`).
 * @csspart finding-evidence - The finding's words, quoted.
 * @csspart finding-message - The finding's message.
 * @csspart codes - Current and candidate codes (`cdi` view).
 *
 * @cssproperty --cdi-color-text - Text colour (default: inherited from the page).
 * @cssproperty --cdi-color-warning - Underline and accent of warnings.
 * @cssproperty --cdi-color-info - Underline and accent of advisory findings.
 * @cssproperty --cdi-color-border - Borders.
 * @cssproperty --cdi-color-focus - Focus rings.
 * @cssproperty --cdi-color-muted - Secondary text (status, placeholder).
 * @cssproperty --cdi-color-surface - Editor background (default: transparent).
 * @cssproperty --cdi-color-highlight - Background of the finding under the caret.
 * @cssproperty --cdi-popover-background - Popover background.
 * @cssproperty --cdi-popover-color - Popover text colour.
 * @cssproperty --cdi-font-family - Font of the element; --cdi-editor-font-family for the note itself.
 * @cssproperty --cdi-font-size - Base font size.
 * @cssproperty --cdi-line-height - Line height.
 * @cssproperty --cdi-panel-width - Width of the findings panel.
 * @cssproperty --cdi-editor-min-height - Minimum height of the note; --cdi-editor-max-height caps it.
 * @cssproperty --cdi-radius - Corner radius.
 * @cssproperty --cdi-gap - Space between the note and the panel.
 *
 * Keyboard: Alt+F8 or Ctrl/Cmd+Alt+ArrowDown moves to the next finding, Shift+Alt+F8 or
 * Ctrl/Cmd+Alt+ArrowUp to the previous one; the caret in a finding opens its popover, Tab reaches
 * the popover's buttons, Escape closes it.
 */
export class CdiEditor extends LitElement {
  static override styles = editorStyles;

  /** Care setting used for the analysis. */
  @property({ reflect: true }) setting: Setting = 'inpatient';

  /** Who is reading: `clinician` (no codes) or `cdi` (codes and counts). */
  @property({ reflect: true }) view: EditorViewMode = 'clinician';

  /** When set, the text cannot be edited (findings can still be browsed and dismissed). */
  @property({ type: Boolean, reflect: true }) readonly = false;

  /** Shown while the note is empty. */
  @property() placeholder = '';

  /** Accessible name of the text box. */
  @property() label = 'Clinical note';

  /** Where analysis runs; `inline` is synchronous in this thread (tests, small hosts). */
  @property() analysis: AnalysisMode = 'worker';

  /**
   * An analyser to use instead of the one `analysis` picks (a host's own worker pool, a test
   * double). Set before the element connects, or the next analysis uses it.
   */
  @property({ attribute: false }) analyzer: AnalysisProvider | undefined;

  /** URL of the analysis worker bundle; default `worker.js` next to the bundle that holds the element. */
  @property({ attribute: 'worker-url' }) workerUrl = '';

  @state() private shown: readonly Finding[] = [];
  @state() private openPopover: PopoverState | null = null;
  @state() private status: AnalyzerStatus = 'loading';
  /** False until the first analysis has finished. */
  @state() private analysed = false;
  @state() private announcement = '';
  @state() private activeId: string | null = null;
  @state() private session: AnswerSession | null = null;
  @state() private otherItem: string | null = null;
  @state() private sentIds: ReadonlySet<string> = new Set();

  private editorState: EditorState;
  /** True once the first update has run. */
  private rendered = false;
  private editorView: EditorView | undefined;
  private ownAnalyzer: Promise<AnalysisProvider> | undefined;
  private hoverTimer: ReturnType<typeof setTimeout> | undefined;
  /** A finding whose popover the user closed with Escape; it stays closed until the caret leaves it. */
  private suppressedId: string | null = null;
  /** Queries of the visible findings, by finding id. */
  private queries: ReadonlyMap<string, Query> = new Map();
  private audit: AuditEntry[] = [];
  /** Findings whose query has been shown (audited once each). */
  private readonly shownIds = new Set<string>();

  /** Stable analyser handed to the plugin; it forwards to the current one, created on first use. */
  private readonly delegate: AnalysisProvider = {
    analyze: (text, options) => this.currentAnalyzer().then((analyzer) => analyzer.analyze(text, options)),
    destroy: () => this.releaseAnalyzer(),
  };

  constructor() {
    super();
    this.editorState = this.createState('');
  }

  /** The note as plain text. Setting it replaces the note (and its undo history) without firing `cdi-change`. */
  @property()
  get value(): string {
    return docToText(this.editorState.doc);
  }
  set value(text: string) {
    const next = String(text ?? '');
    const old = this.value;
    if (next === old) return;
    this.editorState = this.createState(next);
    this.editorView?.updateState(this.editorState);
    // A new note: its findings come with its first analysis (the old list goes now, silently).
    this.shown = this.publicFindings(this.editorState);
    this.analysed = false;
    this.closePopoverState();
    this.requestUpdate('value', old);
  }

  /** The findings shown now (dismissed ones excluded), in text order; spans index into {@link getText}. */
  get findings(): readonly Finding[] {
    return this.publicFindings(this.editorView?.state ?? this.editorState);
  }

  /** The note as plain text (same as `value`). */
  getText(): string {
    return this.value;
  }

  /** Health of the analysis: `loading` until the first result, then `ready`, or `error` / `retrying` after a failure. */
  get analyzerStatus(): AnalyzerStatus {
    return this.status;
  }

  /** Puts the caret in the note. */
  override focus(options?: FocusOptions): void {
    if (this.editorView) this.editorView.focus();
    else void this.updateComplete.then(() => this.editorView?.focus());
    void options;
  }

  /** Selects the next finding after the caret (wrapping); returns false when there is none. */
  nextFinding(): boolean {
    return this.runCommand(nextFinding);
  }

  /** Selects the previous finding before the caret (wrapping); returns false when there is none. */
  previousFinding(): boolean {
    return this.runCommand(previousFinding);
  }

  /** The compliant query of a visible finding (by its id in {@link findings}), when the analyser drafted one. */
  queryFor(findingId: string): Query | undefined {
    return this.queries.get(findingId);
  }

  /**
   * The hand-off summary of the current text: open queries, dismissed findings with reasons,
   * answered queries, and the code each finding supports now. Computed where the analysis runs.
   */
  async handoff(): Promise<HandoffSummary> {
    const service = await this.queryService();
    return service.handoff(this.handoffRequest());
  }

  /**
   * The open queries (neither answered nor dismissed): `text`, a plain-text inbox message per
   * query; `json`, the queries; `fhir`, a FHIR R4 Bundle of Questionnaires.
   */
  async exportQueries<F extends QueryExportFormat>(format: F): Promise<QueryExports[F]> {
    if (format !== 'text' && format !== 'json' && format !== 'fhir') {
      throw new TypeError(`cdi-lint: exportQueries(format) takes 'text', 'json' or 'fhir', not ${JSON.stringify(format)}`);
    }
    const service = await this.queryService();
    return service.exportQueries({ ...this.handoffRequest(), format });
  }

  /** The audit trail as JSON Lines: one entry per query shown, sent, answered, or finding dismissed. */
  auditTrail(): string {
    return toJsonLines(this.audit);
  }

  override connectedCallback(): void {
    super.connectedCallback();
    window.clearTimeout(this.hoverTimer);
    if (this.hasUpdated) this.mountView();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.unmountView();
    // A move (remove then insert in the same task) keeps the analyser; a real removal releases it.
    queueMicrotask(() => {
      if (!this.isConnected) this.releaseAnalyzer();
    });
  }

  protected override firstUpdated(): void {
    this.mountView();
  }

  protected override updated(changed: PropertyValues<this>): void {
    if (changed.has('readonly') || changed.has('placeholder') || changed.has('label')) {
      this.editorView?.setProps({});
    }
    // Changes after the first render (the first one only sets things up).
    const swapped = (key: 'analysis' | 'analyzer' | 'workerUrl'): boolean => changed.has(key) && this.rendered;
    if (swapped('analysis') || swapped('analyzer') || swapped('workerUrl')) {
      this.releaseAnalyzer();
      this.reanalyse();
    } else if (changed.has('setting') && this.rendered) {
      this.reanalyse();
    }
    this.rendered = true;
  }

  protected override render(): TemplateResult {
    const open = this.openPopover;
    const finding = open
      ? (this.shown.find((f) => f.id === open.id) ?? (this.session?.id === open.id ? this.session.finding : undefined))
      : undefined;
    return html`<div class="base" part="base">
      <div class="note">
        <div class="editor" part="editor"></div>
        ${finding ? this.renderPopover(finding) : nothing}
        <p class="status" part="status">${this.statusText()}</p>
        <p id="shortcuts" class="visually-hidden">
          Alt+F8 moves to the next finding, Shift+Alt+F8 to the previous one. Tab reaches the finding's answers; Escape closes them.
        </p>
      </div>
      ${renderFindingsPanel({
        findings: this.shown,
        queries: this.queries,
        view: this.view,
        activeId: this.activeId,
        analysed: this.analysed,
        onSelect: (id) => this.selectFromPanel(id),
      })}
      <div class="visually-hidden" role="status" aria-live="polite" aria-atomic="true">${this.announcement}</div>
    </div>`;
  }

  private renderPopover(finding: Finding): TemplateResult | typeof nothing {
    const place = this.popoverPlace(finding.id);
    if (!place) return nothing;
    const session = this.session?.id === finding.id ? this.session : null;
    const query = session?.query ?? this.queries.get(finding.id);
    return renderFindingPopover({
      finding,
      query,
      chosen: session?.choices ?? [],
      otherItem: this.otherItem,
      sent: this.sentIds.has(finding.id),
      view: this.view,
      top: place.top,
      left: place.left,
      readonly: this.readonly,
      onChoose: (itemId, option, text) => this.choose(finding, itemId, option, text),
      onOther: (itemId) => (this.otherItem = itemId),
      onSend: () => this.sendQuery(finding),
      onDismiss: (f, reason) => this.dismiss(f, reason),
      onClose: () => this.closePopover(true),
      onUndo: () => this.undoFromPopover(),
      onPointerEnter: () => window.clearTimeout(this.hoverTimer),
      onPointerLeave: () => this.scheduleHoverClose(),
    });
  }

  private statusText(): string {
    if (this.status === 'error' || this.status === 'retrying') return 'Suggestions are unavailable right now; the editor still works.';
    if (this.status === 'loading' && !this.analysed) return 'Loading suggestions…';
    return '';
  }

  // ---- the editor view ---------------------------------------------------------------------

  private createState(text: string): EditorState {
    return EditorState.create({
      doc: textToDoc(noteSchema, text),
      plugins: [
        history(),
        keymap({
          'Mod-z': undo,
          'Shift-Mod-z': redo,
          'Mod-y': redo,
          'Alt-F8': () => this.nextFinding(),
          'Shift-Alt-F8': () => this.previousFinding(),
          'Mod-Alt-ArrowDown': () => this.nextFinding(),
          'Mod-Alt-ArrowUp': () => this.previousFinding(),
          Escape: () => this.closePopover(false),
        }),
        keymap(baseKeymap),
        cdiLint({
          analyzer: this.delegate,
          setting: () => this.setting,
          debounceMs: DEBOUNCE_MS,
          onFindings: (findings) => this.findingsChanged(findings),
          onStatus: (status, error) => this.statusChanged(status, error),
        }),
      ],
    });
  }

  private mountView(): void {
    if (this.editorView) return;
    // Queried by part: ProseMirror strips its classes from the mount when a view is destroyed.
    const mount = this.renderRoot.querySelector<HTMLElement>('div[part="editor"]');
    if (!mount) return;
    this.editorView = new EditorView(
      { mount },
      {
        state: this.editorState,
        editable: () => !this.readonly,
        clipboardParser: noteClipboardParser,
        clipboardTextParser: noteClipboardTextParser,
        clipboardTextSerializer: (slice) => slice.content.textBetween(0, slice.content.size, '\n'),
        attributes: (state) => this.editorAttributes(state),
        dispatchTransaction: (tr) => this.dispatch(tr),
        handleDOMEvents: {
          mouseover: (_view, event) => this.pointerOver(event),
          mouseout: (_view, event) => this.pointerOut(event),
          focusout: (_view, event) => this.focusOut(event),
        },
      },
    );
  }

  private unmountView(): void {
    if (!this.editorView) return;
    this.editorState = this.editorView.state;
    this.editorView.destroy();
    this.editorView = undefined;
  }

  private editorAttributes(state: EditorState): Record<string, string> {
    const empty = state.doc.childCount === 1 && state.doc.firstChild!.content.size === 0;
    const attrs: Record<string, string> = {
      class: 'editor',
      role: 'textbox',
      'aria-multiline': 'true',
      'aria-label': this.label,
      'aria-describedby': 'shortcuts',
      spellcheck: 'false',
    };
    if (this.readonly) attrs['aria-readonly'] = 'true';
    if (this.placeholder) {
      attrs['aria-placeholder'] = this.placeholder;
      attrs['data-placeholder'] = this.placeholder;
    }
    if (empty) attrs['data-empty'] = '';
    return attrs;
  }

  private dispatch(tr: Transaction): void {
    const view = this.editorView;
    if (!view) return;
    view.updateState(view.state.apply(tr));
    this.editorState = view.state;
    if (tr.docChanged && tr.doc !== tr.before) {
      let text: string | undefined;
      const state = view.state;
      // The text is read on demand: a listener that ignores it costs nothing per keystroke.
      emit(this, 'cdi-change', {
        get value() {
          return (text ??= docToText(state.doc));
        },
      });
    }
    if (tr.selectionSet || tr.docChanged) this.followCaret();
  }

  private runCommand(command: Command): boolean {
    const view = this.editorView;
    if (!view) return false;
    const done = command(view.state, (tr) => view.dispatch(tr));
    if (done) view.focus();
    return done;
  }

  private reanalyse(): void {
    const view = this.editorView;
    if (view) reanalyze(view.state, (tr) => view.dispatch(tr));
  }

  // ---- analysis --------------------------------------------------------------------------------

  /**
   * The analyser in use, created on first use: the host's `analyzer`, else a worker, else (for
   * `analysis="inline"`) the engine in this thread, loaded on demand so that the element's bundle
   * never contains the language model.
   */
  private currentAnalyzer(): Promise<AnalysisProvider> {
    if (this.analyzer) return Promise.resolve(this.analyzer);
    this.ownAnalyzer ??=
      this.analysis === 'inline'
        ? import('../prosemirror/inline-analyzer.js').then((m) => m.createInlineAnalyzer())
        : Promise.resolve().then(() => createWorkerAnalyzer({ url: this.workerUrl || defaultWorkerUrl() }));
    return this.ownAnalyzer;
  }

  private releaseAnalyzer(): void {
    const own = this.ownAnalyzer;
    this.ownAnalyzer = undefined;
    void own?.then((a) => a.destroy?.(), () => undefined);
  }

  private statusChanged(status: AnalyzerStatus, error: string | null): void {
    if (status === this.status) return;
    this.status = status;
    if (status === 'ready') {
      this.analysed = true;
      if (this.announcement === '') this.announcement = countLabel(this.shown.length);
    }
    emit(this, 'cdi-status', { status, error });
  }

  private findingsChanged(_placed: readonly LintFinding[]): void {
    const findings = this.publicFindings(this.editorView?.state ?? this.editorState);
    const before = this.shown.length;
    this.shown = findings;
    this.analysed = true;
    if (findings.length !== before || this.announcement === '') this.announcement = countLabel(findings.length);
    const open = this.openPopover;
    if (open && open.source !== 'answer' && !findings.some((f) => f.id === open.id)) this.closePopoverState();
    this.queries = new Map(_placed.flatMap((lf) => (lf.query ? [[lf.id, lf.query] as const] : [])));
    for (const finding of findings) {
      const query = this.queries.get(finding.id);
      if (query && !this.shownIds.has(finding.id)) {
        this.shownIds.add(finding.id);
        this.record('shown', finding, query);
      }
    }
    this.followCaret();
    emit(this, 'cdi-findings', { findings });
  }

  private memo: { doc: unknown; placed: unknown; findings: readonly Finding[] } | undefined;

  /** The visible findings as engine findings with the plugin's stable ids and offsets into the current text. */
  private publicFindings(state: EditorState): readonly Finding[] {
    const placed = getFindings(state);
    if (this.memo && this.memo.doc === state.doc && this.memo.placed === placed) return this.memo.findings;
    const map = placed.length > 0 ? textMap(state.doc) : undefined;
    const findings = placed.map((lf) => ({ ...lf.finding, id: lf.id, ...map!.toSpan(lf) }));
    this.memo = { doc: state.doc, placed, findings };
    return findings;
  }

  // ---- popover ---------------------------------------------------------------------------------

  /** Opens the popover of the finding under the caret, or closes a caret popover the caret left. */
  private followCaret(): void {
    const view = this.editorView;
    if (!view) return;
    const { from, to } = view.state.selection;
    const placed = getFindings(view.state).find((f) => f.from <= from && to <= f.to);
    const id = placed?.id ?? null;
    this.activeId = id;
    if (this.suppressedId !== null && this.suppressedId !== id) this.suppressedId = null;
    if (id !== null && id !== this.suppressedId && view.hasFocus()) {
      this.openPopover = { id, source: 'caret' };
    } else if (this.openPopover?.source === 'caret' && this.openPopover.id !== id) {
      this.closePopoverState();
    }
  }

  private popoverPlace(id: string): { top: number; left: number } | undefined {
    const view = this.editorView;
    const note = this.renderRoot.querySelector<HTMLElement>('.note');
    const placed = view
      ? (getFindings(view.state).find((f) => f.id === id) ?? (this.session?.id === id ? this.sessionAnchor(view.state) : undefined))
      : undefined;
    if (!view || !note || !placed) return undefined;
    try {
      const start = view.coordsAtPos(placed.from, 1);
      const box = note.getBoundingClientRect();
      return { top: start.bottom - box.top + 4, left: Math.max(0, start.left - box.left) };
    } catch {
      return { top: 0, left: 0 };
    }
  }

  /** Closes the popover; `refocus` returns the caret to the note. Returns whether one was open. */
  private closePopover(refocus: boolean): boolean {
    if (!this.openPopover) return false;
    if (this.openPopover.source === 'caret') this.suppressedId = this.openPopover.id;
    this.closePopoverState();
    if (refocus) this.editorView?.focus();
    return true;
  }

  /** Forgets the open popover, its "Other" box and any answer in progress. */
  private closePopoverState(): void {
    this.openPopover = null;
    this.otherItem = null;
    this.session = null;
  }

  private findingIdAt(target: EventTarget | null): string | undefined {
    if (!(target instanceof Element)) return undefined;
    return target.closest<HTMLElement>('[data-finding-id]')?.dataset.findingId;
  }

  private pointerOver(event: MouseEvent): boolean {
    const id = this.findingIdAt(event.target);
    if (id === undefined) return false;
    window.clearTimeout(this.hoverTimer);
    if (this.openPopover?.id !== id) this.openPopover = { id, source: 'pointer' };
    return false;
  }

  private pointerOut(event: MouseEvent): boolean {
    if (this.openPopover?.source === 'pointer' && this.findingIdAt(event.target) !== undefined) this.scheduleHoverClose();
    return false;
  }

  private scheduleHoverClose(): void {
    if (this.openPopover?.source !== 'pointer') return;
    window.clearTimeout(this.hoverTimer);
    this.hoverTimer = setTimeout(() => {
      if (this.openPopover?.source === 'pointer') this.closePopoverState();
    }, HOVER_CLOSE_MS);
  }

  /** Focus leaving both the note and the popover closes a caret popover. */
  private focusOut(event: FocusEvent): boolean {
    const next = event.relatedTarget;
    const popover = this.renderRoot.querySelector('.popover');
    if (next instanceof Node && popover?.contains(next)) return false;
    if (this.openPopover?.source === 'caret') this.closePopoverState();
    return false;
  }

  // ---- user actions ----------------------------------------------------------------------------

  private selectFromPanel(id: string): void {
    const view = this.editorView;
    if (!view) return;
    this.suppressedId = null;
    view.focus();
    selectFinding(id)(view.state, (tr) => view.dispatch(tr));
    // A read-only note takes no caret focus: open the popover for the panel's choice itself.
    if (this.openPopover?.id !== id) this.openPopover = { id, source: 'panel' };
  }

  // ---- queries: answers, sending, audit, hand-off ---------------------------------------------

  /** The query calls of the analyser in use (rejects when a host's own analyser has none). */
  private async queryService(): Promise<QueryService> {
    const analyzer = await this.currentAnalyzer();
    const { answerEdit, handoff, exportQueries } = analyzer;
    if (!answerEdit || !handoff || !exportQueries) {
      throw new Error('cdi-lint: the analyzer in use offers no query calls (answerEdit, handoff, exportQueries)');
    }
    return {
      answerEdit: answerEdit.bind(analyzer),
      handoff: handoff.bind(analyzer),
      exportQueries: exportQueries.bind(analyzer) as QueryService['exportQueries'],
    };
  }

  /**
   * Answers one item of the query of `shownFinding` with `answerFinding`: every choice made so far
   * in this popover is written at once (one undo step); "Clinically undetermined" / "Not clinically
   * significant" writes nothing and hides the finding. Writes exactly what the option's preview shows.
   */
  private choose(shownFinding: Finding, itemId: string, option: QueryOption, text?: string): void {
    const view = this.editorView;
    if (!view || this.readonly) return;
    const previous = this.session?.id === shownFinding.id ? this.session : null;
    const query = previous?.query ?? this.queries.get(shownFinding.id);
    if (!query) return;
    const choice: ItemAnswer = option.role === 'other' ? { itemId, optionId: option.id, text: text ?? '' } : { itemId, optionId: option.id };
    const choices = [...(previous?.choices ?? []).filter((c) => c.itemId !== itemId), choice];
    const answer: QueryAnswer = { queryId: query.id, choices };
    this.otherItem = null;
    if (!answerFinding(view, shownFinding.id, answer)) return;
    const entry = [...(cdiLintKey.getState(view.state)?.ledger ?? [])].reverse().find((e) => e.findingId === shownFinding.id);
    if (!entry) return;
    const done = query.items.every((item) => choices.some((c) => c.itemId === item.id));
    this.record('answered', entry.finding, query, answer);
    emit(this, 'cdi-answer', { finding: entry.finding, query, answer, edit: entry.edit });
    if (done) {
      this.closePopoverState();
      this.editorView?.focus();
    } else {
      this.session = { id: shownFinding.id, finding: previous?.finding ?? shownFinding, query, choices };
      this.openPopover = { id: shownFinding.id, source: 'answer' };
    }
  }

  /** Where the popover of the answer in progress stays: at the words its last part wrote. */
  private sessionAnchor(state: EditorState): PositionRange | undefined {
    const entry = [...(cdiLintKey.getState(state)?.ledger ?? [])].reverse().find((e) => e.findingId === this.session?.id);
    if (entry?.written) return entry.written;
    const { from } = state.selection;
    return { from, to: from };
  }

  /** Ctrl/Cmd+Z in the popover: undo in the note, and end the answer in progress. */
  private undoFromPopover(): void {
    const view = this.editorView;
    if (!view) return;
    this.closePopoverState();
    view.focus();
    undo(view.state, (tr) => view.dispatch(tr));
  }

  /** What the worker needs for a hand-off: the text, the answers that stand (latest last), the dismissals in force. */
  private handoffRequest(): HandoffRequest {
    const state = this.editorView?.state ?? this.editorState;
    const plugin = cdiLintKey.getState(state);
    const map = textMap(state.doc);
    const dismissals = (plugin?.dismissals ?? []).filter((d) => dismissalInForce(d, state.doc));
    const answered: AnsweredRecord[] = plugin ? standingAnswers(plugin, state.doc).map((e) => ({ finding: e.finding, query: e.query, answer: e.answer })) : [];
    const dismissed: DismissedSpan[] = dismissals.map((d) => ({
      findingId: d.findingId, kind: d.kind, family: d.family, ...map.toSpan(d), text: d.text, reason: d.reason,
    }));
    return { text: map.text, options: { setting: this.setting }, answered, dismissed };
  }

  /** Adds an audit entry (hash of the evidence, never its text) and reports it. */
  private record(event: AuditEvent, finding: Finding, query?: Query, answer?: QueryAnswer, reason?: string): void {
    const entry = auditEntry(event, finding, query, answer, reason);
    this.audit.push(entry);
    emit(this, 'cdi-audit', { entry });
  }

  private sendQuery(finding: Finding): void {
    const query = this.session?.id === finding.id ? this.session.query : this.queries.get(finding.id);
    if (!query) return;
    this.sentIds = new Set([...this.sentIds, finding.id]);
    this.record('sent', finding, query);
    emit(this, 'cdi-query-send', { finding, query });
  }

  private dismiss(finding: Finding, reason: DismissReason): void {
    const view = this.editorView;
    if (!view) return;
    const query = this.queries.get(finding.id);
    if (!dismissFinding(finding.id, reason)(view.state, (tr) => view.dispatch(tr))) return;
    this.closePopoverState();
    view.focus();
    this.record('dismissed', finding, query, undefined, reason);
    emit(this, 'cdi-finding-dismiss', { finding, reason });
  }
}
