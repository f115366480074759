/**
 * The query linter: checks a query (drafted here or an organisation's own) against the AHIMA/ACDIS
 * compliant query practice rules before anyone sees it. Pure; returns every problem found.
 */
import { defaultQueryKnowledge, type QueryKnowledge } from './knowledge.js';
import { YES_NO_PURPOSES, type Query, type QueryLintResult, type QueryProblem } from './types.js';

/**
 * Lints one query. `ok` is true when `problems` is empty. Rules (ids in `QUERY_LINT_RULES`):
 * a multiple-choice item with fewer than two substantive options (`single-diagnosis`), a question
 * that names an option not quoted from the note or asks a leading question (`names-answer`), no
 * quoted clinical indicators (`no-indicators`), no "Other" (`missing-other`) or "Clinically
 * undetermined" (`missing-undetermined`) option, a yes/no query whose purpose does not allow one
 * (`yes-no-not-allowed`), any word about payment, DRG, CC/MCC, HCC, RAF, case mix, quality scores
 * or money in the query's own text (`financial-or-quality`; quotations from the note are not
 * checked), and structural problems (`malformed`).
 */
export function lintQuery(query: Query, knowledge: QueryKnowledge = defaultQueryKnowledge()): QueryLintResult {
  const problems: QueryProblem[] = [];
  const add = (rule: QueryProblem['rule'], message: string): void => {
    if (!problems.some((p) => p.rule === rule && p.message === message)) problems.push({ rule, message });
  };

  if (!query.question || query.question.trim() === '') add('malformed', 'the query has no question');
  if (!Array.isArray(query.items) || query.items.length === 0) add('malformed', 'the query has no items to answer');
  const itemIds = new Set<string>();
  for (const item of query.items ?? []) {
    if (itemIds.has(item.id)) add('malformed', `item id "${item.id}" is used twice`);
    itemIds.add(item.id);
    const optionIds = new Set<string>();
    for (const option of item.options) {
      if (optionIds.has(option.id)) add('malformed', `item "${item.id}": option id "${option.id}" is used twice`);
      optionIds.add(option.id);
      if (!option.label || option.label.trim() === '') add('malformed', `item "${item.id}": option "${option.id}" has no label`);
      if (option.role === 'answer' && (!option.wording || (option.wording.placement !== 'confirm' && option.wording.text.trim() === ''))) {
        add('malformed', `item "${item.id}": answer "${option.id}" has no wording to write into the note`);
      }
    }

    const roles = item.options.map((o) => o.role);
    if (!roles.includes('other')) add('missing-other', `item "${item.id}" has no "Other (please specify)" option`);
    if (!roles.includes('undetermined')) add('missing-undetermined', `item "${item.id}" has no "Clinically undetermined" option`);
    const yesNo = roles.includes('yes') || roles.includes('no');
    if (query.format === 'open-ended') {
      const substantive = item.options.filter((o) => o.role === 'answer');
      if (substantive.length === 1) add('single-diagnosis', `item "${item.id}" offers a single option ("${substantive[0]!.label}"): an open-ended query offers none`);
    }
    if (query.format === 'multiple-choice') {
      const substantive = item.options.filter((o) => o.role === 'answer' || o.role === 'not-significant');
      if (substantive.length < 2) {
        add('single-diagnosis', `item "${item.id}" offers ${substantive.length === 1 ? `a single option ("${substantive[0]!.label}")` : 'no clinical option'}: a multiple-choice query lists every clinically reasonable option`);
      }
      if (yesNo) add('yes-no-not-allowed', `item "${item.id}" offers yes/no answers in a multiple-choice query`);
    }
  }
  if (query.format === 'yes-no' && !YES_NO_PURPOSES.includes(query.purpose)) {
    add('yes-no-not-allowed', `a yes/no query is allowed only to ${YES_NO_PURPOSES.join(', ')}; this one is to ${query.purpose}`);
  }

  const indicators = query.indicators ?? [];
  if (indicators.filter((i) => i.text.trim() !== '').length === 0) {
    add('no-indicators', query.purpose === 'new-diagnosis'
      ? 'a query for a diagnosis not documented must quote the clinical indicators that support it'
      : 'the query quotes no clinical indicators from the note');
  }

  // Leading: the question names an answer the note does not already state.
  const quoted = indicators.map((i) => i.text.toLowerCase()).join('\n');
  const question = query.question ?? '';
  for (const phrase of knowledge.leading) {
    if (containsPhrase(question, phrase, false)) add('names-answer', `the question is leading ("${phrase}"): ask neutrally, based on the clinical indicators`);
  }
  for (const item of query.items ?? []) {
    for (const option of item.options) {
      if (option.role !== 'answer' && option.role !== 'yes') continue;
      for (const name of [option.label, option.wording?.text ?? '']) {
        if (name.trim().length < 3 || containsPhrase(quoted, name, false)) continue;
        if (containsPhrase(question, name, false)) add('names-answer', `the question names the answer "${name}" (item "${item.id}"); the options offer it, the question must not`);
      }
    }
  }

  // Payment and quality words in anything the query itself says.
  const ownText = [
    query.title, question,
    ...(query.items ?? []).flatMap((i) => [i.prompt, ...i.options.flatMap((o) => [o.label, o.wording?.text ?? ''])]),
  ].join('\n');
  for (const word of knowledge.financial) {
    if (containsPhrase(ownText, word, false)) add('financial-or-quality', `the query mentions "${word}": a query never mentions reimbursement, payment, DRG, CC/MCC, HCC, RAF, case mix, quality scores or money`);
  }
  for (const word of knowledge.financialCaseSensitive) {
    if (containsPhrase(ownText, word, true)) add('financial-or-quality', `the query mentions "${word}": a query never mentions reimbursement, payment, DRG, CC/MCC, HCC, RAF, case mix, quality scores or money`);
  }
  return { ok: problems.length === 0, problems };
}

/**
 * True when `text` contains `phrase` as whole words ("case mix" in "the case-mix index", not "DRG"
 * inside "DRGX"); a phrase that starts or ends with a symbol ("$") is found anywhere. Words are
 * compared as sequences, so one split of the text serves every phrase (a Unicode regular expression
 * per phrase cost ~1 ms each to build).
 */
function containsPhrase(text: string, phrase: string, caseSensitive: boolean): boolean {
  const p = phrase.trim();
  if (p === '') return false;
  if (!WORD_EDGE_START.test(p) || !WORD_EDGE_END.test(p)) {
    return caseSensitive ? text.includes(p) : text.toLowerCase().includes(p.toLowerCase());
  }
  const target = wordsOf(p, caseSensitive);
  const words = wordsOf(text, caseSensitive);
  if (target.length === 0) return false;
  outer: for (let i = 0; i + target.length <= words.length; i++) {
    for (let k = 0; k < target.length; k++) if (words[i + k] !== target[k]) continue outer;
    return true;
  }
  return false;
}

const WORD_EDGE_START = /^[\p{L}\p{N}]/u;
const WORD_EDGE_END = /[\p{L}\p{N}]$/u;
const WORD = /[\p{L}\p{N}]+/gu;
const wordCache = new Map<string, string[]>();

/** The words of a text, lower-cased unless case matters; the last few texts are remembered. */
function wordsOf(text: string, caseSensitive: boolean): string[] {
  const key = `${caseSensitive ? 'c' : 'i'}${text}`;
  let words = wordCache.get(key);
  if (!words) {
    words = (caseSensitive ? text : text.toLowerCase()).match(WORD) ?? [];
    if (wordCache.size > 256) wordCache.clear();
    wordCache.set(key, words);
  }
  return words;
}
