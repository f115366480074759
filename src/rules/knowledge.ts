/**
 * The compiled knowledge base: validated family rules with their phrase dictionaries built once.
 */
import type { FamilyId } from '../types.js';
import { PhraseTrie } from '../concepts/trie.js';
import { senseRule, validateFamilyRule } from './load.js';
import { RuleError } from './readers.js';
import sensesData from '../knowledge/context/senses.json';
import { FAMILIES } from '../types.js';
import otherConditions from '../knowledge/other-conditions.json';
import vagueTermsData from '../knowledge/vague-terms.json';
import indicatorsData from '../knowledge/indicators.json';
import conflictsData from '../knowledge/conflicts.json';
import notCurrentData from '../knowledge/not-current.json';
import { validateConflicts, validateIndicators, validateNotCurrent, validateVagueTerms } from './load-extra.js';
import type { ConflictRules, IndicatorRule, VagueTermRule } from './schema.js';
import type { Course, FamilyRule, SenseRule, TermRule, ValueRule, ValueScope } from './schema.js';
import { arr, keys as checkKeys, obj as asObject, oneOf, type Json } from './readers.js';

/** What a term match carries. */
export interface TermPayload {
  /** The family, or null for a condition outside the families (src/knowledge/other-conditions.json). */
  family: FamilyId | null;
  /** The term, or null for an `exclude` or other-condition phrase: it names none of the families'
   *  conditions, hides shorter terms inside it, and keeps its words from stating values. */
  term: TermRule | null;
}

/** What a value-phrase match carries: the axis or qualifier, and the value it states. */
export interface ValuePayload {
  key: string;
  value: string;
}

/** One family, ready to run. */
export interface CompiledFamily {
  rule: FamilyRule;
  /** Every axis and qualifier phrase of the family. */
  values: PhraseTrie<ValuePayload>;
  /** Axis and qualifier rules by key, with defaults applied. */
  keys: Map<string, { rule: ValueRule; scope: ValueScope; window: number; isAxis: boolean }>;
  /** The widest window of the family (tokens each side of a mention). */
  maxWindow: number;
  /** The family's `notWhen` entries and the global ones that apply to it, compiled. */
  senses: CompiledSense[];
  /** The `anywhere` phrases of its axes and qualifiers (undefined when it has none). */
  anywhere: PhraseTrie<AnywherePayload> | undefined;
}

/** What an `anywhere` phrase match carries: the value it states, and when it counts. */
export interface AnywherePayload extends ValuePayload {
  when: Readonly<Record<string, readonly string[]>>;
}

/** A `notWhen` entry, ready to run. */
export interface CompiledSense {
  rule: SenseRule;
  /** Lower-case term texts it applies to, or undefined for every term. */
  terms: Set<string> | undefined;
  after: PhraseTrie<true>;
  before: PhraseTrie<true>;
  sections: ReadonlySet<string>;
}

/** An indicator rule with its phrase dictionaries. */
export interface CompiledIndicator {
  rule: IndicatorRule;
  /** The rule's phrases (payload true) and its `exclude` phrases (payload false). */
  phrases: PhraseTrie<boolean> | undefined;
  otherSense: PhraseTrie<true>;
  documentedBy: PhraseTrie<true>;
}

/** A compiled list of not-current wording (src/knowledge/not-current.json). */
export interface CompiledNotCurrent {
  id: string;
  window: number;
  side: 'before' | 'both';
  phrases: PhraseTrie<true>;
}

/** A knowledge base: the term dictionary of all families, each family compiled, and the other rule kinds. */
export interface KnowledgeBase {
  terms: PhraseTrie<TermPayload>;
  families: Map<FamilyId, CompiledFamily>;
  /** Vague-term phrases, each with its rule. */
  vague: PhraseTrie<VagueTermRule>;
  /** Words that make a vague phrase specific, by rule id. */
  vagueUnless: Map<string, PhraseTrie<true>>;
  /** Words that make a vague phrase another sense, by rule id. */
  vagueOtherSense: Map<string, PhraseTrie<true>>;
  /** Statements anywhere in the note that name the specific condition, by rule id. */
  vagueYield: Map<string, PhraseTrie<true>>;
  /** Vague-term rules by id. */
  vagueRules: Map<string, VagueTermRule>;
  indicators: CompiledIndicator[];
  conflicts: ConflictRules;
  /** Wording before a phrase that puts it outside this patient, now. */
  notCurrent: CompiledNotCurrent[];
}

