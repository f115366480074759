/**
 * The `ndjson` output format: JSON Lines, one object per note read, written as soon as the note is
 * analysed: `{"note": {file, line?, entry?, id?, subject?, encounter?, date?}, "findings": [...]}`.
 * Each finding is whole, as in the `json` format, with its compliant query draft (`query`), so the
 * note's identity (resource id, patient, encounter, date) travels with every finding.
 */
import type { Finding } from '../types.js';
import { safeDraft, type QueryContext } from './format-json.js';
import type { NoteRef } from './note-source.js';

/** One JSON Lines record, ending in "\n". */
export function formatNoteNdjson(note: NoteRef, findings: readonly Finding[], context: QueryContext): string {
  return JSON.stringify({ note, findings: findings.map((f) => ({ ...f, query: safeDraft(f, context) })) }) + '\n';
}
