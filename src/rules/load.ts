/**
 * Validation of family rule files. Rule data is checked at the door: an unknown key, family, axis,
 * value or code shape is rejected with an error naming the file, the rule and the allowed values.
 */
import { AXES, FAMILIES, type AxisId, type FamilyId, type SectionCategory } from '../types.js';
import { COURSES, VALUE_SCOPES, type SenseRule, type CodeRule, type FamilyRule, type FlagExample, type TermRule, type ValueRule } from './schema.js';
import taxonomy from '../knowledge/taxonomy-axes.json';
import { arr as asArray, CODE_PATTERN, describe, keys as checkKeys, obj as asObject, oneOf, RuleError, str as asString, type Json } from './readers.js';

export { RuleError } from './readers.js';

/** The axes each family may use (shared/eval/taxonomy.json). */
export const FAMILY_AXES: Readonly<Record<FamilyId, readonly AxisId[]>> = taxonomy.axes as Record<FamilyId, AxisId[]>;

const TOP_KEYS = ['family', 'title', 'description', 'note', 'source', 'course', 'terms', 'exclude', 'notWhen', 'axes', 'qualifiers', 'codes', 'examples'];
const TERM_KEYS = ['text', 'implies', 'caseSensitive', 'course'];
const VALUE_KEYS = ['values', 'scope', 'window', 'onlyWhen', 'notNeededWhen', 'keepDefault', 'anywhere'];
const CODE_KEYS = ['code', 'title', 'when'];
const FLAG_KEYS = ['text', 'missing', 'setting'];
const SENSE_KEYS = ['terms', 'after', 'before', 'sections', 'window', 'note', 'examples'];
/** Section categories (closed; src/types.ts). */
export const SECTION_CATEGORIES: readonly SectionCategory[] = ['chief-complaint', 'hpi', 'history', 'surgical-history', 'family-history', 'social-history', 'ros', 'exam', 'labs', 'imaging', 'assessment', 'plan', 'diagnoses', 'medications', 'allergies', 'procedure', 'other'];


/**
 * Validates one parsed rule file. `file` names it in errors. Returns the typed rule; throws
 * {@link RuleError} on the first problem.
 */
export function validateFamilyRule(data: Json, file: string): FamilyRule {
  const obj = asObject(data, file, 'rule');
  checkKeys(obj, TOP_KEYS, file, 'rule');
  const family = oneOf(obj.family, FAMILIES, file, 'family') as FamilyId;
  const rule = `rule "${family}"`;
  const allowedAxes = FAMILY_AXES[family];
  const axesObj = asObject(obj.axes ?? {}, file, `${rule} axes`);
  const axes: Partial<Record<AxisId, ValueRule>> = {};
  for (const [axis, value] of Object.entries(axesObj)) {
    oneOf(axis, allowedAxes, file, `${rule} axes`);
    axes[axis as AxisId] = valueRule(value, file, `${rule} axis "${axis}"`);
    if (axes[axis as AxisId]!.keepDefault !== undefined) throw new RuleError(file, `${rule} axis "${axis}" keepDefault`, 'is for qualifiers only');
  }
  for (const axis of allowedAxes) {
    if (!axes[axis]) throw new RuleError(file, rule, `axis "${axis}" of family ${family} has no values (its axes are: ${allowedAxes.join(', ')})`);
  }
  const qualifiers: Record<string, ValueRule> = {};
  for (const [name, value] of Object.entries(asObject(obj.qualifiers ?? {}, file, `${rule} qualifiers`))) {
    if ((AXES as readonly string[]).includes(name) && allowedAxes.includes(name as AxisId)) {
      throw new RuleError(file, `${rule} qualifier "${name}"`, `is an axis of this family; put it under "axes"`);
    }
    qualifiers[name] = valueRule(value, file, `${rule} qualifier "${name}"`);
  }
  const known = (key: string): ValueRule | undefined => axes[key as AxisId] ?? qualifiers[key];
  for (const [name, valueRule] of [...Object.entries(axes), ...Object.entries(qualifiers)]) {
    for (const [g, group] of (valueRule?.anywhere ?? []).entries()) {
      const where = `${rule} "${name}" anywhere ${g}`;
      for (const value of Object.keys(group.values)) oneOf(value, Object.keys(valueRule!.values), file, `${where} values`);
      for (const [key, values] of Object.entries(group.when)) {
        const target = known(key);
        if (!target || key === name) throw new RuleError(file, `${where} when`, `"${key}" is neither another axis nor a qualifier of this rule`);
        for (const v of values) oneOf(v, Object.keys(target.values), file, `${where} when "${key}"`);
      }
    }
  }
  for (const [axis, valueRule] of Object.entries(axes)) {
    for (const field of ['onlyWhen', 'notNeededWhen'] as const) {
      const condition = valueRule?.[field];
      if (!condition) continue;
      for (const [key, values] of Object.entries(condition)) {
        const target = known(key);
        const where = `${rule} axis "${axis}" ${field}`;
        if (!target || key === axis) throw new RuleError(file, where, `"${key}" is neither another axis nor a qualifier of this rule`);
        for (const v of values) oneOf(v, Object.keys(target.values), file, `${where} "${key}"`);
      }
    }
  }
  const terms = asArray(obj.terms, file, `${rule} terms`).map((t, i) => termRule(t, file, `${rule} term ${i}`, known));
  if (terms.length === 0) throw new RuleError(file, rule, 'has no terms');
  const codes = asArray(obj.codes, file, `${rule} codes`).map((c, i) => codeRule(c, file, `${rule} code ${i}`, known));
  if (codes.length === 0) throw new RuleError(file, rule, 'has no codes');
  const examples = asObject(obj.examples, file, `${rule} examples`);
  checkKeys(examples, ['flag', 'pass'], file, `${rule} examples`);
  const flag = asArray(examples.flag, file, `${rule} examples.flag`).map((e, i) => flagExample(e, file, `${rule} examples.flag ${i}`, allowedAxes));
  const pass = asArray(examples.pass, file, `${rule} examples.pass`).map((e, i) => asString(e, file, `${rule} examples.pass ${i}`));
  if (flag.length === 0 || pass.length === 0) throw new RuleError(file, `${rule} examples`, 'needs at least one "flag" and one "pass" example');
  return {
    family,
    title: asString(obj.title, file, `${rule} title`),
    description: asString(obj.description, file, `${rule} description`),
    note: asString(obj.note, file, `${rule} note`),
    source: asArray(obj.source, file, `${rule} source`).map((s, i) => asString(s, file, `${rule} source ${i}`)),
    course: oneOf(obj.course, COURSES, file, `${rule} course`),
    terms, axes, qualifiers, codes,
    exclude: asArray(obj.exclude ?? [], file, `${rule} exclude`).map((e, i) => asString(e, file, `${rule} exclude ${i}`)),
    notWhen: asArray(obj.notWhen ?? [], file, `${rule} notWhen`).map((e, i) => senseRule(e, file, `${rule} notWhen ${i}`, terms.map((t) => t.text))),
    examples: { flag, pass },
  };
}

