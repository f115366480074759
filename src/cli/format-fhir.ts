/**
 * The `fhir` output format: JSON Lines, one FHIR R4 `Bundle` (type `collection`) per note read,
 * holding a `Questionnaire` for each finding's compliant query. The bundle's `id` is derived from
 * the file name (FHIR id alphabet, at most 64 characters); a note without findings gives a bundle
 * without entries, so there is still one line per note.
 */
import type { Finding } from '../types.js';
import { fnv1a } from '../queries/audit.js';
import { queriesToBundle } from '../queries/fhir.js';
import type { Query } from '../queries/types.js';
import { safeDraft, type QueryContext } from './format-json.js';

/** One JSON Lines record: the note's Bundle, ending in "\n". */
export function formatFileFhir(file: string, findings: readonly Finding[], context: QueryContext): string {
  const queries = findings.map((f) => safeDraft(f, context)).filter((q): q is Query => q !== null);
  const bundle = queriesToBundle(queries);
  return JSON.stringify({ resourceType: bundle.resourceType, id: bundleId(file), type: bundle.type, entry: bundle.entry }) + '\n';
}

/** A FHIR id for a file's bundle: its name in the FHIR id alphabet, plus a hash of the full path. */
function bundleId(file: string): string {
  const base = file.split(/[\\/]/).pop()!.replace(/[^A-Za-z0-9.-]+/g, '-').replace(/^[-.]+|[-.]+$/g, '') || 'stdin';
  return `${base.slice(0, 55)}-${fnv1a(file)}`;
}
