/**
 * Every rule's own examples: each `flag` text yields a finding of the family with exactly the
 * listed missing axes; each `pass` text yields no finding of the family.
 */
import { describe, expect, it } from 'vitest';
import { compileKnowledge } from '../../src/rules/knowledge.js';
import { createAnalyzer } from '../../src/analyze.js';
import { validateFamilyRule } from '../../src/rules/load.js';
import { familyFilesOnDisk } from '../support/families.js';

const files = familyFilesOnDisk();
const analyzer = createAnalyzer(compileKnowledge(files));

for (const [file, data] of Object.entries(files)) {
  const rule = validateFamilyRule(data, file);
  describe(`${rule.family} examples`, () => {
    for (const example of rule.examples.flag) {
      it(`flags ${JSON.stringify(example.text)} for ${example.missing.join(' and ')}`, () => {
        const findings = analyzer(example.text, { setting: example.setting ?? 'inpatient' }).findings.filter((f) => f.family === rule.family && f.kind === 'missing-specificity');
        expect(findings.map((f) => [...f.axes].sort().join('+'))).toEqual([[...example.missing].sort().join('+')]);
      });
    }
    for (const text of rule.examples.pass) {
      it(`does not flag ${JSON.stringify(text)}`, () => {
        const findings = analyzer(text).findings.filter((f) => f.family === rule.family);
        expect(findings.map((f) => `${f.text} [${f.axes.join(',')}]`)).toEqual([]);
      });
    }
  });
}
