/**
 * Plain-text renderings: a query as an EHR inbox message, and the hand-off summary. No markup,
 * lines under 100 characters where the note's own words allow.
 */
import type { HandoffSummary, Query } from './types.js';

/**
 * A query as a plain-text inbox message: title, question, the clinical indicators quoted from the
 * note, then each item with lettered options ("[ ] a. Acute").
 */
export function queryToText(query: Query): string {
  const lines = [query.title, '', query.question, '', 'Clinical indicators from the note:'];
  for (const indicator of query.indicators) lines.push(`  - "${indicator.text.replace(/\s+/g, ' ')}"`);
  for (const item of query.items) {
    lines.push('', `${item.prompt}:`);
    item.options.forEach((option, index) => lines.push(`  [ ] ${String.fromCharCode(97 + (index % 26))}. ${option.label}${option.role === 'other' ? ': ____________' : ''}`));
  }
  lines.push('', 'Please document your response in the medical record.');
  return `${lines.join('\n')}\n`;
}

/** The hand-off summary as plain text: open queries, answers, dismissals, then codes. */
export function handoffToText(summary: HandoffSummary): string {
  const lines: string[] = [];
  // Low-confidence findings are marked wherever they are listed, with the reasons.
  const low = new Map((summary.lowConfidence ?? []).map((l) => [l.findingId, l.reasons]));
  const mark = (findingId: string): string => {
    const reasons = low.get(findingId);
    return reasons === undefined ? '' : ` (low confidence${reasons.length ? `: ${reasons.join('; ')}` : ''})`;
  };
  lines.push(`Open queries (${summary.unanswered.length}):`);
  for (const q of summary.unanswered) lines.push(`  - ${q.title}${mark(q.findingId)}`);
  lines.push(`Answered (${summary.answered.length}):`);
  for (const a of summary.answered) lines.push(`  - ${a.condition ?? a.query.title}: ${a.labels.join('; ')}`);
  lines.push(`Dismissed (${summary.dismissed.length}):`);
  for (const d of summary.dismissed) lines.push(`  - ${d.condition ?? d.rule} "${d.evidence}": ${d.reason.replace(/-/g, ' ')}`);
  lines.push('Codes the note supports:');
  for (const c of summary.codes) {
    const show = (code: typeof c.now) => (code ? `${code.code} ${code.title}` : 'none');
    lines.push(`  - ${c.condition ?? c.rule}: ${show(c.now)}${c.now?.code !== c.before?.code ? ` (was ${show(c.before)})` : ''}${mark(c.findingId)}`);
  }
  if (summary.scope) lines.push(summary.scope);
  return `${lines.join('\n')}\n`;
}
