/**
 * The match stream: tokens reduced to the keys that phrases are matched on.
 *
 * Matching is tolerant of case, periods inside abbreviations and hyphens: "C.H.F." and "CHF" give
 * the key "chf"; "right-sided" and "right sided" both give "right" "sided" (a hyphen is dropped and a
 * hyphenated word is split). Each key remembers the token it came from, so a match maps back to
 * exact offsets.
 */
import { tokenize, type Token } from '../text/tokens.js';
import { cachedStreams } from './phrase-cache.js';

/** Keys of a token sequence, aligned with the tokens they came from. */
export interface Stream {
  /** Lower-case keys. */
  keys: string[];
  /** The same keys with their original case (for case-sensitive phrases). */
  surface: string[];
  /** Index of the token each key came from. */
  token: number[];
}

/** Builds the match stream of `tokens`. Newline tokens become a "\n" key, which no phrase holds. */
export function toStream(tokens: readonly Token[]): Stream {
  const stream: Stream = { keys: [], surface: [], token: [] };
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    if (t.kind === 'newline') {
      push(stream, '\n', '\n', i);
      continue;
    }
    if (t.text === '-' || t.text === '–') continue;
    if (t.kind === 'word' && t.text.includes('-') && t.text.length > 1) {
      for (const part of t.text.split('-')) if (part) push(stream, part.toLowerCase().replace(/\./g, '') || part, part.replace(/\./g, '') || part, i);
      continue;
    }
    push(stream, t.norm, t.text.length > 1 ? t.text.replace(/\./g, '') || t.text : t.text, i);
  }
  return stream;
}

function push(stream: Stream, key: string, surface: string, token: number): void {
  stream.keys.push(key);
  stream.surface.push(surface);
  stream.token.push(token);
}

/** The stream of a phrase from rule data, tokenized exactly like note text. */
export function phraseStream(phrase: string): Stream {
  return phraseStreams([phrase])[0]!;
}

/**
 * The streams of many phrases at once. The rule phrases bundled with the engine are looked up in
 * the precomputed cache (phrase-cache.ts), which spares the tokenizer most of its start-up work;
 * any other phrase is tokenized, all of them in one call ({@link tokenizePhrases}).
 */
export function phraseStreams(phrases: readonly string[]): Stream[] {
  const cache = cachedStreams(tokenizePhrases);
  if (!cache) return tokenizePhrases(phrases);
  const out: Array<Stream | undefined> = phrases.map((phrase) => cache.get(phrase));
  const missing = phrases.filter((_, i) => out[i] === undefined);
  if (missing.length > 0) {
    const fresh = tokenizePhrases(missing);
    let k = 0;
    for (let i = 0; i < out.length; i++) if (out[i] === undefined) out[i] = fresh[k++];
  }
  return out as Stream[];
}

/**
 * Tokenizes phrases into streams: one tokenizer call over the phrases joined by blank lines (one
 * wink call per phrase costs ~100x more at start-up). Tokens never cross a line break, so each
 * phrase gets exactly the tokens it would get alone.
 */
export function tokenizePhrases(phrases: readonly string[]): Stream[] {
  const ranges: Array<[number, number]> = [];
  let text = '';
  for (const phrase of phrases) {
    const clean = phrase.replace(/[\r\n]+/g, ' ');
    ranges.push([text.length, text.length + clean.length]);
    text += clean + '\n\n';
  }
  const tokens = tokenize(text);
  const out: Stream[] = [];
  let k = 0;
  for (const [start, end] of ranges) {
    const own: Token[] = [];
    while (k < tokens.length && tokens[k]!.start < start) k++;
    while (k < tokens.length && tokens[k]!.end <= end) own.push(tokens[k++]!);
    out.push(toStream(own));
  }
  return out;
}
