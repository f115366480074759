/**
 * Query drafts: one compliant query per finding, built from the templates and option lists in
 * src/knowledge/queries and, for axes, from the family's own values. Every draft passes
 * {@link lintQuery} before it is returned; a draft that does not is a bug and throws.
 */
import { analyze } from '../analyze.js';
import type { Analysis, AxisId, Finding, Span } from '../types.js';
import { label as idLabel } from '../rules/specificity.js';
import type { FamilyRule } from '../rules/schema.js';
import { defaultQueryKnowledge, type OptionRule, type QueryKnowledge, type QueryTemplate } from './knowledge.js';
import { lintQuery } from './lint.js';
import type { ClinicalIndicator, Query, QueryItem, QueryOption, Wording } from './types.js';

/** Options of {@link draftQuery}. */
export interface DraftOptions {
  /** The analysis the finding came from: its quantities are quoted as indicators and its mentions
   *  give the other side of a conflict. Analysed again from `text` when absent. */
  analysis?: Analysis;
  /** Query knowledge of one's own (see `compileQueryKnowledge`); default: the bundled data. */
  knowledge?: QueryKnowledge;
}

/** A generated query failed the query linter: a bug in the data or the code, never shown. */
export class QueryDraftError extends Error {
  override name = 'QueryDraftError';
}

/** At most this many mentions and this many values are quoted. */
const MAX_MENTIONS = 4;
const MAX_VALUES = 4;

/**
 * Drafts the compliant query for one finding of `text`. The question is neutral, the indicators
 * are quoted from the note with their spans, and every item ends with "Other (please specify)" and
 * "Clinically undetermined". A multi-axis finding gets one item per axis (one click each, faster
 * than reading every combination). Throws {@link QueryDraftError} if the draft fails `lintQuery`.
 */
export function draftQuery(finding: Finding, text: string, options: DraftOptions = {}): Query {
  const k = options.knowledge ?? defaultQueryKnowledge();
  const template = templateFor(k, finding);
  const family = finding.family ? k.families.get(finding.family) : undefined;
  let analysis = options.analysis;
  const getAnalysis = (): Analysis => (analysis ??= analyze(text));

  const quotesValues = finding.kind === 'missing-specificity' || finding.kind === 'uncertain-diagnosis' || k.ruleIndicatorLabels[finding.rule] !== undefined;
  const indicators = indicatorsOf(finding, text, k, quotesValues ? getAnalysis() : options.analysis);
  let items = itemsOf(finding, text, template, k, family, getAnalysis);
  let format = template.format;
  // A single credible value would make a leading question: ask open-ended instead. With "Not
  // clinically significant" beside it, one diagnosis is a fair choice (AHIMA/ACDIS: "there may be
  // only one reasonable option"), so the query stays multiple choice.
  const substantive = (item: QueryItem) => item.options.filter((o) => o.role === 'answer' || o.role === 'not-significant').length;
  if (format === 'multiple-choice' && items.some((item) => substantive(item) === 1)) {
    format = 'open-ended';
    items = items.map((item) => item.options.filter((o) => o.role === 'answer').length === 1 ? { ...item, options: item.options.filter((o) => o.role !== 'answer') } : item);
  }
  const fill = (pattern: string): string => fillPattern(pattern, finding, items);
  const query: Query = {
    id: `query:${finding.id}`,
    findingId: finding.id,
    kind: finding.kind,
    family: finding.family,
    rule: finding.rule,
    template: template.id,
    purpose: template.purpose,
    format,
    title: fill(template.title),
    condition: plainConditionName(finding, family),
    question: fill(template.question),
    indicators,
    items: items.map((item) => ({ ...item, prompt: fillItemPrompt(template.itemPrompt, item.axis, finding) })),
    source: [...new Set([...template.source, ...k.source, ...finding.source])],
  };
  const result = lintQuery(query, k);
  if (!result.ok) {
    throw new QueryDraftError(`cdi-lint: the query drafted for ${finding.id} is not compliant: ${result.problems.map((p) => `${p.rule}: ${p.message}`).join('; ')}`);
  }
  return query;
}

