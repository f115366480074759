/**
 * `AnswerLedgerController`: the element's view of what the clinician decided. The answers and
 * dismissals themselves live in the ProseMirror plugin's state, written by the same transactions
 * as the text (a `LedgerStep`), so undo and redo move them with the text; this controller reads
 * them after every transaction, asks the host to re-render when they change, and derives from the
 * current text and that ledger what the hand-off needs:
 *
 * - the answers that stand: not undone, and their words still read as written (latest last; an
 *   answer given twice to the same condition counts once, the latest);
 * - the dismissals in force (their words unchanged), for the "Dismissed (n)" list and its Restore.
 *
 * It keeps no copy that could drift: everything is computed from the editor state on demand.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { EditorState } from 'prosemirror-state';
import type { EditorView } from 'prosemirror-view';
import type { Setting } from '../../src/index.js';
import type { AnsweredRecord, DismissedSpan, HandoffRequest } from '../queries/types.js';
import { cdiLintKey, dismissalInForce, restoreDismissal, standingAnswers } from '../prosemirror/index.js';
import type { Dismissal, LedgerEntry } from '../prosemirror/index.js';
import { textMap } from '../positions.js';

/** See the module comment. */
export class AnswerLedgerController implements ReactiveController {
  private seen: { ledger: unknown; dismissals: unknown; doc: unknown } | undefined;

  constructor(
    private readonly host: ReactiveControllerHost,
    /** The editor state to read (the live view's, or the state kept while unmounted). */
    private readonly state: () => EditorState,
  ) {
    host.addController(this);
  }

  hostConnected(): void {}

  /** Call after each transaction: re-renders the host when the ledger or the dismissals changed. */
  stateChanged(state: EditorState): void {
    const plugin = cdiLintKey.getState(state);
    const now = { ledger: plugin?.ledger, dismissals: plugin?.dismissals, doc: state.doc };
    const before = this.seen;
    this.seen = now;
    if (!before || before.ledger !== now.ledger || before.dismissals !== now.dismissals || (now.dismissals?.length && before.doc !== now.doc)) {
      this.host.requestUpdate();
    }
  }

  /** The answers that stand now, oldest first; for one condition answered twice, only the latest. */
  get standing(): LedgerEntry[] {
    const state = this.state();
    const plugin = cdiLintKey.getState(state);
    if (!plugin) return [];
    const standing = standingAnswers(plugin, state.doc);
    return standing.filter((e, i) => !standing.slice(i + 1).some((later) => sameCondition(e, later)));
  }

  /** The latest entry for finding `id`, standing or not. */
  latest(id: string): LedgerEntry | undefined {
    return [...(cdiLintKey.getState(this.state())?.ledger ?? [])].reverse().find((e) => e.findingId === id);
  }

  /** The dismissals in force, oldest first (answers of "Clinically undetermined" included). */
  get dismissed(): Dismissal[] {
    const state = this.state();
    return (cdiLintKey.getState(state)?.dismissals ?? []).filter((d) => dismissalInForce(d, state.doc));
  }

  /** The dismissals the clinician made with the dismiss action (not the record of an answer). */
  get userDismissals(): Dismissal[] {
    return this.dismissed.filter((d) => d.reason !== 'clinically-undetermined' && d.reason !== 'not-clinically-significant');
  }

  /** Restores dismissal `key` (an undoable step); false when it is gone. */
  restore(view: EditorView, key: string): boolean {
    return restoreDismissal(key)(view.state, (tr) => view.dispatch(tr));
  }

  /** What the analyser needs for a hand-off of the current text: the answers that stand, the dismissals in force. */
  handoffRequest(setting: Setting): HandoffRequest {
    const state = this.state();
    const map = textMap(state.doc);
    const answered: AnsweredRecord[] = this.standing.map((e) => ({ finding: e.finding, query: e.query, answer: e.answer }));
    const dismissed: DismissedSpan[] = this.dismissed.map((d) => ({
      findingId: d.findingId, kind: d.kind, family: d.family, ...map.toSpan(d), text: d.text, reason: d.reason,
    }));
    return { text: map.text, options: { setting }, answered, dismissed };
  }
}

/**
 * Two answers about the same condition: the same finding, or the same kind and family on the same
 * words (the engine reports one finding per condition, so a later answer answers what the note
 * still lacked after the earlier one, and its finding already reads the earlier answer's words).
 */
function sameCondition(a: LedgerEntry, b: LedgerEntry): boolean {
  if (a.findingId === b.findingId) return true;
  if (a.finding.kind !== b.finding.kind || a.finding.family !== b.finding.family) return false;
  // Per-joint conditions ("knee OA", "hip OA") are distinct findings of one family: their words differ.
  const x = a.finding.text.toLowerCase();
  const y = b.finding.text.toLowerCase();
  return x.includes(y) || y.includes(x);
}
