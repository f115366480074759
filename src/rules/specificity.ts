/**
 * The `missing-specificity` rule kind: a current, affirmed condition whose code needs an axis that
 * nothing in the note states for it.
 *
 * Values are pooled per condition: a value stated at any mention of the family (or anywhere in the
 * note, for `note`-scoped axes, or next to the same joint, for `site`-scoped ones) documents the
 * axis for every mention. Families with a `site` qualifier pool per site, so "right knee pain" does
 * not document the side of "shoulder pain".
 */
import type { AxisId, Finding, Mention, Setting } from '../types.js';
import type { Stream } from '../concepts/stream.js';
import type { CompiledFamily } from './knowledge.js';
import type { ValueRule } from './schema.js';
import { candidateCodes, currentCode } from './codes.js';
import type { Token } from '../text/tokens.js';

/** A mention as the rule sees it: the public mention plus its stream positions and sentence. */
export interface RuleMention extends Mention {
  from: number;
  to: number;
  sentence: number;
  /** Time told around the mention: the past cue of its clause, and its sentence's tense. */
  time?: { past: string | undefined; tense: 'past' | 'present' | undefined };
}

/** The note-level facts a rule may consult. */
export interface NoteFacts {
  text: string;
  tokens: readonly Token[];
  stream: Stream;
  /** Values found anywhere in the note for `note`-scoped keys, by family. */
  noteValues: (family: CompiledFamily) => Record<string, string>;
  /** (key, site, value) triples for `site`-scoped keys stated anywhere in the note, by family. */
  sitePairs: (family: CompiledFamily) => Array<{ key: string; site: string | undefined; value: string; self?: boolean }>;
  /** The family's `anywhere` phrases found in the note (outside the examination, not negated), in note order. */
  anywhereValues: (family: CompiledFamily) => ReadonlyArray<{ key: string; value: string; when: Readonly<Record<string, readonly string[]>> }>;
  setting: Setting;
}

/** Runs the rule for one family over its mentions. Returns zero or more findings. */
export function missingSpecificity(family: CompiledFamily, mentions: readonly RuleMention[], facts: NoteFacts): Finding[] {
  const current = mentions.filter((m) => m.current);
  if (current.length === 0) return [];
  // Values of every mention that is about this patient and not negated count as documentation.
  const documenting = mentions.filter((m) => !m.assertion.negated && m.assertion.experiencer === 'patient');
  const hasSite = family.keys.has('site') && !family.keys.get('site')!.isAxis;
  const groups = new Map<string, RuleMention[]>();
  for (const m of current) {
    const key = hasSite ? (m.values.site ?? '*') : '*';
    const group = groups.get(key);
    if (group) group.push(m);
    else groups.set(key, [m]);
  }
  const noteValues = facts.noteValues(family);
  const findings: Finding[] = [];
  for (const [groupKey, group] of groups) {
    const documented: Record<string, string> = {};
    const pool = hasSite && groupKey !== '*' ? documenting.filter((m) => m.values.site === groupKey || m.values.site === undefined) : documenting;
    for (const m of pool) for (const [k, v] of Object.entries(m.values)) documented[k] ??= v;
    for (const [k, v] of Object.entries(noteValues)) documented[k] ??= v;
    for (const [key, spec] of family.keys) {
      if (spec.scope !== 'site' || documented[key] !== undefined) continue;
      // The condition's own site when the note states it (its group, or its site axis); otherwise any site.
      const site = groupKey !== '*' ? groupKey : documented.site;
      // A plural site word ("knees") states both sides only for the condition it is written with
      // (read at the mention), not for other statements of the site elsewhere in the note.
      const pair = facts.sitePairs(family).find((p) => p.key === key && !p.self && (site === undefined || p.site === site));
      if (pair) documented[key] = pair.value;
    }
    // A value named with the condition's own organ or site anywhere in the note ("left ovarian mass").
    for (const a of facts.anywhereValues(family)) {
      if (documented[a.key] === undefined && Object.entries(a.when).every(([k, vs]) => vs.includes(documented[k] ?? ''))) documented[a.key] = a.value;
    }
    const missing = (Object.keys(family.rule.axes) as AxisId[]).filter((axis) => documented[axis] === undefined && axisNeeded(family.rule.axes[axis]!, documented));
    if (missing.length === 0) continue;
    const first = group[0]!;
    findings.push({
      id: `missing-specificity:${family.rule.family}:${first.start}-${first.end}`,
      kind: 'missing-specificity',
      severity: 'warning',
      family: family.rule.family,
      axes: missing,
      start: first.start,
      end: first.end,
      text: first.text,
      mentions: group.map((m) => ({ start: m.start, end: m.end })),
      assertion: first.assertion,
      section: first.section,
      message: messageFor(family, missing),
      codes: {
        current: currentCode(family.rule.codes, documented),
        candidates: candidateCodes(family.rule.codes, documented, missing, keepDefaultKeys(family)),
      },
      documented,
      rule: `missing-specificity/${family.rule.family}`,
      source: family.rule.source,
    });
  }
  return findings;
}

/** Qualifiers whose unstated value is the classification's default. */
function keepDefaultKeys(family: CompiledFamily): string[] {
  return Object.entries(family.rule.qualifiers).filter(([, rule]) => rule.keepDefault).map(([key]) => key);
}

/** Whether an axis applies, given its `onlyWhen` / `notNeededWhen` conditions and what is documented. */
function axisNeeded(rule: ValueRule, documented: Readonly<Record<string, string>>): boolean {
  if (rule.onlyWhen && !Object.entries(rule.onlyWhen).some(([key, values]) => values.includes(documented[key] ?? ''))) return false;
  if (rule.notNeededWhen && Object.entries(rule.notNeededWhen).some(([key, values]) => values.includes(documented[key] ?? ''))) return false;
  return true;
}

/** "Heart failure: state the acuity (acute, chronic, acute on chronic) and the type (...)." */
function messageFor(family: CompiledFamily, missing: readonly AxisId[]): string {
  const parts = missing.map((axis) => {
    // Each value is shown as its first phrase in the rule data ("ATN", "B12 deficiency").
    const values = Object.entries(family.rule.axes[axis]?.values ?? {}).map(([id, phrases]) => phrases[0] ?? label(id));
    const shown = values.length > 6 ? [...values.slice(0, 6), 'other'] : values;
    return `the ${label(axis)} (${shown.join(', ')})`;
  });
  const list = parts.length > 1 ? `${parts.slice(0, -1).join(', ')} and ${parts[parts.length - 1]}` : parts[0];
  return `${family.rule.title}: state ${list}.`;
}

/** A value or axis id as words: "acute-on-chronic" -> "acute on chronic". */
export function label(id: string): string {
  return id.replace(/-/g, ' ');
}
