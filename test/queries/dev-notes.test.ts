import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { analyze, draftQuery, lintQuery } from '../../src/index.js';
import { sharedPath } from '../support/shared.js';

const dir = sharedPath('eval', 'dev', 'notes');
const files = readdirSync(dir).filter((f) => f.endsWith('.txt')).sort();

describe('queries for every development note', () => {
  it('finds the development notes', () => {
    expect(files.length).toBeGreaterThan(100);
  });

  for (const setting of ['inpatient', 'outpatient'] as const) {
    it(`drafts a compliant query for every finding of every note (${setting})`, () => {
      const failures: string[] = [];
      let drafted = 0;
      for (const file of files) {
        const text = readFileSync(join(dir, file), 'utf8');
        const analysis = analyze(text, { setting });
        for (const finding of analysis.findings) {
          const query = draftQuery(finding, text, { analysis }); // throws on a non-compliant draft
          const result = lintQuery(query);
          if (!result.ok) failures.push(`${file} ${finding.id}: ${result.problems.map((p) => p.rule).join(', ')}`);
          for (const i of query.indicators) if (text.slice(i.start, i.end) !== i.text) failures.push(`${file} ${finding.id}: indicator span`);
          drafted++;
        }
      }
      expect(failures).toEqual([]);
      expect(drafted).toBeGreaterThan(50);
    });
  }
});
