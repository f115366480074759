/**
 * Which findings are shown by default, in a module of its own with no imports beyond types, so
 * that the element (plugin/) can share the rule without bundling the language model.
 */
import type { Finding } from '../types.js';

/** Whether a finding is shown by default (the clinician view, the command line without `--all`):
 *  every finding whose confidence is not `low` (a finding without one, from an older analyser, counts as high). */
export function defaultVisible(finding: Pick<Finding, 'confidence'>): boolean {
  return finding.confidence !== 'low';
}
