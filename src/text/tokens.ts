/**
 * Tokens with UTF-16 offsets, from wink-nlp, plus a merge step that keeps clinical shorthand whole.
 *
 * wink splits "b/l", "h/o", "mEq/L" and "3+" into pieces and glues nothing; clinicians write them
 * as single words. `tokenize` returns wink's tokens with their offsets into the input, then merges
 * runs such as `b` `/` `l` (no spaces between, short parts) into one token.
 */
import { nlp, its } from './wink.js';

/** What a token is. `newline` carries line breaks (one or more, with tabs). */
export type TokenKind = 'word' | 'number' | 'punct' | 'symbol' | 'newline' | 'other';

/** One token. `start`/`end` are UTF-16 offsets into the tokenized text. */
export interface Token {
  start: number;
  end: number;
  /** The surface text, `input.slice(start, end)`. */
  text: string;
  /** Lower case, periods inside words removed ("C.H.F." -> "chf"); used for matching. */
  norm: string;
  kind: TokenKind;
}

/** A word or number part of a shorthand run may be at most this long ("meq" in "mEq/L"). */
const MAX_SHORTHAND_PART = 4;

/** Tokenizes `text` into tokens whose offsets are exact. Never throws. */
export function tokenize(text: string): Token[] {
  if (text.length === 0) return [];
  const raw = winkTokens(text);
  return mergeShorthand(text, raw);
}

/** Normalises a surface form for matching: lower case, no periods inside or at the end. */
export function normalize(surface: string): string {
  const lower = surface.toLowerCase();
  if (lower.length > 1 && lower.includes('.')) {
    const stripped = lower.replace(/\./g, '');
    return stripped.length > 0 ? stripped : lower;
  }
  return lower;
}

function kindOf(winkType: string): TokenKind {
  switch (winkType) {
    case 'word': return 'word';
    case 'number': return 'number';
    case 'punctuation': return 'punct';
    case 'symbol': case 'currency': return 'symbol';
    case 'tabCRLF': return 'newline';
    default: return 'other';
  }
}

/**
 * wink's tokenizer costs the square of the length of a run without spaces (its punctuation
 * regexes peel one character at a time), so a 200 KB line with no space took half a minute.
 * Runs longer than this are cut into pieces and each piece is read on its own; notes have no
 * such words, so ordinary text is read in one piece, exactly as before.
 */
const MAX_RUN = 128;
/** A run without wink's separators (its `splitter`: spaces, no-break and thin spaces, CR, LF, tab). */
const LONG_RUN = new RegExp(`[^ \\u00a0\\u2002-\\u2005\\u2009\\u200a\\u202f\\u205f\\n\\r\\t]{${MAX_RUN + 1},}`, 'g');

function winkTokens(text: string): Token[] {
  const tokens: Token[] = [];
  let from = 0;
  for (const run of text.matchAll(LONG_RUN)) {
    const runStart = run.index;
    const runEnd = runStart + run[0].length;
    if (runStart > from) readPiece(text, from, runStart, tokens);
    for (let at = runStart; at < runEnd; ) {
      const to = cutPoint(text, at, runEnd);
      readPiece(text, at, to, tokens);
      at = to;
    }
    from = runEnd;
  }
  if (from < text.length) readPiece(text, from, text.length, tokens);
  return tokens;
}

/**
 * Where to end the piece of a long run that starts at `at`: after the last non-alphanumeric
 * character in the second half of the next `MAX_RUN` (so "CHF,HTN,..." is cut between words),
 * else at `MAX_RUN`; never inside a surrogate pair.
 */
function cutPoint(text: string, at: number, runEnd: number): number {
  if (runEnd - at <= MAX_RUN) return runEnd;
  let to = at + MAX_RUN;
  for (let i = to - 1; i > at + MAX_RUN / 2; i--) {
    if (!/[\p{L}\p{N}\p{M}]/u.test(text[i]!)) {
      to = i + 1;
      break;
    }
  }
  const code = text.charCodeAt(to - 1);
  if (code >= 0xd800 && code <= 0xdbff) to--;
  return to;
}

/** Appends wink's tokens of `text.slice(from, to)`, with offsets into `text`. */
function readPiece(text: string, from: number, to: number, tokens: Token[]): void {
  const piece = from === 0 && to === text.length ? text : text.slice(from, to);
  const doc = nlp.readDoc(piece);
  const values = doc.tokens().out(its.value) as string[];
  const spaces = doc.tokens().out(its.precedingSpaces) as string[];
  const types = doc.tokens().out(its.type) as string[];
  let pos = 0;
  for (let i = 0; i < values.length; i++) {
    const value = values[i] ?? '';
    pos += (spaces[i] ?? '').length;
    if (!piece.startsWith(value, pos)) {
      // wink altered or skipped something: find the value again rather than trust the count.
      const found = piece.indexOf(value, pos);
      if (found < 0) continue;
      pos = found;
    }
    const kind = kindOf(types[i] ?? '');
    tokens.push({ start: from + pos, end: from + pos + value.length, text: value, norm: normalize(value), kind });
    pos += value.length;
  }
}

function isShortPart(t: Token): boolean {
  return (t.kind === 'word' || t.kind === 'number') && t.text.length <= MAX_SHORTHAND_PART;
}

/**
 * Merges, where no space separates the pieces (a possessive "'s" also joins its word):
 * - short word/number parts joined by "/" ("b/l", "h/o", "s/p", "mEq/L", "L/R");
 * - a number and a following "+" ("3+") or a one- or two-letter suffix ("3b", "3a").
 */
function mergeShorthand(text: string, tokens: Token[]): Token[] {
  const out: Token[] = [];
  let i = 0;
  while (i < tokens.length) {
    const t = tokens[i]!;
    let j = i;
    if (isShortPart(t)) {
      // word (/ word)+
      while (j + 2 < tokens.length) {
        const slash = tokens[j + 1]!;
        const next = tokens[j + 2]!;
        if (slash.text !== '/' || slash.start !== tokens[j]!.end || next.start !== slash.end || !isShortPart(next)) break;
        j += 2;
      }
      if (j === i && t.kind === 'number' && i + 1 < tokens.length) {
        const next = tokens[i + 1]!;
        const glued = next.start === t.end;
        if (glued && (next.text === '+' || (next.kind === 'word' && /^[a-z]{1,2}$/i.test(next.text)))) j = i + 1;
        // "3a." at the end of a sentence: wink reads "a." as an abbreviation; keep "3a" and the period apart.
        if (glued && next.kind === 'word' && /^[a-z]\.$/i.test(next.text)) {
          const end = next.end - 1;
          const surface = text.slice(t.start, end);
          out.push({ start: t.start, end, text: surface, norm: normalize(surface), kind: 'word' });
          out.push({ start: end, end: next.end, text: '.', norm: '.', kind: 'punct' });
          i += 2;
          continue;
        }
      }
    }
    // A possessive: wink splits "Alzheimer's" into "Alzheimer" + "'s" the first time it meets the
    // word and keeps it whole once the word is in its vocabulary. Merging makes tokens the same
    // whatever was read before.
    if (j === i && t.kind === 'word' && i + 1 < tokens.length) {
      const next = tokens[i + 1]!;
      if (next.start === t.end && /^['’]s$/i.test(next.text)) j = i + 1;
    }
    if (j === i) {
      out.push(t);
    } else {
      const end = tokens[j]!.end;
      const surface = text.slice(t.start, end);
      out.push({ start: t.start, end, text: surface, norm: normalize(surface), kind: 'word' });
    }
    i = j + 1;
  }
  return out;
}
