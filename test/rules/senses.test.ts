/**
 * Other senses of a family's words (`notWhen`, in each family file and in
 * src/knowledge/context/senses.json): every entry's own examples run here. A `pass` text has no
 * current mention of the family; a `flag` text has one. Plus the loader's checks.
 */
import { describe, expect, it } from 'vitest';
import { compileKnowledge } from '../../src/rules/knowledge.js';
import { createAnalyzer } from '../../src/analyze.js';
import { validateFamilyRule } from '../../src/rules/load.js';
import { familyFilesOnDisk } from '../support/families.js';
import senses from '../../src/knowledge/context/senses.json';

const files = familyFilesOnDisk();
const analyzer = createAnalyzer(compileKnowledge(files));
const current = (text: string, family: string) => analyzer(text).mentions.filter((m) => m.family === family && m.current).map((m) => m.text);

for (const [file, data] of Object.entries(files)) {
  const rule = validateFamilyRule(data, file);
  rule.notWhen.forEach((sense, i) => {
    describe(`${rule.family} notWhen ${i} (${sense.terms.join(', ')})`, () => {
      for (const text of sense.examples.pass) it(`reads ${JSON.stringify(text)} as another sense`, () => expect(current(text, rule.family)).toEqual([]));
      for (const text of sense.examples.flag) it(`still reads ${JSON.stringify(text)} as the condition`, () => expect(current(text, rule.family).length).toBeGreaterThan(0));
    });
  });
}

describe('global senses (context/senses.json)', () => {
  for (const sense of senses.senses) {
    for (const text of sense.examples.pass) {
      it(`reads ${JSON.stringify(text)} as another sense for every family`, () => expect(analyzer(text).mentions.filter((m) => m.current)).toEqual([]));
    }
    for (const text of sense.examples.flag) {
      it(`still reads ${JSON.stringify(text)} as a condition`, () => expect(analyzer(text).mentions.filter((m) => m.current).length).toBeGreaterThan(0));
    }
  }
});

describe('notWhen validation', () => {
  const base = () => JSON.parse(JSON.stringify(files['shock.json'])) as Record<string, unknown> & { notWhen: Array<Record<string, unknown>> };
  it('rejects a term that is not the family\'s', () => {
    const data = base();
    data.notWhen[0]!.terms = ['shocks galore'];
    expect(() => validateFamilyRule(data, 'shock.json')).toThrow(/"shocks galore" is not a term of this family/);
  });
  it('rejects an entry with no context', () => {
    const data = base();
    data.notWhen[0] = { terms: ['shock'], note: 'x', examples: { flag: ['a'], pass: ['b'] } };
    expect(() => validateFamilyRule(data, 'shock.json')).toThrow(/needs "after", "before" or "sections"/);
  });
  it('rejects an unknown section and an entry without examples', () => {
    const data = base();
    data.notWhen[0]!.sections = ['kitchen'];
    expect(() => validateFamilyRule(data, 'shock.json')).toThrow(/"kitchen" is not allowed/);
    const other = base();
    other.notWhen[0]!.examples = { flag: [], pass: ['x'] };
    expect(() => validateFamilyRule(other, 'shock.json')).toThrow(/needs at least one "flag" and one "pass"/);
  });
  it('rejects an unknown key', () => {
    const data = base();
    data.notWhen[0]!.nearby = ['x'];
    expect(() => validateFamilyRule(data, 'shock.json')).toThrow(/unknown key "nearby"/);
  });
});