function valueRule(data: Json, file: string, where: string): ValueRule {
  const obj = asObject(data, file, where);
  checkKeys(obj, VALUE_KEYS, file, where);
  const values: Record<string, string[]> = {};
  for (const [value, phrases] of Object.entries(asObject(obj.values, file, `${where} values`))) {
    if (value === 'unspecified') throw new RuleError(file, `${where} values`, '"unspecified" is reserved (it means: not stated)');
    values[value] = asArray(phrases, file, `${where} value "${value}"`).map((p, i) => asString(p, file, `${where} value "${value}" phrase ${i}`));
  }
  const out: ValueRule = { values };
  if (obj.scope !== undefined) out.scope = oneOf(obj.scope, VALUE_SCOPES, file, `${where} scope`);
  for (const field of ['onlyWhen', 'notNeededWhen'] as const) {
    if (obj[field] === undefined) continue;
    const condition: Record<string, string[]> = {};
    for (const [key, values] of Object.entries(asObject(obj[field], file, `${where} ${field}`))) {
      condition[key] = asArray(values, file, `${where} ${field} "${key}"`).map((v, i) => asString(v, file, `${where} ${field} "${key}" ${i}`));
    }
    out[field] = condition;
  }
  if (obj.anywhere !== undefined) {
    out.anywhere = asArray(obj.anywhere, file, `${where} anywhere`).map((g, i) => {
      const at = `${where} anywhere ${i}`;
      const group = asObject(g, file, at);
      checkKeys(group, ['when', 'values'], file, at);
      const when: Record<string, string[]> = {};
      for (const [key, values] of Object.entries(asObject(group.when, file, `${at} when`))) {
        when[key] = asArray(values, file, `${at} when "${key}"`).map((v, j) => asString(v, file, `${at} when "${key}" ${j}`));
      }
      if (Object.keys(when).length === 0) throw new RuleError(file, `${at} when`, 'must name at least one key (a phrase that counts anywhere must be tied to the condition)');
      const values: Record<string, string[]> = {};
      for (const [value, phrases] of Object.entries(asObject(group.values, file, `${at} values`))) {
        values[value] = asArray(phrases, file, `${at} value "${value}"`).map((p, j) => asString(p, file, `${at} value "${value}" phrase ${j}`));
      }
      return { when, values };
    });
  }
  if (obj.keepDefault !== undefined) {
    if (typeof obj.keepDefault !== 'boolean') throw new RuleError(file, `${where} keepDefault`, 'must be true or false');
    out.keepDefault = obj.keepDefault;
  }
  if (obj.window !== undefined) {
    if (typeof obj.window !== 'number' || !Number.isInteger(obj.window) || obj.window < 0 || obj.window > 30) {
      throw new RuleError(file, `${where} window`, `must be a whole number from 0 to 30, got ${JSON.stringify(obj.window)}`);
    }
    out.window = obj.window;
  }
  return out;
}