/** The template for a finding: one for its rule, else for its family, else for its kind. */
export function templateFor(k: QueryKnowledge, finding: Pick<Finding, 'kind' | 'family' | 'rule'>): QueryTemplate {
  const ofKind = k.templates.filter((t) => t.kind === finding.kind);
  return ofKind.find((t) => t.rule === finding.rule)
    ?? ofKind.find((t) => !t.rule && t.family !== undefined && t.family === finding.family)
    ?? ofKind.find((t) => !t.rule && !t.family)!;
}

// ---- clinical indicators ----------------------------------------------------------------------

function indicatorsOf(finding: Finding, text: string, k: QueryKnowledge, analysis: Analysis | undefined): ClinicalIndicator[] {
  const kind: ClinicalIndicator['kind'] = finding.kind === 'undocumented-condition' ? 'value' : finding.kind === 'conflict' ? 'statement' : 'mention';
  // A mention is quoted with its sentence: the words around a diagnosis ("CHF: IV furosemide,
  // daily weights") are its clinical indicators.
  const spans: Array<Span & { kind: ClinicalIndicator['kind'] }> = finding.mentions.slice(0, MAX_MENTIONS)
    .map((s) => ({ ...(kind === 'value' ? s : contextOf(text, s)), kind }));
  const labels = k.ruleIndicatorLabels[finding.rule] ?? (finding.family ? k.indicatorLabels[finding.family] : undefined);
  if (labels && analysis) {
    const values = analysis.quantities
      .filter((q) => q.label !== undefined && labels.includes(q.label))
      .slice(0, MAX_VALUES)
      .map((q) => ({ start: q.labelStart ?? q.start, end: q.end, kind: 'value' as const }));
    spans.push(...values);
  }
  const out: ClinicalIndicator[] = [];
  for (const s of spans.sort((a, b) => a.start - b.start)) {
    if (s.start < 0 || s.end > text.length || s.start >= s.end) continue;
    if (out.some((o) => o.start < s.end && s.start < o.end)) continue;
    out.push({ start: s.start, end: s.end, text: text.slice(s.start, s.end), kind: s.kind });
  }
  return out;
}

/** Longest quotation of a mention's context, in UTF-16 units. */
const MAX_CONTEXT = 200;

/**
 * The sentence holding a span, within its line, clipped to MAX_CONTEXT around the span; never
 * shorter than the span, trimmed of surrounding spaces.
 */
export function contextOf(text: string, span: Span): Span {
  const lineStart = text.lastIndexOf('\n', span.start - 1) + 1;
  let lineEnd = text.indexOf('\n', span.end);
  if (lineEnd < 0) lineEnd = text.length;
  const before = text.slice(Math.max(lineStart, span.start - MAX_CONTEXT / 2), span.start);
  const stop = Math.max(before.lastIndexOf('. '), before.lastIndexOf('? '), before.lastIndexOf('! '));
  let start = stop >= 0 ? span.start - before.length + stop + 2 : span.start - before.length;
  const after = text.slice(span.end, Math.min(lineEnd, span.end + MAX_CONTEXT / 2));
  const next = after.search(/[.!?](\s|$)/);
  let end = next >= 0 ? span.end + next + 1 : span.end + after.length;
  while (start < span.start && /\s/.test(text[start]!)) start++;
  while (end > span.end && /\s/.test(text[end - 1]!)) end--;
  return { start: Math.min(start, span.start), end: Math.max(end, span.end) };
}

// ---- items and options -------------------------------------------------------------------------

