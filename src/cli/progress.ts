/**
 * A one-line progress indicator on stderr (`\r[123/2400] path`), for long runs at a terminal.
 *
 * It draws only when the stream is a TTY and there are more than {@link PROGRESS_THRESHOLD}
 * inputs, redraws at most every {@link PROGRESS_INTERVAL_MS}, and fits the line to the terminal
 * width so that `\r` can overwrite it. Call {@link Progress.clear} before writing anything else to
 * the terminal and at the end.
 */
import { printable } from './format-text.js';

/** Runs with this many inputs or fewer show no progress. */
export const PROGRESS_THRESHOLD = 20;
/** Minimum time between redraws. */
export const PROGRESS_INTERVAL_MS = 80;

/** The part of a write stream that progress needs. */
export interface ProgressStream {
  isTTY?: boolean;
  columns?: number;
  write(chunk: string): unknown;
}

/** The progress line of one run. */
export class Progress {
  private readonly enabled: boolean;
  private shown = false;
  private lastDraw = -Infinity;

  constructor(
    private readonly stream: ProgressStream,
    private readonly total: number,
    private readonly now: () => number = Date.now,
  ) {
    this.enabled = stream.isTTY === true && total > PROGRESS_THRESHOLD;
  }

  /** Reports that input number `done` (1-based) of the total, at `path`, is being checked. */
  update(done: number, path: string): void {
    if (!this.enabled) return;
    const time = this.now();
    if (time - this.lastDraw < PROGRESS_INTERVAL_MS) return;
    this.lastDraw = time;
    const width = Math.max(20, (this.stream.columns ?? 80) - 1);
    this.stream.write('\r\u001b[K' + progressLine(done, this.total, path, width));
    this.shown = true;
  }

  /** Erases the progress line if one is showing. */
  clear(): void {
    if (!this.shown) return;
    this.stream.write('\r\u001b[K');
    this.shown = false;
  }
}

/** `[done/total] path`, with the start of the path cut so the line fits `width` columns. */
export function progressLine(done: number, total: number, path: string, width: number): string {
  const head = `[${done}/${total}] `;
  const room = width - head.length;
  let shown = printable(path);
  if (shown.length > room) shown = room > 1 ? '…' + shown.slice(shown.length - room + 1) : '';
  return head + shown;
}
