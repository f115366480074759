/**
 * The plugin state and its reducer: DOM-free. `applyTransaction` maps everything through the
 * transaction's steps, then applies the meta action it carries (see `CdiLintAction`).
 *
 * Invariants:
 * - every visible finding's `[from, to)` reads exactly `finding.text` in the current document; a
 *   finding whose words are deleted or edited is dropped at once (re-analysis may report it again);
 * - results of an analysis are mapped through every transaction since its request (the pending
 *   mapping) and checked against the current text; what no longer fits is dropped, never misplaced;
 *   results of a request that is not the pending one are dropped;
 * - a finding matching a live dismissal is never shown;
 * - a dismissal whose words are deleted is dropped and an answer's range collapses, but the edit
 *   that did it carries a `suspend` op (see `suspension.ts`), so undoing it brings them back.
 */
import { PluginKey } from 'prosemirror-state';
import type { EditorState, Transaction } from 'prosemirror-state';
import { Mapping } from 'prosemirror-transform';
import type { Mappable } from 'prosemirror-transform';
import type { Node } from 'prosemirror-model';
import { DecorationSet } from 'prosemirror-view';
import type { Finding } from '../../src/types.js';
import type { Query } from '../../src/queries/types.js';
import { textBetween } from '../positions.js';
import type { PositionRange, TextMap } from '../positions.js';
import { decorationsOf, findingDecoration } from './decorations.js';
import type { CdiLintAction, CdiLintState, Dismissal, LedgerEntry, LintFinding, PlacedFinding } from './types.js';
import { LedgerStep, mapOp } from './ledger-step.js';
import type { LedgerOp } from './ledger-step.js';
import { resumedDismissal, resumedRange } from './suspension.js';

/** The plugin's key: `cdiLintKey.getState(state)` is the {@link CdiLintState}. */
export const cdiLintKey = new PluginKey<CdiLintState>('cdi-lint');

/** The empty state: no findings, status `loading`. */
export function initialState(): CdiLintState {
  return {
    findings: [],
    decorations: DecorationSet.empty,
    dismissals: [],
    status: 'loading',
    error: null,
    pending: null,
    revision: 0,
    refresh: 0,
    ledger: [],
    lastAnswer: null,
  };
}

/**
 * Places the engine's findings (offsets into `map.text`) in `map.doc`, each with its query from
 * `queries` (keyed by engine finding id) when there is one.
 */
export function placeFindings(findings: readonly Finding[], map: TextMap, queries?: Readonly<Record<string, Query>>): PlacedFinding[] {
  return findings.map((finding) => {
    const query = queries?.[finding.id];
    return {
      finding,
      ...map.toRange(finding),
      mentions: finding.mentions.map((m) => map.toRange(m)),
      ...(query ? { query } : {}),
    };
  });
}

/** The reducer: `state` after `tr` (whose resulting document is `doc`). */
export function applyTransaction(state: CdiLintState, tr: Transaction, doc: Node): CdiLintState {
  let next = tr.docChanged ? mapThrough(state, tr, doc) : state;
  tr.steps.forEach((step, i) => {
    if (step instanceof LedgerStep) next = applyLedgerOps(next, step.ops, tr.mapping.slice(i + 1), doc);
  });
  const action = tr.getMeta(cdiLintKey) as CdiLintAction | undefined;
  if (action) next = reduce(next, action, doc);
  if (tr.docChanged) {
    const recorded = tr.steps.some((s) => s instanceof LedgerStep && s.ops.some((op) => op.op === 'record'));
    const lastAnswer = action?.type === 'answered' && recorded ? action.id : null;
    if (lastAnswer !== next.lastAnswer) next = { ...next, lastAnswer };
  }
  return next;
}

/** Whether a dismissal is in force: its words still read what was dismissed. */
export function dismissalInForce(d: Dismissal, doc: Node): boolean {
  return d.to > d.from && d.to <= doc.content.size && textBetween(doc, d.from, d.to) === d.text;
}

