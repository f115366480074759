/**
 * The text edit of an answer, computed from the text, the finding, its query and a small
 * {@link AnswerWriting} (the few facts of the knowledge base an edit needs). Pure and free of the
 * knowledge base, so an editor can compute (and preview) an answer's words synchronously in the
 * page; `applyAnswerToText` (answer.ts) builds the `AnswerWriting` from the knowledge and calls
 * {@link writeAnswer}.
 *
 * What a person expects the words to become:
 * - the clinician's words stay; options add the specific ones around them ("CHF" becomes
 *   "acute on chronic systolic CHF"), in adjective order, before a site word that directly
 *   precedes the evidence ("right hip fracture");
 * - an option never repeats words already there: "calf vein" before "vein DVT" writes "calf",
 *   giving "calf vein DVT"; a wording that repeats a word ("calf vein vein") writes it once;
 * - "Other (please specify)" text that names the condition ("anemia of chronic disease" for
 *   "Anemia") replaces the evidence, keeping the note's own spelling of the words it shares;
 *   other free text (a modifier, "subacute") goes where the template places it.
 */
import type { Finding } from '../types.js';
import type { ItemAnswer, Query, QueryAnswer, QueryOption, TextEdit } from './types.js';

/**
 * The facts of the knowledge base that {@link writeAnswer} needs for one finding's query. Small and
 * JSON-serialisable: the analysis provider attaches one to each query it drafts (`Query.writing`).
 */
export interface AnswerWriting {
  /** Adjective order of wordings placed `before` the evidence, by axis id ("acuity" before "type"). */
  order: string[];
  /** The family's site phrases: words placed before the evidence go before one that directly precedes it. */
  sitePhrases: string[];
  /** Hedge words a `confirm` answer removes ("possible", "r/o"). */
  hedges: string[];
  /** For items whose options have placement `value` (conflicts): the phrases of each value, by item id then value id. */
  valuePhrases: Record<string, Record<string, string[]>>;
  /** The condition's names (family terms): "Other" text containing one states the condition whole. */
  terms: string[];
}

/** The result of an answer: the new text and the single edit that made it
 *  (an empty edit at the evidence, `{from: start, to: start, insert: ''}`, when nothing changes). */
export interface AppliedAnswer {
  text: string;
  edit: TextEdit;
}

/** An answer that does not fit its query (unknown item or option, "Other" without text). */
export class AnswerError extends Error {
  override name = 'AnswerError';
}

/** A chosen option with its free text and item. */
export interface ChosenOption {
  option: QueryOption;
  /** The provider's text (trimmed) for "Other"; empty otherwise. */
  text: string;
  itemId: string;
}

/** The options an answer chooses, checked against the query. @throws {AnswerError} */
export function chosenOptions(query: Query, answer: QueryAnswer): ChosenOption[] {
  if (answer.queryId !== query.id) throw new AnswerError(`the answer is for ${answer.queryId}, not for ${query.id}`);
  const seen = new Set<string>();
  return answer.choices.map((choice: ItemAnswer) => {
    const item = query.items.find((i) => i.id === choice.itemId);
    if (!item) throw new AnswerError(`query ${query.id} has no item "${choice.itemId}" (items: ${query.items.map((i) => i.id).join(', ')})`);
    if (seen.has(item.id)) throw new AnswerError(`item "${item.id}" is answered twice`);
    seen.add(item.id);
    const option = item.options.find((o) => o.id === choice.optionId);
    if (!option) throw new AnswerError(`item "${item.id}" has no option "${choice.optionId}" (options: ${item.options.map((o) => o.id).join(', ')})`);
    const free = (choice.text ?? '').trim();
    if (option.role === 'other' && free === '') throw new AnswerError(`item "${item.id}": "${option.label}" needs the provider's text`);
    return { option, text: option.role === 'other' ? free : '', itemId: item.id };
  });
}

const escape = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
/** A phrase as a regular expression source: any run of whitespace matches any run. */
const phraseSource = (phrase: string): string => escape(phrase.trim()).replace(/\s+/g, '\\s+');
const WORD_BEFORE = '(?<![\\p{L}\\p{N}])';
const WORD_AFTER = '(?![\\p{L}\\p{N}])';

