/**
 * The `vague-term` rule kind: wording with no specific code that always needs a query
 * ("urosepsis"), unless words that make it specific stand next to it ("chronic renal insufficiency").
 * One finding per rule per note, on the first current occurrence, with every affirmed occurrence.
 *
 * An occurrence does not count when words near it make it another sense (the pulmonary valve's
 * "pulmonary insufficiency") or wording before it puts it outside this patient now (a relative,
 * a general statement, advice) or it is quoted speech. A rule whose occurrences are all history-only ("recent history of
 * urosepsis", a past-history list item) is not reported: there is nothing current to ask about.
 * Whether the note states the specific condition elsewhere is decided after all rules have run
 * (src/rules/settle.ts).
 */
import type { Assertion, Finding, Span } from '../types.js';
import type { KnowledgeBase } from './knowledge.js';
import type { VagueTermRule } from './schema.js';
import { insideQuotation, isAffirmedForPatient, isCurrentForPatient, notCurrentContext, phraseNear, type Note } from './note.js';

/** Runs every vague-term rule over the note. */
export function vagueTerms(kb: KnowledgeBase, note: Note): Finding[] {
  const hits = new Map<string, { rule: VagueTermRule; spans: Span[]; first?: { span: Span; assertion: Assertion } }>();
  for (const match of kb.vague.matchAll(note.stream)) {
    const assertion = note.assertionAt(match.from, match.to);
    if (!isAffirmedForPatient(assertion)) continue;
    if (notCurrentContext(kb.notCurrent, note, match.from, match.to)) continue;
    if (insideQuotation(note.text, note.spanOf(match.from, match.to).start)) continue;
    for (const rule of new Set(match.payloads)) {
      if (phraseNear(note, kb.vagueUnless.get(rule.id)!, match.from, match.to, rule.window)) continue;
      if (phraseNear(note, kb.vagueOtherSense.get(rule.id)!, match.from, match.to, rule.window)) continue;
      const span = note.spanOf(match.from, match.to);
      let hit = hits.get(rule.id);
      if (!hit) hits.set(rule.id, (hit = { rule, spans: [] }));
      hit.spans.push(span);
      if (!hit.first && isCurrentForPatient(assertion)) hit.first = { span, assertion };
    }
  }
  const findings: Finding[] = [];
  for (const { rule, spans, first } of hits.values()) {
    if (!first) continue;
    const { span, assertion } = first;
    findings.push({
      id: `vague-term:${rule.id}:${span.start}-${span.end}`,
      kind: 'vague-term',
      severity: 'warning',
      family: rule.family,
      axes: [],
      start: span.start,
      end: span.end,
      text: note.text.slice(span.start, span.end),
      mentions: [span, ...spans.filter((s) => s !== span)],
      assertion,
      section: note.sectionAt(span.start),
      message: rule.message,
      codes: { current: rule.current, candidates: rule.candidates.map((c) => ({ ...c, when: {} })) },
      documented: {},
      rule: `vague-term/${rule.id}`,
      source: rule.source,
    });
  }
  return findings;
}
