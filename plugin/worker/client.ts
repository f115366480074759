/**
 * The Web Worker analysis provider: `createWorkerAnalyzer({ url })` or `({ createWorker })`.
 *
 * Sharing: providers made with the same `url` share one worker (and one copy of the language
 * model) unless `shared: false`, so five section editors on a page start one worker (issue 11's
 * trial of five editors: 697 MB and 2.15 s to all underlines with a worker each, 449 MB and 0.58 s
 * shared). Each provider counts as one user: its
 * `destroy()` rejects its own pending requests, and the worker is terminated when the last user
 * is destroyed. Providers made with `createWorker` are shared when they pass the same function.
 *
 * Failure handling: an `error` or `messageerror` event on the worker (script or model failed to
 * load, crash), or a request that outlives `timeoutMs`, rejects every pending request and
 * terminates the worker; the next call starts a fresh one. The error names the URL tried and the
 * fix. An error response (the engine threw) rejects only its request. The plugin's view decides
 * when to call again (backoff) and reports the status.
 */
import type { AnalyzeOptions } from '../../src/types.js';
import type { AnalysisProvider } from '../prosemirror/types.js';
import type { QueriedAnalysis, QueryExportFormat, QueryExports, QueryService } from '../queries/types.js';
import type { AnalyzeResponse, QueryRequest, WorkerRequest } from './protocol.js';

/** Options of {@link createWorkerAnalyzer}: exactly one of `url` or `createWorker`. */
export interface WorkerAnalyzerOptions {
  /** URL of the worker bundle (cdi-lint's `dist/worker.js`), started as a module worker. */
  url?: string | URL;
  /**
   * Starts the worker, e.g. `() => new Worker(new URL('cdi-lint/worker', import.meta.url), { type: 'module' })`
   * in a bundler, or with a Trusted Types policy: `() => new Worker(policy.createScriptURL(url), { type: 'module' })`.
   * Called again after each failure.
   */
  createWorker?: () => Worker;
  /** A request (the first includes loading the model) that takes longer fails, and the worker is restarted. Default 20 s. */
  timeoutMs?: number;
  /** Share one worker with every other provider of the same `url` (or `createWorker`) on the page. Default true. */
  shared?: boolean;
}

/** The worker provider: analyses with query drafts, the query calls, and `destroy`. */
export interface WorkerAnalyzer extends Omit<AnalysisProvider, keyof QueryService>, QueryService {
  analyze(text: string, options: AnalyzeOptions): Promise<QueriedAnalysis>;
  /** Rejects this provider's pending requests; later calls reject. Terminates the worker if no other provider uses it. */
  destroy(): void;
}

const DEFAULT_TIMEOUT_MS = 20_000;

/** Where the README explains how to serve the worker in each bundler. */
const FIX =
  "Serve cdi-lint's dist/worker.js at that URL, or pass the URL your bundler gives it ({ url } / the element's worker-url), " +
  'or start it yourself with { createWorker } (also the way through Trusted Types); see the README, "The worker, per bundler".';

interface Waiting {
  resolve(value: unknown): void;
  reject(error: Error): void;
  timer: ReturnType<typeof setTimeout>;
  owner: object;
}

/** A request without its id (the client numbers them). */
type Unnumbered<R> = R extends { id: number } ? Omit<R, 'id'> : never;

/** One worker and its pending requests, used by one or more providers. */
interface Connection {
  call<T>(owner: object, message: Unnumbered<WorkerRequest>, timeoutMs: number): Promise<T>;
  /** Rejects the pending requests of `owner`. */
  release(owner: object, error: Error): void;
  /** Terminates the worker and rejects everything pending. */
  close(error: Error): void;
  users: number;
}

