/**
 * The analysis pool: `--jobs N` worker threads (tinypool) that each run {@link runAnalyzeTask}, or,
 * for one job, the same function on the main thread (no thread to start, nothing to copy).
 *
 * tinypool was chosen over piscina for a command line that installs offline: no dependencies at
 * all (piscina brings an optional native module, @napi-rs/nice, with per-platform binaries), about
 * 100 KB, maintained by the Vitest team, and it has what this needs: a fixed set of threads and a
 * task queue. Backpressure and output order are kept by the caller (ordered-map.ts), which never
 * has more than a small window of notes in flight.
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

/** A pool of `jobs` threads (1: the main thread). */
export async function createPool(jobs: number): Promise<NotePool> {
  if (jobs <= 1) {
    const { runAnalyzeTask } = await import('./analyze-task.js');
    return { threads: 1, run: async (task) => runAnalyzeTask(task), close: async () => {} };
  }
  const { default: Tinypool } = await import('tinypool');
  const filename = WORKER_URL.href;
  const pool = new Tinypool({
    filename,
    minThreads: jobs,
    maxThreads: jobs,
    idleTimeout: 0,
    // From source, each worker needs the TypeScript loader the main thread was started with.
    execArgv: filename.endsWith('.ts') ? withTsx(process.execArgv) : process.execArgv,
  });
  return {
    threads: jobs,
    run: (task) => (pool.run(task) as Promise<AnalyzeResult>).catch((error: unknown) => ({ ok: false, reason: `internal error: ${error instanceof Error ? error.message : String(error)}` })),
    close: () => pool.destroy(),
  };
}

function withTsx(execArgv: readonly string[]): string[] {
  return execArgv.some((arg) => arg.includes('tsx')) ? [...execArgv] : [...execArgv, '--import', 'tsx'];
}
