/**
 * Turning one analysed note into its compact {@link ReportNote}: what the report keeps of it.
 */
import { contextOf } from '../queries/draft.js';
import type { Finding } from '../types.js';
import type { ReportFinding, ReportNote } from './types.js';

/** Who and when a note is about (the same fields the command line carries). */
export interface ReportIdentity {
  id?: string;
  subject?: string;
  encounter?: string;
  date?: string;
}

/** The report's record of a note: each finding with its sentence; the rest of the text is dropped. */
export function reportNote(name: string, identity: ReportIdentity, text: string, findings: readonly Finding[]): ReportNote {
  const note: ReportNote = { name, findings: findings.map((f) => reportFinding(text, f)) };
  if (identity.id !== undefined) note.id = identity.id;
  if (identity.subject !== undefined) note.subject = identity.subject;
  if (identity.encounter !== undefined) note.encounter = identity.encounter;
  if (identity.date !== undefined) note.date = identity.date;
  return note;
}

function reportFinding(text: string, finding: Finding): ReportFinding {
  const sentence = contextOf(text, finding);
  const flat = (s: string): string => s.replace(/\s+/g, ' ');
  // A sentence cut inside a word (it was longer than the quote allows) is marked with an ellipsis.
  const cutBefore = sentence.start < finding.start && /[\p{L}\p{N}]/u.test(text[sentence.start - 1] ?? '') ? '…' : '';
  const cutAfter = sentence.end > finding.end && /[\p{L}\p{N}]/u.test(text[sentence.end] ?? '') ? '…' : '';
  const out: ReportFinding = {
    kind: finding.kind,
    family: finding.family,
    axes: [...finding.axes],
    severity: finding.severity,
    before: cutBefore + flat(text.slice(sentence.start, finding.start)).trimStart(),
    evidence: flat(finding.text),
    after: flat(text.slice(finding.end, sentence.end)).trimEnd() + cutAfter,
    current: finding.codes.current?.code ?? null,
    candidates: new Set(finding.codes.candidates.map((c) => c.code)).size,
  };
  const confidence = (finding as Finding & { confidence?: unknown }).confidence;
  if (typeof confidence === 'string') out.confidence = confidence;
  return out;
}
