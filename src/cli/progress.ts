/**
 * The progress bar on stderr, for long runs at a terminal:
 *
 * ```
 * [##########..........]  48%  1,130 notes  212 notes/s  0:06 left
 * ```
 *
 * The share done is measured in input bytes (known up front from the file sizes, so NDJSON files
 * need no counting pass); the rate counts notes. It draws only when enabled (the caller decides: a
 * TTY and a long run), redraws at most every {@link PROGRESS_INTERVAL_MS}, and fits the terminal
 * width so that `\r` can overwrite it. Call {@link Progress.clear} before writing anything else to
 * the terminal and at the end.
 */

/** Runs with this many inputs or fewer, and no FHIR file, show no progress. */
export const PROGRESS_THRESHOLD = 20;
/** Minimum time between redraws. */
export const PROGRESS_INTERVAL_MS = 100;

/** The part of a write stream that progress needs. */
export interface ProgressStream {
  isTTY?: boolean;
  columns?: number;
  write(chunk: string): unknown;
}

/** The progress bar of one run. */
export class Progress {
  private shown = false;
  private lastDraw = -Infinity;
  private readonly started: number;
  private readonly active: boolean;

  /**
   * @param totalBytes the size of all inputs; 0 when unknown (standard input): then no bar or time left.
   * @param enabled draw at all (the stream must also be a TTY).
   */
  constructor(
    private readonly stream: ProgressStream,
    private readonly totalBytes: number,
    enabled: boolean,
    private readonly now: () => number = Date.now,
  ) {
    this.active = enabled && stream.isTTY === true;
    this.started = now();
  }

  /** Reports `notes` notes done, accounting for `bytes` bytes of input. */
  update(notes: number, bytes: number): void {
    if (!this.active) return;
    const time = this.now();
    if (time - this.lastDraw < PROGRESS_INTERVAL_MS) return;
    this.lastDraw = time;
    const width = Math.max(20, (this.stream.columns || 80) - 1); // 0 when the terminal size is unknown
    const fraction = this.totalBytes > 0 ? Math.min(1, bytes / this.totalBytes) : undefined;
    this.stream.write('\r\u001b[K' + progressLine({ notes, fraction, elapsedMs: time - this.started, width }));
    this.shown = true;
  }

  /** Erases the progress bar if one is showing. */
  clear(): void {
    if (!this.shown) return;
    this.stream.write('\r\u001b[K');
    this.shown = false;
  }
}

/** What one progress line shows. */
export interface ProgressState {
  notes: number;
  /** Share of the input done, 0..1; undefined when the total is unknown. */
  fraction: number | undefined;
  elapsedMs: number;
  /** Terminal columns available. */
  width: number;
}

/** `[####....]  48%  1,130 notes  212 notes/s  0:06 left`, the bar shortened (then dropped) to fit `width`. */
export function progressLine({ notes, fraction, elapsedMs, width }: ProgressState): string {
  const seconds = elapsedMs / 1000;
  const rate = seconds > 0 ? notes / seconds : 0;
  let tail = `${group(notes)} ${notes === 1 ? 'note' : 'notes'}`;
  if (seconds >= 0.5) tail += `  ${group(Math.round(rate))} notes/s`;
  if (fraction !== undefined && fraction > 0 && seconds >= 1) tail += `  ${clock((seconds * (1 - fraction)) / fraction)} left`;
  if (fraction === undefined) return tail.slice(0, width);
  const percent = `${String(Math.floor(fraction * 100)).padStart(3)}%  `;
  const room = width - percent.length - tail.length - 3;
  if (room < 5) return (percent + tail).slice(0, width);
  const size = Math.min(30, room);
  const filled = Math.round(fraction * size);
  return `[${'#'.repeat(filled)}${'.'.repeat(size - filled)}] ${percent}${tail}`;
}

/** 1234567 → "1,234,567". */
function group(n: number): string {
  return String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

/** Seconds as m:ss, or h:mm:ss from an hour. */
function clock(totalSeconds: number): string {
  const s = Math.max(0, Math.round(totalSeconds));
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  const ss = String(s % 60).padStart(2, '0');
  return h > 0 ? `${h}:${String(m).padStart(2, '0')}:${ss}` : `${m}:${ss}`;
}
