/**
 * Answers, engine side: the text edit a provider's answer makes, and the code the note supports
 * once it is made. The clinician's words stay; the answer adds the specific ones ("CHF" becomes
 * "acute on chronic systolic CHF"). "Clinically undetermined" and "Not clinically significant"
 * change nothing.
 */
import type { CodeRef, Finding } from '../types.js';
import { currentCode } from '../rules/codes.js';
import { defaultQueryKnowledge, type QueryKnowledge } from './knowledge.js';
import type { ItemAnswer, Query, QueryAnswer, QueryOption, TextEdit } from './types.js';

/** The result of {@link applyAnswerToText}: the new text and the single edit that made it
 *  (an empty edit at the evidence, `{from: start, to: start, insert: ''}`, when nothing changes). */
export interface AppliedAnswer {
  text: string;
  edit: TextEdit;
}

/** An answer that does not fit its query (unknown item or option, "Other" without text). */
export class AnswerError extends Error {
  override name = 'AnswerError';
}

/** A chosen option with its free text. */
interface Chosen {
  option: QueryOption;
  text: string;
}

/**
 * Computes the edit for an answer and applies it. Wordings placed `before` the evidence are joined
 * in the adjective order of options.json ("acute on chronic" then "systolic"), those placed `after`
 * follow it; `replace` replaces the evidence; `annotate` adds "(wording)" after it; `confirm`
 * removes a hedge word just before it ("possible"); `value` replaces the phrase of the other
 * documented value of a conflict. "Other" writes the provider's text with the template's placement.
 * One edit covers all items, so the caller applies it as one transaction.
 *
 * @throws {AnswerError} when the answer names an item or option the query does not have, or an
 *   "Other" choice has no text.
 */
export function applyAnswerToText(text: string, finding: Finding, query: Query, answer: QueryAnswer, knowledge: QueryKnowledge = defaultQueryKnowledge()): AppliedAnswer {
  const chosen = chosenOptions(query, answer);
  const noEdit: AppliedAnswer = { text, edit: { from: finding.start, to: finding.start, insert: '' } };
  const writing = chosen.filter((c) => c.option.wording !== null && (c.option.role !== 'other' || c.text !== ''));
  if (writing.length === 0) return noEdit;

  const wordingOf = (c: Chosen) => ({ text: c.option.role === 'other' ? c.text : c.option.wording!.text, placement: c.option.wording!.placement });
  const first = writing[0]!;
  const placement = first.option.wording!.placement;

  if (placement === 'value') return applyEdit(text, conflictEdit(text, finding, query, wordingOf(first).text, first.option, knowledge) ?? annotateEdit(finding, wordingOf(first).text));
  if (placement === 'confirm') return applyEdit(text, confirmEdit(text, finding, knowledge) ?? annotateEdit(finding, 'confirmed'));
  if (placement === 'replace') return applyEdit(text, { from: finding.start, to: finding.end, insert: wordingOf(first).text });
  if (placement === 'annotate') return applyEdit(text, annotateEdit(finding, wordingOf(first).text));

  // before / after: all items together, around the evidence.
  const order = (c: Chosen): number => {
    const axis = query.items.find((i) => i.options.includes(c.option))?.axis;
    const index = axis ? knowledge.order.indexOf(axis) : -1;
    return index < 0 ? knowledge.order.length : index;
  };
  const sorted = [...writing].sort((a, b) => order(a) - order(b));
  const before = sorted.filter((c) => c.option.wording!.placement === 'before').map((c) => wordingOf(c).text);
  const after = sorted.filter((c) => c.option.wording!.placement !== 'before').map((c) => wordingOf(c).text);
  const evidence = text.slice(finding.start, finding.end);
  const suffix = after.map((w) => (/^[,;)]/.test(w) ? w : ` ${w}`)).join('');
  const at = suffix === '' ? siteBefore(text, finding, knowledge) : finding.start;
  let prefix = before.join(' ');
  // At the start of a sentence or list item, the inserted words take the capital the clinician used.
  if (prefix !== '' && startsSentence(text, at) && /^[A-Z]/.test(text.charAt(at))) prefix = prefix.charAt(0).toUpperCase() + prefix.slice(1);
  if (suffix === '') return applyEdit(text, { from: at, to: at, insert: `${prefix} ` });
  if (prefix === '') return applyEdit(text, { from: finding.end, to: finding.end, insert: suffix });
  return applyEdit(text, { from: finding.start, to: finding.end, insert: `${prefix} ${evidence}${suffix}` });
}

