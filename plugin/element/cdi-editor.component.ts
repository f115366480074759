/**
 * `<cdi-editor>`: a plain-text clinical note editor (ProseMirror in the shadow root) that
 * underlines documentation findings as the note is typed, lists them beside the text, and offers
 * the answers that would resolve them. This module is the element's API, the composition of its
 * parts (one job each: the controllers imported below, the {@link AuditTrail}, the templates of
 * cdi-editor.template.ts) and its lifecycle. The answer itself is `answerFinding`
 * (plugin/prosemirror/answer.ts), shared with plain ProseMirror and Tiptap hosts.
 */
import { LitElement } from 'lit';
import type { PropertyValues, TemplateResult } from 'lit';
import { property } from 'lit/decorators.js';
import type { Finding, Setting } from '../../src/index.js';
import type { HandoffSummary, Query } from '../../src/queries/types.js';
import type { HandoffRequest, QueryExportFormat, QueryExports } from '../queries/types.js';
import { findFinding, nextFinding, previousFinding, reanalyze } from '../prosemirror/index.js';
import type { AnalysisProvider, AnalyzerStatus } from '../prosemirror/index.js';
import { AnalysisController } from './analysis-controller.js';
import type { AnalysisMode } from './analysis-controller.js';
import { AnnouncerController } from './announcer.js';
import { AnswerLedgerController } from './answer-ledger-controller.js';
import { AuditTrail } from './audit.js';
import { editorStyles } from './cdi-editor.styles.js';
import { renderEditor, renderOpenPopover } from './cdi-editor.template.js';
import { dismissedFindings } from './dismissed-list.js';
import type { DismissedFinding } from './dismissed-list.js';
import { EditorAnnouncements } from './editor-announcements.js';
import { FindingActionsController } from './finding-actions.js';
import { NoteEditorController } from './note-editor-controller.js';
import { NoteEventsController } from './note-events.js';
import { PopoverController } from './popover-controller.js';
import { PopoverPositioner } from './popover-position.js';

export type { AnalysisMode } from './analysis-controller.js';
export type { DismissedFinding } from './dismissed-list.js';
/** `clinician`: findings and answers, no codes. `cdi`: also codes and counts by condition. */
export type EditorViewMode = 'clinician' | 'cdi';

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

  private readonly analysisCtl = new AnalysisController(this, (findings) => this.findingsChanged(findings));
  /** The note's keys, pointer and transactions (its hooks are the editor's, so it comes first). */
  private readonly noteEvents: NoteEventsController = new NoteEventsController(this, () => ({
    editor: this.editor, popover: this.popoverCtl, ledger: this.ledger, actions: this.actions,
  }));
  private readonly editor: NoteEditorController = new NoteEditorController(this, {
    plugins: () => [this.analysisCtl.plugin(() => this.editor.view?.state ?? this.editor.state)],
    ...this.noteEvents.hooks(),
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
  private readonly actions = new FindingActionsController(this, {
    editor: this.editor, analysis: this.analysisCtl, ledger: this.ledger, popover: this.popoverCtl, audit: this.audit, announcer: this.announcer,
  });
  private readonly announcements = new EditorAnnouncements(this, { announcer: this.announcer, analysis: this.analysisCtl, popover: this.popoverCtl });

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
    return this.noteEvents.moveTo(nextFinding);
  }

  /** Selects the previous finding before the caret (wrapping) and opens its popover; returns false when there is none. */
  previousFinding(): boolean {
    return this.noteEvents.moveTo(previousFinding);
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
    return dismissedFindings(this.ledger.userDismissals, this.editor.state.doc);
  }

  /** Selects a shown finding's words in the note and opens its popover (as a click in the panel does); false when it is not shown. */
  showFinding(findingId: string): boolean {
    if (!this.analysisCtl.findings.some((f) => f.id === findingId)) return false;
    this.noteEvents.select(findingId);
    return true;
  }

  /** Records that the query of a shown finding was sent (audit entry and `cdi-query-send`), as "Send query" does; false when it has none. */
  markQuerySent(findingId: string): boolean {
    const finding = this.analysisCtl.findings.find((f) => f.id === findingId);
    const query = finding ? this.analysisCtl.queries.get(findingId) : undefined;
    if (!finding || !query) return false;
    this.actions.send(finding, query);
    return true;
  }

  /** Restores a dismissed finding (by the `key` of {@link dismissals}); one undo step. Returns false when it is gone. */
  restoreDismissal(key: string): boolean {
    return this.actions.restore(key);
  }

  /**
   * The hand-off summary of the current text: open queries, dismissed findings with reasons,
   * answered queries, and the code each finding supports now. Derived from the current text and
   * the answers and dismissals that stand (undo and redo included); computed where the analysis runs.
   * Open low-confidence findings are listed (and named in `lowConfidence`) when the element shows
   * them: in the `cdi` view or with `show-low-confidence`.
   */
  async handoff(): Promise<HandoffSummary> {
    const service = await this.analysisCtl.queryService();
    return service.handoff(this.handoffRequest());
  }

  /** The hand-off request of the current text, listing low-confidence findings when they are shown. */
  private handoffRequest(): HandoffRequest {
    return { ...this.ledger.handoffRequest(this.setting), includeLowConfidence: this.view === 'cdi' || this.showLowConfidence };
  }

  /**
   * The open queries (neither answered nor dismissed): `text`, a plain-text inbox message per
   * query; `json`, the queries; `fhir`, a FHIR R4 Bundle of Questionnaires. Low-confidence
   * findings are included as in {@link handoff}.
   */
  async exportQueries<F extends QueryExportFormat>(format: F): Promise<QueryExports[F]> {
    if (format !== 'text' && format !== 'json' && format !== 'fhir') {
      throw new TypeError(`cdi-lint: exportQueries(format) takes 'text', 'json' or 'fhir', not ${JSON.stringify(format)}`);
    }
    const service = await this.analysisCtl.queryService();
    return service.exportQueries({ ...this.handoffRequest(), format });
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
    this.analysisCtl.hostPropertiesChanged(changed, () => this.editor.run(reanalyze));
    this.announcements.updated();
  }

  protected override render(): TemplateResult {
    return renderEditor({
      popover: renderOpenPopover({
        popover: this.popoverCtl, anchor: (id) => this.noteEvents.anchor(id), actions: this.actions, positioner: this.positioner,
        context: this.editor.view?.dom, view: this.view, readonly: this.readonly,
      }),
      analysis: this.analysisCtl, view: this.view, readonly: this.readonly, activeId: this.noteEvents.activeId,
      dismissals: this.dismissals, onSelect: (id) => this.noteEvents.select(id), onRestore: (key) => this.restoreDismissal(key),
      region: this.announcer.region(),
    });
  }

  /** New findings: a popover whose finding is gone closes, their queries count as shown, the caret may be in one. */
  private findingsChanged(findings: readonly Finding[]): void {
    this.popoverCtl.findingsChanged((id) => findings.some((f) => f.id === id));
    for (const finding of findings) {
      const query = this.analysisCtl.queries.get(finding.id);
      if (query) this.audit.shown(finding, query);
    }
    // The active finding may have appeared under the caret: highlighted, but no popover (typing never opens one).
    this.noteEvents.followCaret(false);
  }
}
