/**
 * The query knowledge: templates, option lists and the words a query must not use
 * (src/knowledge/queries/*.json), validated at load like the rule files: an unknown key, kind,
 * purpose, role or placement is a {@link RuleError} naming the file, the entry and the allowed values.
 */
import { AXES, FAMILIES, FINDING_KINDS, type AxisId, type CodeRef, type FamilyId, type FindingKind } from '../types.js';
import { validateFamilyRule } from '../rules/load.js';
import { arr, codeRef, describe, keys, obj, oneOf, RuleError, str, type Json } from '../rules/readers.js';
import type { FamilyRule } from '../rules/schema.js';
import { FAMILY_FILES } from '../knowledge/families/index.js';
import templatesData from '../knowledge/queries/templates.json';
import optionsData from '../knowledge/queries/options.json';
import wordsData from '../knowledge/queries/leading-words.json';
import {
  OPTION_ROLES, PLACEMENTS, QUERY_PURPOSES, type OptionRole, type Placement, type QueryFormat, type QueryPurpose, type Wording,
} from './types.js';

/** An extra option every query of a template gets ("Other (please specify)"). */
export interface ExtraOptionRule {
  label: string;
  role: OptionRole;
}

/** One query template (templates.json). */
export interface QueryTemplate {
  id: string;
  kind: FindingKind;
  /** When set, the template applies to this family only (it overrides the kind's). */
  family?: FamilyId;
  /** When set, the template applies to this finding rule only (it overrides family and kind). */
  rule?: string;
  purpose: QueryPurpose;
  format: QueryFormat;
  title: string;
  question: string;
  itemPrompt: string;
  /** Ids of `extraOptions`, appended to every item in this order. */
  extraOptions: string[];
  /** Where the free text of "Other" goes. */
  otherPlacement: Placement;
  source: string[];
}

/** An option given as data (options.json `rules`). */
export interface OptionRule {
  id: string;
  label: string;
  role: OptionRole;
  wording: Wording | null;
  code?: CodeRef;
  /** Offered only when one of these words or phrases occurs in the note (whole words, any case):
   *  an option is clinically credible only when the note holds what it rests on (a steroid for
   *  steroid-induced hyperglycemia). */
  onlyWhenNoted?: string[];
}

/** How the words of an axis value are written into the note. */
export interface AxisWording {
  placement: Placement;
  /** `{phrase}` is replaced by the value's natural wording. */
  pattern: string;
}

/** The validated query knowledge. */
export interface QueryKnowledge {
  templates: QueryTemplate[];
  extraOptions: Record<string, ExtraOptionRule>;
  /** Options by finding rule id, or by kind. */
  options: Record<string, OptionRule[]>;
  axisWording: Partial<Record<AxisId, AxisWording>>;
  familyWording: Partial<Record<FamilyId, Partial<Record<AxisId, AxisWording>>>>;
  /** Adjective order of `before` wordings. */
  order: AxisId[];
  /** Clinical order of an axis's values in a query, per family (values not listed follow, in file order). */
  valueOrder: Partial<Record<FamilyId, Partial<Record<AxisId, string[]>>>>;
  /** Plain-word option labels replacing a value's first phrase, per family and axis. */
  valueLabels: Partial<Record<FamilyId, Partial<Record<AxisId, Record<string, string>>>>>;
  indicatorLabels: Partial<Record<FamilyId, string[]>>;
  /** Labels of numbers quoted as indicators for one finding rule ("vague-term/renal-failure"), which
   *  win over the family's. */
  ruleIndicatorLabels: Record<string, string[]>;
  hedges: string[];
  financial: string[];
  financialCaseSensitive: string[];
  leading: string[];
  /** The family rules (for axis values, phrases and codes). */
  families: Map<FamilyId, FamilyRule>;
  source: string[];
}

/** The query data files, parsed; each defaults to the bundled file. */
export interface QueryKnowledgeFiles {
  templates?: unknown;
  options?: unknown;
  words?: unknown;
  /** Family rule files by file name (default: the bundled families). */
  families?: Readonly<Record<string, unknown>>;
}

const FORMATS: readonly QueryFormat[] = ['multiple-choice', 'yes-no', 'open-ended'];

let bundled: QueryKnowledge | undefined;

/** The bundled query knowledge, validated once. */
export function defaultQueryKnowledge(): QueryKnowledge {
  bundled ??= compileQueryKnowledge();
  return bundled;
}

