/**
 * `FindingActionsController`: what the user does to a finding from `<cdi-editor>`'s popover, its
 * "Dismissed (n)" list or its methods: answer a query item (and preview what an option would
 * write), undo from the popover, send a query, dismiss with a reason, restore a dismissal, close
 * the popover. Each action records its audit entry and fires its event (`cdi-answer`,
 * `cdi-query-send`, `cdi-finding-dismiss`). It keeps the two things the popover shows about past
 * actions: which queries were sent, and whether Dismiss was pressed without a reason. One job:
 * the actions.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { undo } from 'prosemirror-history';
import type { Finding } from '../../src/index.js';
import type { ItemAnswer, Query, QueryAnswer, QueryOption } from '../../src/queries/types.js';
import { answerFinding, dismissFinding, previewAnswer } from '../prosemirror/index.js';
import type { AnswerPreview } from '../prosemirror/index.js';
import type { AnalysisController } from './analysis-controller.js';
import type { AnnouncerController } from './announcer.js';
import type { AnswerLedgerController } from './answer-ledger-controller.js';
import type { AuditTrail } from './audit.js';
import { emit } from './event.js';
import type { DismissReason } from './events.js';
import type { NoteEditorController } from './note-editor-controller.js';
import type { OpenPopover, PopoverController } from './popover-controller.js';

/** What the actions read from their host element. */
export interface FindingActionsHost extends ReactiveControllerHost, HTMLElement {
  /** When true, answers are refused (dismissing and restoring still work). */
  readonly: boolean;
}

/** The element's parts the actions use. */
export interface FindingActionsParts {
  editor: NoteEditorController;
  analysis: AnalysisController;
  ledger: AnswerLedgerController;
  popover: PopoverController;
  audit: AuditTrail;
  announcer: AnnouncerController;
}

/** See the module comment. */
export class FindingActionsController implements ReactiveController {
  private sentIds: ReadonlySet<string> = new Set();
  private hint = false;

  constructor(
    private readonly host: FindingActionsHost,
    private readonly parts: FindingActionsParts,
  ) {
    host.addController(this);
  }

  hostConnected(): void {}

  /** True after Dismiss was pressed with no reason chosen, until the popover closes or a dismissal is made. */
  get dismissHint(): boolean {
    return this.hint;
  }

  /** Whether the query of finding `id` was sent. */
  isSent(id: string): boolean {
    return this.sentIds.has(id);
  }

  /** What choosing `option` would write, for its preview (null: it cannot be written now). */
  preview(open: OpenPopover, itemId: string, option: QueryOption, text?: string): AnswerPreview | null {
    const view = this.parts.editor.view;
    const query = this.parts.popover.session?.query ?? open.query;
    if (!view || !query) return null;
    if (option.role === 'other' && (text ?? '').trim() === '') return null;
    return previewAnswer(view.state, open.id, this.answerWith(open, query, itemId, option, text));
  }

  /**
   * Answers one item of the open popover's query with `answerFinding`: every choice made so far in
   * this popover is written at once (one undo step), exactly as the option's preview shows;
   * "Clinically undetermined" / "Not clinically significant" writes nothing and hides the finding.
   */
  choose(open: OpenPopover, itemId: string, option: QueryOption, text?: string): void {
    const { editor, ledger, popover, audit } = this.parts;
    const view = editor.view;
    const query = popover.session?.query ?? open.query;
    if (!view || !query || this.host.readonly) return;
    const answer = this.answerWith(open, query, itemId, option, text);
    if (!answerFinding(view, open.id, answer)) return;
    const entry = ledger.latest(open.id);
    if (!entry) return;
    audit.record('answered', entry.finding, query, answer);
    emit(this.host, 'cdi-answer', { finding: entry.finding, query, answer, edit: entry.edit });
    if (query.items.every((item) => answer.choices.some((c) => c.itemId === item.id))) {
      popover.reset();
      view.focus();
    } else {
      // The query the answer was written with: a popover opened before a re-analysis shows an
      // earlier draft of it, whose id the next part would not continue.
      popover.continueAnswer({ id: open.id, query: entry.query, choices: answer.choices }, open);
    }
  }

  /** Ctrl/Cmd+Z in the popover: undo in the note, and end the answer in progress. */
  undo(): void {
    const view = this.parts.editor.view;
    if (!view) return;
    this.parts.popover.reset();
    view.focus();
    undo(view.state, (tr) => view.dispatch(tr));
  }

  /** Records that `finding`'s query was sent (audit entry and `cdi-query-send`); nothing without a query. */
  send(finding: Finding, query: Query | undefined): void {
    if (!query) return;
    this.sentIds = new Set([...this.sentIds, finding.id]);
    this.host.requestUpdate();
    this.parts.audit.record('sent', finding, query);
    emit(this.host, 'cdi-query-send', { finding, query });
  }

  /** Dismisses with the reason the clinician chose (none is preselected: without one, it asks for it). */
  dismiss(finding: Finding, reason: DismissReason | ''): void {
    const { editor, analysis, popover, audit, announcer } = this.parts;
    const view = editor.view;
    if (!view) return;
    if (reason === '') {
      this.setHint(true);
      announcer.announce('Choose a reason before dismissing.');
      return;
    }
    const query = analysis.queries.get(finding.id);
    if (!dismissFinding(finding.id, reason)(view.state, (tr) => view.dispatch(tr))) return;
    this.setHint(false);
    popover.reset();
    view.focus();
    audit.record('dismissed', finding, query, undefined, reason);
    emit(this.host, 'cdi-finding-dismiss', { finding, reason });
  }

  /** Restores dismissal `key` (one undo step) and returns the caret to the note; false when it is gone. */
  restore(key: string): boolean {
    const view = this.parts.editor.view;
    if (!view || !this.parts.ledger.restore(view, key)) return false;
    view.focus();
    return true;
  }

  /** Closes the popover; `refocus` returns the caret to the note. Returns whether one was open. */
  close(refocus: boolean): boolean {
    if (!this.parts.popover.close()) return false;
    this.setHint(false);
    if (refocus) this.parts.editor.view?.focus();
    return true;
  }

  /** The answer a click on `option` would give: the choices so far in this popover plus this one. */
  private answerWith(open: OpenPopover, query: Query, itemId: string, option: QueryOption, text?: string): QueryAnswer {
    const session = this.parts.popover.session;
    const previous = session?.id === open.id ? session.choices : [];
    const choice: ItemAnswer = option.role === 'other' ? { itemId, optionId: option.id, text: text ?? '' } : { itemId, optionId: option.id };
    return { queryId: query.id, choices: [...previous.filter((c) => c.itemId !== itemId), choice] };
  }

  /** Re-renders only when the hint changes (as a Lit `@state` would). */
  private setHint(hint: boolean): void {
    if (hint === this.hint) return;
    this.hint = hint;
    this.host.requestUpdate();
  }
}