/**
 * The code the note supports once the answer is applied: for an axis finding, the family's code
 * for what is documented plus the chosen values; otherwise the chosen option's own code. Falls
 * back to the finding's current code (undetermined, not significant, "Other", unanswered).
 */
export function codeAfterAnswer(finding: Finding, query: Query, answer: QueryAnswer | null, knowledge: QueryKnowledge = defaultQueryKnowledge()): CodeRef | null {
  if (!answer) return finding.codes.current;
  const chosen = chosenOptions(query, answer).filter((c) => c.option.role === 'answer');
  if (chosen.length === 0) return finding.codes.current;
  const values = Object.assign({}, ...chosen.map((c) => c.option.values)) as Record<string, string>;
  const family = finding.family ? knowledge.families.get(finding.family) : undefined;
  if (family && Object.keys(values).length > 0) return currentCode(family.codes, { ...finding.documented, ...values });
  return chosen.find((c) => c.option.code)?.option.code ?? finding.codes.current;
}

/** The options an answer chooses, checked against the query. */
export function chosenOptions(query: Query, answer: QueryAnswer): Array<{ option: QueryOption; text: string; itemId: string }> {
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

/**
 * Where words placed before the evidence go: before a site phrase that directly precedes it
 * ("right" goes before "hip" in "hip fracture", not between them), else at the evidence.
 */
function siteBefore(text: string, finding: Finding, k: QueryKnowledge): number {
  const family = finding.family ? k.families.get(finding.family) : undefined;
  const site = family?.qualifiers['site'] ?? family?.axes.site;
  if (!site) return finding.start;
  const before = text.slice(Math.max(0, finding.start - 60), finding.start);
  let at = finding.start;
  for (const phrase of Object.values(site.values).flat()) {
    const escaped = phrase.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/\s+/g, '\\s+');
    const match = new RegExp(`(?<![\\p{L}\\p{N}])${escaped}[ \\t]+$`, 'iu').exec(before);
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
  return before === '' || /(?:[.:!?\n]|^\s*\d+[.)]|-)$/.test(before);
}

/** Removes the hedge ("possible", "r/o") just before the evidence, on the same line. */
function confirmEdit(text: string, finding: Finding, k: QueryKnowledge): TextEdit | null {
  const lineStart = text.lastIndexOf('\n', finding.start - 1) + 1;
  const before = text.slice(lineStart, finding.start);
  let best: { from: number } | null = null;
  for (const hedge of k.hedges) {
    const escaped = hedge.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    const match = new RegExp(`(?<![\\p{L}\\p{N}])${escaped}\\s*(?:of\\s+|for\\s+)?$`, 'iu').exec(before);
    if (match && (!best || lineStart + match.index < best.from)) best = { from: lineStart + match.index };
  }
  if (!best) return null;
  return { from: best.from, to: finding.start, insert: '' };
}

/**
 * For a conflict: the phrase of the value not chosen, at the mention that states it, replaced by the
 * chosen wording. Searches the mention itself and its line around it; null when no phrase is found.
 */
function conflictEdit(text: string, finding: Finding, query: Query, wording: string, option: QueryOption, k: QueryKnowledge): TextEdit | null {
  const family = finding.family ? k.families.get(finding.family) : undefined;
  const item = query.items.find((i) => i.options.includes(option));
  if (!family || !item?.axis) return null;
  const axis = item.axis;
  const chosen = option.values[axis];
  const others = item.options.filter((o) => o.role === 'answer' && o.values[axis] !== chosen).map((o) => o.values[axis]!);
  const phrases = others.flatMap((v) => family.axes[axis]?.values[v] ?? []).sort((a, b) => b.length - a.length);
  for (const span of [...finding.mentions].reverse()) {
    const lineStart = text.lastIndexOf('\n', span.start - 1) + 1;
    const lineEnd = text.indexOf('\n', span.end) < 0 ? text.length : text.indexOf('\n', span.end);
    const from = Math.max(lineStart, span.start - 60);
    const to = Math.min(lineEnd, span.end + 60);
    let best: TextEdit | null = null;
    let bestDistance = Infinity;
    for (const phrase of phrases) {
      const escaped = phrase.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/\s+/g, '\\s+');
      const re = new RegExp(`(?<![\\p{L}\\p{N}])${escaped}(?![\\p{L}\\p{N}])`, 'giu');
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
