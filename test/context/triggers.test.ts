import { describe, expect, it } from 'vitest';
import { CATEGORIES, DIRECTIONS, TRIGGERS, validateTriggers } from '../../src/context/triggers.js';

const FILE = 'triggers-under-test.json';
const withTrigger = (trigger: unknown) => ({ source: ['test'], triggers: [{ literal: 'no', category: 'negated', direction: 'forward' }, trigger] });

describe('trigger data', () => {
  it('loads the project file with every required trigger present', () => {
    const has = (literal: string, category: string) => TRIGGERS.some((t) => t.literal === literal && t.category === category);
    for (const literal of ['no', 'denies', 'denied', 'negative for', 'free of', 'without', 'ruled out', 'not', 'absence of', 'no evidence of', 'no signs of', 'never had']) {
      expect(has(literal, 'negated'), literal).toBe(true);
    }
    for (const literal of ['history of', 'h/o', 'hx of', 's/p', 'previous', 'prior', 'status post', 'past']) expect(has(literal, 'historical'), literal).toBe(true);
    for (const literal of ['if', 'return if', 'should', 'prophylaxis', 'risk of', 'in case', 'call if']) expect(has(literal, 'hypothetical'), literal).toBe(true);
    for (const literal of ['mother', 'father', 'family history', 'brother', 'sister', 'his wife']) expect(has(literal, 'experiencer'), literal).toBe(true);
    for (const literal of ['possible', 'probable', 'likely', 'suspected', 'suspicious for', 'r/o', 'rule out', 'concern for', 'versus', 'vs', 'questionable', 'consistent with', 'cannot be excluded', 'may be', 'differential']) {
      expect(has(literal, 'uncertain'), literal).toBe(true);
    }
  });

  it('accepts a minimal valid file', () => {
    expect(validateTriggers(withTrigger({ literal: 'but', category: 'negated', direction: 'terminate', categories: ['negated'] }), FILE)).toHaveLength(2);
  });

  it('rejects an unknown category, naming the file, the trigger and the allowed categories', () => {
    expect(() => validateTriggers(withTrigger({ literal: 'maybe', category: 'uncertian', direction: 'forward' }), FILE)).toThrow(
      `${FILE}: trigger #1 ("maybe"): bad category "uncertian"; allowed categories: ${CATEGORIES.join(', ')}`,
    );
  });

  it('rejects an unknown direction, listing the allowed directions', () => {
    expect(() => validateTriggers(withTrigger({ literal: 'no', category: 'negated', direction: 'FORWARD' }), FILE)).toThrow(
      `allowed directions: ${DIRECTIONS.join(', ')}`,
    );
  });

  it('rejects an unknown key, naming it and the allowed keys', () => {
    expect(() => validateTriggers(withTrigger({ literal: 'no', category: 'negated', direction: 'forward', max_scope: 3 }), FILE)).toThrow(
      /triggers-under-test\.json: trigger #1 \("no"\): unknown key "max_scope"; allowed keys: literal, category, direction, maxScope, categories/,
    );
  });

  it('rejects a maxScope that is not a positive integer', () => {
    expect(() => validateTriggers(withTrigger({ literal: 'no', category: 'negated', direction: 'forward', maxScope: 0 }), FILE)).toThrow(/bad maxScope 0/);
  });

  it('rejects "categories" on a trigger that does not terminate', () => {
    expect(() => validateTriggers(withTrigger({ literal: 'no', category: 'negated', direction: 'forward', categories: ['negated'] }), FILE)).toThrow(
      /"categories" is allowed only when direction is "terminate"/,
    );
  });

  it('rejects an empty literal and a duplicate trigger', () => {
    expect(() => validateTriggers(withTrigger({ literal: ' ', category: 'negated', direction: 'forward' }), FILE)).toThrow(/"literal" must be a non-empty string/);
    expect(() => validateTriggers(withTrigger({ literal: 'No', category: 'negated', direction: 'forward' }), FILE)).toThrow(/duplicate/);
  });

  it('rejects a file without sources or with unknown top-level keys', () => {
    expect(() => validateTriggers({ triggers: [] }, FILE)).toThrow(/"source" must be a non-empty list/);
    expect(() => validateTriggers({ source: ['x'], triggers: [], rules: [] }, FILE)).toThrow(/unknown top-level key "rules"/);
  });
});
