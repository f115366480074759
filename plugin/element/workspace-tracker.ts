/**
 * `WorkspaceTracker`: a ReactiveController that follows one editor through its events
 * (`cdi-findings`, `cdi-answer`, `cdi-finding-dismiss`, `cdi-query-send`; a restored dismissal
 * shows its finding again, which `cdi-findings` reports)
 * and keeps the workspace's rows (see workspace-model.ts). It reads the editor only through
 * {@link WorkspaceSource}, so any host element with those members (a `<cdi-editor>`, a test
 * double) can feed a workspace. It fails soft: with no source there are no rows.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { Finding } from '../../src/types.js';
import type { Query } from '../../src/queries/types.js';
import type { QueryExportFormat, QueryExports } from '../queries/types.js';
import type { AnswerEventDetail, FindingDismissEventDetail, QuerySendEventDetail } from './events.js';
import { DISMISS_REASON_LABELS } from './events.js';
import type { DismissedFinding } from './dismissed-list.js';
import { withFindings, withStatus, type WorkspaceRow } from './workspace-model.js';

/** What a workspace needs from an editor (a `<cdi-editor>` has all of it). */
export interface WorkspaceSource extends EventTarget {
  /** The findings shown now. */
  readonly findings: readonly Finding[];
  queryFor(findingId: string): Query | undefined;
  exportQueries<F extends QueryExportFormat>(format: F): Promise<QueryExports[F]>;
  auditTrail(): string;
  /** The dismissals in force, when the editor reports them (a `<cdi-editor>` does). */
  readonly dismissals?: readonly DismissedFinding[];
  /** Shows a dismissed finding again (by its dismissal's key); false when it could not. */
  restoreDismissal?(key: string): boolean;
  /** Records that a query was sent (audit and `cdi-query-send`); false when it could not. */
  markQuerySent?(findingId: string): boolean;
  /** Selects a finding's words in the note and opens its popover; false when it is not shown. */
  showFinding?(findingId: string): boolean;
}

const EVENTS = ['cdi-findings', 'cdi-answer', 'cdi-finding-dismiss', 'cdi-query-send'] as const;

/** The labels of an answer's choices ("Acute on chronic; Systolic"; "Other" as its text). */
function answerDetail(detail: AnswerEventDetail): string {
  return detail.answer.choices.map((c) => {
    const option = detail.query.items.find((i) => i.id === c.itemId)?.options.find((o) => o.id === c.optionId);
    return option?.role === 'other' ? (c.text ?? '').trim() || option.label : option?.label ?? c.optionId;
  }).join('; ');
}

export class WorkspaceTracker implements ReactiveController {
  /** The rows, newest state; replaced (never mutated) on each change. */
  rows: readonly WorkspaceRow[] = [];
  private source: WorkspaceSource | null = null;
  private connected = false;

  constructor(private readonly host: ReactiveControllerHost) {
    host.addController(this);
  }

  /** Follows `source` (or nothing); the rows restart from its current findings. */
  attach(source: WorkspaceSource | null): void {
    if (source === this.source) return;
    this.detach();
    this.source = source;
    this.rows = [];
    if (this.connected) this.listen();
  }

  /** Forgets every row (a new note) and starts again from the source's current findings. */
  reset(): void {
    this.rows = [];
    const source = this.source;
    this.update(source ? withFindings([], source.findings, (id) => source.queryFor(id)) : []);
  }

  /** The source followed now. */
  get current(): WorkspaceSource | null {
    return this.source;
  }

  hostConnected(): void {
    this.connected = true;
    this.listen();
  }

  hostDisconnected(): void {
    this.detach();
    this.connected = false;
  }

  /** Marks a row's query as sent (the workspace's own "Send" button). */
  markSent(finding: Finding): void {
    const query = this.source?.queryFor(finding.id);
    const recorded = this.source?.markQuerySent?.(finding.id) ?? false;
    // An editor that records it fires cdi-query-send, handled below; otherwise the row is marked here.
    if (!recorded) this.update(withStatus(this.rows, finding, 'sent', '', query));
  }

  private listen(): void {
    const source = this.source;
    if (!source) return;
    for (const name of EVENTS) source.addEventListener(name, this.onEvent);
    this.update(withFindings(this.rows, source.findings, (id) => source.queryFor(id)));
  }

  private detach(): void {
    if (!this.source) return;
    for (const name of EVENTS) this.source.removeEventListener(name, this.onEvent);
  }

  private update(rows: WorkspaceRow[]): void {
    this.rows = rows;
    this.host.requestUpdate();
  }

  private readonly onEvent = (event: Event): void => {
    const source = this.source;
    if (!source || !(event instanceof CustomEvent)) return;
    switch (event.type) {
      case 'cdi-findings':
        this.update(withFindings(this.rows, source.findings, (id) => source.queryFor(id)));
        break;
      case 'cdi-answer': {
        const detail = event.detail as AnswerEventDetail;
        const done = detail.query.items.every((i) => detail.answer.choices.some((c) => c.itemId === i.id));
        // A partial answer (acuity, not yet type) is answered so far; if the note still lacks the
        // rest, the next analysis shows the finding again and reopens the row.
        const what = answerDetail(detail);
        this.update(withStatus(this.rows, detail.finding, 'answered', done ? what : `${what} (partly answered)`, detail.query));
        break;
      }
      case 'cdi-finding-dismiss': {
        const detail = event.detail as FindingDismissEventDetail;
        this.update(withStatus(this.rows, detail.finding, 'dismissed', DISMISS_REASON_LABELS[detail.reason] ?? String(detail.reason)));
        break;
      }
      case 'cdi-query-send': {
        const detail = event.detail as QuerySendEventDetail;
        this.update(withStatus(this.rows, detail.finding, 'sent', '', detail.query));
        break;
      }
    }
  };
}