function connect(start: () => Worker, where: string): Connection {
  const waiting = new Map<number, Waiting>();
  let worker: Worker | undefined;
  let lastId = 0;

  /** Rejects everything pending and drops the worker; the next call starts a new one. */
  const fail = (error: Error): void => {
    const dead = worker;
    worker = undefined;
    dead?.terminate();
    const all = [...waiting.values()];
    waiting.clear();
    for (const w of all) {
      clearTimeout(w.timer);
      w.reject(error);
    }
  };

  const spawn = (): Worker => {
    const w = start();
    w.addEventListener('message', (event: MessageEvent<AnalyzeResponse>) => {
      if (w !== worker) return;
      const response = event.data;
      const entry = waiting.get(response?.id);
      if (!entry) return;
      waiting.delete(response.id);
      clearTimeout(entry.timer);
      if ('analysis' in response) entry.resolve(response.analysis);
      else if ('result' in response) entry.resolve(response.result);
      else entry.reject(new Error(`cdi-lint worker: ${response.error}`));
    });
    w.addEventListener('error', (event) => {
      event.preventDefault();
      if (w !== worker) return;
      const message = event instanceof ErrorEvent && event.message ? event.message : 'it failed to load or crashed';
      fail(new Error(`cdi-lint worker: ${where}: ${message}. ${FIX}`));
    });
    w.addEventListener('messageerror', () => {
      if (w === worker) fail(new Error('cdi-lint worker: a message could not be deserialised'));
    });
    return w;
  };

  return {
    users: 0,
    call<T>(owner: object, message: Unnumbered<WorkerRequest>, timeoutMs: number): Promise<T> {
      try {
        worker ??= spawn();
      } catch (error) {
        worker = undefined;
        const reason = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
        return Promise.reject(new Error(`cdi-lint worker: could not start ${where} (${reason}). ${FIX}`));
      }
      const target = worker;
      const id = ++lastId;
      return new Promise<T>((resolve, reject) => {
        const timer = setTimeout(() => {
          if (worker === target) fail(new Error(`cdi-lint worker: no answer within ${timeoutMs} ms from ${where}`));
        }, timeoutMs);
        waiting.set(id, { resolve: resolve as (value: unknown) => void, reject, timer, owner });
        target.postMessage({ ...message, id } as WorkerRequest);
      });
    },
    release(owner: object, error: Error): void {
      for (const [id, w] of waiting) {
        if (w.owner !== owner) continue;
        waiting.delete(id);
        clearTimeout(w.timer);
        w.reject(error);
      }
    },
    close: fail,
  };
}

/** Shared connections by worker URL (href) or by `createWorker` function. */
const shared = new Map<string | (() => Worker), Connection>();

/**
 * An analysis provider that runs the engine in a Web Worker. The worker starts on the first
 * call, so creating the provider costs nothing and the first keystrokes never wait for the model;
 * the main thread only posts text and receives findings (each with its query) and query results.
 * Providers of the same worker share it (see the module comment) unless `shared: false`.
 */
export function createWorkerAnalyzer(options: WorkerAnalyzerOptions): WorkerAnalyzer {
  const { url, createWorker } = options ?? {};
  if ((url === undefined) === (createWorker === undefined)) {
    throw new TypeError('cdi-lint: createWorkerAnalyzer needs exactly one of { url } or { createWorker }');
  }
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const href = url === undefined ? undefined : String(url);
  const where = href === undefined ? 'the worker made by createWorker()' : `the worker at ${href}`;
  const start = createWorker ?? (() => new Worker(url!, { type: 'module', name: 'cdi-lint' }));
  const key = href ?? createWorker!;
  const share = options.shared !== false;

  let connection = share ? shared.get(key) : undefined;
  if (!connection) {
    connection = connect(start, where);
    if (share) shared.set(key, connection);
  }
  connection.users++;
  const conn = connection;
  const owner = {};
  let destroyed = false;

  const call = <T>(message: Unnumbered<WorkerRequest>): Promise<T> =>
    destroyed ? Promise.reject(new Error('cdi-lint worker: the analyzer was destroyed')) : conn.call<T>(owner, message, timeoutMs);
  const query = <T>(message: Unnumbered<QueryRequest>): Promise<T> => call<T>(message);

  return {
    analyze: (text, analyzeOptions) => call<QueriedAnalysis>({ text, options: { ...analyzeOptions } }),
    answerEdit: (request) => query({ type: 'answer-edit', request }),
    handoff: (request) => query({ type: 'handoff', request }),
    exportQueries: <F extends QueryExportFormat>(request: Parameters<QueryService['exportQueries']>[0] & { format: F }) =>
      query<QueryExports[F]>({ type: 'export', request }),
    destroy(): void {
      if (destroyed) return;
      destroyed = true;
      const error = new Error('cdi-lint worker: the analyzer was destroyed');
      conn.release(owner, error);
      if (--conn.users > 0) return;
      conn.close(error);
      if (shared.get(key) === conn) shared.delete(key);
    },
  };
}
