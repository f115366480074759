/**
 * The hand-off summary: what a coder or CDI specialist needs when the clinician is done with a
 * note: the queries still open, the ones answered, the findings dismissed (with reasons) and the
 * code each finding supports now. Pure; the CLI and the element render the same object.
 */
import type { Analysis, Finding } from '../types.js';
import { chosenOptions, codeAfterAnswer } from './answer.js';
import { draftQuery } from './draft.js';
import { defaultQueryKnowledge, type QueryKnowledge } from './knowledge.js';
import type { AnsweredQuery, HandoffState, HandoffSummary } from './types.js';

/** What every hand-off says it covers. */
export const HANDOFF_SCOPE = 'Covers only the conditions cdi-lint flagged in this note; it is not a complete coding of the note.';

const KIND_NAMES: Readonly<Record<Finding['kind'], string>> = {
  'missing-specificity': 'Condition',
  'vague-term': 'Unclear term',
  'undocumented-condition': 'Possible undocumented condition',
  conflict: 'Conflicting documentation',
  'uncertain-diagnosis': 'Uncertain diagnosis',
};

/** A finding's condition in plain words: the family's title ("Heart failure"), else the kind and the words quoted. */
export function conditionName(finding: Pick<Finding, 'family' | 'kind' | 'text'>, knowledge: QueryKnowledge = defaultQueryKnowledge()): string {
  const family = finding.family ? knowledge.families.get(finding.family) : undefined;
  if (family) return family.title;
  return `${KIND_NAMES[finding.kind] ?? 'Finding'}: "${finding.text}"`;
}

/**
 * Builds the summary of one analysed note. A finding is answered when `state.answered` holds a
 * query for its id, dismissed when `state.dismissed` names it (an answer wins over a dismissal),
 * and otherwise unanswered, with its query drafted from `state.text`. An answered query whose
 * finding is not in the analysis (answered in part, its condition still flagged for the rest) is
 * listed as answered without a code line of its own: the still-flagged finding carries the code.
 * When several answers name the same finding, the last one counts. Low-confidence findings are
 * listed like the others and named in `lowConfidence`; a caller that shows only high-confidence
 * findings leaves the others out of `analysis` (as the command line without `--all` does).
 */
export function handoff(analysis: Analysis, state: HandoffState, knowledge: QueryKnowledge = defaultQueryKnowledge()): HandoffSummary {
  const summary: HandoffSummary = { scope: HANDOFF_SCOPE, unanswered: [], answered: [], dismissed: [], codes: [], lowConfidence: [] };
  const latest = state.answered.filter((a, i) => !state.answered.slice(i + 1).some((b) => b.query.findingId === a.query.findingId));
  const listed = new Set<AnsweredQuery>();
  const labelsOf = (a: AnsweredQuery): string[] =>
    chosenOptions(a.query, a.answer).map((c) => (c.option.role === 'other' ? `${c.option.label}: ${c.text}` : c.option.label));
  for (const finding of analysis.findings) {
    const answered = latest.find((a) => a.query.findingId === finding.id);
    const dismissed = state.dismissed.find((d) => d.findingId === finding.id);
    const condition = conditionName(finding, knowledge);
    if (finding.confidence === 'low') summary.lowConfidence.push({ findingId: finding.id, reasons: [...(finding.confidenceReasons ?? [])] });
    if (answered) {
      listed.add(answered);
      summary.answered.push({ ...answered, labels: labelsOf(answered), condition });
    } else if (dismissed) {
      summary.dismissed.push({ ...dismissed, rule: finding.rule, evidence: finding.text, condition });
    } else {
      summary.unanswered.push(draftQuery(finding, state.text, { analysis, knowledge }));
    }
    summary.codes.push({
      findingId: finding.id,
      rule: finding.rule,
      condition,
      before: finding.codes.current,
      now: answered ? codeAfterAnswer(finding, answered.query, answered.answer, knowledge) : finding.codes.current,
    });
  }
  for (const answered of latest) {
    if (listed.has(answered)) continue;
    const family = answered.query.family ? knowledge.families.get(answered.query.family) : undefined;
    const condition = family?.title ?? answered.query.title;
    summary.answered.push({ ...answered, labels: labelsOf(answered), condition });
  }
  return summary;
}
