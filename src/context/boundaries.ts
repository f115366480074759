/**
 * Sentence ends inside a region. Callers should pass one sentence, but real input (and upstream
 * splitters) often hands over several; no trigger scope may cross a sentence end.
 */
import type { Trigger } from './triggers.js';
import type { Tokens } from './tokens.js';

/** A synthetic trigger that ends every category's scope; used for sentence ends. */
export const SENTENCE_END: Trigger = Object.freeze({ literal: '.', category: 'negated', direction: 'terminate' });

const END_MARK = new Set(['.', '?', '!']);
/** Words that a period abbreviates inside a sentence (lower case, without the period). */
const ABBREVIATIONS = new Set(['vs', 'v', 'dr', 'mr', 'mrs', 'ms', 'st', 'approx', 'etc', 'eg', 'ie', 'pt', 'pts', 'hx', 'dx', 'sx', 'tx', 'rx', 'fx']);
const CAPITAL_OR_DIGIT = /^[\p{Lu}\p{Lt}\p{N}]/u;

/**
 * Marks tokens that end a sentence: `.`, `?` or `!` followed by whitespace and a token that begins with
 * a capital letter or digit ("No fever. Cough ..."). Abbreviations inside a sentence ("p.o. daily")
 * are not followed by a capital and stay inside. Linear in the token count.
 */
export function markSentenceEnds(text: string, tokens: Tokens): boolean[] {
  const n = tokens.norm.length;
  const ends: boolean[] = new Array(n).fill(false);
  for (let i = 0; i + 1 < n; i++) {
    if (!END_MARK.has(tokens.norm[i] as string)) continue;
    const gapStart = tokens.end[i] as number;
    const next = tokens.start[i + 1] as number;
    if (next === gapStart) continue; // no whitespace: "p.o", "3.5"
    // "gastroenteritis vs. UTI", "Dr. Smith": a period closing a common abbreviation ends nothing.
    if (tokens.norm[i] === '.' && i > 0 && ABBREVIATIONS.has(tokens.norm[i - 1] as string) && tokens.end[i - 1] === tokens.start[i]) continue;
    if (CAPITAL_OR_DIGIT.test(text.slice(next, next + 2))) ends[i] = true;
  }
  return ends;
}
