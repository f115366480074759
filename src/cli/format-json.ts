/**
 * The `json` output format: JSON Lines, one object per note read, written as soon as the note is
 * analysed. Each line is `{"file": path, "findings": [Finding, ...]}` with every finding whole;
 * standard input is named `"-"`. Notes that could not be read have no line (their error goes to
 * stderr), so every line has the same shape.
 *
 * Given the note's text and analysis, each finding also carries `query`: its compliant query draft
 * (src/queries), or null if drafting failed (a bug; a non-compliant draft is never printed).
 */
import type { Analysis, Finding } from '../types.js';
import { draftQuery } from '../queries/draft.js';
import type { Query } from '../queries/types.js';

/** What the query drafts need: the note's text and its analysis. */
export interface QueryContext {
  text: string;
  analysis: Analysis;
}

/** One JSON Lines record, ending in "\n". With `context`, each finding has its `query`. */
export function formatFileJson(file: string, findings: readonly Finding[], context?: QueryContext): string {
  if (!context) return JSON.stringify({ file, findings }) + '\n';
  return JSON.stringify({ file, findings: findings.map((f) => ({ ...f, query: safeDraft(f, context) })) }) + '\n';
}

/** The query of a finding, or null when drafting throws. */
export function safeDraft(finding: Finding, context: QueryContext): Query | null {
  try {
    return draftQuery(finding, context.text, { analysis: context.analysis });
  } catch {
    return null;
  }
}
