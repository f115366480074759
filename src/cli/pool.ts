/**
 * The analysis pool: `--jobs N` worker threads (tinypool) that each run {@link runAnalyzeTask}, or,
 * for one job, the same function on the main thread (no thread to start, nothing to copy).
 *
 * tinypool was chosen over piscina for a command line that installs offline: no dependencies at
 * all (piscina brings an optional native module, @napi-rs/nice, with per-platform binaries), about
 * 100 KB, maintained by the Vitest team, and it has what this needs: a fixed set of threads and a
 * task queue. Backpressure and output order are kept by the caller (ordered-map.ts), which never
 * has more than a small window of notes in flight.
 *
 * Notes go to the threads in batches ({@link Batcher}): a pool message per note cost more than a
 * short note's analysis (tinypool reads the worker's memory usage after every task, and each
 * message is cloned and posted both ways), so the notes started in one turn of the event loop
 * travel together, up to {@link BATCH_NOTES} notes or {@link BATCH_CHARS} characters.
 */
import { availableParallelism } from 'node:os';
import type { AnalyzeResult, AnalyzeTask } from './analyze-task.js';

/** Runs note tasks; `close` ends the threads. */
export interface NotePool {
  readonly threads: number;
  run(task: AnalyzeTask): Promise<AnalyzeResult>;
  close(): Promise<void>;
}

/** One thread per core (what `--jobs` defaults to). */
export function defaultJobs(): number {
  return Math.max(1, availableParallelism());
}

/**
 * The worker script. From source this is the TypeScript file (run under tsx); the build replaces
 * this expression with the URL of its `cli-worker.js` (see rollup.config.mjs).
 */
const WORKER_URL: URL = new URL('./analyze-worker.ts', import.meta.url);

/** At most this many notes in one message to a thread. */
export const BATCH_NOTES = 8;
/** A batch is sent once its notes hold this many characters, whatever their number. */
export const BATCH_CHARS = 64 * 1024;

/** Young-generation size of each worker thread (V8's default grows to 48 MB). */
const YOUNG_GENERATION_MB = 8;

/** A pool of `jobs` threads (1: the main thread). */
export async function createPool(jobs: number): Promise<NotePool> {
  if (jobs <= 1) {
    const { runAnalyzeTask } = await import('./analyze-task.js');
    return { threads: 1, run: async (task) => runAnalyzeTask(task), close: async () => {} };
  }
  const { default: Tinypool } = await import('tinypool');
  const pool = new Tinypool({
    filename: workerFilename(WORKER_URL),
    minThreads: jobs,
    maxThreads: jobs,
    idleTimeout: 0,
    // A small young generation: each note's garbage is short-lived, and V8 otherwise grows the
    // nursery of every thread to its maximum over a long run, which showed as peak memory still
    // rising after 10,000 notes (518 MB at 30,000 notes against 405 MB with a 2 MB semi-space).
    resourceLimits: { maxYoungGenerationSizeMb: YOUNG_GENERATION_MB },
  });
  // A worker that cannot start fails the tasks it was given (each one reported), never the process.
  let startError: unknown;
  pool.on('error', (error: unknown) => {
    startError ??= error;
  });
  const reason = (error: unknown): string => `internal error: ${error instanceof Error ? error.message : String(error ?? startError)}`;
  const batcher = new Batcher<AnalyzeTask, AnalyzeResult>((tasks) => pool.run(tasks) as Promise<AnalyzeResult[]>, (error) => ({ ok: false, reason: reason(error) }));
  return {
    threads: jobs,
    run: (task) => batcher.add(task),
    close: async () => {
      batcher.flush();
      await pool.destroy();
    },
  };
}

/**
 * Gathers tasks into batches: a batch is sent when it holds {@link BATCH_NOTES} notes or
 * {@link BATCH_CHARS} characters, or at the end of the current turn of the event loop
 * (`setImmediate`), so a caller that awaits a result never waits for a batch to fill. Never
 * rejects: a batch that fails gives each of its tasks `failed(error)`.
 */
export class Batcher<T extends { text: string }, R> {
  private tasks: T[] = [];
  private settle: Array<(r: R) => void> = [];
  private chars = 0;
  private timer: ReturnType<typeof setImmediate> | undefined;

  constructor(
    private readonly send: (tasks: T[]) => Promise<R[]>,
    private readonly failed: (error: unknown) => R,
    private readonly maxNotes = BATCH_NOTES,
    private readonly maxChars = BATCH_CHARS,
  ) {}

  /** Queues one task; resolves to its own result. */
  add(task: T): Promise<R> {
    const result = new Promise<R>((resolve) => this.settle.push(resolve));
    this.tasks.push(task);
    this.chars += task.text.length;
    if (this.tasks.length >= this.maxNotes || this.chars >= this.maxChars) this.flush();
    else this.timer ??= setImmediate(() => this.flush());
    return result;
  }

  /** Sends the tasks queued so far, if any. */
  flush(): void {
    if (this.timer !== undefined) clearImmediate(this.timer);
    this.timer = undefined;
    if (this.tasks.length === 0) return;
    const tasks = this.tasks;
    const settle = this.settle;
    this.tasks = [];
    this.settle = [];
    this.chars = 0;
    const tooFew = new Error('the worker returned fewer results than notes');
    Promise.resolve()
      .then(() => this.send(tasks))
      .then(
        (results) => settle.forEach((resolve, i) => resolve(i < results.length ? results[i]! : this.failed(tooFew))),
        (error: unknown) => settle.forEach((resolve) => resolve(this.failed(error))),
      );
  }
}

/**
 * What tinypool imports in each thread. The built worker is a plain module; from source (tests,
 * `tsx src/cli.ts`) a worker thread does not inherit the main thread's TypeScript loader on
 * Node 20, so a small module registers tsx in the thread first, then imports the worker.
 */
function workerFilename(url: URL): string {
  if (!url.pathname.endsWith('.ts')) return url.href;
  const tsx = import.meta.resolve('tsx/esm/api');
  const bootstrap = `import { register } from ${JSON.stringify(tsx)}; register(); const worker = await import(${JSON.stringify(url.href)}); export default worker.default;`;
  return `data:text/javascript,${encodeURIComponent(bootstrap)}`;
}
