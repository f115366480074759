/**
 * The `undocumented-condition` rule kind: values in the note that suggest a condition it does not
 * name (BMI 42 and no weight diagnosis; dialysis and no kidney diagnosis). The finding quotes the
 * values it saw and names no diagnosis: it is a reason to ask, never a conclusion.
 */
import type { Finding, Quantity, Span } from '../types.js';
import type { CompiledIndicator, KnowledgeBase } from './knowledge.js';
import type { RuleMention } from './specificity.js';
import { isAffirmedForPatient, type Note } from './note.js';

const MAX_QUOTED = 3;

/** Runs every indicator rule over the note. `mentions` are the family mentions already found. */
export function undocumentedConditions(kb: KnowledgeBase, note: Note, quantities: readonly Quantity[], mentions: readonly RuleMention[]): Finding[] {
  const findings: Finding[] = [];
  for (const indicator of kb.indicators) {
    const evidence = evidenceOf(indicator, note, quantities);
    if (evidence.length === 0 || isDocumented(indicator, note, mentions)) continue;
    const first = evidence[0]!;
    const quoted = evidence.slice(0, MAX_QUOTED).map((s) => `"${note.text.slice(s.start, s.end).replace(/\s+/g, ' ')}"`).join(', ');
    findings.push({
      id: `undocumented-condition:${indicator.rule.id}:${first.start}-${first.end}`,
      kind: 'undocumented-condition',
      severity: 'info',
      family: indicator.rule.family,
      axes: [],
      start: first.start,
      end: first.end,
      text: note.text.slice(first.start, first.end),
      mentions: evidence,
      assertion: { negated: false, historical: false, hypothetical: false, experiencer: 'patient', uncertain: false },
      section: note.sectionAt(first.start),
      message: indicator.rule.message.replace('{values}', quoted),
      codes: { current: null, candidates: indicator.rule.candidates.map((c) => ({ ...c, when: {} })) },
      documented: {},
      rule: `undocumented-condition/${indicator.rule.id}`,
      source: indicator.rule.source,
    });
  }
  return findings;
}

/** The spans that trigger the rule: matching numbers, or affirmed phrases about the patient. */
function evidenceOf(indicator: CompiledIndicator, note: Note, quantities: readonly Quantity[]): Span[] {
  const q = indicator.rule.quantity;
  if (q) {
    return quantities
      .filter((x) => x.label !== undefined && q.labels.includes(x.label) && x.values.length === 1)
      .filter((x) => (q.atLeast === undefined || x.values[0]! >= q.atLeast) && (q.below === undefined || x.values[0]! < q.below))
      .map((x) => ({ start: x.labelStart ?? x.start, end: x.end }));
  }
  if (!indicator.phrases) return [];
  return indicator.phrases.matchAll(note.stream)
    .filter((m) => isAffirmedForPatient(note.assertionAt(m.from, m.to)))
    .map((m) => note.spanOf(m.from, m.to));
}

/** True when the note names the condition: a `documentedBy` phrase or a mention of the rule's family, not negated. */
function isDocumented(indicator: CompiledIndicator, note: Note, mentions: readonly RuleMention[]): boolean {
  const family = indicator.rule.family;
  if (family && mentions.some((m) => m.family === family && !m.assertion.negated && m.assertion.experiencer === 'patient')) return true;
  return indicator.documentedBy.matchAll(note.stream).some((m) => {
    const a = note.assertionAt(m.from, m.to);
    return !a.negated && a.experiencer === 'patient';
  });
}
