/**
 * Confidence of findings, set in one place for every kind (placeholder: all high until measured).
 */
import type { Finding, Section } from '../types.js';
import type { RuleMention } from './specificity.js';

/** Sets `confidence` and `confidenceReasons` on each finding; returns them. */
export function assignConfidence(findings: Finding[], mentions: readonly RuleMention[], sections: readonly Section[]): Finding[] {
  void mentions; void sections;
  for (const f of findings) {
    f.confidence = 'high';
    f.confidenceReasons = [];
  }
  return findings;
}