/**
 * Validates query data files and returns the knowledge `draftQuery` and `lintQuery` run on.
 * Throws {@link RuleError} on the first problem, naming the file, the entry and the allowed values.
 */
export function compileQueryKnowledge(files: QueryKnowledgeFiles = {}): QueryKnowledge {
  const families = new Map<FamilyId, FamilyRule>();
  for (const [file, data] of Object.entries(files.families ?? FAMILY_FILES)) {
    const rule = validateFamilyRule(data, file);
    families.set(rule.family, rule);
  }
  const t = validateTemplates(files.templates ?? templatesData, 'queries/templates.json');
  const o = validateOptions(files.options ?? optionsData, 'queries/options.json');
  const w = validateWords(files.words ?? wordsData, 'queries/leading-words.json');
  for (const template of t.templates) {
    for (const id of template.extraOptions) {
      if (!t.extraOptions[id]) throw new RuleError('queries/templates.json', `template "${template.id}" extraOptions`, `"${id}" is not allowed; allowed: ${Object.keys(t.extraOptions).join(', ')}`);
    }
  }
  checkValueIds(o.valueOrder, families, 'valueOrder');
  checkValueIds(o.valueLabels, families, 'valueLabels');
  for (const kind of FINDING_KINDS) {
    if (!t.templates.some((x) => x.kind === kind && !x.family && !x.rule)) {
      throw new RuleError('queries/templates.json', 'templates', `no template for the finding kind "${kind}" (every kind needs one without "family" or "rule")`);
    }
  }
  return { ...t, ...o, ...w, families, source: t.source };
}

/** Every value id named in a per-family, per-axis table of options.json is a value of that family's axis. */
function checkValueIds(table: Partial<Record<FamilyId, Partial<Record<AxisId, string[] | Record<string, string>>>>>, families: Map<FamilyId, FamilyRule>, key: string): void {
  for (const [family, axes] of Object.entries(table) as [FamilyId, Partial<Record<AxisId, string[] | Record<string, string>>>][]) {
    for (const [axis, entry] of Object.entries(axes) as [AxisId, string[] | Record<string, string>][]) {
      const values = families.get(family)?.axes[axis]?.values;
      const where = `${key} "${family}" "${axis}"`;
      if (!values) throw new RuleError('queries/options.json', where, `the family "${family}" has no axis "${axis}"`);
      for (const id of Array.isArray(entry) ? entry : Object.keys(entry)) {
        if (!(id in values)) throw new RuleError('queries/options.json', where, `"${id}" is not a value of the axis; allowed: ${Object.keys(values).join(', ')}`);
      }
    }
  }
}

function validateTemplates(data: Json, file: string): Pick<QueryKnowledge, 'templates' | 'extraOptions' | 'source'> {
  const top = obj(data, file, 'file');
  keys(top, ['description', 'source', 'extraOptions', 'templates'], file, 'file');
  const extraOptions: Record<string, ExtraOptionRule> = {};
  for (const [id, raw] of Object.entries(obj(top.extraOptions, file, 'extraOptions'))) {
    const where = `extraOptions "${id}"`;
    const e = obj(raw, file, where);
    keys(e, ['label', 'role'], file, where);
    extraOptions[id] = { label: str(e.label, file, `${where} label`), role: oneOf(e.role, OPTION_ROLES, file, `${where} role`) };
  }
  const ids = new Set<string>();
  const templates = arr(top.templates, file, 'templates').map((raw, i): QueryTemplate => {
    const r = obj(raw, file, `template ${i}`);
    const id = str(r.id, file, `template ${i} id`);
    const where = `template "${id}"`;
    if (ids.has(id)) throw new RuleError(file, where, 'the id is used twice');
    ids.add(id);
    keys(r, ['id', 'kind', 'family', 'rule', 'purpose', 'format', 'title', 'question', 'itemPrompt', 'extraOptions', 'otherPlacement', 'source'], file, where);
    const template: QueryTemplate = {
      id,
      kind: oneOf(r.kind, FINDING_KINDS, file, `${where} kind`),
      purpose: oneOf(r.purpose, QUERY_PURPOSES, file, `${where} purpose`),
      format: oneOf(r.format, FORMATS, file, `${where} format`),
      title: str(r.title, file, `${where} title`),
      question: str(r.question, file, `${where} question`),
      itemPrompt: str(r.itemPrompt, file, `${where} itemPrompt`),
      extraOptions: arr(r.extraOptions, file, `${where} extraOptions`).map((x, k) => str(x, file, `${where} extraOptions ${k}`)),
      otherPlacement: oneOf(r.otherPlacement, PLACEMENTS, file, `${where} otherPlacement`),
      source: arr(r.source, file, `${where} source`).map((x, k) => str(x, file, `${where} source ${k}`)),
    };
    if (template.source.length === 0) throw new RuleError(file, `${where} source`, 'needs at least one citation');
    if (r.family !== undefined) template.family = oneOf(r.family, FAMILIES, file, `${where} family`);
    if (r.rule !== undefined) template.rule = str(r.rule, file, `${where} rule`);
    return template;
  });
  return { templates, extraOptions, source: arr(top.source, file, 'source').map((x, k) => str(x, file, `source ${k}`)) };
}

