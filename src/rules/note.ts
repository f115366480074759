/**
 * What every rule kind may read of an analysed note: its text, tokens and match stream, the
 * sentence of each stream position, the care setting, and the assertion of any phrase.
 */
import type { Assertion, SectionCategory, Setting, Span } from '../types.js';
import type { Stream } from '../concepts/stream.js';
import type { Token } from '../text/tokens.js';

/** An analysed note, as the rule kinds see it. */
export interface Note {
  text: string;
  tokens: readonly Token[];
  stream: Stream;
  /** The sentence of each stream position (-1 for line breaks). */
  sentenceOfPos: Int32Array;
  setting: Setting;
  /** The text span of stream positions `[from, to)`. */
  spanOf(from: number, to: number): Span;
  /** The ConText assertion of the phrase at stream positions `[from, to)`, section included. */
  assertionAt(from: number, to: number): Assertion;
  /** The section category at a text offset. */
  sectionAt(offset: number): SectionCategory;
}

/** True when an assertion is about this patient, affirmed, certain and not hypothetical. */
export function isAffirmedForPatient(a: Assertion): boolean {
  return !a.negated && !a.hypothetical && !a.uncertain && a.experiencer === 'patient';
}

/** Stream positions within `window` of `[from, to)` in the same sentence (a `[lo, hi)` range). */
export function windowAround(note: Note, from: number, to: number, window: number): [number, number] {
  const sentence = note.sentenceOfPos[from];
  let lo = from;
  for (let steps = 0; lo > 0 && steps < window && note.sentenceOfPos[lo - 1] === sentence; steps++) lo--;
  let hi = to;
  for (let steps = 0; hi < note.stream.keys.length && steps < window && note.sentenceOfPos[hi] === sentence; steps++) hi++;
  return [lo, hi];
}
