/**
 * Sentences: wink-nlp's boundaries, refined for clinical text.
 *
 * Notes are full of lines that end without a period (headers, list items, problem lists), and wink
 * joins them to the next line. A line break ends a sentence unless the text is plainly hard-wrapped
 * prose (the line ends in a word and the next line starts in lower case). A fragment that is only a
 * list marker ("1.") is joined to what follows it.
 */
import type { Span } from '../types.js';
import type { Token } from './tokens.js';

/** A sentence: its span and the half-open range of token indices it holds. */
export interface Sentence extends Span {
  firstToken: number;
  endToken: number;
}

const SENTENCE_END = new Set(['.', '!', '?']);

/**
 * Splits `tokens` (from {@link tokenize} over `text`) into sentences. Every token belongs to
 * exactly one sentence, except newline tokens, which belong to none.
 */
export function splitSentences(text: string, tokens: Token[]): Sentence[] {
  const sentences: Sentence[] = [];
  let first = -1;
  const close = (endToken: number) => {
    if (first >= 0 && endToken > first) {
      sentences.push({ start: tokens[first]!.start, end: tokens[endToken - 1]!.end, firstToken: first, endToken });
    }
    first = -1;
  };
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    if (t.kind === 'newline') {
      if (first >= 0 && !isWrappedLine(text, tokens, i)) close(i);
      continue;
    }
    if (first < 0) first = i;
    if (t.kind === 'punct' && SENTENCE_END.has(t.text) && endsSentence(tokens, first, i)) close(i + 1);
  }
  close(tokens.length);
  return sentences;
}

/** A period ends a sentence unless it only closes a list marker ("1.") or an initial ("Dr."). */
function endsSentence(tokens: Token[], first: number, i: number): boolean {
  const t = tokens[i]!;
  if (t.text !== '.') return true;
  const prev = tokens[i - 1];
  if (!prev || prev.end !== t.start) return true;
  // "1." at the start of a line is a list marker.
  if (i - 1 === first && prev.kind === 'number' && prev.text.length <= 2) return false;
  // A decimal written with spaces is not a concern; a single capital letter is an initial ("J.").
  if (prev.kind === 'word' && /^[A-Z]$/.test(prev.text)) return false;
  const next = tokens[i + 1];
  // "Na 128. k 4" vs "vs. Dr." — wink already keeps "Dr." and "e.g." whole; a lower-case start
  // after a period on the same line usually continues the sentence (abbreviation).
  if (next && next.kind === 'word' && next.start === t.end + 1 && /^[a-z]/.test(next.text) && prev.text.length <= 3) return false;
  return true;
}

/** True when the newline at `i` only wraps a line of prose. */
function isWrappedLine(text: string, tokens: Token[], i: number): boolean {
  const nl = tokens[i]!;
  if (/\n[ \t]*\r?\n/.test(nl.text) || nl.text.split('\n').length > 2) return false; // blank line
  const prev = tokens[i - 1];
  const next = tokens[i + 1];
  if (!prev || !next) return false;
  if (prev.kind !== 'word' || next.kind !== 'word') return false;
  if (!/^[a-z]/.test(next.text)) return false;
  // The next line is not a header ("ros: ...") or a list item.
  const lineEnd = text.indexOf('\n', next.start);
  const line = text.slice(next.start, lineEnd < 0 ? undefined : lineEnd);
  return !/^[a-z ]{1,30}:/.test(line);
}
