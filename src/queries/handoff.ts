/**
 * The hand-off summary: what a coder or CDI specialist needs when the clinician is done with a
 * note: the queries still open, the ones answered, the findings dismissed (with reasons) and the
 * code each finding supports now. Pure; the CLI and the element render the same object.
 */
import type { Analysis } from '../types.js';
import { chosenOptions, codeAfterAnswer } from './answer.js';
import { draftQuery } from './draft.js';
import { defaultQueryKnowledge, type QueryKnowledge } from './knowledge.js';
import type { HandoffState, HandoffSummary } from './types.js';

/**
 * Builds the summary of one analysed note. A finding is answered when `state.answered` holds a
 * query for its id, dismissed when `state.dismissed` names it (an answer wins over a dismissal),
 * and otherwise unanswered, with its query drafted from `state.text`.
 */
export function handoff(analysis: Analysis, state: HandoffState, knowledge: QueryKnowledge = defaultQueryKnowledge()): HandoffSummary {
  const summary: HandoffSummary = { unanswered: [], answered: [], dismissed: [], codes: [] };
  for (const finding of analysis.findings) {
    const answered = state.answered.find((a) => a.query.findingId === finding.id);
    const dismissed = state.dismissed.find((d) => d.findingId === finding.id);
    if (answered) {
      const labels = chosenOptions(answered.query, answered.answer).map((c) => (c.option.role === 'other' ? `${c.option.label}: ${c.text}` : c.option.label));
      summary.answered.push({ ...answered, labels });
    } else if (dismissed) {
      summary.dismissed.push({ ...dismissed, rule: finding.rule, evidence: finding.text });
    } else {
      summary.unanswered.push(draftQuery(finding, state.text, { analysis, knowledge }));
    }
    summary.codes.push({
      findingId: finding.id,
      rule: finding.rule,
      before: finding.codes.current,
      now: answered ? codeAfterAnswer(finding, answered.query, answered.answer, knowledge) : finding.codes.current,
    });
  }
  return summary;
}