function termRule(data: Json, file: string, where: string, known: (k: string) => ValueRule | undefined): TermRule {
  const obj = asObject(data, file, where);
  checkKeys(obj, TERM_KEYS, file, where);
  const text = asString(obj.text, file, `${where} text`);
  const term: TermRule = { text };
  const at = `${where} ("${text}")`;
  if (obj.implies !== undefined) term.implies = valueMap(obj.implies, file, `${at} implies`, known, false);
  if (obj.caseSensitive !== undefined) {
    if (typeof obj.caseSensitive !== 'boolean') throw new RuleError(file, `${at} caseSensitive`, 'must be true or false');
    term.caseSensitive = obj.caseSensitive;
  }
  if (obj.course !== undefined) term.course = oneOf(obj.course, COURSES, file, `${at} course`);
  return term;
}

function codeRule(data: Json, file: string, where: string, known: (k: string) => ValueRule | undefined): CodeRule {
  const obj = asObject(data, file, where);
  checkKeys(obj, CODE_KEYS, file, where);
  const code = asString(obj.code, file, `${where} code`);
  if (!CODE_PATTERN.test(code)) throw new RuleError(file, `${where} code`, `"${code}" is not a dotted ICD-10-CM code (like I50.21)`);
  return { code, title: asString(obj.title, file, `${where} (${code}) title`), when: valueMap(obj.when ?? {}, file, `${where} (${code}) when`, known, true) };
}

function valueMap(data: Json, file: string, where: string, known: (k: string) => ValueRule | undefined, allowUnspecified: boolean): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [key, value] of Object.entries(asObject(data, file, where))) {
    const rule = known(key);
    if (!rule) throw new RuleError(file, where, `"${key}" is neither an axis nor a qualifier of this rule`);
    const allowed = Object.keys(rule.values).concat(allowUnspecified ? ['unspecified'] : []);
    out[key] = oneOf(value, allowed, file, `${where} "${key}"`);
  }
  return out;
}

function flagExample(data: Json, file: string, where: string, allowedAxes: readonly AxisId[]): FlagExample {
  const obj = asObject(data, file, where);
  checkKeys(obj, FLAG_KEYS, file, where);
  const example: FlagExample = {
    text: asString(obj.text, file, `${where} text`),
    missing: asArray(obj.missing, file, `${where} missing`).map((a) => oneOf(a, allowedAxes, file, `${where} missing`)),
  };
  if (obj.setting !== undefined) example.setting = oneOf(obj.setting, ['inpatient', 'outpatient'] as const, file, `${where} setting`);
  return example;
}

/**
 * Validates one `notWhen` entry (see {@link SenseRule}). `termTexts` are the family's terms; the
 * entry's `terms` must be among them (or `"*"`). Shared with the global list
 * (src/knowledge/context/senses.json), where `termTexts` is undefined and any term is allowed.
 */
export function senseRule(data: Json, file: string, where: string, termTexts: readonly string[] | undefined): SenseRule {
  const obj = asObject(data, file, where);
  checkKeys(obj, SENSE_KEYS, file, where);
  const list = (key: string) => asArray(obj[key] ?? [], file, `${where} ${key}`).map((s, i) => asString(s, file, `${where} ${key} ${i}`));
  const terms = list('terms');
  if (terms.length === 0) throw new RuleError(file, `${where} terms`, 'must name at least one term of the family, or "*"');
  const known = termTexts?.map((t) => t.toLowerCase());
  for (const t of terms) {
    if (t !== '*' && known && !known.includes(t.toLowerCase())) throw new RuleError(file, `${where} terms`, `"${t}" is not a term of this family (terms: ${termTexts!.join(', ')})`);
  }
  const after = list('after');
  const before = list('before');
  const sections = asArray(obj.sections ?? [], file, `${where} sections`).map((s) => oneOf(s, SECTION_CATEGORIES, file, `${where} sections`));
  if (after.length + before.length + sections.length === 0) throw new RuleError(file, where, 'needs "after", "before" or "sections"');
  let window = 1;
  if (obj.window !== undefined) {
    if (typeof obj.window !== 'number' || !Number.isInteger(obj.window) || obj.window < 1 || obj.window > 5) {
      throw new RuleError(file, `${where} window`, `must be a whole number from 1 to 5, got ${JSON.stringify(obj.window)}`);
    }
    window = obj.window;
  }
  const examples = asObject(obj.examples, file, `${where} examples`);
  checkKeys(examples, ['flag', 'pass'], file, `${where} examples`);
  const flag = asArray(examples.flag, file, `${where} examples.flag`).map((e, i) => asString(e, file, `${where} examples.flag ${i}`));
  const pass = asArray(examples.pass, file, `${where} examples.pass`).map((e, i) => asString(e, file, `${where} examples.pass ${i}`));
  if (flag.length === 0 || pass.length === 0) throw new RuleError(file, `${where} examples`, 'needs at least one "flag" and one "pass" example');
  return { terms, after, before, sections, window, note: asString(obj.note, file, `${where} note`), examples: { flag, pass } };
}
