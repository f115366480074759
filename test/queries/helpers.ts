/**
 * Helpers for the query tests: analyse a note and draft the query of one finding, and answer a
 * query by option ids.
 */
import { analyze, draftQuery, type Analysis, type Finding, type Query, type QueryAnswer, type Setting } from '../../src/index.js';

/** The analysis of `text`, the first finding matching `pick`, and its query. Throws when none matches. */
export function draftFor(text: string, pick: (f: Finding) => boolean = () => true, setting: Setting = 'inpatient'): { analysis: Analysis; finding: Finding; query: Query } {
  const analysis = analyze(text, { setting });
  const finding = analysis.findings.find(pick);
  if (!finding) throw new Error(`no matching finding in ${JSON.stringify(text)}: ${analysis.findings.map((f) => f.id).join(', ') || 'none'}`);
  return { analysis, finding, query: draftQuery(finding, text, { analysis }) };
}

/** An answer choosing `optionIds[itemId]` for each item named. */
export function answer(query: Query, optionIds: Record<string, string | { optionId: string; text: string }>): QueryAnswer {
  return {
    queryId: query.id,
    choices: Object.entries(optionIds).map(([itemId, choice]) => (typeof choice === 'string' ? { itemId, optionId: choice } : { itemId, ...choice })),
  };
}

/** The option ids of each item, as "item: a, b, c" lines. */
export function optionTable(query: Query): string[] {
  return query.items.map((i) => `${i.id}: ${i.options.map((o) => o.id).join(', ')}`);
}