function itemsOf(finding: Finding, text: string, template: QueryTemplate, k: QueryKnowledge, family: FamilyRule | undefined, getAnalysis: () => Analysis): QueryItem[] {
  const extras = (existing: QueryOption[]): QueryOption[] => {
    // A value id that is also an extra option's id (an axis value "other") is renamed, not dropped.
    const out = existing.map((o) => (o.role === 'answer' && template.extraOptions.includes(o.id) ? { ...o, id: `value-${o.id}` } : o));
    for (const id of template.extraOptions) {
      const extra = k.extraOptions[id]!;
      if (out.some((o) => o.id === id || (o.role === extra.role && o.role !== 'answer'))) continue;
      out.push({
        id, label: extra.label, role: extra.role, values: {},
        wording: extra.role === 'other' ? { text: '', placement: template.otherPlacement } : null,
      });
    }
    return out;
  };
  if ((finding.kind === 'missing-specificity' || finding.kind === 'conflict') && family) {
    return finding.axes.map((axis) => ({
      id: axis,
      axis,
      prompt: '',
      options: extras(finding.kind === 'conflict' ? conflictOptions(finding, axis, family, getAnalysis()) : axisOptions(finding, axis, family, k)),
    }));
  }
  const rules = (k.options[finding.rule] ?? k.options[finding.kind] ?? candidateOptions(finding)).filter((r) => !r.onlyWhenNoted || noted(text, r.onlyWhenNoted));
  return [{ id: 'clarification', axis: null, prompt: '', options: extras(rules.map(fromRule)) }];
}

/** True when one of `words` occurs in `text` as whole words, in any case. */
function noted(text: string, words: readonly string[]): boolean {
  const lower = text.toLowerCase();
  return words.some((w) => {
    const needle = w.toLowerCase();
    for (let i = lower.indexOf(needle); i >= 0; i = lower.indexOf(needle, i + 1)) {
      const before = lower[i - 1];
      const after = lower[i + needle.length];
      if (!(before && /[\p{L}\p{N}]/u.test(before)) && !(after && /[\p{L}\p{N}]/u.test(after))) return true;
    }
    return false;
  });
}

function fromRule(rule: OptionRule): QueryOption {
  const option: QueryOption = { id: rule.id, label: rule.label, role: rule.role, values: {}, wording: rule.wording ? { ...rule.wording } : null };
  if (rule.code) option.code = { ...rule.code };
  return option;
}

/** Options for a rule with no option list of its own: its candidate codes' titles. */
function candidateOptions(finding: Finding): OptionRule[] {
  return finding.codes.candidates.map((c) => ({
    id: c.code, label: c.title, role: 'answer' as const, wording: { text: c.title.toLowerCase(), placement: 'annotate' as const }, code: { code: c.code, title: c.title },
  }));
}

/**
 * The values of one missing axis. When the finding's candidate codes name values of the axis,
 * only those are offered (the others are not credible for what the note states, such as a lung
 * lobe for an anal cancer); otherwise every value of the family's axis.
 */
function axisOptions(finding: Finding, axis: AxisId, family: FamilyRule, k: QueryKnowledge): QueryOption[] {
  const values = family.axes[axis]?.values ?? {};
  const leading = new Set(finding.codes.candidates.map((c) => c.when[axis]).filter((v): v is string => v !== undefined && v !== 'unspecified'));
  const labels = k.valueLabels[family.family]?.[axis] ?? {};
  return inClinicalOrder(Object.entries(values), k.valueOrder[family.family]?.[axis])
    .filter(([id]) => leading.size === 0 || leading.has(id))
    .map(([id, phrases]) => ({
      id,
      label: labels[id] ?? capitalise(phrases[0] ?? idLabel(id)),
      role: 'answer' as const,
      values: { [axis]: id },
      wording: axisWording(k, family, axis, id, phrases, finding.text),
    }));
}

/** Entries sorted by `order` (ids it does not list keep their place after the listed ones). */
function inClinicalOrder<T>(entries: [string, T][], order: readonly string[] | undefined): [string, T][] {
  if (!order) return entries;
  const rank = (id: string): number => (order.includes(id) ? order.indexOf(id) : order.length);
  return entries.map((e, i) => [e, i] as const).sort((a, b) => rank(a[0][0]) - rank(b[0][0]) || a[1] - b[1]).map(([e]) => e);
}

/**
 * The condition in plain words, for headings: the condition and site every candidate code shares
 * ("knee osteoarthritis", from the family's qualifier phrases), else the family's title without
 * its parenthesis ("Cancer"), or the finding's own words when the title names a group.
 */