/** The ledger entries whose answer stands: its written words read as written (or it wrote none and was not undone). */
export function standingAnswers(state: CdiLintState, doc: Node): LedgerEntry[] {
  return state.ledger.filter((e) => {
    if (!e.written) return e.dismissal === undefined || state.dismissals.some((d) => d.key === e.dismissal);
    const { from, to, text } = e.written;
    return to > from && to <= doc.content.size && textBetween(doc, from, to) === text;
  });
}

/** Applies the changes of a {@link LedgerStep} (positions as of the step, mapped by `after` to `doc`). */
function applyLedgerOps(state: CdiLintState, ops: readonly LedgerOp[], after: Mapping, doc: Node): CdiLintState {
  let next = state;
  for (const raw of ops) {
    if (raw.op === 'resume') {
      next = resume(next, raw, after, doc);
      continue;
    }
    const op = mapOp(raw, after);
    switch (op.op) {
      case 'dismiss': {
        const d = op.dismissal;
        if (next.dismissals.some((x) => x.key === d.key)) break;
        const hidden = dismissalInForce(d, doc) ? next.findings.filter((f) => hides(d, f.finding, f, f.mentions)) : [];
        next = { ...withoutFindings(next, hidden), dismissals: [...next.dismissals, d] };
        break;
      }
      case 'restore': {
        const d = op.dismissal;
        next = { ...next, dismissals: next.dismissals.filter((x) => x.key !== d.key), revision: next.revision + 1 };
        const f = d.hidden;
        if (f && dismissalInForce(d, doc) && textBetween(doc, d.from, d.to) === f.finding.text && !next.findings.some((x) => x.id === f.id)) {
          const back: LintFinding = { ...f, from: d.from, to: d.to, mentions: f.mentions.filter((m) => m.to <= doc.content.size) };
          const findings = [...next.findings, back].sort((a, b) => a.from - b.from || a.to - b.to);
          next = { ...next, findings, decorations: next.decorations.add(doc, [findingDecoration(back)]) };
        }
        break;
      }
      case 'record':
        next = { ...next, ledger: [...next.ledger.filter((e) => e.key !== op.entry.key), op.entry] };
        break;
      case 'unrecord':
        next = { ...next, ledger: next.ledger.filter((e) => e.key !== op.entry.key) };
        break;
      case 'suspend':
        break; // the mapping already let the record lapse; the op is there for its inverse
    }
  }
  return next;
}

/**
 * Puts a suspended record back on its words, which the steps `after` the op re-insert (undo of the
 * edit that broke them); leaves it suspended when its words are not there (see `suspension.ts`).
 */
function resume(state: CdiLintState, op: Extract<LedgerOp, { op: 'resume' | 'suspend' }>, after: Mapping, doc: Node): CdiLintState {
  if ('entry' in op) {
    const { entry } = op;
    const w = entry.written;
    const range = w && resumedRange(w, w.text, op.lead, after, doc);
    if (!w || !range || !state.ledger.some((e) => e.key === entry.key)) return state;
    const back: LedgerEntry = { ...entry, written: { ...range, text: w.text } };
    return { ...state, ledger: state.ledger.map((e) => (e.key === entry.key ? back : e)) };
  }
  const range = resumedRange(op.dismissal, op.dismissal.text, op.lead, after, doc);
  if (!range) return state;
  const d = resumedDismissal(op.dismissal, range, after, doc);
  const hidden = state.findings.filter((f) => hides(d, f.finding, f, f.mentions));
  const next = withoutFindings(state, hidden);
  const kept = next.dismissals.some((x) => x.key === d.key);
  return { ...next, dismissals: kept ? next.dismissals.map((x) => (x.key === d.key ? d : x)) : [...next.dismissals, d] };
}

/** The plugin state of `state`, or undefined when the plugin is not installed. */
export function getCdiLintState(state: EditorState): CdiLintState | undefined {
  return cdiLintKey.getState(state);
}

