/**
 * Validation of the rule files beside the family rules: vague terms, indicators (undocumented
 * conditions) and conflicts. Errors name the file, the rule and the allowed values, like
 * {@link validateFamilyRule}.
 */
import { AXES, FAMILIES, type AxisId, type FamilyId } from '../types.js';
import { arr, codeRef as code, keys, obj, oneOf, RuleError, str, strings, type Json } from './readers.js';
import type { ConflictRules, IndicatorRule, NotCurrentRules, QuantityCondition, VagueTermRule } from './schema.js';

/**
 * Reads a file of the shape `{description, source, rules: [...]}` whose rules have unique `id`s
 * and only `allowed` keys, handing each rule, its id and its place name to `read`.
 */
function readRules<T>(data: Json, file: string, allowed: readonly string[], read: (r: Record<string, Json>, id: string, where: string) => T): T[] {
  const top = obj(data, file, 'file');
  keys(top, ['description', 'source', 'rules'], file, 'file');
  const ids = new Set<string>();
  return arr(top.rules, file, 'rules').map((raw, i) => {
    const r = obj(raw, file, `rule ${i}`);
    const id = str(r.id, file, `rule ${i} id`);
    const where = `rule "${id}"`;
    if (ids.has(id)) throw new RuleError(file, where, 'the id is used twice');
    ids.add(id);
    keys(r, allowed, file, where);
    return read(r, id, where);
  });
}

/** Validates `vague-terms.json`. */
export function validateVagueTerms(data: Json, file: string): VagueTermRule[] {
  return readRules(data, file, ['id', 'family', 'phrases', 'unlessNear', 'otherSenseNear', 'window', 'yieldTo', 'message', 'note', 'source', 'current', 'candidates', 'examples'], (r, id, where) => {
    const yieldTo = obj(r.yieldTo ?? {}, file, `${where} yieldTo`);
    keys(yieldTo, ['phrases', 'families'], file, `${where} yieldTo`);
    return {
      id,
      family: family(r.family, file, where),
      phrases: strings(r.phrases, file, `${where} phrases`, true),
      unlessNear: strings(r.unlessNear ?? [], file, `${where} unlessNear`, false),
      otherSenseNear: strings(r.otherSenseNear ?? [], file, `${where} otherSenseNear`, false),
      window: windowOf(r.window, 3, file, where),
      yieldTo: {
        phrases: strings(yieldTo.phrases ?? [], file, `${where} yieldTo phrases`, false),
        families: arr(yieldTo.families ?? [], file, `${where} yieldTo families`).map((f) => oneOf(f, FAMILIES, file, `${where} yieldTo families`)),
      },
      message: str(r.message, file, `${where} message`),
      note: str(r.note, file, `${where} note`),
      source: strings(r.source, file, `${where} source`, true),
      current: r.current === null ? null : code(r.current, file, `${where} current`),
      candidates: arr(r.candidates, file, `${where} candidates`).map((c, k) => code(c, file, `${where} candidate ${k}`)),
      examples: examples(r.examples, file, where),
    };
  });
}

/** Validates `indicators.json`. */
export function validateIndicators(data: Json, file: string): IndicatorRule[] {
  return readRules(data, file, ['id', 'family', 'quantity', 'phrases', 'exclude', 'otherSenseNear', 'window', 'documentedBy', 'yieldsTo', 'message', 'note', 'source', 'candidates', 'examples'], (r, id, where) => {
    if ((r.quantity === undefined) === (r.phrases === undefined)) throw new RuleError(file, where, 'needs exactly one of "quantity" and "phrases"');
    const rule: IndicatorRule = {
      id,
      family: family(r.family, file, where),
      exclude: strings(r.exclude ?? [], file, `${where} exclude`, false),
      otherSenseNear: strings(r.otherSenseNear ?? [], file, `${where} otherSenseNear`, false),
      window: windowOf(r.window, 6, file, where),
      documentedBy: strings(r.documentedBy, file, `${where} documentedBy`, true),
      yieldsTo: strings(r.yieldsTo ?? [], file, `${where} yieldsTo`, false),
      message: str(r.message, file, `${where} message`),
      note: str(r.note, file, `${where} note`),
      source: strings(r.source, file, `${where} source`, true),
      candidates: arr(r.candidates, file, `${where} candidates`).map((c, k) => code(c, file, `${where} candidate ${k}`)),
      examples: examples(r.examples, file, where),
    };
    if (!rule.message.includes('{values}')) throw new RuleError(file, `${where} message`, 'must quote the values seen: include {values}');
    if (r.phrases !== undefined) rule.phrases = strings(r.phrases, file, `${where} phrases`, true);
    if (r.quantity !== undefined) rule.quantity = quantity(r.quantity, file, `${where} quantity`);
    return rule;
  });
}

