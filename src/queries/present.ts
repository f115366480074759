/**
 * How a query is presented to a clinician who should be able to answer it in two seconds: the
 * condition in plain words, one line saying what is left to state (narrowed as items are answered),
 * and at most about seven options per item before "More". Pure and knowledge-free: the element
 * imports this module without pulling the engine's data into its bundle.
 */
import type { ItemAnswer, Query, QueryItem, QueryOption } from './types.js';

/** Answer options shown before "More" when an item has more than this many. */
export const MAX_VISIBLE_ANSWERS = 7;

/** The query's condition in plain words ("Heart failure", "knee osteoarthritis"), capitalised. */
export function conditionHeading(query: Pick<Query, 'condition' | 'family' | 'title'>): string {
  const name = query.condition ?? query.family?.replace(/-/g, ' ') ?? query.title;
  return name.charAt(0).toUpperCase() + name.slice(1);
}

/**
 * The options of one item split for display: `shown` (every answer when there are at most
 * {@link MAX_VISIBLE_ANSWERS}, else the first `MAX_VISIBLE_ANSWERS - 1` in clinical order),
 * `more` (the rest of the answers), and `extra` ("Other", "Clinically undetermined", "Not
 * clinically significant"), which are always shown: a compliant query never hides them.
 * An option already chosen is always shown, even when it would fall behind "More".
 */
export function splitOptions(item: Pick<QueryItem, 'options'>, chosenId?: string, max = MAX_VISIBLE_ANSWERS): { shown: QueryOption[]; more: QueryOption[]; extra: QueryOption[] } {
  const answers = item.options.filter((o) => o.role === 'answer' || o.role === 'yes' || o.role === 'no');
  const extra = item.options.filter((o) => !answers.includes(o));
  if (answers.length <= max) return { shown: answers, more: [], extra };
  const keep = Math.max(1, max - 1);
  const shown = answers.slice(0, keep);
  const chosen = answers.find((o) => o.id === chosenId);
  if (chosen && !shown.includes(chosen)) shown.push(chosen);
  return { shown, more: answers.filter((o) => !shown.includes(o)), extra };
}

/** A label inside a sentence: lower-case first letter, except for an abbreviation ("ESRD", "MRSA"). */
function inSentence(label: string): string {
  const first = label.split(/\s+/)[0] ?? '';
  return first.length > 1 && first === first.toUpperCase() && /[A-Z]/.test(first) ? label : label.charAt(0).toLowerCase() + label.slice(1);
}

/** A few words, joined for a sentence: "a", "a or b", "a, b or c". */
function either(words: readonly string[]): string {
  return words.length <= 1 ? (words[0] ?? '') : `${words.slice(0, -1).join(', ')} or ${words[words.length - 1]}`;
}

/** Longest common prefix of some strings. */
function commonPrefix(texts: readonly string[]): string {
  let prefix = texts[0] ?? '';
  for (const t of texts) while (!t.startsWith(prefix)) prefix = prefix.slice(0, -1);
  return prefix;
}

/**
 * What one unanswered item still asks for: "the type", or, when at most three answers remain, the
 * answers themselves with their shared start taken out as context ("stage 3" and "3a or 3b").
 */
function remaining(item: QueryItem, few: boolean): { ask: string; context: string } {
  const labels = item.options.filter((o) => o.role === 'answer').map((o) => o.label);
  const prompt = item.prompt.toLowerCase();
  if (!few || labels.length < 2 || labels.length > 3) return { ask: `the ${prompt}`, context: '' };
  const chars = commonPrefix(labels);
  // Cut the shared start back to whole words: "Stage 3a"/"Stage 3b" share "Stage 3" but the words
  // the clinician chooses between are "3a" and "3b".
  const wordCut = chars.lastIndexOf(' ') + 1;
  const rest = labels.map((l) => l.slice(wordCut));
  const context = chars.trim() !== '' && chars.length > wordCut ? chars.trim() : '';
  return { ask: either(rest.map(inSentence)), context: context === '' ? '' : inSentence(chars.trim()) };
}

/**
 * The one line above the indicators: the condition, then what is left to state.
 * - nothing answered: "Heart failure: state the acuity and the type."
 * - few answers left: "Chronic kidney disease, stage 3: state 3a or 3b."
 * - after a partial answer: "Heart failure, acute on chronic: state the type."
 * - all answered: "Heart failure: acute on chronic, systolic."
 */
export function statementLine(query: Pick<Query, 'condition' | 'family' | 'title' | 'items'>, chosen: readonly ItemAnswer[] = []): string {
  const heading = conditionHeading(query);
  const said: string[] = [];
  const open: QueryItem[] = [];
  for (const item of query.items) {
    const choice = chosen.find((c) => c.itemId === item.id);
    const option = choice ? item.options.find((o) => o.id === choice.optionId) : undefined;
    if (!choice || !option) open.push(item);
    else said.push(option.role === 'other' ? (choice.text ?? '').trim() || inSentence(option.label) : inSentence(option.label));
  }
  if (open.length === 0) return `${heading}: ${said.join(', ')}.`;
  // Answers are spelt out only for the last item left (several lists in one line read badly).
  const asks = open.map((item) => remaining(item, open.length === 1));
  const context = [...said, ...asks.map((a) => a.context).filter((c) => c !== '')];
  const lead = context.length > 0 ? `${heading}, ${context.join(', ')}` : heading;
  const list = asks.map((a) => a.ask);
  return `${lead}: state ${list.length <= 1 ? list[0] : `${list.slice(0, -1).join(', ')} and ${list[list.length - 1]}`}.`;
}

/** What a screen reader hears on landing on a finding: "CHF: needs acuity and type. Tab to answer." */
export function landingAnnouncement(evidence: string, query: Pick<Query, 'items'> | undefined, chosen: readonly ItemAnswer[] = []): string {
  const words = evidence.replace(/\s+/g, ' ').trim();
  const open = (query?.items ?? []).filter((i) => !chosen.some((c) => c.itemId === i.id)).map((i) => i.prompt.toLowerCase());
  if (open.length === 0) return `${words}: needs detail.${query ? ' Tab to answer.' : ''}`;
  return `${words}: needs ${either(open).replace(/ or ([^,]+)$/, ' and $1')}. Tab to answer.`;
}

/** What a screen reader hears after an answer: `Wrote "acute on chronic systolic CHF".` or what was recorded. */
export function answerAnnouncement(written: string | null, label?: string): string {
  if (written !== null && written.trim() !== '') return `Wrote "${written.replace(/\s+/g, ' ').trim()}".`;
  return label ? `Recorded "${label}"; the note is unchanged.` : 'Recorded; the note is unchanged.';
}

/**
 * The words an answer left in the note around the finding, for the answer's announcement:
 * "Acute on chronic CHF" after "Acute on chronic " was written before "CHF". `after` is the text
 * after `edit`; `finding` and `edit` are offsets into the text before it.
 */
export function writtenPhrase(after: string, finding: { start: number; end: number }, edit: { from: number; to: number; insert: string }): string {
  const delta = edit.insert.length - (edit.to - edit.from);
  const map = (offset: number, bias: -1 | 1): number =>
    offset < edit.from || (offset === edit.from && bias < 0) ? offset : offset >= edit.to ? offset + delta : edit.from + (bias > 0 ? edit.insert.length : 0);
  const start = Math.min(edit.from, map(finding.start, -1));
  const end = Math.max(edit.from + edit.insert.length, map(finding.end, 1));
  return after.slice(Math.max(0, start), Math.min(after.length, end)).replace(/\s+/g, ' ').trim();
}