export function plainConditionName(finding: Pick<Finding, 'family' | 'text' | 'codes'>, family: FamilyRule | undefined): string {
  if (!family) return oneLine(finding.text);
  const shared = (key: string): string | undefined => {
    const ids = new Set(finding.codes.candidates.map((c) => c.when[key]));
    const [id] = ids;
    if (ids.size !== 1 || id === undefined || id === 'unspecified') return undefined;
    return family.qualifiers?.[key]?.values[id]?.[0] ?? family.axes[key as AxisId]?.values[id]?.[0];
  };
  const condition = shared('condition');
  if (condition) return [shared('site'), condition].filter(Boolean).join(' ');
  const title = family.title.replace(/\s*\([^)]*\)\s*/g, ' ').trim();
  // A title that names a group ("Atrial fibrillation and flutter", "Ear conditions") is not the
  // condition of this finding: its own words are, unless they are an abbreviation.
  const group = /\b(and|or|conditions)\b|,/i.test(title);
  const ownWords = oneLine(finding.text);
  return group && !/^[A-Z0-9/-]+$/.test(ownWords) ? ownWords : title;
}

/** The two values a conflict documents, each replacing the other's phrase when chosen. */
function conflictOptions(finding: Finding, axis: AxisId, family: FamilyRule, analysis: Analysis): QueryOption[] {
  const values = family.axes[axis]?.values ?? {};
  const stated: string[] = [];
  for (const span of finding.mentions) {
    const mention = analysis.mentions.find((m) => m.family === finding.family && m.start === span.start && m.end === span.end);
    const value = mention?.values[axis];
    if (value !== undefined && !stated.includes(value)) stated.push(value);
  }
  const own = finding.documented[axis];
  if (own !== undefined && !stated.includes(own)) stated.push(own);
  return stated.map((id) => {
    const phrase = values[id]?.[0] ?? idLabel(id);
    return { id, label: capitalise(phrase), role: 'answer' as const, values: { [axis]: id }, wording: { text: phrase, placement: 'value' as const } };
  });
}

/** The words for one axis value next to the evidence: the value's natural phrase (without the
 *  evidence's head noun), placed and phrased as options.json says. */
export function axisWording(k: QueryKnowledge, family: FamilyRule, axis: AxisId, valueId: string, phrases: readonly string[], evidence: string): Wording {
  const how = k.familyWording[family.family]?.[axis] ?? k.axisWording[axis] ?? { placement: 'before' as const, pattern: '{phrase}' };
  // The condition's head noun is not repeated ("gram-negative pneumonia" beside "pneumonia").
  const head = words(evidence).at(-1);
  const phrase = phrases[0] ?? idLabel(valueId);
  const kept = phrase.split(/\s+/).filter((w) => w.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '') !== head).join(' ');
  const text = how.pattern.replace('{phrase}', kept || idLabel(valueId));
  // A phrase that starts with a linking word ("of cancer", "due to blood loss") can only follow the
  // condition's name, whatever the axis usually does.
  const placement = how.placement === 'before' && LINKING.test(text) ? 'after' : how.placement;
  return { text, placement };
}

/** Words that join a qualifying phrase to the noun before it (grammar, not clinical knowledge). */
const LINKING = /^(of|due to|secondary to|from|in|with|caused by|related to|associated with|2\/2|s\/t)\b/i;

// ---- wording of the question ----------------------------------------------------------------

function fillPattern(pattern: string, finding: Finding, items: readonly QueryItem[]): string {
  const axes = items.map((i) => i.axis).filter((a): a is AxisId => a !== null).map(idLabel);
  return pattern
    .replaceAll('{evidence}', oneLine(finding.text))
    .replaceAll('{axes}', axes.length === 0 ? 'details' : axes.length === 1 ? axes[0]! : `${axes.slice(0, -1).join(', ')} and ${axes[axes.length - 1]}`);
}

function fillItemPrompt(pattern: string, axis: AxisId | null, finding: Finding): string {
  return pattern.replaceAll('{Axis}', capitalise(idLabel(axis ?? 'details'))).replaceAll('{evidence}', oneLine(finding.text));
}

function oneLine(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** Lower-case words of a text. */
export function words(text: string): string[] {
  return text.toLowerCase().split(/[^\p{L}\p{N}]+/u).filter((w) => w.length > 0);
}