function reduce(state: CdiLintState, action: CdiLintAction, doc: Node): CdiLintState {
  switch (action.type) {
    case 'request':
      return {
        ...state,
        pending: { id: action.id, mapping: new Mapping() },
        status: action.retry ? 'retrying' : state.status === 'ready' ? 'ready' : state.status === 'error' ? 'retrying' : 'loading',
      };
    case 'results':
      if (state.pending?.id !== action.id) return state; // superseded, or state replaced: drop
      return { ...applyResults(state, action.findings, state.pending.mapping, doc), pending: null, status: 'ready', error: null };
    case 'failed':
      if (state.pending?.id !== action.id) return state;
      return { ...state, pending: null, status: 'error', error: action.error };
    case 'dismiss':
      return dismiss(state, action.id, action.reason, action.note, doc);
    case 'answered':
      return withoutFindings(state, state.findings.filter((f) => f.id === action.id || action.also?.includes(f.id)));
    case 'suppress': {
      const d = action.dismissal;
      if (d.to > doc.content.size || textBetween(doc, d.from, d.to) !== d.text) return state; // words gone: nothing to keep
      const hidden = state.findings.filter((f) => hides(d, f.finding, f, f.mentions));
      return { ...withoutFindings(state, hidden), dismissals: [...state.dismissals, d] };
    }
    case 'refresh':
      return { ...state, refresh: state.refresh + 1 };
  }
}

/** Maps `range` through `mapping` as a non-inclusive span; null when it collapses. */
function mapRange(range: PositionRange, mapping: Mappable): PositionRange | null {
  const from = mapping.map(range.from, 1);
  const to = mapping.map(range.to, -1);
  return to > from ? { from, to } : null;
}

function mapThrough(state: CdiLintState, tr: Transaction, doc: Node): CdiLintState {
  const { mapping } = tr;
  const findings: LintFinding[] = [];
  const dropped: LintFinding[] = [];
  for (const f of state.findings) {
    const range = mapRange(f, mapping);
    if (range && textBetween(doc, range.from, range.to) === f.finding.text) {
      const mentions = f.mentions.flatMap((m) => mapRange(m, mapping) ?? []);
      findings.push({ ...f, ...range, mentions });
    } else dropped.push(f);
  }
  let decorations = state.decorations.map(mapping, doc);
  if (dropped.length) {
    // Words edited but not deleted keep a (shrunk or grown) decoration: remove it by id.
    const ids = new Set(dropped.map((f) => f.id));
    decorations = decorations.remove(decorations.find(undefined, undefined, (spec) => ids.has(spec.findingId)));
  }
  // A dismissal whose words were edited is suspended (kept, not in force); one whose words were
  // deleted is dropped. Either way the edit carries a `suspend` op whose undo restores it.
  const dismissals = state.dismissals.flatMap((d): Dismissal[] => {
    const range = mapRange(d, mapping);
    if (!range) return [];
    const hidden = d.hidden ? { ...d.hidden, ...range, mentions: d.hidden.mentions.flatMap((m) => mapRange(m, mapping) ?? []) } : undefined;
    return [{ ...d, ...range, ...(hidden ? { hidden } : {}) }];
  });
  const ledger = state.ledger.map((e): LedgerEntry => {
    if (!e.written) return e;
    const from = mapping.map(e.written.from, 1);
    return { ...e, written: { ...e.written, from, to: Math.max(from, mapping.map(e.written.to, -1)) } };
  });
  let pending = state.pending;
  if (pending) {
    const since = pending.mapping.slice();
    since.appendMapping(mapping);
    pending = { id: pending.id, mapping: since };
  }
  return {
    ...state,
    findings,
    decorations,
    dismissals,
    ledger,
    pending,
    revision: dropped.length ? state.revision + 1 : state.revision,
  };
}

const sameRange = (a: PositionRange, b: PositionRange): boolean => a.from === b.from && a.to === b.to;

