/**
 * What every rule kind may read of an analysed note: its text, tokens and match stream, the
 * sentence of each stream position, the care setting, and the assertion of any phrase.
 */
import type { Assertion, SectionCategory, Setting, Span } from '../types.js';
import type { Stream } from '../concepts/stream.js';
import type { Token } from '../text/tokens.js';
import type { PhraseTrie } from '../concepts/trie.js';
import type { CompiledNotCurrent } from './knowledge.js';

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

/** True when an assertion is affirmed for the patient and not history-only: the condition is current. */
export function isCurrentForPatient(a: Assertion): boolean {
  return isAffirmedForPatient(a) && !a.historical;
}

/**
 * True when a phrase of `trie` stands within `window` positions of `[from, to)` in its sentence,
 * outside the phrase itself: before it, after it, or (`side`) on one side only.
 */
export function phraseNear(note: Note, trie: PhraseTrie<unknown>, from: number, to: number, window: number, side: 'both' | 'before' = 'both'): boolean {
  if (trie.size === 0) return false;
  const [lo, hi] = windowAround(note, from, to, window);
  return trie.matchAll(note.stream, lo, side === 'before' ? from : hi).some((m) => m.to <= from || m.from >= to);
}

/**
 * The id of the not-current list (src/knowledge/not-current.json) whose wording stands near
 * `[from, to)` in its sentence ("my mother who is on dialysis", "can result in ... kidney
 * failure", "advised to go on dialysis"), or undefined when none does.
 */
export function notCurrentContext(lists: readonly CompiledNotCurrent[], note: Note, from: number, to: number): string | undefined {
  return lists.find((list) => phraseNear(note, list.phrases, from, to, list.window, list.side))?.id;
}

/**
 * True when `offset` lies inside a quotation on its line ("This kidney is for my mother who is on
 * dialysis"): the words of the patient or another person, not the clinician's statement.
 */
export function insideQuotation(text: string, offset: number): boolean {
  const lineStart = text.lastIndexOf('\n', offset - 1) + 1;
  const before = text.slice(lineStart, offset);
  let straight = 0;
  let curly = 0;
  for (const ch of before) {
    if (ch === '"') straight++;
    else if (ch === '\u201c') curly++;
    else if (ch === '\u201d') curly = Math.max(0, curly - 1);
  }
  return straight % 2 === 1 || curly > 0;
}
