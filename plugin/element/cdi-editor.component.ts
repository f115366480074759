/**
 * `<cdi-editor>`: a plain-text clinical note editor (ProseMirror in the shadow root) that
 * underlines documentation findings as the note is typed, lists them beside the text, and offers
 * the answers that would resolve them.
 *
 * The element composes controllers, each with one job: {@link NoteEditorController} (the
 * ProseMirror editor), {@link AnalysisController} (the analyser, findings and status),
 * {@link AnswerLedgerController} (answers and dismissals that stand, the hand-off request),
 * {@link PopoverController} (when the popover opens and what it shows) and {@link AuditTrail}.
 * The answer itself is `answerFinding` (plugin/prosemirror/answer.ts), shared with plain
 * ProseMirror and Tiptap hosts.
 */
import { html, LitElement, nothing } from 'lit';
import type { PropertyValues, TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import type { Command, EditorState, Transaction } from 'prosemirror-state';
import type { EditorView } from 'prosemirror-view';
import { undo } from 'prosemirror-history';
import type { Finding, Setting } from '../../src/index.js';
import type { HandoffSummary, ItemAnswer, Query, QueryAnswer, QueryOption } from '../../src/queries/types.js';
import type { QueryExportFormat, QueryExports } from '../queries/types.js';
import {
  answerFinding, cdiLint, cdiLintKey, dismissFinding, findFinding, getFindings, nextFinding, previewAnswer, previousFinding, reanalyze, selectFinding,
} from '../prosemirror/index.js';
import type { AnalysisProvider, AnalyzerStatus, AnswerPreview } from '../prosemirror/index.js';
import { docToText, textMap } from '../positions.js';
import type { PositionRange } from '../positions.js';
import { AnalysisController } from './analysis-controller.js';
import type { AnalysisMode } from './analysis-controller.js';
import { AnswerLedgerController } from './answer-ledger-controller.js';
import { AuditTrail } from './audit.js';
import { editorStyles } from './cdi-editor.styles.js';
import { renderDismissedList } from './dismissed-list.js';
import type { DismissedFinding } from './dismissed-list.js';
import { emit } from './event.js';
import type { DismissReason } from './events.js';
import { renderFindingPopover } from './finding-popover.js';
import { PopoverPositioner } from './popover-position.js';
import type { AnchorRect } from './popover-position.js';
import { AnnouncerController } from './announcer.js';
import { answerAnnouncement, landingAnnouncement, writtenPhrase } from '../../src/queries/present.js';
import { renderFindingsPanel } from './findings-panel.js';
import { NoteEditorController } from './note-editor-controller.js';
import { PopoverController } from './popover-controller.js';
import type { OpenPopover } from './popover-controller.js';

export type { AnalysisMode } from './analysis-controller.js';
export type { DismissedFinding } from './dismissed-list.js';
/** `clinician`: findings and answers, no codes. `cdi`: also codes and counts by condition. */
export type EditorViewMode = 'clinician' | 'cdi';

/** Quiet time after the last keystroke before the note is analysed again, in ms. */
const DEBOUNCE_MS = 120;
/** How long a count change stays quiet after an answer or a landing was announced, in ms. */
const SPOKEN_MS = 3000;

/**
 * A clinical note editor that flags missing documentation specificity as the note is typed.
 *
 * @summary Plain-text note editor with CDI findings, a findings panel and answer popovers.
 *
 * @event {CustomEvent<ChangeEventDetail>} cdi-change - The user changed the text (not fired when `value` is set).
 * @event {CustomEvent<FindingsEventDetail>} cdi-findings - The shown findings changed (low-confidence ones only in the `cdi` view or with `show-low-confidence`).
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
 * @csspart answer-preview - What an option will write, shown in it before it is chosen.
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
 * @csspart confidence - The "Low confidence: <reasons>" mark of a low-confidence finding (panel and popover).
 * @csspart codes - Current and candidate codes (`cdi` view).
 * @csspart dismissed - The "Dismissed (n)" list, each dismissal with a Restore button.
 * @csspart restore - A Restore button of the dismissed list.
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
 * Ctrl/Cmd+Alt+ArrowUp to the previous one. The popover of a finding opens on a click in its words, on
 * those shortcuts, when the arrow keys move the caret into it, or when the pointer rests on it;
 * typing never opens it. Tab reaches the popover's buttons, Escape closes it.
 */
export class CdiEditor extends LitElement {
  static override styles = editorStyles;

  /** Care setting used for the analysis. */
  @property({ reflect: true }) setting: Setting = 'inpatient';

  /**
   * Who is reading: `clinician` (no codes; high-confidence findings only, unless
   * `show-low-confidence`) or `cdi` (codes and counts; low-confidence findings too, marked).
   */
  @property({ reflect: true }) view: EditorViewMode = 'clinician';

  /**
   * When set, low-confidence findings (`confidence: 'low'`) are shown in the `clinician` view
   * too, each marked "Low confidence" with its reasons. Default false: the clinician view
   * underlines, lists and counts only high-confidence findings (a finding without a confidence
   * counts as high). The `cdi` view always shows them.
   */
  @property({ type: Boolean, reflect: true, attribute: 'show-low-confidence' }) showLowConfidence = false;

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

  @state() private activeId: string | null = null;
  @state() private sentIds: ReadonlySet<string> = new Set();
  @state() private dismissHint = false;

  private readonly analysisCtl = new AnalysisController(this, (findings) => this.findingsChanged(findings));
  private readonly editor = new NoteEditorController(this, {
    plugins: () => [
      cdiLint({
        analyzer: this.analysisCtl.provider,
        setting: () => this.setting,
        debounceMs: DEBOUNCE_MS,
        onFindings: () => this.analysisCtl.findingsChanged(this.editor.view?.state ?? this.editor.state),
        onStatus: (status, error) => this.analysisCtl.statusChanged(status, error),
      }),
    ],
    keys: () => ({
      'Alt-F8': () => this.nextFinding(),
      'Shift-Alt-F8': () => this.previousFinding(),
      'Mod-Alt-ArrowDown': () => this.nextFinding(),
      'Mod-Alt-ArrowUp': () => this.previousFinding(),
      Escape: () => this.closePopover(false),
    }),
    editable: () => !this.readonly,
    attributes: (state) => this.editorAttributes(state),
    transaction: (tr, view) => this.transaction(tr, view),
    handleDOMEvents: {
      mouseover: (_view, event) => this.pointerOver(event),
      mouseout: (_view, event) => this.pointerOut(event),
      focusout: (_view, event) => this.focusOut(event),
      // A click in a finding's words opens its popover, also when the caret was already there.
      click: (_view, event) => this.clickWord(event),
    },
  });
  private readonly ledger = new AnswerLedgerController(this, () => this.editor.state);
  private readonly popoverCtl = new PopoverController(this, (id) => {
    const finding = this.analysisCtl.findings.find((f) => f.id === id);
    return finding ? { finding, query: findFinding(this.editor.state, id)?.query } : undefined;
  });
  private readonly audit = new AuditTrail(this);
  /** Places the open popover (Floating UI; a bottom sheet on narrow screens). */
  private readonly positioner = new PopoverPositioner(this);
  /** The one polite live region: counts, the finding landed on, what an answer wrote. */
  private readonly announcer = new AnnouncerController(this);
  /** What was last announced from the analysis (its count) and the popover last landed on. */
  private announced = { count: '', popover: null as string | null, spokeAt: -Infinity };

  /** True once the first update has run. */
  private rendered = false;

  constructor() {
    super();
    // An answer is announced by what it wrote, whatever path answered.
    this.addEventListener('cdi-answer', (event) => {
      const { finding, query, answer, edit } = event.detail;
      const last = answer.choices.at(-1);
      const label = query.items.find((i) => i.id === last?.itemId)?.options.find((o) => o.id === last?.optionId)?.label;
      this.say(answerAnnouncement(edit && edit.insert !== '' ? writtenPhrase(this.value, finding, edit) : null, label));
    });
  }

  /** The note as plain text. Setting it replaces the note (and its undo history) without firing `cdi-change`. */
  @property()
  get value(): string {
    return this.editor.text;
  }
  set value(text: string) {
    const next = String(text ?? '');
    const old = this.value;
    if (next === old) return;
    this.editor.replace(next);
    this.analysisCtl.reset(this.editor.state);
    this.popoverCtl.reset();
    this.requestUpdate('value', old);
  }

  /**
   * The findings shown now, in text order; spans index into {@link getText}. Dismissed ones are
   * excluded, and so are low-confidence ones unless the view is `cdi` or `showLowConfidence` is
   * set (each finding carries its `confidence` and `confidenceReasons`).
   */
  get findings(): readonly Finding[] {
    return this.analysisCtl.publicFindings(this.editor.view?.state ?? this.editor.state);
  }

  /** The note as plain text (same as `value`). */
  getText(): string {
    return this.value;
  }

  /** Health of the analysis: `loading` until the first result, then `ready`, or `error` / `retrying` after a failure. */
  get analyzerStatus(): AnalyzerStatus {
    return this.analysisCtl.status;
  }

  /** Puts the caret in the note. */
  override focus(options?: FocusOptions): void {
    if (this.editor.view) this.editor.view.focus();
    else void this.updateComplete.then(() => this.editor.view?.focus());
    void options;
  }

  /** Selects the next finding after the caret (wrapping) and opens its popover; returns false when there is none. */
  nextFinding(): boolean {
    return this.moveToFinding(nextFinding);
  }

  /** Selects the previous finding before the caret (wrapping) and opens its popover; returns false when there is none. */
  previousFinding(): boolean {
    return this.moveToFinding(previousFinding);
  }

  /** The compliant query of a visible finding (by its id in {@link findings}), when the analyser drafted one. */
  queryFor(findingId: string): Query | undefined {
    return findFinding(this.editor.state, findingId)?.query;
  }

  /**
   * The findings the clinician dismissed and that are still in force (their words unchanged),
   * oldest first, each with its reason and the `key` that {@link restoreDismissal} takes.
   */
  get dismissals(): readonly DismissedFinding[] {
    const map = textMap(this.editor.state.doc);
    return this.ledger.userDismissals.map((d) => ({
      key: d.key ?? '', findingId: d.findingId, kind: d.kind, family: d.family, text: d.text, reason: d.reason, ...map.toSpan(d),
    }));
  }

  /** Selects a shown finding's words in the note and opens its popover (as a click in the panel does); false when it is not shown. */
  showFinding(findingId: string): boolean {
    if (!this.analysisCtl.findings.some((f) => f.id === findingId)) return false;
    this.selectFromPanel(findingId);
    return true;
  }

  /** Records that the query of a shown finding was sent (audit entry and `cdi-query-send`), as "Send query" does; false when it has none. */
  markQuerySent(findingId: string): boolean {
    const finding = this.analysisCtl.findings.find((f) => f.id === findingId);
    const query = finding ? this.analysisCtl.queries.get(findingId) : undefined;
    if (!finding || !query) return false;
    this.sendQuery(finding, query);
    return true;
  }

  /** Restores a dismissed finding (by the `key` of {@link dismissals}); one undo step. Returns false when it is gone. */
  restoreDismissal(key: string): boolean {
    const view = this.editor.view;
    if (!view || !this.ledger.restore(view, key)) return false;
    view.focus();
    return true;
  }

  /**
   * The hand-off summary of the current text: open queries, dismissed findings with reasons,
   * answered queries, and the code each finding supports now. Derived from the current text and
   * the answers and dismissals that stand (undo and redo included); computed where the analysis runs.
   */
  async handoff(): Promise<HandoffSummary> {
    const service = await this.analysisCtl.queryService();
    return service.handoff(this.ledger.handoffRequest(this.setting));
  }

  /**
   * The open queries (neither answered nor dismissed): `text`, a plain-text inbox message per
   * query; `json`, the queries; `fhir`, a FHIR R4 Bundle of Questionnaires.
   */
  async exportQueries<F extends QueryExportFormat>(format: F): Promise<QueryExports[F]> {
    if (format !== 'text' && format !== 'json' && format !== 'fhir') {
      throw new TypeError(`cdi-lint: exportQueries(format) takes 'text', 'json' or 'fhir', not ${JSON.stringify(format)}`);
    }
    const service = await this.analysisCtl.queryService();
    return service.exportQueries({ ...this.ledger.handoffRequest(this.setting), format });
  }

  /** The audit trail as JSON Lines: one entry per query shown, sent, answered, or finding dismissed. */
  auditTrail(): string {
    return this.audit.jsonLines();
  }

  protected override firstUpdated(): void {
    this.editor.mount();
  }

  protected override updated(changed: PropertyValues<this>): void {
    if (changed.has('readonly') || changed.has('placeholder') || changed.has('label')) {
      this.editor.view?.setProps({});
    }
    // Changes after the first render (the first one only sets things up).
    const swapped = (key: 'analysis' | 'analyzer' | 'workerUrl'): boolean => changed.has(key) && this.rendered;
    if (swapped('analysis') || swapped('analyzer') || swapped('workerUrl')) {
      this.analysisCtl.release();
      this.editor.run(reanalyze);
    } else if ((changed.has('setting') || changed.has('view') || changed.has('showLowConfidence')) && this.rendered) {
      // The view and showLowConfidence decide which findings are shown (see AnalysisController.shows).
      this.editor.run(reanalyze);
    }
    this.rendered = true;
    this.announceChanges();
  }

  /**
   * Everything a screen reader hears goes through the one region: the analysis's count, landing
   * on a finding (its popover opened, not by an answer in progress): "CHF: needs acuity and type.
   * Tab to answer." (an answer is announced by what it wrote, see the constructor).
   */
  /** Says something the user did or landed on (a count change does not interrupt it for a while). */
  private say(text: string): void {
    this.announced.spokeAt = performance.now();
    this.announcer.announce(text);
  }

  private announceChanges(): void {
    const count = this.analysisCtl.announcement;
    if (count !== this.announced.count) {
      this.announced.count = count;
      // A count that follows an answer or a landing by less than a few seconds would cut it off.
      if (performance.now() - this.announced.spokeAt > SPOKEN_MS) this.announcer.announce(count);
    }
    const open = this.popoverCtl.open;
    const id = open && open.source !== 'answer' ? open.id : open ? this.announced.popover : null;
    if (id !== this.announced.popover) {
      this.announced.popover = id;
      if (open && id !== null) this.say(landingAnnouncement(open.finding.text, open.query));
    }
  }

  protected override render(): TemplateResult {
    const open = this.popoverCtl.open;
    return html`<div class="base" part="base">
      <div class="note">
        <div class="editor" part="editor"></div>
        ${open ? this.renderPopover(open) : nothing}
        <p class="status" part="status">${this.statusText()}</p>
        <p id="shortcuts" class="visually-hidden">
          Alt+F8 moves to the next finding, Shift+Alt+F8 to the previous one. Tab reaches the finding's answers; Escape closes them.
        </p>
      </div>
      <div class="side">
        ${renderFindingsPanel({
          findings: this.analysisCtl.findings,
          queries: this.analysisCtl.queries,
          view: this.view,
          activeId: this.activeId,
          analysed: this.analysisCtl.analysed,
          onSelect: (id) => this.selectFromPanel(id),
        })}
        ${renderDismissedList({
          dismissals: this.dismissals,
          readonly: this.readonly,
          onRestore: (key) => this.restoreDismissal(key),
        })}
      </div>
      ${this.announcer.region()}
    </div>`;
  }

  private renderPopover(open: OpenPopover): TemplateResult | typeof nothing {
    const anchor = this.popoverAnchor(open.id);
    if (!anchor) return nothing;
    const session = this.popoverCtl.session?.id === open.id ? this.popoverCtl.session : null;
    const query = session?.query ?? open.query;
    const other = this.popoverCtl.other;
    return renderFindingPopover({
      finding: open.finding,
      query,
      chosen: session?.choices ?? [],
      otherItem: other?.itemId ?? null,
      preview: (itemId, option, text) => this.preview(open, itemId, option, text),
      otherText: other?.text ?? '',
      sent: this.sentIds.has(open.id),
      view: this.view,
      anchor,
      positioner: this.positioner,
      context: this.editor.view?.dom,
      readonly: this.readonly,
      dismissHint: this.dismissHint,
      onChoose: (itemId, option, text) => this.choose(open, itemId, option, text),
      onOther: (itemId) => this.popoverCtl.otherText(itemId, ''),
      onOtherInput: (itemId, text) => this.popoverCtl.otherText(itemId, text),
      onSend: () => this.sendQuery(open.finding, query),
      onDismiss: (reason) => this.dismiss(open.finding, reason),
      onClose: () => this.closePopover(true),
      onUndo: () => this.undoFromPopover(),
      onPointerEnter: () => this.popoverCtl.pointerEnterPopover(),
      onPointerLeave: () => this.popoverCtl.pointerLeavePopover(),
    });
  }

  private statusText(): string {
    const { status, analysed } = this.analysisCtl;
    if (status === 'error' || status === 'retrying') return 'Suggestions are unavailable right now; the editor still works.';
    if (status === 'loading' && !analysed) return 'Loading suggestions…';
    return '';
  }

  // ---- the editor --------------------------------------------------------------------------------

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

  private transaction(tr: Transaction, view: EditorView): void {
    const state = view.state;
    this.ledger.stateChanged(state);
    // An answer in progress ends when anything but its own next part changed the note (typing,
    // undo): its choices so far no longer describe the note.
    const session = this.popoverCtl.session;
    if (session && tr.docChanged && cdiLintKey.getState(state)?.lastAnswer !== session.id) this.popoverCtl.reset();
    if (tr.docChanged && tr.doc !== tr.before) {
      let text: string | undefined;
      // The text is read on demand: a listener that ignores it costs nothing per keystroke.
      emit(this, 'cdi-change', {
        get value() {
          return (text ??= docToText(state.doc));
        },
      });
    }
    // Only a caret moved without typing opens a popover (a click, the arrow keys, Alt+F8).
    if (tr.selectionSet || tr.docChanged) this.followCaret(tr.selectionSet && !tr.docChanged);
  }

  /** Alt+F8 and friends: select the finding and open its popover (asked for, so even one closed with Escape). */
  private moveToFinding(command: Command): boolean {
    if (!this.editor.run(command)) return false;
    this.followCaret(false);
    if (this.activeId !== null) this.popoverCtl.show(this.activeId, 'caret');
    return true;
  }

  /** The finding under the caret becomes the active one; `moved` (no typing) may open its popover. */
  private followCaret(moved: boolean): void {
    const view = this.editor.view;
    if (!view) return;
    const { from, to } = view.state.selection;
    const placed = getFindings(view.state).find((f) => f.from <= from && to <= f.to);
    this.activeId = placed?.id ?? null;
    this.popoverCtl.caret(this.activeId, moved, view.hasFocus());
  }

  private findingsChanged(findings: readonly Finding[]): void {
    this.popoverCtl.findingsChanged((id) => findings.some((f) => f.id === id));
    for (const finding of findings) {
      const query = this.analysisCtl.queries.get(finding.id);
      if (query) this.audit.shown(finding, query);
    }
    // The active finding may have appeared under the caret: highlighted, but no popover (typing never opens one).
    this.followCaret(false);
  }

  // ---- popover -------------------------------------------------------------------------------

  /** The words of finding `id` on screen, read afresh on each call (the note changes); undefined when it is not placed. */
  private popoverAnchor(id: string): AnchorRect | undefined {
    const locate = (): PositionRange | undefined => {
      const view = this.editor.view;
      return view
        ? getFindings(view.state).find((f) => f.id === id) ?? (this.popoverCtl.session?.id === id ? this.sessionAnchor(view.state) : undefined)
        : undefined;
    };
    if (!locate()) return undefined;
    return () => {
      const view = this.editor.view;
      const placed = locate();
      if (!view || !placed) return null;
      try {
        const start = view.coordsAtPos(placed.from, 1);
        return new DOMRect(start.left, start.top, Math.max(1, start.right - start.left), start.bottom - start.top);
      } catch {
        return null;
      }
    };
  }

  /** Where the popover of an answer in progress stays: at the words its last part wrote. */
  private sessionAnchor(state: EditorState): PositionRange {
    const entry = this.ledger.latest(this.popoverCtl.session?.id ?? '');
    if (entry?.written) return entry.written;
    const { from } = state.selection;
    return { from, to: from };
  }

  /** Closes the popover; `refocus` returns the caret to the note. Returns whether one was open. */
  private closePopover(refocus: boolean): boolean {
    if (!this.popoverCtl.close()) return false;
    this.dismissHint = false;
    if (refocus) this.editor.view?.focus();
    return true;
  }

  private pointerOver(event: MouseEvent): boolean {
    const id = findingIdAt(event.target);
    if (id !== undefined) this.popoverCtl.pointerOverWord(id);
    return false;
  }

  private pointerOut(event: MouseEvent): boolean {
    if (findingIdAt(event.target) !== undefined && findingIdAt(event.relatedTarget) === undefined) this.popoverCtl.pointerOutOfWord();
    return false;
  }

  private clickWord(event: MouseEvent): boolean {
    const id = findingIdAt(event.target);
    if (id !== undefined && this.editor.view?.hasFocus() && this.popoverCtl.open?.id !== id) this.popoverCtl.show(id, 'caret');
    return false;
  }

  /** Focus leaving both the note and the popover closes a caret popover. */
  private focusOut(event: FocusEvent): boolean {
    const next = event.relatedTarget;
    const popover = this.renderRoot.querySelector('.popover');
    if (next instanceof Node && popover?.contains(next)) return false;
    if (this.popoverCtl.open?.source === 'caret') this.popoverCtl.reset();
    return false;
  }

  private selectFromPanel(id: string): void {
    const view = this.editor.view;
    if (!view) return;
    view.focus();
    selectFinding(id)(view.state, (tr) => view.dispatch(tr));
    // Also for a read-only note, which takes no caret focus.
    this.popoverCtl.show(id, this.popoverCtl.open?.id === id ? this.popoverCtl.open.source : 'panel');
  }

  // ---- answers, dismissals, sending ------------------------------------------------------------

  /** The answer a click on `option` would give: the choices so far in this popover plus this one. */
  private answerWith(open: OpenPopover, query: Query, itemId: string, option: QueryOption, text?: string): QueryAnswer {
    const previous = this.popoverCtl.session?.id === open.id ? this.popoverCtl.session.choices : [];
    const choice: ItemAnswer = option.role === 'other' ? { itemId, optionId: option.id, text: text ?? '' } : { itemId, optionId: option.id };
    return { queryId: query.id, choices: [...previous.filter((c) => c.itemId !== itemId), choice] };
  }

  /** What choosing `option` would write, for its preview (null: it cannot be written now). */
  private preview(open: OpenPopover, itemId: string, option: QueryOption, text?: string): AnswerPreview | null {
    const view = this.editor.view;
    const query = this.popoverCtl.session?.query ?? open.query;
    if (!view || !query) return null;
    if (option.role === 'other' && (text ?? '').trim() === '') return null;
    return previewAnswer(view.state, open.id, this.answerWith(open, query, itemId, option, text));
  }

  /**
   * Answers one item of the open popover's query with `answerFinding`: every choice made so far in
   * this popover is written at once (one undo step), exactly as the option's preview shows;
   * "Clinically undetermined" / "Not clinically significant" writes nothing and hides the finding.
   */
  private choose(open: OpenPopover, itemId: string, option: QueryOption, text?: string): void {
    const view = this.editor.view;
    const query = this.popoverCtl.session?.query ?? open.query;
    if (!view || !query || this.readonly) return;
    const answer = this.answerWith(open, query, itemId, option, text);
    if (!answerFinding(view, open.id, answer)) return;
    const entry = this.ledger.latest(open.id);
    if (!entry) return;
    this.audit.record('answered', entry.finding, query, answer);
    emit(this, 'cdi-answer', { finding: entry.finding, query, answer, edit: entry.edit });
    if (query.items.every((item) => answer.choices.some((c) => c.itemId === item.id))) {
      this.popoverCtl.reset();
      view.focus();
    } else {
      this.popoverCtl.continueAnswer({ id: open.id, query, choices: answer.choices }, open);
    }
  }

  /** Ctrl/Cmd+Z in the popover: undo in the note, and end the answer in progress. */
  private undoFromPopover(): void {
    const view = this.editor.view;
    if (!view) return;
    this.popoverCtl.reset();
    view.focus();
    undo(view.state, (tr) => view.dispatch(tr));
  }

  private sendQuery(finding: Finding, query: Query | undefined): void {
    if (!query) return;
    this.sentIds = new Set([...this.sentIds, finding.id]);
    this.audit.record('sent', finding, query);
    emit(this, 'cdi-query-send', { finding, query });
  }

  /** Dismisses with the reason the clinician chose (none is preselected: without one, it asks for it). */
  private dismiss(finding: Finding, reason: DismissReason | ''): void {
    const view = this.editor.view;
    if (!view) return;
    if (reason === '') {
      this.dismissHint = true;
      this.announcer.announce('Choose a reason before dismissing.');
      return;
    }
    const query = this.analysisCtl.queries.get(finding.id);
    if (!dismissFinding(finding.id, reason)(view.state, (tr) => view.dispatch(tr))) return;
    this.dismissHint = false;
    this.popoverCtl.reset();
    view.focus();
    this.audit.record('dismissed', finding, query, undefined, reason);
    emit(this, 'cdi-finding-dismiss', { finding, reason });
  }
}

/** The finding id of the underline an event target is in, if any. */
function findingIdAt(target: EventTarget | null): string | undefined {
  if (!(target instanceof Element)) return undefined;
  return target.closest<HTMLElement>('.ProseMirror [data-finding-id]')?.dataset.findingId;
}
