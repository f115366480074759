/**
 * Confidence of findings, set in one place for every kind (see `Finding.confidence`).
 *
 * The signals are read from the note's structure and time, never from the note's identity:
 * - "told as past": every current mention of the condition sits in a clause told in the past
 *   ("suffered from obesity as a teenager"); a chronic condition stays current (GUIDE rule 5), but
 *   the wording is a story, not a diagnosis;
 * - "past-tense narrative": every current mention sits in a past-tense sentence of narrative;
 * - "only in narrative" and "outside assessment and diagnoses": no current mention in a list of
 *   diagnoses, problems, history or the assessment and plan.
 * - "told as a past stage of life": every current mention is told with a stage of life ("as a
 *   teenager", "in her twenties"), which suggests a chronic condition was outgrown.
 * A finding is `low` when its condition is told only as a past stage of life; otherwise `high`. The
 * other signals are listed as reasons of a `low` finding; on the labelled sets they do not separate
 * right from wrong findings (narrative-only findings were right 18 times in 21 on the validation
 * set), so they do not lower confidence alone. Reasons are empty for `high` findings.
 */
import type { Finding, FindingKind, SectionCategory } from '../types.js';
import type { RuleMention } from './specificity.js';
import { LIFE_STAGE } from '../context/time.js';

/** Sections where a clinician states diagnoses (lists, assessment, plan, reason for visit). */
const DIAGNOSTIC: ReadonlySet<SectionCategory> = new Set(['assessment', 'plan', 'diagnoses', 'history', 'surgical-history', 'chief-complaint', 'procedure']);

/**
 * The signals that make a finding of each kind `low`. Measured for `missing-specificity` on the
 * labelled sets (npm run eval); the other kinds have no labelled set yet and use the same policy.
 */
export const LOW_WHEN: Readonly<Record<FindingKind, readonly string[]>> = {
  'missing-specificity': ['told as a past stage of life'],
  'vague-term': ['told as a past stage of life'],
  'undocumented-condition': ['told as a past stage of life'],
  conflict: ['told as a past stage of life'],
  'uncertain-diagnosis': ['told as a past stage of life'],
};

export { defaultVisible } from './visible.js';

/** The weak signals of one finding, given the current mentions it stands for. */
export function signalsOf(finding: Finding, mentions: readonly RuleMention[]): string[] {
  const spans = new Set(finding.mentions.map((s) => `${s.start}:${s.end}`));
  const own = mentions.filter((m) => m.current && m.family === finding.family && spans.has(`${m.start}:${m.end}`));
  const sections = own.length > 0 ? own.map((m) => m.section) : [finding.section];
  const signals: string[] = [];
  const narrative = sections.every((s) => !DIAGNOSTIC.has(s));
  if (narrative) signals.push('only in narrative', 'outside assessment and diagnoses');
  if (own.length > 0 && own.every((m) => m.time?.past !== undefined)) signals.push('told as past');
  if (own.length > 0 && own.every((m) => m.time?.past?.startsWith(LIFE_STAGE))) signals.push('told as a past stage of life');
  if (own.length > 0 && own.every((m) => m.time?.tense === 'past')) signals.push('past-tense sentence');
  return signals;
}

/** Sets `confidence` and `confidenceReasons` on each finding (every kind); returns the same array. */
export function assignConfidence(findings: Finding[], mentions: readonly RuleMention[]): Finding[] {
  // Mentions by family, so that each finding looks only at its own family's (linear overall).
  const byFamily = new Map<string | null, RuleMention[]>();
  for (const m of mentions) {
    const list = byFamily.get(m.family);
    if (list) list.push(m);
    else byFamily.set(m.family, [m]);
  }
  for (const f of findings) {
    const signals = signalsOf(f, byFamily.get(f.family) ?? []);
    const low = (LOW_WHEN[f.kind] ?? []).some((signal) => signals.includes(signal));
    f.confidence = low ? 'low' : 'high';
    f.confidenceReasons = low ? signals : [];
  }
  return findings;
}