/** Whether `dismissal` hides a finding of this kind and family, with these evidence and mentions. */
function hides(dismissal: Dismissal, finding: Finding, range: PositionRange, mentions: readonly PositionRange[]): boolean {
  if (dismissal.kind !== finding.kind || dismissal.family !== finding.family) return false;
  if (sameRange(dismissal, range) && dismissal.text === finding.text) return true;
  return mentions.some((m) => sameRange(m, dismissal));
}

/** Identity of a placed finding across analyses: same kind, family and severity on the same words. */
const placementKey = (f: Finding, range: PositionRange): string =>
  `${f.kind}\u0000${f.family ?? ''}\u0000${f.severity}\u0000${range.from}\u0000${range.to}`;

function applyResults(state: CdiLintState, placed: readonly PlacedFinding[], mapping: Mapping, doc: Node): CdiLintState {
  const current = new Map(state.findings.map((f) => [placementKey(f.finding, f), f]));
  const kept = new Set<LintFinding>();
  const incoming: Array<{ p: PlacedFinding; range: PositionRange; mentions: PositionRange[]; match: LintFinding | undefined }> = [];

  for (const p of placed) {
    const range = mapRange(p, mapping);
    if (!range || textBetween(doc, range.from, range.to) !== p.finding.text) continue; // words changed since
    const mentions = p.mentions.flatMap((m) => mapRange(m, mapping) ?? []);
    if (state.dismissals.some((d) => dismissalInForce(d, doc) && hides(d, p.finding, range, mentions))) continue;
    let match = current.get(placementKey(p.finding, range));
    if (match && kept.has(match)) match = undefined; // a duplicate report claims nothing
    if (match) kept.add(match);
    incoming.push({ p, range, mentions, match });
  }

  // Kept findings keep their ids (and decorations); new ones take the engine's id, made unique.
  // Ids are never reused within a document's life: an answer or a dismissal names its finding by id.
  const used = new Set([...kept].map((f) => f.id));
  for (const e of state.ledger) used.add(e.findingId);
  for (const d of state.dismissals) used.add(d.findingId);
  const findings: LintFinding[] = [];
  const added: LintFinding[] = [];
  for (const { p, range, mentions, match } of incoming) {
    const query = p.query ? { query: p.query } : {};
    if (match) {
      findings.push({ id: match.id, finding: p.finding, ...range, mentions, ...query });
      continue;
    }
    let id = p.finding.id;
    for (let n = 2; used.has(id); n++) id = `${p.finding.id}#${n}`;
    used.add(id);
    const fresh: LintFinding = { id, finding: p.finding, ...range, mentions, ...query };
    findings.push(fresh);
    added.push(fresh);
  }
  findings.sort((a, b) => a.from - b.from || a.to - b.to);

  const removed = state.findings.filter((f) => !kept.has(f));
  const decorations = state.decorations
    .remove(decorationsOf(state.decorations, removed))
    .add(doc, added.map(findingDecoration));
  const changed = removed.length > 0 || added.length > 0;
  return { ...state, findings, decorations, revision: changed ? state.revision + 1 : state.revision };
}

function withoutFindings(state: CdiLintState, gone: readonly LintFinding[]): CdiLintState {
  if (gone.length === 0) return state;
  const ids = new Set(gone.map((f) => f.id));
  return {
    ...state,
    findings: state.findings.filter((f) => !ids.has(f.id)),
    decorations: state.decorations.remove(decorationsOf(state.decorations, gone)),
    revision: state.revision + 1,
  };
}

function dismiss(state: CdiLintState, id: string, reason: Dismissal['reason'], note: string | undefined, doc: Node): CdiLintState {
  const finding = state.findings.find((f) => f.id === id);
  if (!finding) return state;
  const dismissal: Dismissal = {
    kind: finding.finding.kind,
    family: finding.finding.family,
    text: textBetween(doc, finding.from, finding.to),
    from: finding.from,
    to: finding.to,
    reason,
    findingId: id,
    ...(note === undefined ? {} : { note }),
  };
  return { ...withoutFindings(state, [finding]), dismissals: [...state.dismissals, dismissal] };
}
