/**
 * `<cdi-workspace>`: the CDI specialist's workspace beside a `<cdi-editor>`: every query the note
 * raised with its status (open, sent, answered, dismissed, auto-resolved), its codes (current →
 * candidates), counts by condition, "Dismissed (n)" with Restore, and exports of the queries (text,
 * JSON, FHIR Bundle) and of the audit trail (JSON Lines), to the clipboard or to a file.
 *
 * Low-confidence findings are listed marked "Low confidence" with their reasons and counted apart.
 * The workspace lists what its editor shows: a `<cdi-editor view="cdi">` (or one with
 * `show-low-confidence`) shows them; a clinician-view editor does not.
 */
import { html, LitElement, nothing } from 'lit';
import type { PropertyValues, TemplateResult } from 'lit';
import { property } from 'lit/decorators.js';
import { AnnouncerController } from './announcer.js';
import { workspaceStyles } from './cdi-workspace.styles.js';
import { browserSink, EXPORTS, exportContent, renderExportButtons } from './export-buttons.js';
import type { ExportKind, ExportSink } from './export-buttons.js';
import { renderDismissedList, renderQueryList } from './query-list.js';
import type { DismissedEntry } from './query-list.js';
import { DISMISS_REASON_LABELS } from './events.js';
import { countByCondition, countByStatus, countLowConfidence, QUERY_STATUSES, rowCondition, rowKey, STATUS_LABELS } from './workspace-model.js';
import type { WorkspaceRow } from './workspace-model.js';
import { WorkspaceTracker } from './workspace-tracker.js';
import type { WorkspaceSource } from './workspace-tracker.js';

/** `cdi-workspace-show`: the user asked to see a finding in the note (its words get selected when the editor can). */
export interface WorkspaceShowEventDetail {
  findingId: string;
}

/** `cdi-export`: the user copied or downloaded an export. */
export interface ExportEventDetail {
  kind: ExportKind;
  action: 'copy' | 'save';
  content: string;
}

declare global {
  interface HTMLElementEventMap {
    'cdi-workspace-show': CustomEvent<WorkspaceShowEventDetail>;
    'cdi-export': CustomEvent<ExportEventDetail>;
  }
}

/**
 * The CDI workspace for one editor.
 *
 * @summary Query list with status, codes, counts by condition, dismissed findings, exports.
 *
 * @event {CustomEvent<WorkspaceShowEventDetail>} cdi-workspace-show - A query's title was activated.
 * @event {CustomEvent<ExportEventDetail>} cdi-export - An export was copied or saved.
 *
 * @csspart base - The workspace.
 * @csspart status-counts - Counts by status.
 * @csspart condition-counts - Open queries by condition.
 * @csspart query - A query card (also `query-open`, `query-sent`, …).
 * @csspart status - A query's status badge.
 * @csspart confidence - The "Low confidence: <reasons>" mark of a query whose finding is low-confidence.
 * @csspart low-count - How many open and sent queries are low confidence (shown when any are).
 * @csspart codes - A query's codes.
 * @csspart send-query - A query's "Send query" button.
 * @csspart dismissed - The "Dismissed (n)" list.
 * @csspart restore - A dismissed finding's "Restore" button.
 * @csspart exports - The export buttons; `export-copy`, `export-save` for each button.
 *
 * @cssproperty --cdi-color-border - Borders. Also the other `--cdi-color-…` tokens of `<cdi-editor>`.
 */
export class CdiWorkspace extends LitElement {
  static override styles = workspaceStyles;

  /** Id of the `<cdi-editor>` to follow (in the same document or shadow root), like `<label for>`. */
  @property({ reflect: true }) for = '';

  /** The editor to follow, set directly (wins over `for`). */
  @property({ attribute: false }) editor: WorkspaceSource | null = null;

  /** Candidate codes shown per query before "and n more". */
  @property({ type: Number, attribute: 'code-cap' }) codeCap = 3;

  /** Where copies and downloads go (the clipboard and a file by default; tests and hosts may replace it). */
  @property({ attribute: false }) sink: ExportSink = browserSink;

  private readonly tracker = new WorkspaceTracker(this);
  /** The last export's outcome, shown under the buttons (the live region says it too). */
  private exportMessage = '';
  private readonly announcer = new AnnouncerController(this);

  /** The rows shown now (a copy). */
  get rows(): readonly WorkspaceRow[] {
    return this.tracker.rows;
  }

  /** Forgets the queries listed so far (call it when the editor gets a new note) and lists the current ones. */
  reset(): void {
    this.tracker.reset();
  }