/** "calf vein vein" → "calf vein": a word repeated right after itself is written once. */
export function collapseRepeatedWords(words: string): string {
  return words.replace(/(?<![\p{L}\p{N}])([\p{L}\p{N}][\p{L}\p{N}'-]*)(\s+\1)+(?![\p{L}\p{N}])/giu, '$1');
}

/**
 * Computes the edit of `answer` and applies it to `text`. One edit covers all items, so the caller
 * applies it as one transaction.
 *
 * @throws {AnswerError} when the answer names an item or option the query does not have, or an
 *   "Other" choice has no text.
 */
export function writeAnswer(text: string, finding: Finding, query: Query, answer: QueryAnswer, writing: AnswerWriting): AppliedAnswer {
  const chosen = chosenOptions(query, answer);
  const noEdit: AppliedAnswer = { text, edit: { from: finding.start, to: finding.start, insert: '' } };
  const writes = chosen.filter((c) => c.option.wording !== null && (c.option.role !== 'other' || c.text !== ''));
  if (writes.length === 0) return noEdit;

  const wordsOf = (c: ChosenOption): string => collapseRepeatedWords(c.option.role === 'other' ? c.text : c.option.wording!.text);
  const evidence = text.slice(finding.start, finding.end);

  // "Other" text that names the condition is a whole statement: it takes the evidence's place.
  const whole = writes.find((c) => c.option.role === 'other' && namesCondition(c.text, evidence, writing.terms));
  const rest = writes.filter((c) => c !== whole);
  const statement = whole ? inNoteSpelling(wordsOf(whole), evidence) : null;

  const first = rest[0];
  const placement = first?.option.wording!.placement;
  if (first && !statement) {
    if (placement === 'value') return applyEdit(text, conflictEdit(text, finding, query, wordsOf(first), first, writing) ?? annotateEdit(finding, wordsOf(first)));
    if (placement === 'confirm') return applyEdit(text, confirmEdit(text, finding, writing) ?? annotateEdit(finding, 'confirmed'));
    if (placement === 'replace') return applyEdit(text, { from: finding.start, to: finding.end, insert: capitalised(text, finding.start, wordsOf(first)) });
    if (placement === 'annotate') return applyEdit(text, annotateEdit(finding, wordsOf(first)));
  }

  // before / after: all items together, around the evidence (or around the "Other" statement).
  const around = rest.filter((c) => c.option.wording!.placement === 'before' || c.option.wording!.placement === 'after');
  const order = (c: ChosenOption): number => {
    const axis = query.items.find((i) => i.id === c.itemId)?.axis;
    const index = axis ? writing.order.indexOf(axis) : -1;
    return index < 0 ? writing.order.length : index;
  };
  const sorted = [...around].sort((a, b) => order(a) - order(b));
  const beforeWords = sorted.filter((c) => c.option.wording!.placement === 'before').map(wordsOf).join(' ');
  const afterWords = sorted.filter((c) => c.option.wording!.placement === 'after').map(wordsOf);

  if (statement !== null) {
    // The statement replaces the evidence; the other items' words go around it, without repeats.
    const inner = trimOverlapEnd(beforeWords, statement);
    const outer = afterWords.reduce((acc, w) => acc + joinAfter(trimOverlapStart(w, acc)), statement);
    const words = inner === '' ? outer : `${inner} ${outer}`;
    return applyEdit(text, { from: finding.start, to: finding.end, insert: capitalised(text, finding.start, words) });
  }

  // Words after the evidence, minus those already following it.
  let suffix = '';
  for (const w of afterWords) {
    const trimmed = trimOverlapStart(w, suffix === '' ? text.slice(finding.end, finding.end + 200) : suffix);
    if (trimmed !== '') suffix += joinAfter(trimmed);
  }
  // Words before the evidence (before a site word right in front of it), minus those already there.
  let at = beforeWords === '' ? finding.start : siteBefore(text, finding, writing.sitePhrases);
  let prefix = beforeWords;
  if (prefix !== '') {
    const overlap = overlapBefore(text, at, prefix);
    at = overlap.at;
    prefix = overlap.words;
  }
  if (prefix !== '') prefix = capitalised(text, at, prefix);
  if (prefix === '' && suffix === '') return noEdit;
  if (suffix === '') return applyEdit(text, { from: at, to: at, insert: `${prefix} ` });
  if (prefix === '') return applyEdit(text, { from: finding.end, to: finding.end, insert: suffix });
  return applyEdit(text, { from: at, to: finding.end, insert: `${prefix} ${text.slice(at, finding.end)}${suffix}` });
}

/** Whether free text names the condition: it contains the evidence or one of the condition's names, as whole words. */
function namesCondition(free: string, evidence: string, terms: readonly string[]): boolean {
  const has = (phrase: string): boolean =>
    phrase.trim().length >= 2 && new RegExp(`${WORD_BEFORE}${phraseSource(phrase)}${WORD_AFTER}`, 'iu').test(free);
  return has(evidence) || terms.some(has);
}

/** The statement with the words it shares with the evidence spelled as the note spells them. */
function inNoteSpelling(statement: string, evidence: string): string {
  const re = new RegExp(`${WORD_BEFORE}${phraseSource(evidence)}${WORD_AFTER}`, 'iu');
  return evidence.trim() === '' ? statement : statement.replace(re, evidence);
}

/** `words` placed after the evidence: a leading comma, semicolon or parenthesis attaches, others get a space. */
const joinAfter = (words: string): string => (/^[,;)]/.test(words) ? words : ` ${words}`);

const wordsIn = (s: string): string[] => s.trim().split(/\s+/).filter((w) => w !== '');
const sameWord = (a: string, b: string): boolean => a.localeCompare(b, undefined, { sensitivity: 'accent' }) === 0;

/**
 * Words to insert before `at` without repeating the words already right before it: the longest
 * tail of `words` that equals the text's last words before `at` is dropped and the rest goes in
 * front of them ("calf vein" before "vein DVT" inserts "calf " before "vein").
 */
function overlapBefore(text: string, at: number, words: string): { at: number; words: string } {
  const inserted = wordsIn(words);
  const head = text.slice(Math.max(0, at - 200), at);
  if (!/\s$/.test(head) && at > 0) return { at, words };
  // The words right before `at`, with their offsets (stopping at a line break or punctuation).
  const found: Array<{ word: string; start: number }> = [];
  const re = /([^\s]+)([ \t]+)$/u;
  let end = head.length;
  let rest = head;
  while (found.length < inserted.length) {
    const m = re.exec(rest);
    if (!m || /[.,;:!?()]$/.test(m[1]!)) break;
    end -= m[0].length;
    found.unshift({ word: m[1]!, start: at - head.length + end });
    rest = rest.slice(0, end);
  }
  for (let k = Math.min(inserted.length, found.length); k > 0; k--) {
    const tail = inserted.slice(inserted.length - k);
    const before = found.slice(found.length - k);
    if (tail.every((w, i) => sameWord(w, before[i]!.word))) {
      return { at: before[0]!.start, words: inserted.slice(0, inserted.length - k).join(' ') };
    }
  }
  return { at, words };
}

/** `words` minus its leading words that `following` already starts with (after leading spaces). */
function trimOverlapStart(words: string, following: string): string {
  const inserted = wordsIn(words);
  const next = wordsIn(following.replace(/[.,;:!?()].*$/su, ''));
  for (let k = Math.min(inserted.length, next.length); k > 0; k--) {
    if (inserted.slice(0, k).every((w, i) => sameWord(w, next[i]!))) return inserted.slice(k).join(' ');
  }
  return words;
}

/** `words` minus its trailing words that `statement` already starts with. */
function trimOverlapEnd(words: string, statement: string): string {
  const inserted = wordsIn(words);
  const next = wordsIn(statement);
  for (let k = Math.min(inserted.length, next.length); k > 0; k--) {
    const tail = inserted.slice(inserted.length - k);
    if (tail.every((w, i) => sameWord(w, next[i]!))) return inserted.slice(0, inserted.length - k).join(' ');
  }
  return inserted.join(' ');
}

/** At the start of a sentence or list item, inserted words take the capital the clinician used there. */
function capitalised(text: string, at: number, words: string): string {
  if (words !== '' && startsSentence(text, at) && /^\p{Lu}/u.test(text.charAt(at))) return words.charAt(0).toUpperCase() + words.slice(1);
  return words;
}

/**
 * Where words placed before the evidence go: before a site phrase that directly precedes it
 * ("right" goes before "hip" in "hip fracture", not between them), else at the evidence.
 */
function siteBefore(text: string, finding: Finding, sitePhrases: readonly string[]): number {
  const before = text.slice(Math.max(0, finding.start - 60), finding.start);
  let at = finding.start;
  for (const phrase of sitePhrases) {
    const match = new RegExp(`${WORD_BEFORE}${phraseSource(phrase)}[ \\t]+$`, 'iu').exec(before);
    if (match) at = Math.min(at, finding.start - before.length + match.index);
  }
  return at;
}

function applyEdit(text: string, edit: TextEdit): AppliedAnswer {
  return { text: text.slice(0, edit.from) + edit.insert + text.slice(edit.to), edit };
}

function annotateEdit(finding: Finding, wording: string): TextEdit {
  return { from: finding.end, to: finding.end, insert: ` (${wording})` };
}

/** True when the offset starts a sentence, a line or a list item (capitals are kept there). */
function startsSentence(text: string, offset: number): boolean {
  const before = text.slice(Math.max(0, offset - 40), offset).replace(/[ \t]+$/, '');
  return before === '' || /(?:[.:!?\n\r]|^\s*\d+[.)]|-)$/.test(before);
}

/** Removes the hedge ("possible", "r/o") just before the evidence, on the same line. */
function confirmEdit(text: string, finding: Finding, writing: AnswerWriting): TextEdit | null {
  const lineStart = text.lastIndexOf('\n', finding.start - 1) + 1;
  const before = text.slice(lineStart, finding.start);
  let best: { from: number } | null = null;
  for (const hedge of writing.hedges) {
    const match = new RegExp(`${WORD_BEFORE}${escape(hedge)}\\s*(?:of\\s+|for\\s+)?$`, 'iu').exec(before);
    if (match && (!best || lineStart + match.index < best.from)) best = { from: lineStart + match.index };
  }
  if (!best) return null;
  return { from: best.from, to: finding.start, insert: '' };
}

/**
 * For a conflict: the phrase of the value not chosen, at the mention that states it, replaced by the
 * chosen wording. Searches the mention itself and its line around it; null when no phrase is found.
 */
function conflictEdit(text: string, finding: Finding, query: Query, wording: string, chosen: ChosenOption, writing: AnswerWriting): TextEdit | null {
  const item = query.items.find((i) => i.id === chosen.itemId);
  const phrasesByValue = item ? writing.valuePhrases[item.id] : undefined;
  if (!item?.axis || !phrasesByValue) return null;
  const axis = item.axis;
  const value = chosen.option.values[axis];
  const others = item.options.filter((o) => o.role === 'answer' && o.values[axis] !== value).map((o) => o.values[axis]!);
  const phrases = others.flatMap((v) => phrasesByValue[v] ?? []).sort((a, b) => b.length - a.length);
  for (const span of [...finding.mentions].reverse()) {
    const lineStart = text.lastIndexOf('\n', span.start - 1) + 1;
    const lineEnd = text.indexOf('\n', span.end) < 0 ? text.length : text.indexOf('\n', span.end);
    const from = Math.max(lineStart, span.start - 60);
    const to = Math.min(lineEnd, span.end + 60);
    let best: TextEdit | null = null;
    let bestDistance = Infinity;
    for (const phrase of phrases) {
      const re = new RegExp(`${WORD_BEFORE}${phraseSource(phrase)}${WORD_AFTER}`, 'giu');
      for (const m of text.slice(from, to).matchAll(re)) {
        const start = from + m.index;
        const end = start + m[0].length;
        const distance = end <= span.start ? span.start - end : start >= span.end ? start - span.end : 0;
        if (distance < bestDistance) {
          bestDistance = distance;
          best = { from: start, to: end, insert: wording };
        }
      }
    }
    if (best) return best;
  }
  return null;
}