/** The rule data beside the family files; each defaults to the bundled file. */
export interface ExtraKnowledge {
  otherPhrases?: readonly string[];
  vagueTerms?: unknown;
  indicators?: unknown;
  conflicts?: unknown;
  /** The global `notWhen` entries (default: src/knowledge/context/senses.json). */
  senses?: unknown;
  notCurrent?: unknown;
}

/** Tokens each side of a mention searched for values, unless a rule sets `window`. */
export const DEFAULT_WINDOW = 6;

/**
 * Validates and compiles rule files. `files` maps a file name (used in errors) to its parsed JSON;
 * `extra` replaces the bundled vague terms, indicators, conflicts or other-condition phrases.
 * Throws a RuleError naming the file and rule for bad data, or for a family defined twice.
 */
export function compileKnowledge(files: Readonly<Record<string, unknown>>, extra: ExtraKnowledge = {}): KnowledgeBase {
  const otherPhrases = extra.otherPhrases ?? otherConditions.phrases;
  const terms = new PhraseTrie<TermPayload>();
  const families = new Map<FamilyId, CompiledFamily>();
  const globalSenses = validateGlobalSenses(extra.senses ?? sensesData, 'context/senses.json');
  const termEntries: Array<{ phrase: string; payload: TermPayload; caseSensitive?: boolean }> = [];
  for (const [file, data] of Object.entries(files)) {
    const rule = validateFamilyRule(data, file);
    if (families.has(rule.family)) throw new Error(`${file}: rule "${rule.family}": the family is defined twice`);
    termEntries.push(...rule.terms.map((term) => ({ phrase: term.text, payload: { family: rule.family, term }, caseSensitive: term.caseSensitive ?? false })));
    termEntries.push(...rule.exclude.map((phrase) => ({ phrase, payload: { family: rule.family, term: null } })));
    const senses = [...rule.notWhen, ...globalSenses.filter((g) => g.families.includes('*') || g.families.includes(rule.family)).map((g) => g.rule)];
    families.set(rule.family, compileFamily(rule, senses));
  }
  termEntries.push(...otherPhrases.map((phrase) => ({ phrase, payload: { family: null, term: null } })));
  terms.addMany(termEntries);

  const vagueRules = validateVagueTerms(extra.vagueTerms ?? vagueTermsData, 'vague-terms.json');
  const vague = new PhraseTrie<VagueTermRule>();
  vague.addMany(vagueRules.flatMap((rule) => rule.phrases.map((phrase) => ({ phrase, payload: rule }))));
  const vagueUnless = new Map(vagueRules.map((rule) => [rule.id, trieOf(rule.unlessNear)]));
  const vagueOtherSense = new Map(vagueRules.map((rule) => [rule.id, trieOf(rule.otherSenseNear)]));
  const vagueYield = new Map(vagueRules.map((rule) => [rule.id, trieOf(rule.yieldTo.phrases)]));
  const vagueById = new Map(vagueRules.map((rule) => [rule.id, rule]));
  const indicatorRules = validateIndicators(extra.indicators ?? indicatorsData, 'indicators.json');
  for (const rule of indicatorRules) {
    for (const id of rule.yieldsTo) {
      if (!vagueById.has(id)) throw new RuleError('indicators.json', `rule "${id}" yieldsTo`, `"${id}" is not a vague-term rule; allowed: ${[...vagueById.keys()].join(', ')}`);
    }
  }
  const indicators = indicatorRules.map((rule) => {
    let phrases: PhraseTrie<boolean> | undefined;
    if (rule.phrases) {
      phrases = new PhraseTrie<boolean>();
      phrases.addMany([
        ...rule.phrases.map((phrase) => ({ phrase, payload: true, caseSensitive: isCaseSensitivePhrase(phrase) })),
        ...rule.exclude.map((phrase) => ({ phrase, payload: false, caseSensitive: isCaseSensitivePhrase(phrase) })),
      ]);
    }
    return { rule, phrases, otherSense: trieOf(rule.otherSenseNear), documentedBy: trieOf(rule.documentedBy) };
  });
  const conflicts = validateConflicts(extra.conflicts ?? conflictsData, 'conflicts.json');
  const notCurrent = validateNotCurrent(extra.notCurrent ?? notCurrentData, 'not-current.json').lists
    .map((list) => ({ id: list.id, window: list.window, side: list.side, phrases: trieOf(list.phrases) }));
  return { terms, families, vague, vagueUnless, vagueOtherSense, vagueYield, vagueRules: vagueById, indicators, conflicts, notCurrent };
}