/** Validates `conflicts.json`. */
export function validateConflicts(data: Json, file: string): ConflictRules {
  const top = obj(data, file, 'file');
  keys(top, ['description', 'source', 'exclusiveAxes', 'compatible', 'combine', 'sameSectionIsTwo'], file, 'file');
  const exclusiveAxes = arr(top.exclusiveAxes, file, 'exclusiveAxes').map((a) => oneOf(a, AXES, file, 'exclusiveAxes'));
  const compatible: ConflictRules['compatible'] = {};
  for (const [axis, pairs] of Object.entries(obj(top.compatible ?? {}, file, 'compatible'))) {
    oneOf(axis, AXES, file, 'compatible');
    compatible[axis as AxisId] = arr(pairs, file, `compatible ${axis}`).map((p, i) => {
      const pair = strings(p, file, `compatible ${axis} ${i}`, true);
      if (pair.length !== 2) throw new RuleError(file, `compatible ${axis} ${i}`, 'must be a pair of values');
      return [pair[0]!, pair[1]!];
    });
  }
  const combine: ConflictRules['combine'] = {};
  for (const [axis, triples] of Object.entries(obj(top.combine ?? {}, file, 'combine'))) {
    oneOf(axis, AXES, file, 'combine');
    combine[axis as AxisId] = arr(triples, file, `combine ${axis}`).map((t, i) => {
      const triple = strings(t, file, `combine ${axis} ${i}`, true);
      if (triple.length !== 3) throw new RuleError(file, `combine ${axis} ${i}`, 'must be [value, value, combined value]');
      return [triple[0]!, triple[1]!, triple[2]!];
    });
  }
  const sameSectionIsTwo = arr(top.sameSectionIsTwo ?? [], file, 'sameSectionIsTwo').map((a) => oneOf(a, AXES, file, 'sameSectionIsTwo'));
  return { exclusiveAxes, compatible, combine, sameSectionIsTwo };
}

/** Validates `not-current.json`. */
export function validateNotCurrent(data: Json, file: string): NotCurrentRules {
  const top = obj(data, file, 'file');
  keys(top, ['description', 'source', 'lists'], file, 'file');
  strings(top.source, file, 'source', true);
  const ids = new Set<string>();
  return {
    lists: arr(top.lists, file, 'lists').map((raw, i) => {
      const l = obj(raw, file, `list ${i}`);
      keys(l, ['id', 'description', 'window', 'side', 'phrases'], file, `list ${i}`);
      const id = str(l.id, file, `list ${i} id`);
      if (ids.has(id)) throw new RuleError(file, `list "${id}"`, 'the id is used twice');
      ids.add(id);
      str(l.description, file, `list "${id}" description`);
      const side = l.side === undefined ? 'before' : oneOf(l.side, ['before', 'both'] as const, file, `list "${id}" side`);
      return { id, window: windowOf(l.window, 6, file, `list "${id}"`), side, phrases: strings(l.phrases, file, `list "${id}" phrases`, true) };
    }),
  };
}

function windowOf(data: Json, fallback: number, file: string, where: string): number {
  const window = data ?? fallback;
  if (typeof window !== 'number' || !Number.isInteger(window) || window < 0 || window > 30) throw new RuleError(file, `${where} window`, 'must be a whole number from 0 to 30');
  return window;
}

function quantity(data: Json, file: string, where: string): QuantityCondition {
  const q = obj(data, file, where);
  keys(q, ['labels', 'units', 'atLeast', 'below'], file, where);
  const out: QuantityCondition = { labels: strings(q.labels, file, `${where} labels`, true).map((l) => l.toLowerCase()) };
  if (q.units !== undefined) {
    out.units = arr(q.units, file, `${where} units`).map((u, i) => {
      if (typeof u !== 'string') throw new RuleError(file, `${where} units ${i}`, `must be a string ("" for no unit), got ${JSON.stringify(u)}`);
      return u.toLowerCase();
    });
  }
  for (const bound of ['atLeast', 'below'] as const) {
    if (q[bound] === undefined) continue;
    if (typeof q[bound] !== 'number' || !Number.isFinite(q[bound])) throw new RuleError(file, `${where} ${bound}`, 'must be a number');
    out[bound] = q[bound] as number;
  }
  if (out.atLeast === undefined && out.below === undefined) throw new RuleError(file, where, 'needs "atLeast" or "below"');
  return out;
}

function examples(data: Json, file: string, where: string): { flag: string[]; pass: string[] } {
  const e = obj(data, file, `${where} examples`);
  keys(e, ['flag', 'pass'], file, `${where} examples`);
  return { flag: strings(e.flag, file, `${where} examples.flag`, true), pass: strings(e.pass, file, `${where} examples.pass`, true) };
}

function family(data: Json, file: string, where: string): FamilyId | null {
  return data === null || data === undefined ? null : oneOf(data, FAMILIES, file, `${where} family`);
}







