/**
 * Answers, engine side: the text edit a provider's answer makes, and the code the note supports
 * once it is made. The clinician's words stay; the answer adds the specific ones ("CHF" becomes
 * "acute on chronic systolic CHF"). "Clinically undetermined" and "Not clinically significant"
 * change nothing.
 */
import type { CodeRef, Finding } from '../types.js';
import { currentCode } from '../rules/codes.js';
import { defaultQueryKnowledge, type QueryKnowledge } from './knowledge.js';
import type { Query, QueryAnswer } from './types.js';
import { AnswerError, chosenOptions, writeAnswer, type AnswerWriting, type AppliedAnswer } from './answer-edit.js';

export { AnswerError, chosenOptions, writeAnswer, collapseRepeatedWords, type AnswerWriting, type AppliedAnswer, type ChosenOption } from './answer-edit.js';

/**
 * Computes the edit for an answer and applies it (see {@link writeAnswer} for what the words
 * become). Wordings placed `before` the evidence are joined in the adjective order of
 * options.json ("acute on chronic" then "systolic"), those placed `after` follow it; `replace`
 * replaces the evidence; `annotate` adds "(wording)" after it; `confirm` removes a hedge word just
 * before it ("possible"); `value` replaces the phrase of the other documented value of a conflict.
 * "Other" writes the provider's text with the template's placement, or instead of the evidence
 * when the text names the condition. One edit covers all items, so the caller applies it as one
 * transaction.
 *
 * @throws {AnswerError} when the answer names an item or option the query does not have, or an
 *   "Other" choice has no text.
 */
export function applyAnswerToText(text: string, finding: Finding, query: Query, answer: QueryAnswer, knowledge: QueryKnowledge = defaultQueryKnowledge()): AppliedAnswer {
  return writeAnswer(text, finding, query, answer, query.writing ?? answerWriting(finding, query, knowledge));
}

/**
 * The facts of the knowledge base that writing an answer to `query` needs (see
 * {@link AnswerWriting}): attached to each query the analysis provider drafts, so the page can
 * compute and preview answers without the knowledge base.
 */
export function answerWriting(finding: Finding, query: Query, knowledge: QueryKnowledge = defaultQueryKnowledge()): AnswerWriting {
  const family = finding.family ? knowledge.families.get(finding.family) : undefined;
  const site = family?.qualifiers['site'] ?? family?.axes.site;
  const valuePhrases: AnswerWriting['valuePhrases'] = {};
  for (const item of query.items) {
    if (!item.axis || !item.options.some((o) => o.wording?.placement === 'value')) continue;
    const values = family?.axes[item.axis]?.values;
    if (values) valuePhrases[item.id] = Object.fromEntries(Object.entries(values).map(([v, phrases]) => [v, [...phrases]]));
  }
  return {
    order: [...knowledge.order],
    sitePhrases: site ? Object.values(site.values).flat() : [],
    hedges: [...knowledge.hedges],
    valuePhrases,
    terms: family ? family.terms.map((t) => t.text) : [],
  };
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

