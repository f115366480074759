/**
 * `LedgerStep`: a document step that changes no text and carries changes to the plugin's answer
 * ledger and dismissals. Being a step, it lives in ProseMirror's undo history like any edit: undo
 * applies its inverse (a dismissal is restored, an answer's entry removed) and redo applies it
 * again, in the same event as the text edit it came with. This is what makes dismissal, answer,
 * undo and redo compose: Ctrl+Z after a dismissal restores the finding and leaves the text alone;
 * Ctrl+Z after an answer removes both its words and its ledger entry; Ctrl+Z after deleting an
 * answer's or a dismissal's words brings the words and the record back together.
 *
 * The reducer (`state.ts`) reads these steps from each transaction; the step itself returns the
 * document unchanged, maps nothing, and maps its own positions through later changes (kept even
 * when collapsed, so an inverse always finds its entry by key).
 */
import { Step, StepMap, StepResult } from 'prosemirror-transform';
import type { Mappable } from 'prosemirror-transform';
import type { Node, Schema } from 'prosemirror-model';
import type { Dismissal, LedgerEntry } from './types.js';

/**
 * One change carried by a {@link LedgerStep}.
 *
 * `suspend` marks a dismissal or an answer whose words the transaction broke (deleted outright, or
 * edited); it changes nothing itself (the reducer's mapping already drops the dismissal or collapses
 * the answer's range), but its inverse `resume`, run by undo, puts the record back on its words
 * as the undo re-inserts them (see `suspension.ts`). The record is the one from before the edit,
 * its range mapped through the edit (collapsed when its words were deleted); `lead` is how many
 * characters of the changed text came before its words.
 */
export type LedgerOp =
  | { op: 'dismiss'; dismissal: Dismissal }
  | { op: 'restore'; dismissal: Dismissal }
  | { op: 'record'; entry: LedgerEntry }
  | { op: 'unrecord'; entry: LedgerEntry }
  | { op: 'suspend' | 'resume'; dismissal: Dismissal; lead: number }
  | { op: 'suspend' | 'resume'; entry: LedgerEntry; lead: number };

const INVERSE = {
  dismiss: 'restore', restore: 'dismiss', record: 'unrecord', unrecord: 'record', suspend: 'resume', resume: 'suspend',
} as const;

function invertOp(op: LedgerOp): LedgerOp {
  return { ...op, op: INVERSE[op.op] } as LedgerOp;
}

/** The key of the dismissal or answer an op changes (undefined for a dismissal made without one). */
export function opKey(op: LedgerOp): string | undefined {
  return 'dismissal' in op ? op.dismissal.key : op.entry.key;
}

/** The op with its positions mapped through `mapping` (collapsed ranges are kept). */
export function mapOp(op: LedgerOp, mapping: Mappable): LedgerOp {
  if ('dismissal' in op) {
    const d = op.dismissal;
    const from = mapping.map(d.from, 1);
    return { ...op, dismissal: { ...d, from, to: Math.max(from, mapping.map(d.to, -1)) } };
  }
  const w = op.entry.written;
  if (!w) return op;
  const from = mapping.map(w.from, 1);
  return { ...op, entry: { ...op.entry, written: { ...w, from, to: Math.max(from, mapping.map(w.to, -1)) } } };
}

/** See the module comment. */
export class LedgerStep extends Step {
  constructor(readonly ops: readonly LedgerOp[]) {
    super();
  }

  apply(doc: Node): StepResult {
    return StepResult.ok(doc);
  }

  override getMap(): StepMap {
    return StepMap.empty;
  }

  invert(): Step {
    return new LedgerStep([...this.ops].reverse().map(invertOp));
  }

  map(mapping: Mappable): Step {
    return new LedgerStep(this.ops.map((op) => mapOp(op, mapping)));
  }

  toJSON(): { stepType: string; ops: readonly LedgerOp[] } {
    return { stepType: STEP_TYPE, ops: this.ops };
  }

  static override fromJSON(_schema: Schema, json: { ops?: LedgerOp[] }): LedgerStep {
    if (!json || !Array.isArray(json.ops)) throw new RangeError('Invalid input for LedgerStep.fromJSON');
    return new LedgerStep(json.ops);
  }
}

const STEP_TYPE = 'cdiLintLedger';
try {
  Step.jsonID(STEP_TYPE, LedgerStep);
} catch {
  // Already registered by another copy of this module: steps of either copy serialise the same way.
}

let counter = 0;
/** A key unique within this page (time-based prefix, so keys from two editors never collide in practice). */
export function newKey(prefix: string): string {
  counter += 1;
  return `${prefix}-${Date.now().toString(36)}-${counter.toString(36)}`;
}