function validateOptions(data: Json, file: string): Pick<QueryKnowledge, 'options' | 'axisWording' | 'familyWording' | 'order' | 'valueOrder' | 'valueLabels' | 'indicatorLabels' | 'ruleIndicatorLabels' | 'hedges'> {
  const top = obj(data, file, 'file');
  keys(top, ['description', 'source', 'axisWording', 'familyWording', 'order', 'valueOrder', 'valueLabels', 'indicatorLabels', 'ruleIndicatorLabels', 'hedges', 'rules'], file, 'file');
  if (arr(top.source, file, 'source').length === 0) throw new RuleError(file, 'source', 'needs at least one citation');
  const axisWording = wordingTable(top.axisWording, file, 'axisWording');
  const familyWording: QueryKnowledge['familyWording'] = {};
  for (const [family, table] of Object.entries(obj(top.familyWording ?? {}, file, 'familyWording'))) {
    familyWording[oneOf(family, FAMILIES, file, 'familyWording')] = wordingTable(table, file, `familyWording "${family}"`);
  }
  const order = arr(top.order, file, 'order').map((a) => oneOf(a, AXES, file, 'order'));
  const valueOrder: QueryKnowledge['valueOrder'] = {};
  for (const [family, table] of Object.entries(obj(top.valueOrder ?? {}, file, 'valueOrder'))) {
    const f = (valueOrder[oneOf(family, FAMILIES, file, 'valueOrder')] = {} as Partial<Record<AxisId, string[]>>);
    for (const [axis, ids] of Object.entries(obj(table, file, `valueOrder "${family}"`))) {
      f[oneOf(axis, AXES, file, `valueOrder "${family}"`)] = arr(ids, file, `valueOrder "${family}" "${axis}"`).map((x, k) => str(x, file, `valueOrder "${family}" "${axis}" ${k}`));
    }
  }
  const valueLabels: QueryKnowledge['valueLabels'] = {};
  for (const [family, table] of Object.entries(obj(top.valueLabels ?? {}, file, 'valueLabels'))) {
    const f = (valueLabels[oneOf(family, FAMILIES, file, 'valueLabels')] = {} as Partial<Record<AxisId, Record<string, string>>>);
    for (const [axis, labels] of Object.entries(obj(table, file, `valueLabels "${family}"`))) {
      const out: Record<string, string> = {};
      for (const [id, label] of Object.entries(obj(labels, file, `valueLabels "${family}" "${axis}"`))) out[id] = str(label, file, `valueLabels "${family}" "${axis}" "${id}"`);
      f[oneOf(axis, AXES, file, `valueLabels "${family}"`)] = out;
    }
  }
  const indicatorLabels: QueryKnowledge['indicatorLabels'] = {};
  for (const [family, labels] of Object.entries(obj(top.indicatorLabels ?? {}, file, 'indicatorLabels'))) {
    indicatorLabels[oneOf(family, FAMILIES, file, 'indicatorLabels')] = arr(labels, file, `indicatorLabels "${family}"`).map((l, k) => str(l, file, `indicatorLabels "${family}" ${k}`).toLowerCase());
  }
  const ruleIndicatorLabels: QueryKnowledge['ruleIndicatorLabels'] = {};
  for (const [rule, labels] of Object.entries(obj(top.ruleIndicatorLabels ?? {}, file, 'ruleIndicatorLabels'))) {
    const kind = rule.slice(0, rule.indexOf('/'));
    if (!(FINDING_KINDS as readonly string[]).includes(kind) || rule.indexOf('/') === rule.length - 1) {
      throw new RuleError(file, `ruleIndicatorLabels "${rule}"`, `must be a finding rule id "<kind>/<id>"; kinds: ${FINDING_KINDS.join(', ')}`);
    }
    ruleIndicatorLabels[rule] = arr(labels, file, `ruleIndicatorLabels "${rule}"`).map((l, k) => str(l, file, `ruleIndicatorLabels "${rule}" ${k}`).toLowerCase());
  }
  const hedges = arr(top.hedges, file, 'hedges').map((h, k) => str(h, file, `hedges ${k}`));
  const options: Record<string, OptionRule[]> = {};
  for (const [key, list] of Object.entries(obj(top.rules, file, 'rules'))) {
    const where = `rules "${key}"`;
    const ids = new Set<string>();
    options[key] = arr(list, file, where).map((raw, i) => {
      const o = obj(raw, file, `${where} option ${i}`);
      keys(o, ['id', 'label', 'role', 'wording', 'code', 'onlyWhenNoted'], file, `${where} option ${i}`);
      const id = str(o.id, file, `${where} option ${i} id`);
      const at = `${where} option "${id}"`;
      if (ids.has(id)) throw new RuleError(file, at, 'the id is used twice in this list');
      ids.add(id);
      const role = o.role === undefined ? 'answer' : oneOf(o.role, OPTION_ROLES, file, `${at} role`);
      const option: OptionRule = { id, label: str(o.label, file, `${at} label`), role, wording: o.wording === undefined ? null : wording(o.wording, file, `${at} wording`) };
      if (role === 'answer' && !option.wording) throw new RuleError(file, at, 'an answer needs a "wording" (what is written into the note)');
      if (o.code !== undefined) option.code = codeRef(o.code, file, `${at} code`);
      if (o.onlyWhenNoted !== undefined) {
        option.onlyWhenNoted = arr(o.onlyWhenNoted, file, `${at} onlyWhenNoted`).map((w, k) => str(w, file, `${at} onlyWhenNoted ${k}`));
        if (option.onlyWhenNoted.length === 0) throw new RuleError(file, `${at} onlyWhenNoted`, 'must not be empty');
      }
      return option;
    });
  }
  return { options, axisWording, familyWording, order, valueOrder, valueLabels, indicatorLabels, ruleIndicatorLabels, hedges };
}

