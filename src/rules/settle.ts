/**
 * Settling the findings of one note against each other, after every rule kind has run:
 *
 * 1. A vague term yields when the note states the specific condition anywhere ("renal
 *    insufficiency" beside "acute on chronic renal failure", a CKD stage or ESRD): its `yieldTo`
 *    phrases or a mention of its `yieldTo` families, affirmed and about the patient (a hedged
 *    inpatient diagnosis counts: it is coded as if established, II.H).
 * 2. A conflict whose statements stand after not-current wording ("educated about end-stage kidney
 *    disease") or inside quoted speech (the patient's own words) is no conflict.
 * 3. One question per condition: an undocumented condition yields to a vague term that asks the
 *    same question (`yieldsTo`: dialysis and "renal failure" both ask about end-stage renal disease).
 * 4. One finding per span: where a vague term is reported, a missing-specificity finding on the
 *    same words ("urosepsis": the sepsis organism) would presume the condition the vague term asks
 *    about. The vague term wins; the other finding moves to its first mention outside every vague
 *    term, or is dropped when it has none.
 * 5. Values that combine (conflicts.json `combine`): a heart failure documented both as an
 *    exacerbation and as chronic is acute on chronic (ICD-10-CM I.B.8), not silently acute; the
 *    finding's documented values and codes say so.
 */
import type { Finding, Span } from '../types.js';
import type { KnowledgeBase } from './knowledge.js';
import type { RuleMention } from './specificity.js';
import { candidateCodes, currentCode } from './codes.js';
import { insideQuotation, notCurrentContext, type Note } from './note.js';

/** Returns the findings that stand once they are read together (see the module comment). */
export function settleFindings(findings: readonly Finding[], kb: KnowledgeBase, note: Note, mentions: readonly RuleMention[]): Finding[] {
  const documenting = mentions.filter((m) => !m.assertion.negated && !m.assertion.hypothetical && m.assertion.experiencer === 'patient');
  let out = findings.filter((f) => {
    if (f.kind === 'vague-term') return !vagueTermYields(f, kb, note, documenting);
    if (f.kind === 'conflict') return !f.mentions.some((s) => statementNotCurrent(s, kb, note, mentions));
    return true;
  });
  const vagueIds = new Set(out.filter((f) => f.kind === 'vague-term').map((f) => ruleId(f)));
  const vagueSpans = out.filter((f) => f.kind === 'vague-term').flatMap((f) => f.mentions);
  out = out.flatMap((f): Finding[] => {
    if (f.kind === 'undocumented-condition') {
      const rule = kb.indicators.find((i) => i.rule.id === ruleId(f))?.rule;
      return rule?.yieldsTo.some((id) => vagueIds.has(id)) ? [] : [f];
    }
    if (f.kind === 'missing-specificity') {
      const moved = outsideVagueTerms(f, vagueSpans, mentions);
      return moved ? [combineValues(moved, kb, documenting)] : [];
    }
    return [f];
  });
  return out;
}

function ruleId(f: Finding): string {
  return f.rule.slice(f.rule.indexOf('/') + 1);
}

function vagueTermYields(f: Finding, kb: KnowledgeBase, note: Note, documenting: readonly RuleMention[]): boolean {
  const rule = kb.vagueRules.get(ruleId(f));
  if (!rule) return false;
  if (documenting.some((m) => rule.yieldTo.families.includes(m.family))) return true;
  return kb.vagueYield.get(rule.id)!.matchAll(note.stream).some((m) => {
    const a = note.assertionAt(m.from, m.to);
    return !a.negated && !a.hypothetical && a.experiencer === 'patient' && !notCurrentContext(kb.notCurrent, note, m.from, m.to);
  });
}

function statementNotCurrent(span: Span, kb: KnowledgeBase, note: Note, mentions: readonly RuleMention[]): boolean {
  const m = mentions.find((x) => x.start === span.start && x.end === span.end);
  if (insideQuotation(note.text, span.start)) return true;
  return m !== undefined && notCurrentContext(kb.notCurrent, note, m.from, m.to) !== undefined;
}

const overlaps = (a: Span, b: Span) => a.start < b.end && b.start < a.end;

/** The finding, moved to its first mention outside every vague term; undefined when it has none. */
function outsideVagueTerms(f: Finding, vagueSpans: readonly Span[], mentions: readonly RuleMention[]): Finding | undefined {
  if (!vagueSpans.some((v) => overlaps(v, f))) return f;
  const kept = f.mentions.filter((s) => !vagueSpans.some((v) => overlaps(v, s)));
  const first = kept[0];
  if (!first) return undefined;
  const m = mentions.find((x) => x.family === f.family && x.start === first.start && x.end === first.end);
  return {
    ...f,
    id: `${f.kind}:${f.family}:${first.start}-${first.end}`,
    start: first.start,
    end: first.end,
    text: m?.text ?? f.text,
    mentions: kept,
    assertion: m?.assertion ?? f.assertion,
    section: m?.section ?? f.section,
  };
}

/** Applies conflicts.json `combine` to a missing-specificity finding's documented values. */
function combineValues(f: Finding, kb: KnowledgeBase, documenting: readonly RuleMention[]): Finding {
  const family = f.family ? kb.families.get(f.family) : undefined;
  if (!family) return f;
  let documented: Record<string, string> | undefined;
  for (const [axis, triples] of Object.entries(kb.conflicts.combine)) {
    const stated = new Set(documenting.filter((m) => m.family === f.family).map((m) => m.values[axis]).filter((v): v is string => v !== undefined));
    const hit = triples.find(([a, b]) => stated.has(a) && stated.has(b));
    if (!hit || f.documented[axis] === hit[2]) continue;
    documented = { ...(documented ?? f.documented), [axis]: hit[2] };
  }
  if (!documented) return f;
  const keepDefault = Object.entries(family.rule.qualifiers).filter(([, rule]) => rule.keepDefault).map(([key]) => key);
  return {
    ...f,
    documented,
    codes: { current: currentCode(family.rule.codes, documented), candidates: candidateCodes(family.rule.codes, documented, f.axes, keepDefault) },
  };
}