  override connectedCallback(): void {
    super.connectedCallback();
    // An editor declared after the workspace is found once the document has parsed it.
    if (!this.editor && this.for) queueMicrotask(() => this.follow());
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('editor') || changed.has('for')) this.follow();
  }

  private follow(): void {
    const root = this.getRootNode() as Document | ShadowRoot;
    const named = this.for && typeof root.getElementById === 'function' ? root.getElementById(this.for) : null;
    const source = this.editor ?? (named && 'exportQueries' in named ? (named as unknown as WorkspaceSource) : null);
    this.tracker.attach(source);
  }

  protected override render(): TemplateResult {
    const rows = this.tracker.rows;
    const source = this.tracker.current;
    const byStatus = countByStatus(rows);
    const byCondition = countByCondition(rows);
    const lowCount = countLowConfidence(rows);
    const props = {
      rows,
      codeCap: this.codeCap,
      canSend: source !== null,
      onShow: (row: WorkspaceRow) => this.show(row),
      onSend: (row: WorkspaceRow) => this.tracker.markSent(row.finding),
    };
    return html`<section class="workspace" part="base" aria-labelledby="ws-title">
      <h2 id="ws-title" class="title">CDI workspace</h2>
      ${source === null ? html`<p class="empty">Not connected to a note.</p>` : nothing}
      <ul class="status-counts" part="status-counts" aria-label="Queries by status">
        ${QUERY_STATUSES.map((s) => html`<li class="status-count status-count--${s}" data-status=${s}><span class="badge badge--${s}">${STATUS_LABELS[s]}</span> <strong>${byStatus[s]}</strong></li>`)}
      </ul>
      ${lowCount > 0 ? html`<p class="low-count" part="low-count">Of the open and sent queries, <strong>${lowCount}</strong> ${lowCount === 1 ? 'is' : 'are'} low confidence.</p>` : nothing}
      <section class="by-condition" aria-labelledby="conditions-title">
        <h3 id="conditions-title" class="subheading">Open by condition</h3>
        ${byCondition.length === 0
          ? html`<p class="empty">None open.</p>`
          : html`<ul class="condition-counts" part="condition-counts" aria-labelledby="conditions-title">
              ${byCondition.map(([name, n]) => html`<li><span>${name}</span> <strong>${n}</strong></li>`)}
            </ul>`}
      </section>
      ${renderQueryList(props)}
      ${renderDismissedList({ entries: this.dismissed(), canRestore: typeof source?.restoreDismissal === 'function', onRestore: (e) => this.restore(e) })}
      ${renderExportButtons({ enabled: source !== null, message: this.exportMessage, onCopy: (k) => void this.export(k, 'copy'), onSave: (k) => void this.export(k, 'save') })}
      ${this.announcer.region()}
    </section>`;
  }

  private show(row: WorkspaceRow): void {
    this.dispatchEvent(new CustomEvent('cdi-workspace-show', { detail: { findingId: row.finding.id }, bubbles: true, composed: true }));
    this.tracker.current?.showFinding?.(row.finding.id);
  }

  /**
   * The dismissals in force: the editor's own list when it reports one (Restore works), else the
   * rows dismissed through its events (Restore disabled).
   */
  private dismissed(): DismissedEntry[] {
    const source = this.tracker.current;
    const rows = this.tracker.rows;
    if (source?.dismissals) {
      return source.dismissals.map((d) => {
        const row = rows.find((r) => r.key === rowKey(d));
        return {
          key: d.key,
          condition: row ? rowCondition(row) : rowCondition({ finding: d }),
          text: d.text,
          reason: DISMISS_REASON_LABELS[d.reason] ?? String(d.reason),
        };
      });
    }
    return rows.filter((r) => r.status === 'dismissed').map((r) => ({ key: r.key, condition: rowCondition(r), text: r.finding.text, reason: r.detail }));
  }

  private restore(entry: DismissedEntry): void {
    const done = this.tracker.current?.restoreDismissal?.(entry.key) ?? false;
    this.announcer.announce(done ? `Restored ${entry.condition}: ${entry.text}.` : `Could not restore ${entry.condition}: ${entry.text}.`);
  }

  /** Copies or saves one export, and says what happened. */
  private async export(kind: ExportKind, action: 'copy' | 'save'): Promise<void> {
    const source = this.tracker.current;
    if (!source) return;
    const what = EXPORTS[kind].what;
    try {
      const content = await exportContent(source, kind);
      await (action === 'copy' ? this.sink.copy(content, kind) : this.sink.save(content, kind));
      this.dispatchEvent(new CustomEvent('cdi-export', { detail: { kind, action, content }, bubbles: true, composed: true }));
      this.say(action === 'copy' ? `Copied ${what}.` : `Saved ${what} as ${EXPORTS[kind].file}.`);
    } catch {
      this.say(action === 'copy' ? `Could not copy ${what}; try Download.` : `Could not export ${what} right now.`);
    }
  }

  private say(message: string): void {
    this.exportMessage = message;
    this.announcer.announce(message);
  }
}
