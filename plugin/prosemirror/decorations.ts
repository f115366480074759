/**
 * Findings to decorations. Each visible finding is one inline decoration over its words, carrying
 * only the finding's id (in the attribute `data-finding-id` and the spec `{ findingId }`); the
 * finding itself lives in the plugin state.
 */
import { Decoration, DecorationSet } from 'prosemirror-view';
import type { Node } from 'prosemirror-model';
import type { Finding } from '../../src/types.js';
import type { LintFinding } from './types.js';

/** Spec of a finding decoration. */
export interface FindingDecorationSpec {
  findingId: string;
}

/**
 * CSS classes of a finding: `cdi-finding cdi-finding--<kind> cdi-finding--<severity>`, plus
 * `cdi-finding--low-confidence` for a finding whose `confidence` is `low`.
 */
export function findingClass(finding: Pick<Finding, 'kind' | 'severity' | 'confidence'>): string {
  const low = finding.confidence === 'low' ? ' cdi-finding--low-confidence' : '';
  return `cdi-finding cdi-finding--${finding.kind} cdi-finding--${finding.severity}${low}`;
}

/** The inline decoration of one finding. Not inclusive at either end: text typed at its edges stays outside. */
export function findingDecoration(finding: LintFinding): Decoration {
  const spec: FindingDecorationSpec = { findingId: finding.id };
  return Decoration.inline(
    finding.from,
    finding.to,
    {
      class: findingClass(finding.finding),
      'data-finding-id': finding.id,
      ...(finding.finding.confidence === 'low' ? { 'data-confidence': 'low' } : {}),
    },
    spec,
  );
}

/** The decoration set of `findings` over `doc`. */
export function decorationsFor(doc: Node, findings: readonly LintFinding[]): DecorationSet {
  return DecorationSet.create(doc, findings.map(findingDecoration));
}

/** The decorations of the findings with these ids (each looked up over its own range). */
export function decorationsOf(set: DecorationSet, findings: readonly LintFinding[]): Decoration[] {
  return findings.flatMap((f) =>
    set.find(f.from, f.to, (spec) => (spec as Partial<FindingDecorationSpec>).findingId === f.id),
  );
}
