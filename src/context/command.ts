/**
 * The logic of `cdi-lint context`: one JSON Lines record in, one out. Pure; the CLI only does I/O.
 */
import { assertContext } from './assert.js';
import { pastCueAt } from './time.js';
import type { Span } from '../types.js';

/** Longest target we search for; longer ones are rejected rather than compiled into a pattern. */
const MAX_TARGET = 1000;

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

function search(text: string, words: string[], wholeWords: boolean): Span | null {
  const body = words.map(escapeRegExp).join('\\s+');
  // Lookarounds sit at the pattern's ends only; the body is literal words joined by \s+ (linear).
  const source = wholeWords ? `(?<![\\p{L}\\p{N}])${body}(?![\\p{L}\\p{N}])` : body;
  const pattern = new RegExp(source, 'giu');
  const exact = words.join(' ');
  let first: Span | null = null;
  for (let m = pattern.exec(text); m !== null; m = pattern.exec(text)) {
    const span = { start: m.index, end: m.index + m[0].length };
    if (m[0].replace(/\s+/g, ' ') === exact) return span;
    first ??= span;
  }
  return first;
}

/**
 * Finds `target` in `text` ignoring case and treating any run of whitespace as one space. Prefers
 * whole-word occurrences ("PE" not inside "PEEP"), falling back to any occurrence; among them, one
 * with the target's exact case, else the first. Returns null when absent or when the target is empty
 * or longer than 1,000 characters.
 */
export function findTarget(text: string, target: string): Span | null {
  const words = target.trim().split(/\s+/).filter((w) => w !== '');
  if (words.length === 0 || target.length > MAX_TARGET) return null;
  return search(text, words, true) ?? search(text, words, false);
}

/**
 * Runs one `cdi-lint context` input line, `{"text": sentence, "target": term}`, and returns the output
 * line `{"negated","historical","hypothetical","experiencer","uncertain"}` as JSON. When the line is not
 * JSON, lacks a string `text` or `target`, or the target does not occur in the text (case- and
 * whitespace-tolerant), returns `{"error": message}` instead. Never throws.
 */
export function contextLine(line: string): string {
  let input: unknown;
  try {
    input = JSON.parse(line);
  } catch {
    return JSON.stringify({ error: 'input is not valid JSON; expected {"text": string, "target": string}' });
  }
  if (typeof input !== 'object' || input === null || Array.isArray(input)) {
    return JSON.stringify({ error: 'input must be a JSON object {"text": string, "target": string}' });
  }
  const { text, target } = input as Record<string, unknown>;
  if (typeof text !== 'string') return JSON.stringify({ error: 'missing or non-string field "text"' });
  if (typeof target !== 'string') return JSON.stringify({ error: 'missing or non-string field "target"' });
  if (target.trim() === '') return JSON.stringify({ error: 'field "target" is empty' });
  if (target.length > MAX_TARGET) return JSON.stringify({ error: `field "target" is longer than ${MAX_TARGET} characters` });
  const span = findTarget(text, target);
  if (!span) return JSON.stringify({ error: `target ${JSON.stringify(target)} not found in text` });
  const a = assertContext(text, { start: 0, end: text.length }, span);
  // Time told in the sentence ("in 1999", "two years ago") makes it historical, as in `analyze`.
  const historical = a.historical || pastCueAt(text, span.start) !== undefined;
  return JSON.stringify({
    negated: a.negated,
    historical,
    hypothetical: a.hypothetical,
    experiencer: a.experiencer,
    uncertain: a.uncertain,
  });
}
