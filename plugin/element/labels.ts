/** Words the element shows for engine ids (families, kinds, severities). */
import type { Finding, Severity } from '../../src/index.js';

/** A finding's condition as words: `heart-failure` → `heart failure`; a finding with no family is named by its kind. */
export function conditionLabel(finding: Pick<Finding, 'family' | 'kind'>): string {
  return (finding.family ?? finding.kind).replace(/-/g, ' ');
}

/** Severity as an icon and words, so colour is never the only signal. */
export const SEVERITY_LABELS: Readonly<Record<Severity, { icon: string; text: string }>> = {
  warning: { icon: '⚠', text: 'Needs detail' },
  info: { icon: 'ℹ', text: 'Advisory' },
};

/**
 * The mark of a low-confidence finding, "Low confidence: only in narrative; told as past" (the
 * reasons in plain words), or null for a high-confidence one (or one without a confidence).
 */
export function confidenceMark(finding: Pick<Finding, 'confidence' | 'confidenceReasons'>): string | null {
  if (finding.confidence !== 'low') return null;
  const reasons = finding.confidenceReasons ?? [];
  return reasons.length > 0 ? `Low confidence: ${reasons.join('; ')}` : 'Low confidence';
}

/** "1 finding", "3 findings". */
export function countLabel(n: number): string {
  return `${n} finding${n === 1 ? '' : 's'}`;
}

/**
 * Counts by condition, largest first then by name; for the CDI view's summary. `name` gives a
 * finding's condition (default: its family in words; the element passes the query's plain name,
 * so "Knee osteoarthritis" and "Hip osteoarthritis" count apart).
 */
export function countsByCondition(findings: readonly Finding[], name: (finding: Finding) => string = conditionLabel): [string, number][] {
  const counts = new Map<string, number>();
  for (const f of findings) counts.set(name(f), (counts.get(name(f)) ?? 0) + 1);
  return [...counts].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
}
