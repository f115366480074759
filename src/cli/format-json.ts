/**
 * The `json` output format: JSON Lines, one object per note read, written as soon as the note is
 * analysed. Each line is `{"file": path, "findings": [Finding, ...]}` with every finding whole;
 * standard input is named `"-"`. Notes that could not be read have no line (their error goes to
 * stderr), so every line has the same shape.
 */
import type { Finding } from '../types.js';

/** One JSON Lines record, ending in "\n". */
export function formatFileJson(file: string, findings: readonly Finding[]): string {
  return JSON.stringify({ file, findings }) + '\n';
}
