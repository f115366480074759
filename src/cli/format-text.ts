/**
 * The `text` output format: findings grouped by file, for a person at a terminal.
 *
 * ```
 * notes/a.txt
 *   3:14  warning  missing-specificity  heart-failure  missing: acuity, type
 *     "CHF" — Heart failure: state the acuity and the type.
 *     codes: I50.9 → I50.21, I50.22, I50.23, I50.31, … +8 more
 *
 * 1 finding in 1 of 12 files
 * ```
 *
 * Every function here is pure and returns whole lines ending in "\n". Control characters from
 * the note or the file name are never written raw, so a note cannot drive the terminal.
 */
import type { Finding } from '../types.js';
import { LineIndex } from './line-index.js';

/** Presentation switches for the text format. */
export interface TextOptions {
  /** Use ANSI colours (the caller decides: stdout is a TTY and NO_COLOR is unset). */
  color: boolean;
}

/** Counts for the summary line. */
export interface RunStats {
  findings: number;
  /** Notes with at least one finding. */
  filesWithFindings: number;
  /** Notes read and analysed. */
  filesChecked: number;
  /** Inputs that could not be read, decoded or analysed. */
  filesFailed: number;
}

/** How many candidate codes are listed before the rest is summarised as "+N more". */
export const MAX_CODES_SHOWN = 5;
/** Longest evidence quoted in full; longer evidence is cut with an ellipsis. */
export const MAX_QUOTE = 60;

const INDENT = '    ';

/** The block for one file: its name, then each finding. Empty when there are no findings. */
export function formatFileText(file: string, text: string, findings: readonly Finding[], options: TextOptions): string {
  if (findings.length === 0) return '';
  const paint = painter(options.color);
  const lines = new LineIndex(text);
  let out = paint('4', printable(file)) + '\n';
  for (const finding of findings) {
    const { line, column } = lines.position(finding.start);
    const severity = paint(finding.severity === 'warning' ? '33' : '36', finding.severity);
    const missing = finding.axes.length > 0 ? `  missing: ${finding.axes.join(', ')}` : '';
    out += `  ${paint('2', `${line}:${column}`)}  ${severity}  ${finding.kind}  ${paint('1', finding.family ?? '-')}${missing}\n`;
    out += `${INDENT}${quoteEvidence(finding.text)} — ${printable(finding.message)}\n`;
    out += `${INDENT}${paint('2', `codes: ${formatCodes(finding.codes)}`)}\n`;
    if (finding.confidence === 'low') out += `${INDENT}${paint('35', `low confidence: ${printable((finding.confidenceReasons ?? []).join('; '))}`)}\n`;
  }
  return out + '\n';
}

/**
 * The current code and the codes a fuller statement would allow, e.g.
 * `I50.9 → I50.21, I50.22, … +8 more`. Duplicate candidate codes are listed once.
 */
export function formatCodes(codes: Finding['codes'], max = MAX_CODES_SHOWN): string {
  const candidates = [...new Set(codes.candidates.map((c) => c.code))];
  const current = codes.current?.code ?? '(no code)';
  if (candidates.length === 0) return current;
  const shown = candidates.length <= max ? candidates : candidates.slice(0, max - 1);
  const rest = candidates.length - shown.length;
  return `${current} → ${shown.join(', ')}${rest > 0 ? `, … +${rest} more` : ''}`;
}

/** The evidence in double quotes on one line: whitespace runs collapsed, long text cut. */
export function quoteEvidence(evidence: string, max = MAX_QUOTE): string {
  let flat = printable(evidence.replace(/\s+/g, ' ').trim());
  if (flat.length > max) flat = flat.slice(0, max - 1).trimEnd() + '…';
  return `"${flat}"`;
}

/** The final line of a text run, e.g. `3 findings in 2 of 40 files; 1 file could not be read`. */
export function formatSummary(stats: RunStats): string {
  const findings = plural(stats.findings, 'finding');
  let line =
    stats.filesChecked <= 1
      ? `${findings} in ${plural(stats.filesChecked, 'file')}`
      : `${findings} in ${stats.filesWithFindings} of ${plural(stats.filesChecked, 'file')}`;
  if (stats.filesFailed > 0) line += `; ${plural(stats.filesFailed, 'file')} could not be read`;
  return line + '\n';
}

function plural(n: number, noun: string): string {
  return `${n} ${noun}${n === 1 ? '' : 's'}`;
}

/** Replaces C0/C1 control characters (including tabs and newlines) with U+FFFD. */
export function printable(s: string): string {
  return s.replace(/[\u0000-\u001f\u007f-\u009f]/g, '\ufffd');
}

function painter(color: boolean): (sgr: string, s: string) => string {
  return color ? (sgr, s) => `\u001b[${sgr}m${s}\u001b[0m` : (_sgr, s) => s;
}
