/**
 * The word tokenizer of the context stage.
 *
 * A token is a run of letters/digits, joined across inner apostrophes and slashes so that shorthand
 * stays one token ("r/o", "h/o", "s/p", "w/o", "patient's"), or a single other non-space character:
 * punctuation, symbols, lone surrogates, and hyphens (so "two-day history of" contains "day history
 * of"; a literal like "pre-existing" tokenizes the same way and still matches). One linear regex
 * pass: each repetition must consume a delimiter, so the pattern cannot backtrack catastrophically.
 */

/** Tokens of one region as parallel arrays (compact, allocation-light). */
export interface Tokens {
  /** Lower-cased token text, with typographic apostrophes folded to `'`. */
  norm: string[];
  /** Offsets into the whole text, half-open UTF-16. */
  start: number[];
  end: number[];
  /** True for letter/digit tokens (these count toward `maxScope`). */
  word: boolean[];
}

const TOKEN = /[\p{L}\p{N}\p{M}]+(?:['\u2019/][\p{L}\p{N}\p{M}]+)*|[^\s\p{L}\p{N}\p{M}]/gu;
const WORD_START = /^[\p{L}\p{N}\p{M}]/u;

/** Tokenizes `text.slice(from, to)`; offsets refer to `text`. Requires `0 <= from <= to <= text.length`. */
export function tokenize(text: string, from: number, to: number): Tokens {
  const region = text.slice(from, to);
  const tokens: Tokens = { norm: [], start: [], end: [], word: [] };
  TOKEN.lastIndex = 0;
  for (let m = TOKEN.exec(region); m !== null; m = TOKEN.exec(region)) {
    const s = m[0];
    tokens.norm.push(s.toLowerCase().replace(/\u2019/g, "'"));
    tokens.start.push(from + m.index);
    tokens.end.push(from + m.index + s.length);
    tokens.word.push(WORD_START.test(s));
  }
  return tokens;
}

/** Splits a trigger literal into the normalized tokens it must match. */
export function literalTokens(literal: string): string[] {
  return tokenize(literal, 0, literal.length).norm;
}
