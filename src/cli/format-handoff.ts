/**
 * The `handoff` output format: for each note, the summary the engine gives before a note goes to
 * coders (`handoff()` in src/queries): the open queries and the codes the note supports now. A
 * command-line run has no answers or dismissals, so every query is open.
 */
import { handoff } from '../queries/handoff.js';
import { handoffToText } from '../queries/export-text.js';
import type { QueryContext } from './format-json.js';

/** The note's name, then its hand-off summary indented, then a blank line. */
export function formatFileHandoff(name: string, context: QueryContext): string {
  const summary = handoff(context.analysis, { text: context.text, answered: [], dismissed: [] });
  const body = handoffToText(summary).trimEnd().split('\n').map((line) => `  ${line}`).join('\n');
  return `${name}\n${body}\n\n`;
}
