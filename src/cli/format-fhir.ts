/**
 * The `fhir` output format: JSON Lines, one FHIR R4 `Bundle` (type `collection`) per note read,
 * holding a `Questionnaire` for each finding's compliant query, then a `DetectedIssue` for each
 * finding that implicates the note (`DocumentReference/<id>` when the note came from FHIR, else the
 * file by name) and points at its Questionnaire as evidence. The bundle's `id` is derived from the
 * resource id or the file name (FHIR id alphabet, at most 64 characters); a note without findings
 * gives a bundle without entries, so there is still one line per note.
 */
import type { Finding } from '../types.js';
import { fnv1a } from '../queries/audit.js';
import { fhirId, queriesToBundle, questionnaireUrl } from '../queries/fhir.js';
import type { Query } from '../queries/types.js';
import { safeDraft, type QueryContext } from './format-json.js';
import type { NoteRef } from './note-source.js';

const BASE = 'http://example.org/cdi-lint';

/** A reference as written here (R4 Reference: a literal reference and/or a display). */
export interface FhirReference { reference?: string; display?: string }

/** A FHIR R4 DetectedIssue, as written here: one finding, implicating its note. */
export interface FhirDetectedIssue {
  resourceType: 'DetectedIssue';
  id: string;
  identifier: Array<{ system: string; value: string }>;
  status: 'preliminary';
  code: { coding: Array<{ system: string; code: string; display: string }>; text: string };
  severity: 'moderate' | 'low';
  patient?: FhirReference;
  implicated: FhirReference[];
  evidence?: Array<{ code?: Array<{ text: string }>; detail?: FhirReference[] }>;
  detail: string;
}

/** One JSON Lines record: the note's Bundle, ending in "\n". `note` (FHIR inputs) adds the note's identity. */
export function formatFileFhir(file: string, findings: readonly Finding[], context: QueryContext, note?: NoteRef): string {
  const queries = new Map<string, Query>();
  for (const f of findings) {
    const q = safeDraft(f, context);
    if (q) queries.set(f.id, q);
  }
  const bundle = queriesToBundle([...queries.values()]);
  const entry: Array<{ fullUrl: string; resource: unknown }> = [...bundle.entry];
  for (const finding of findings) {
    const issue = findingToDetectedIssue(finding, note ?? { file }, queries.get(finding.id));
    entry.push({ fullUrl: `${BASE}/DetectedIssue/${issue.id}`, resource: issue });
  }
  const id = bundleId(note?.id !== undefined ? `${note.id}` : file, note?.id === undefined ? file : `${file}:${note.line ?? note.entry ?? ''}:${note.id}`);
  return JSON.stringify({ resourceType: bundle.resourceType, id, type: bundle.type, entry }) + '\n';
}

/** A finding as a DetectedIssue: its kind as the code, the note implicated, the query's Questionnaire as evidence. */
export function findingToDetectedIssue(finding: Finding, note: NoteRef, query?: Query): FhirDetectedIssue {
  const family = finding.family ?? 'other';
  const axes = finding.axes.length > 0 ? `; not stated: ${finding.axes.join(', ')}` : '';
  const issue: FhirDetectedIssue = {
    resourceType: 'DetectedIssue',
    id: fhirId(`issue-${finding.id}`),
    identifier: [{ system: `${BASE}/finding-id`, value: finding.id }],
    status: 'preliminary',
    code: {
      coding: [{ system: `${BASE}/CodeSystem/finding-kind`, code: finding.kind, display: finding.kind.replace(/-/g, ' ') }],
      text: `${family}${axes}`,
    },
    severity: finding.severity === 'warning' ? 'moderate' : 'low',
    implicated: [note.id !== undefined ? { reference: `DocumentReference/${note.id}` } : { display: note.file }],
    detail: `${finding.message} Evidence: "${finding.text.replace(/\s+/g, ' ').trim()}" (characters ${finding.start}-${finding.end}).`,
  };
  if (note.subject !== undefined) issue.patient = /^Patient\/[A-Za-z0-9.-]{1,64}$/.test(note.subject) ? { reference: note.subject } : { display: note.subject };
  if (query) issue.evidence = [{ code: [{ text: 'Documentation clarification query' }], detail: [{ reference: questionnaireUrl(query) }] }];
  return issue;
}

/** A FHIR id for a note's bundle: its name in the FHIR id alphabet, plus a hash of `key` (the full path and line). */
function bundleId(name: string, key: string): string {
  const base = name.split(/[\\/]/).pop()!.replace(/[^A-Za-z0-9.-]+/g, '-').replace(/^[-.]+|[-.]+$/g, '') || 'stdin';
  return `${base.slice(0, 55)}-${fnv1a(key)}`;
}
