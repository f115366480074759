/**
 * Every code a rule names exists in the ICD-10-CM code set in force (FY2027: the FY2026 list with
 * the FY2027 changes applied, shared/data/icd10cm/icd10cm-codes-2027-derived.txt), with its
 * official title; and every candidate is reachable (its `when` names values the rule defines).
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { validateFamilyRule } from '../../src/rules/load.js';
import { familyFilesOnDisk } from '../support/families.js';
import { sharedPath } from '../support/shared.js';

function loadCodeSet(): Map<string, string> {
  const text = readFileSync(sharedPath('data/icd10cm/icd10cm-codes-2027-derived.txt'), 'latin1');
  const codes = new Map<string, string>();
  for (const line of text.split(/\r?\n/)) {
    if (!line.trim()) continue;
    const raw = line.slice(0, 8).trim();
    const dotted = raw.length > 3 ? `${raw.slice(0, 3)}.${raw.slice(3)}` : raw;
    codes.set(dotted, line.slice(8).trim());
  }
  return codes;
}

const codeSet = loadCodeSet();
const rules = Object.entries(familyFilesOnDisk()).map(([file, data]) => validateFamilyRule(data, file));

describe('the code set', () => {
  it('holds the FY2027 code set (about 74,800 codes)', () => {
    expect(codeSet.size).toBeGreaterThan(74_000);
    expect(codeSet.get('I50.9')).toBe('Heart failure, unspecified');
  });
});

for (const rule of rules) {
  describe(`${rule.family} codes`, () => {
    it('names only valid FY2027 codes, with their official titles', () => {
      const wrong = rule.codes.filter((c) => codeSet.get(c.code) !== c.title).map((c) => `${c.code} "${c.title}" (official: ${codeSet.get(c.code) ?? 'not a valid code'})`);
      expect(wrong).toEqual([]);
    });
    it('lists each code and its values once', () => {
      const seen = rule.codes.map((c) => `${c.code} ${JSON.stringify(Object.entries(c.when).sort())}`);
      expect(seen.filter((c, i) => seen.indexOf(c) !== i)).toEqual([]);
    });
    it('has an unspecified code for a statement of the condition alone', () => {
      const axes = Object.keys(rule.axes);
      const unspecified = rule.codes.filter((c) => axes.some((a) => c.when[a] === 'unspecified') || axes.every((a) => c.when[a] === undefined));
      expect(unspecified.length).toBeGreaterThan(0);
    });
  });
}
