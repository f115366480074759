/**
 * Suspending and resuming answers and dismissals whose words an edit breaks, so that undo brings
 * them back with their words.
 *
 * An edit that breaks a record's words (deletes them outright, or edits them) gets a `suspend` op
 * in a {@link LedgerStep} of the same undo event ({@link suspensions} computes them; the plugin's
 * `appendTransaction` appends them to an ordinary edit, an answer carries them in its own step).
 * Undo runs the event's inverse steps last first, so the inverse `resume` runs *before* the words
 * are re-inserted: its positions are those of the document without them. The reducer therefore
 * resumes a record by following its (collapsed or shrunk) range through the steps that come after
 * the `resume` in the same transaction, widening it over every change that touches it
 * ({@link changedRegion}): that is where undo put the deleted text back. The record is placed on
 * its exact words inside that region ({@link findWords}), the occurrence nearest to `lead`
 * characters after the region's start, or left suspended when its words are not there.
 *
 * Only history moves records back: retyping the same words by hand carries no `resume`, so it
 * restores nothing.
 */
import type { Mapping, StepMap } from 'prosemirror-transform';
import type { Node } from 'prosemirror-model';
import { textBetween, textMap } from '../positions.js';
import type { PositionRange } from '../positions.js';
import type { LedgerOp } from './ledger-step.js';
import type { CdiLintState, Dismissal, LedgerEntry } from './types.js';

/** Whether `range` of `doc` reads exactly `text` (and is not empty). */
function reads(doc: Node, range: PositionRange, text: string): boolean {
  return range.to > range.from && range.to <= doc.content.size && textBetween(doc, range.from, range.to) === text;
}

/** The step maps a mapping maps through (a slice of a mapping shares its parent's array). */
const mapsOf = (mapping: Mapping): readonly StepMap[] => mapping.maps.slice(mapping.from, mapping.to);

/** `range` mapped as a non-inclusive span, kept when it collapses. */
function mapKept(range: PositionRange, mapping: Mapping): PositionRange {
  const from = mapping.map(range.from, 1);
  return { from, to: Math.max(from, mapping.map(range.to, -1)) };
}

/**
 * `range` followed through `maps`, widened over every change that touches it (an insertion at
 * its edge included): after the inverse of a deletion, the whole re-inserted text.
 */
export function changedRegion(maps: readonly StepMap[], range: PositionRange): PositionRange {
  let { from, to } = range;
  for (const map of maps) {
    let nextFrom = map.map(from, -1);
    let nextTo = Math.max(nextFrom, map.map(to, 1));
    map.forEach((oldStart, oldEnd, newStart, newEnd) => {
      if (oldStart <= to && oldEnd >= from) {
        nextFrom = Math.min(nextFrom, newStart);
        nextTo = Math.max(nextTo, newEnd);
      }
    });
    from = nextFrom;
    to = nextTo;
  }
  return { from, to };
}

/**
 * The range of `text` inside `region` of `doc`: of its occurrences there, the one that starts
 * nearest `lead` characters after the region's start. Null when it does not occur there.
 */
export function findWords(doc: Node, region: PositionRange, text: string, lead: number): PositionRange | null {
  if (text === '' || region.to > doc.content.size) return null;
  const map = textMap(doc);
  const start = map.toOffset(region.from);
  const end = map.toOffset(region.to);
  const hint = start + lead;
  let best = -1;
  for (let at = map.text.indexOf(text, start); at >= 0 && at + text.length <= end; at = map.text.indexOf(text, at + 1)) {
    if (best < 0 || Math.abs(at - hint) < Math.abs(best - hint)) best = at;
  }
  if (best < 0) return null;
  const range = map.toRange({ start: best, end: best + text.length });
  return reads(doc, range, text) ? range : null;
}

/**
 * The `suspend` ops for the records an edit broke: every dismissal in force and every standing
 * answer of `state` (in `before`) whose words, mapped by `mapping`, no longer read as they did in
 * `after`. Records whose key is in `skip` (changed by a ledger step of the same edit) are left out.
 */
export function suspensions(state: CdiLintState, before: Node, after: Node, mapping: Mapping, skip: ReadonlySet<string>): LedgerOp[] {
  const ops: LedgerOp[] = [];
  const maps = mapsOf(mapping);
  // Words no change touches (not even at an edge) read as they did: no text is read for them.
  const untouched = (range: PositionRange): boolean => {
    let { from, to } = range;
    for (const map of maps) {
      let hit = false;
      map.forEach((oldStart, oldEnd) => {
        if (oldStart <= to && oldEnd >= from) hit = true;
      });
      if (hit) return false;
      from = map.map(from, 1);
      to = map.map(to, -1);
    }
    return true;
  };
  let leadOf: ((old: PositionRange, now: PositionRange) => number) | undefined;
  const lead = (old: PositionRange, now: PositionRange): number => {
    if (!leadOf) {
      const map = textMap(before);
      const back = mapsOf(mapping).map((m) => m.invert()).reverse();
      leadOf = (o, n) => Math.max(0, map.toOffset(o.from) - map.toOffset(changedRegion(back, n).from));
    }
    return leadOf(old, now);
  };
  for (const d of state.dismissals) {
    if (d.key === undefined || skip.has(d.key) || untouched(d) || !reads(before, d, d.text)) continue;
    const now = mapKept(d, mapping);
    if (reads(after, now, d.text)) continue;
    ops.push({ op: 'suspend', dismissal: suspendedDismissal(d, now, mapping), lead: lead(d, now) });
  }
  for (const e of state.ledger) {
    const w = e.written;
    if (!w || skip.has(e.key) || untouched(w) || !reads(before, w, w.text)) continue;
    const now = mapKept(w, mapping);
    if (reads(after, now, w.text)) continue;
    const entry: LedgerEntry = { ...e, written: { ...now, text: w.text } };
    ops.push({ op: 'suspend', entry, lead: lead(w, now) });
  }
  return ops;
}

/** The dismissal as a `suspend` op keeps it: at `now`, its hidden finding's mentions of its own words kept at `now` too. */
function suspendedDismissal(d: Dismissal, now: PositionRange, mapping: Mapping): Dismissal {
  if (!d.hidden) return { ...d, ...now };
  const mentions = d.hidden.mentions.map((m) => (m.from === d.from && m.to === d.to ? now : mapKept(m, mapping)));
  return { ...d, ...now, hidden: { ...d.hidden, ...now, mentions } };
}

/**
 * Where a `resume` op puts its record back: its words inside the region that the steps `after` it
 * (in the same transaction) changed around its range; null when its words are not there.
 */
export function resumedRange(range: PositionRange, text: string, lead: number, after: Mapping, doc: Node): PositionRange | null {
  return findWords(doc, changedRegion(mapsOf(after), range), text, lead);
}

/** The dismissal of a `resume` op placed at `range`, its hidden finding (and its mentions of these words) with it. */
export function resumedDismissal(d: Dismissal, range: PositionRange, after: Mapping, doc: Node): Dismissal {
  if (!d.hidden) return { ...d, ...range };
  const mentions = d.hidden.mentions.flatMap((m): PositionRange[] => {
    if (m.from === d.from && m.to === d.to) return [range];
    const mapped = mapKept(m, after);
    return mapped.to > mapped.from && mapped.to <= doc.content.size ? [mapped] : [];
  });
  return { ...d, ...range, hidden: { ...d.hidden, ...range, mentions } };
}
