/**
 * The `undocumented-condition` rule kind: values in the note that suggest a condition it does not
 * name (BMI 42 and no weight diagnosis; dialysis and no kidney diagnosis). The finding quotes the
 * values it saw and names no diagnosis: it is a reason to ask, never a conclusion.
 *
 * A phrase is evidence only when it is affirmed, about this patient and in its own sense: not part
 * of a longer phrase that means something else ("insulin level", "dialysis catheter"), not next to
 * words of another sense (insulin in a wash solution), not after wording that puts it outside this
 * patient now (a relative, advice, a general statement). A number is evidence only with a unit the
 * rule allows ("docusate sodium 100 mg" is a dose). The phrases name ongoing statuses (dialysis,
 * home oxygen, insulin), so a mention under past history or "history of" is current, as a chronic
 * condition is (the project labelling guide (GUIDE.md) rule 5); a status that is over is told by not-current wording
 * ("previously", "no longer"). The finding sits on the first evidence outside a history context
 * when there is one.
 */
import type { Assertion, Finding, Quantity, Span } from '../types.js';
import type { CompiledIndicator, KnowledgeBase } from './knowledge.js';
import type { RuleMention } from './specificity.js';
import { isAffirmedForPatient, notCurrentContext, phraseNear, type Note } from './note.js';

const NO_CONTEXT: Assertion = { negated: false, historical: false, hypothetical: false, experiencer: 'patient', uncertain: false };

const MAX_QUOTED = 3;

/** Runs every indicator rule over the note. `mentions` are the family mentions already found. */
export function undocumentedConditions(kb: KnowledgeBase, note: Note, quantities: readonly Quantity[], mentions: readonly RuleMention[]): Finding[] {
  const findings: Finding[] = [];
  for (const indicator of kb.indicators) {
    const all = evidenceOf(kb, indicator, note, quantities);
    const current = all.find((e) => !e.assertion.historical) ?? all[0];
    if (!current || isDocumented(indicator, note, mentions)) continue;
    const evidence: Span[] = [current, ...all.filter((e) => e !== current)].map(({ start, end }) => ({ start, end }));
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
      assertion: current.assertion,
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

/** The spans that trigger the rule, in note order, each with its assertion: matching numbers with
 *  an allowed unit, or affirmed phrases about the patient in their own sense. */
function evidenceOf(kb: KnowledgeBase, indicator: CompiledIndicator, note: Note, quantities: readonly Quantity[]): Array<Span & { assertion: Assertion }> {
  const { rule } = indicator;
  const q = rule.quantity;
  if (q) {
    return quantities
      .filter((x) => x.label !== undefined && q.labels.includes(x.label) && x.values.length === 1)
      .filter((x) => q.units === undefined || q.units.includes((x.unit ?? '').toLowerCase()))
      .filter((x) => (q.atLeast === undefined || x.values[0]! >= q.atLeast) && (q.below === undefined || x.values[0]! < q.below))
      .map((x) => ({ start: x.labelStart ?? x.start, end: x.end, assertion: NO_CONTEXT }));
  }
  if (!indicator.phrases) return [];
  const out: Array<Span & { assertion: Assertion }> = [];
  for (const m of indicator.phrases.matchAll(note.stream)) {
    if (!m.payloads.every(Boolean)) continue;
    const assertion = note.assertionAt(m.from, m.to);
    if (!isAffirmedForPatient(assertion)) continue;
    if (phraseNear(note, indicator.otherSense, m.from, m.to, rule.window)) continue;
    if (notCurrentContext(kb.notCurrent, note, m.from, m.to)) continue;
    out.push({ ...note.spanOf(m.from, m.to), assertion });
  }
  return out;
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