function validateWords(data: Json, file: string): Pick<QueryKnowledge, 'financial' | 'financialCaseSensitive' | 'leading'> {
  const top = obj(data, file, 'file');
  keys(top, ['description', 'source', 'financial', 'financialCaseSensitive', 'leading'], file, 'file');
  if (arr(top.source, file, 'source').length === 0) throw new RuleError(file, 'source', 'needs at least one citation');
  const list = (key: string) => arr(top[key] ?? [], file, key).map((x, k) => str(x, file, `${key} ${k}`));
  return { financial: list('financial'), financialCaseSensitive: list('financialCaseSensitive'), leading: list('leading') };
}

function wordingTable(data: Json, file: string, where: string): Partial<Record<AxisId, AxisWording>> {
  const out: Partial<Record<AxisId, AxisWording>> = {};
  for (const [axis, raw] of Object.entries(obj(data ?? {}, file, where))) {
    const at = `${where} "${axis}"`;
    const w = obj(raw, file, at);
    keys(w, ['placement', 'pattern'], file, at);
    const pattern = str(w.pattern, file, `${at} pattern`);
    if (!pattern.includes('{phrase}')) throw new RuleError(file, `${at} pattern`, 'must contain {phrase}');
    out[oneOf(axis, AXES, file, where)] = { placement: oneOf(w.placement, ['before', 'after', 'annotate'] as const, file, `${at} placement`), pattern };
  }
  return out;
}

function wording(data: Json, file: string, where: string): Wording {
  const w = obj(data, file, where);
  keys(w, ['text', 'placement'], file, where);
  const placement = oneOf(w.placement, PLACEMENTS, file, `${where} placement`);
  if (typeof w.text !== 'string') throw new RuleError(file, `${where} text`, `must be a string, got ${describe(w.text)}`);
  if (placement !== 'confirm' && w.text.trim() === '') throw new RuleError(file, `${where} text`, `must not be empty for placement "${placement}"`);
  return { text: w.text, placement };
}








