/**
 * The pure pieces of the audit trail (AHIMA/ACDIS: every query is memorialised): one entry per
 * event, carrying a hash of the evidence and never the note text, and JSON Lines for export.
 * The element keeps the trail; this module only builds and serialises entries.
 */
import type { Finding } from '../types.js';
import { chosenOptions } from './answer.js';
import type { AuditEntry, AuditEvent, Query, QueryAnswer } from './types.js';

/** Options of {@link auditRecord}. */
export interface AuditOptions {
  /** The time of the event; default: now. */
  now?: Date;
  /** The reason of a dismissal. */
  reason?: string;
}

/**
 * One audit entry. `answer` is recorded when given (with the query it answers); the evidence is
 * recorded as its FNV-1a hash only.
 */
export function auditRecord(event: AuditEvent, finding: Finding, query?: Query, answer?: QueryAnswer, options: AuditOptions = {}): AuditEntry {
  const entry: AuditEntry = {
    time: (options.now ?? new Date()).toISOString(),
    event,
    findingId: finding.id,
    rule: finding.rule,
    queryId: query?.id ?? null,
    evidenceHash: fnv1a(finding.text),
    answer: query && answer
      ? chosenOptions(query, answer).map((c) => ({ itemId: c.itemId, optionId: c.option.id, label: c.option.label, ...(c.option.role === 'other' ? { text: c.text } : {}) }))
      : null,
  };
  if (options.reason !== undefined) entry.reason = options.reason;
  return entry;
}

/** Entries as JSON Lines: one object per line, each line ending in "\n". */
export function toJsonLines(entries: readonly AuditEntry[]): string {
  return entries.map((e) => `${JSON.stringify(e)}\n`).join('');
}

/** FNV-1a, 32 bits, over the UTF-16 code units of `text`; 8 lower-case hex digits. */
export function fnv1a(text: string): string {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash.toString(16).padStart(8, '0');
}
