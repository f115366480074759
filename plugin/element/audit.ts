/**
 * The element's audit entries, built in the page. Same shape and hash as the engine's
 * `auditRecord` / `toJsonLines` / `fnv1a` (src/queries/audit.ts), rebuilt here because importing
 * that module would put the engine's query knowledge (shared with the lazily loaded inline
 * analyser) into the element's bundle. test/browser/queries.test.ts checks both agree.
 */
import type { Finding } from '../../src/types.js';
import type { AuditEntry, AuditEvent, Query, QueryAnswer } from '../../src/queries/types.js';
import { emit } from './event.js';

/** FNV-1a, 32 bits, over the UTF-16 code units of `text`; 8 lower-case hex digits (as the engine's). */
export function fnv1a(text: string): string {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash.toString(16).padStart(8, '0');
}

/** One audit entry: the evidence as its hash only, the answer as the options chosen (with "Other" text). */
export function auditEntry(event: AuditEvent, finding: Finding, query?: Query, answer?: QueryAnswer, reason?: string, now = new Date()): AuditEntry {
  const entry: AuditEntry = {
    time: now.toISOString(),
    event,
    findingId: finding.id,
    rule: finding.rule,
    queryId: query?.id ?? null,
    evidenceHash: fnv1a(finding.text),
    answer: query && answer
      ? answer.choices.flatMap((choice) => {
          const option = query.items.find((i) => i.id === choice.itemId)?.options.find((o) => o.id === choice.optionId);
          if (!option) return [];
          return [{ itemId: choice.itemId, optionId: option.id, label: option.label, ...(option.role === 'other' ? { text: (choice.text ?? '').trim() } : {}) }];
        })
      : null,
  };
  if (reason !== undefined) entry.reason = reason;
  return entry;
}

/** Entries as JSON Lines: one object per line, each line ending in "\n". */
export function toJsonLines(entries: readonly AuditEntry[]): string {
  return entries.map((e) => `${JSON.stringify(e)}\n`).join('');
}

/**
 * The element's audit trail: entries in order, each also fired as `cdi-audit`. A query is
 * recorded as shown once per finding.
 */
export class AuditTrail {
  private readonly entries: AuditEntry[] = [];
  private readonly shownIds = new Set<string>();

  constructor(private readonly target: EventTarget) {}

  /** Adds an entry (hash of the evidence, never its text) and reports it. */
  record(event: AuditEvent, finding: Finding, query?: Query, answer?: QueryAnswer, reason?: string): void {
    const entry = auditEntry(event, finding, query, answer, reason);
    this.entries.push(entry);
    emit(this.target, 'cdi-audit', { entry });
  }

  /** Records that a finding's query was shown, the first time only. */
  shown(finding: Finding, query: Query): void {
    if (this.shownIds.has(finding.id)) return;
    this.shownIds.add(finding.id);
    this.record('shown', finding, query);
  }

  /** The trail as JSON Lines. */
  jsonLines(): string {
    return toJsonLines(this.entries);
  }
}
