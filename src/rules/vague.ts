/**
 * The `vague-term` rule kind: wording with no specific code that always needs a query
 * ("urosepsis"), unless words that make it specific stand next to it ("chronic renal insufficiency").
 * One finding per rule per note, on the first affirmed occurrence, with every occurrence.
 */
import type { Finding, Span } from '../types.js';
import type { KnowledgeBase } from './knowledge.js';
import type { VagueTermRule } from './schema.js';
import { isAffirmedForPatient, windowAround, type Note } from './note.js';

/** Runs every vague-term rule over the note. */
export function vagueTerms(kb: KnowledgeBase, note: Note): Finding[] {
  const hits = new Map<string, { rule: VagueTermRule; spans: Span[]; first: { from: number; to: number } }>();
  for (const match of kb.vague.matchAll(note.stream)) {
    const assertion = note.assertionAt(match.from, match.to);
    if (!isAffirmedForPatient(assertion)) continue;
    for (const rule of new Set(match.payloads)) {
      const unless = kb.vagueUnless.get(rule.id);
      if (unless && unless.size > 0) {
        const [lo, hi] = windowAround(note, match.from, match.to, rule.window);
        const near = unless.matchAll(note.stream, lo, hi).some((m) => m.to <= match.from || m.from >= match.to);
        if (near) continue;
      }
      const span = note.spanOf(match.from, match.to);
      const hit = hits.get(rule.id);
      if (hit) hit.spans.push(span);
      else hits.set(rule.id, { rule, spans: [span], first: { from: match.from, to: match.to } });
    }
  }
  return [...hits.values()].map(({ rule, spans, first }) => {
    const span = spans[0]!;
    return {
      id: `vague-term:${rule.id}:${span.start}-${span.end}`,
      kind: 'vague-term',
      severity: 'warning',
      family: rule.family,
      axes: [],
      start: span.start,
      end: span.end,
      text: note.text.slice(span.start, span.end),
      mentions: spans,
      assertion: note.assertionAt(first.from, first.to),
      section: note.sectionAt(span.start),
      message: rule.message,
      codes: { current: rule.current, candidates: rule.candidates.map((c) => ({ ...c, when: {} })) },
      documented: {},
      rule: `vague-term/${rule.id}`,
      source: rule.source,
    } satisfies Finding;
  });
}
