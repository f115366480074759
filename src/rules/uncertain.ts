/**
 * The `uncertain-diagnosis` rule kind. In an outpatient note a hedged diagnosis ("probable
 * pneumonia") is not coded (ICD-10-CM Official Guidelines IV.H): the finding asks for the confirmed
 * diagnosis or the signs and symptoms. Inpatient notes code it as if established (II.H), so it is
 * not reported there. A family also stated without a hedge elsewhere in the note is not reported.
 */
import type { Finding, Setting } from '../types.js';
import type { CompiledFamily } from './knowledge.js';
import type { RuleMention } from './specificity.js';

const SOURCE = 'ICD-10-CM Official Guidelines IV.H (outpatient: uncertain diagnoses are not coded) and II.H (inpatient)';

/** Finds hedged diagnoses of one family in an outpatient note. */
export function uncertainDiagnoses(family: CompiledFamily, mentions: readonly RuleMention[], setting: Setting): Finding[] {
  if (setting !== 'outpatient' || mentions.some((m) => m.current)) return [];
  const hedged = mentions.filter((m) => m.assertion.uncertain && !m.assertion.negated && !m.assertion.hypothetical && m.assertion.experiencer === 'patient');
  const first = hedged[0];
  if (!first) return [];
  return [{
    id: `uncertain-diagnosis:${family.rule.family}:${first.start}-${first.end}`,
    kind: 'uncertain-diagnosis',
    severity: 'warning',
    family: family.rule.family,
    axes: [],
    start: first.start,
    end: first.end,
    text: first.text,
    mentions: hedged.map((m) => ({ start: m.start, end: m.end })),
    assertion: first.assertion,
    section: first.section,
    message: `${family.rule.title} is documented as uncertain. In an outpatient note an uncertain diagnosis is not coded: state the diagnosis if it is confirmed, or the signs and symptoms.`,
    codes: { current: null, candidates: [] },
    documented: { ...first.values },
    rule: `uncertain-diagnosis/${family.rule.family}`,
    source: [SOURCE],
  }];
}
