/**
 * ConText triggers as validated data.
 *
 * The trigger list lives in `src/knowledge/context/triggers.json`; this module checks it at load time
 * against closed sets of keys, categories and directions, so a typo in the data fails loudly with a
 * message naming the file, the trigger and the allowed values instead of silently never firing.
 */
import raw from '../knowledge/context/triggers.json' with { type: 'json' };

/** Assertion categories a trigger can set. Closed. */
export const CATEGORIES = ['negated', 'historical', 'hypothetical', 'experiencer', 'uncertain'] as const;
/** One assertion category. */
export type Category = (typeof CATEGORIES)[number];

/**
 * How a trigger acts. `forward`/`backward`/`bidirectional`: it modifies targets after/before/on both
 * sides of it. `terminate`: it ends the scope of triggers of its `categories`. `pseudo`: it modifies
 * nothing but occupies its words, so no trigger inside it fires ("no increase", "gram negative").
 */
export const DIRECTIONS = ['forward', 'backward', 'bidirectional', 'terminate', 'pseudo'] as const;
/** One trigger direction. */
export type Direction = (typeof DIRECTIONS)[number];

/** One validated trigger. */
export interface Trigger {
  /** The phrase, matched case-insensitively on word tokens. */
  literal: string;
  category: Category;
  direction: Direction;
  /** Largest scope in word tokens; unlimited (to the sentence edge) when absent. */
  maxScope?: number;
  /** For `terminate` only: the categories whose scope it ends. All categories when absent. */
  categories?: Category[];
}

/** The default location of the trigger data, used in error messages. */
export const TRIGGERS_FILE = 'src/knowledge/context/triggers.json';

const TOP_KEYS = ['description', 'source', 'triggers'] as const;
const TRIGGER_KEYS = ['literal', 'category', 'direction', 'maxScope', 'categories'] as const;

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function oneOf<T extends string>(allowed: readonly T[], value: unknown): value is T {
  return typeof value === 'string' && (allowed as readonly string[]).includes(value);
}

function show(value: unknown): string {
  return JSON.stringify(value) ?? String(value);
}

/**
 * Checks trigger data and returns the triggers it holds.
 *
 * `data` is the parsed JSON (`{description?, source, triggers}`); `file` names it in messages.
 * Throws an `Error` naming the file, the trigger index and literal, the bad key or value and the allowed
 * values when: a key is unknown, `literal` is not a non-empty string, `category`/`direction` is not one
 * of {@link CATEGORIES}/{@link DIRECTIONS}, `maxScope` is not a positive integer, `categories` is not a
 * non-empty list of categories or appears on a non-`terminate` trigger, or the same
 * literal/category/direction appears twice. Does not mutate `data`.
 */
export function validateTriggers(data: unknown, file: string = TRIGGERS_FILE): Trigger[] {
  const fail = (message: string): never => {
    throw new Error(`${file}: ${message}`);
  };
  if (!isRecord(data)) fail('expected an object with "source" and "triggers"');
  const top = data as Record<string, unknown>;
  for (const key of Object.keys(top)) {
    if (!oneOf(TOP_KEYS, key)) fail(`unknown top-level key ${show(key)}; allowed keys: ${TOP_KEYS.join(', ')}`);
  }
  if (!Array.isArray(top.source) || top.source.length === 0 || !top.source.every((s) => typeof s === 'string')) {
    fail('"source" must be a non-empty list of strings citing where the triggers come from');
  }
  if (!Array.isArray(top.triggers)) fail('"triggers" must be a list');

  const seen = new Set<string>();
  return (top.triggers as unknown[]).map((entry, index) => {
    const where = (literal: unknown) => `trigger #${index}${typeof literal === 'string' ? ` (${show(literal)})` : ''}`;
    if (!isRecord(entry)) return fail(`${where(undefined)}: expected an object`);
    const at = where(entry.literal);
    for (const key of Object.keys(entry)) {
      if (!oneOf(TRIGGER_KEYS, key)) fail(`${at}: unknown key ${show(key)}; allowed keys: ${TRIGGER_KEYS.join(', ')}`);
    }
    const { literal, category, direction, maxScope, categories } = entry;
    if (typeof literal !== 'string' || literal.trim() === '') fail(`${at}: "literal" must be a non-empty string`);
    if (!oneOf(CATEGORIES, category)) {
      fail(`${at}: bad category ${show(category)}; allowed categories: ${CATEGORIES.join(', ')}`);
    }
    if (!oneOf(DIRECTIONS, direction)) {
      fail(`${at}: bad direction ${show(direction)}; allowed directions: ${DIRECTIONS.join(', ')}`);
    }
    const trigger: Trigger = { literal: literal as string, category: category as Category, direction: direction as Direction };
    if (maxScope !== undefined) {
      if (typeof maxScope !== 'number' || !Number.isInteger(maxScope) || maxScope < 1) {
        fail(`${at}: bad maxScope ${show(maxScope)}; allowed: a positive integer (word tokens)`);
      }
      trigger.maxScope = maxScope as number;
    }
    if (categories !== undefined) {
      if (direction !== 'terminate') fail(`${at}: "categories" is allowed only when direction is "terminate"`);
      if (!Array.isArray(categories) || categories.length === 0) {
        fail(`${at}: "categories" must be a non-empty list; allowed categories: ${CATEGORIES.join(', ')}`);
      }
      for (const c of categories as unknown[]) {
        if (!oneOf(CATEGORIES, c)) fail(`${at}: bad value ${show(c)} in "categories"; allowed categories: ${CATEGORIES.join(', ')}`);
      }
      trigger.categories = [...(categories as Category[])];
    }
    const id = `${trigger.literal.toLowerCase()}\u0000${trigger.category}\u0000${trigger.direction}`;
    if (seen.has(id)) fail(`${at}: duplicate of an earlier trigger with the same literal, category and direction`);
    seen.add(id);
    return trigger;
  });
}

/** The project's triggers, validated once at module load (a bad data file fails on import). */
export const TRIGGERS: readonly Trigger[] = validateTriggers(raw, TRIGGERS_FILE);
