/**
 * The `conflict` rule kind: one condition documented two incompatible ways in the same note
 * ("HFpEF" and "systolic"; the left knee and the right knee for the same joint condition).
 *
 * Only axes that hold one value per condition count (src/knowledge/conflicts.json); values are
 * compared between mentions that agree on every qualifier (the same condition at the same joint),
 * and only between current mentions: a past episode's severity or a hedged mention's type is no
 * conflict with today's. Values that combine (acute and chronic) are not a conflict. For the axes
 * listed in `sameSectionIsTwo` (laterality), two values stated within one section describe two
 * conditions, one on each side ("basal cell carcinoma, right cheek; basal cell carcinoma, left
 * cheek"), not a conflict; a conflict is one side in one section and the other side in another.
 */
import type { AxisId, Finding } from '../types.js';
import type { CompiledFamily, KnowledgeBase } from './knowledge.js';
import type { RuleMention } from './specificity.js';
import { label } from './specificity.js';

/** Finds conflicting values among the mentions of one family. */
export function conflicts(kb: KnowledgeBase, family: CompiledFamily, mentions: readonly RuleMention[]): Finding[] {
  const documenting = mentions.filter((m) => m.current && !m.assertion.historical);
  const qualifierKeys = [...family.keys].filter(([, spec]) => !spec.isAxis).map(([key]) => key);
  const groups = new Map<string, RuleMention[]>();
  for (const m of documenting) {
    const key = qualifierKeys.map((k) => m.values[k] ?? '').join('|');
    const group = groups.get(key);
    if (group) group.push(m);
    else groups.set(key, [m]);
  }
  const findings: Finding[] = [];
  for (const group of groups.values()) {
    for (const axis of kb.conflicts.exclusiveAxes) {
      if (!family.rule.axes[axis]) continue;
      const first = group.find((m) => m.values[axis] !== undefined);
      if (!first) continue;
      const other = group.find((m) => m.values[axis] !== undefined && !compatible(kb, axis, first.values[axis]!, m.values[axis]!));
      if (!other) continue;
      if (kb.conflicts.sameSectionIsTwo.includes(axis) && statedTogether(group, axis, first.values[axis]!, other.values[axis]!)) continue;
      findings.push(conflictFinding(family, axis, first, other));
    }
  }
  return findings;
}

function compatible(kb: KnowledgeBase, axis: AxisId, a: string, b: string): boolean {
  if (a === b) return true;
  if ((kb.conflicts.combine[axis] ?? []).some(([x, y]) => (x === a && y === b) || (x === b && y === a))) return true;
  return (kb.conflicts.compatible[axis] ?? []).some(([x, y]) => (x === a && y === b) || (x === b && y === a));
}

/** True when one section states both values for the group's condition. */
function statedTogether(group: readonly RuleMention[], axis: AxisId, a: string, b: string): boolean {
  const bySection = new Map<string, Set<string>>();
  for (const m of group) {
    const value = m.values[axis];
    if (value === undefined) continue;
    const values = bySection.get(m.section) ?? new Set<string>();
    values.add(value);
    bySection.set(m.section, values);
  }
  return [...bySection.values()].some((values) => values.has(a) && values.has(b));
}

function conflictFinding(family: CompiledFamily, axis: AxisId, first: RuleMention, other: RuleMention): Finding {
  const a = first.values[axis]!;
  const b = other.values[axis]!;
  return {
    id: `conflict:${family.rule.family}:${axis}:${other.start}-${other.end}`,
    kind: 'conflict',
    severity: 'warning',
    family: family.rule.family,
    axes: [axis],
    start: other.start,
    end: other.end,
    text: other.text,
    mentions: [{ start: first.start, end: first.end }, { start: other.start, end: other.end }],
    assertion: other.assertion,
    section: other.section,
    message: `${family.rule.title}: the ${label(axis)} is documented as ${label(a)} ("${first.text}") and as ${label(b)} ("${other.text}"). Clarify which applies.`,
    codes: { current: null, candidates: [] },
    documented: { [axis]: b },
    rule: `conflict/${family.rule.family}`,
    source: ['AHIMA/ACDIS Guidelines for Achieving a Compliant Query Practice (2022): conflicting documentation is a reason to query', ...family.rule.source],
  };
}