function trieOf(phrases: readonly string[]): PhraseTrie<true> {
  const trie = new PhraseTrie<true>();
  trie.addMany(phrases.map((phrase) => ({ phrase, payload: true as const, caseSensitive: isCaseSensitivePhrase(phrase) })));
  return trie;
}

/** Validates the global `notWhen` list: `{senses: [{families, ...notWhen entry}]}`. */
function validateGlobalSenses(data: Json, file: string): Array<{ families: string[]; rule: SenseRule }> {
  const top = asObject(data, file, 'senses file');
  checkKeys(top, ['description', 'source', 'senses'], file, 'senses file');
  return arr(top.senses, file, 'senses').map((entry, i) => {
    const where = `sense ${i}`;
    const o = asObject(entry, file, where);
    const families = arr(o.families, file, `${where} families`).map((f) => oneOf(f, ['*', ...FAMILIES], file, `${where} families`));
    if (families.length === 0) throw new RuleError(file, `${where} families`, 'must name at least one family, or "*"');
    const { families: _ignored, ...rest } = o;
    return { families, rule: senseRule(rest, file, where, undefined) };
  });
}

function compileSense(rule: SenseRule): CompiledSense {
  return {
    rule,
    terms: rule.terms.includes('*') ? undefined : new Set(rule.terms.map((t) => t.toLowerCase())),
    after: trieOf(rule.after),
    before: trieOf(rule.before),
    sections: new Set(rule.sections),
  };
}

function compileFamily(rule: FamilyRule, senses: readonly SenseRule[] = rule.notWhen): CompiledFamily {
  const values = new PhraseTrie<ValuePayload>();
  const keys: CompiledFamily['keys'] = new Map();
  let maxWindow = 0;
  const phrases: Array<{ phrase: string; payload: ValuePayload; caseSensitive: boolean }> = [];
  const addAll = (entries: Array<[string, ValueRule | undefined]>, isAxis: boolean) => {
    for (const [key, valueRule] of entries) {
      if (!valueRule) continue;
      const window = valueRule.window ?? DEFAULT_WINDOW;
      maxWindow = Math.max(maxWindow, window);
      keys.set(key, { rule: valueRule, scope: valueRule.scope ?? 'mention', window, isAxis });
      for (const [value, list] of Object.entries(valueRule.values)) {
        for (const phrase of list) phrases.push({ phrase, payload: { key, value }, caseSensitive: isCaseSensitivePhrase(phrase) });
      }
    }
  };
  addAll(Object.entries(rule.axes), true);
  addAll(Object.entries(rule.qualifiers), false);
  values.addMany(phrases);
  const anywherePhrases: Array<{ phrase: string; payload: AnywherePayload; caseSensitive: boolean }> = [];
  for (const [key, valueRule] of [...Object.entries(rule.axes), ...Object.entries(rule.qualifiers)]) {
    for (const group of valueRule?.anywhere ?? []) {
      for (const [value, list] of Object.entries(group.values)) {
        for (const phrase of list) anywherePhrases.push({ phrase, payload: { key, value, when: group.when }, caseSensitive: isCaseSensitivePhrase(phrase) });
      }
    }
  }
  let anywhere: PhraseTrie<AnywherePayload> | undefined;
  if (anywherePhrases.length > 0) {
    anywhere = new PhraseTrie<AnywherePayload>();
    anywhere.addMany(anywherePhrases);
  }
  return { rule, values, keys, maxWindow, senses: senses.map(compileSense), anywhere };
}

/**
 * Value phrases of one or two capital letters ("L", "R", "OD") are matched in their case only, so
 * that "l" or "od" in other words do not state a side.
 */
function isCaseSensitivePhrase(phrase: string): boolean {
  return /^[A-Z]{1,2}$/.test(phrase);
}

/** The course of a term: its own, else its family's. */
export function courseOf(family: CompiledFamily, term: TermRule): Course {
  return term.course ?? family.rule.course;
}
