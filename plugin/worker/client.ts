/**
 * The Web Worker analysis provider: `createWorkerAnalyzer({ url })` or `({ createWorker })`.
 *
 * BUILD / CONFIG NOTES for the owner of rollup.config.mjs, package.json and the demo:
 *
 * 1. Add a worker bundle to the library build, as its own self-contained graph (a worker cannot
 *    resolve bare imports, so nothing may stay external):
 *      input  plugin/worker/worker.ts  ->  output dist/worker.js, format 'es',
 *      plugins: nodeResolve({ browser: true }), commonjs(), json({ preferConst: true }),
 *               esbuild({ target: 'es2022', minify: true }),
 *      output.inlineDynamicImports: true (one file).
 *    And a package.json export so hosts can get its URL:
 *      "./worker": "./dist/worker.js"
 *    Hosts then call `createWorkerAnalyzer({ url: new URL('cdi-lint/worker', import.meta.url) })`
 *    (or their bundler's worker-URL syntax), or copy dist/worker.js next to their page.
 * 2. The demo needs the same bundle at demo/dist/worker.js (same plugins), and creates the
 *    provider with `createWorkerAnalyzer({ url: new URL('./worker.js', import.meta.url) })`.
 * 3. The `cdi-lint/plugin` entry must not import the engine at run time (`src/index.ts`), or the
 *    main-thread bundle parses the 3.6 MB model anyway: `plugin/prosemirror/index.ts` only imports
 *    engine *types*. `createInlineAnalyzer` (plugin/prosemirror/inline-analyzer.ts) does import the
 *    engine; re-export it from a separate entry (e.g. "./plugin/inline") rather than from
 *    plugin/index.ts. (plugin/index.ts's textarea linter currently imports `analyze`; while it
 *    does, dist/plugin.js contains the engine.)
 * 4. web-test-runner needs no change: module workers load `plugin/worker/worker.ts` through the
 *    dev server like any page module (esbuild, node resolution, the wink prebundle and the JSON
 *    import attributes all apply), as test/browser/worker.test.ts shows.
 *
 * Failure handling: an `error` or `messageerror` event on the worker (script or model failed to
 * load, crash), or a request that outlives `timeoutMs`, rejects every pending request and
 * terminates the worker; the next `analyze` starts a fresh one. An error response (the engine
 * threw) rejects only its request. The plugin's view decides when to call again (backoff) and
 * reports the status.
 */
import type { AnalyzeOptions } from '../../src/types.js';
import type { AnalysisProvider } from '../prosemirror/types.js';
import type { QueriedAnalysis, QueryExportFormat, QueryExports, QueryService } from '../queries/types.js';
import type { AnalyzeResponse, QueryRequest, WorkerRequest } from './protocol.js';

/** Options of {@link createWorkerAnalyzer}: exactly one of `url` or `createWorker`. */
export interface WorkerAnalyzerOptions {
  /** URL of the worker bundle (`dist/worker.js`), started as a module worker. */
  url?: string | URL;
  /** Starts a worker (for bundler-specific syntax, or tests). Called again after each failure. */
  createWorker?: () => Worker;
  /** A request (the first includes loading the model) that takes longer fails, and the worker is restarted. Default 20 s. */
  timeoutMs?: number;
}

/** The worker provider: analyses with query drafts, the query calls, and `destroy`. */
export interface WorkerAnalyzer extends Omit<AnalysisProvider, keyof QueryService>, QueryService {
  analyze(text: string, options: AnalyzeOptions): Promise<QueriedAnalysis>;
  /** Terminates the worker and rejects pending requests; later calls reject. */
  destroy(): void;
}

const DEFAULT_TIMEOUT_MS = 20_000;

interface Waiting {
  resolve(value: unknown): void;
  reject(error: Error): void;
  timer: ReturnType<typeof setTimeout>;
}

/** A request without its id (the client numbers them). */
type Unnumbered<R> = R extends { id: number } ? Omit<R, 'id'> : never;

/**
 * An analysis provider that runs the engine in a Web Worker. The worker starts on the first
 * call, so creating the provider costs nothing and the first keystrokes never wait for the model;
 * the main thread only posts text and receives findings (each with its query) and query results.
 */
export function createWorkerAnalyzer(options: WorkerAnalyzerOptions): WorkerAnalyzer {
  const { url, createWorker } = options;
  if ((url === undefined) === (createWorker === undefined)) {
    throw new TypeError('cdi-lint: createWorkerAnalyzer needs exactly one of { url } or { createWorker }');
  }
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const start = createWorker ?? (() => new Worker(url!, { type: 'module', name: 'cdi-lint' }));
  const waiting = new Map<number, Waiting>();
  let worker: Worker | undefined;
  let lastId = 0;
  let destroyed = false;

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
      const message = event instanceof ErrorEvent && event.message ? event.message : 'the worker failed to load or crashed';
      fail(new Error(`cdi-lint worker: ${message}`));
    });
    w.addEventListener('messageerror', () => {
      if (w === worker) fail(new Error('cdi-lint worker: a message could not be deserialised'));
    });
    return w;
  };

  /** Posts one request and resolves with its response's payload. */
  const call = <T>(message: Unnumbered<WorkerRequest>): Promise<T> => {
    if (destroyed) return Promise.reject(new Error('cdi-lint worker: the analyzer was destroyed'));
    try {
      worker ??= spawn();
    } catch (error) {
      worker = undefined;
      return Promise.reject(error instanceof Error ? error : new Error(String(error)));
    }
    const target = worker;
    const id = ++lastId;
    return new Promise<T>((resolve, reject) => {
      const timer = setTimeout(() => {
        if (worker === target) fail(new Error(`cdi-lint worker: no answer within ${timeoutMs} ms`));
      }, timeoutMs);
      waiting.set(id, { resolve: resolve as (value: unknown) => void, reject, timer });
      target.postMessage({ ...message, id } as WorkerRequest);
    });
  };
  const query = <T>(message: Unnumbered<QueryRequest>): Promise<T> => call<T>(message);

  return {
    analyze: (text, analyzeOptions) => call<QueriedAnalysis>({ text, options: { ...analyzeOptions } }),
    answerEdit: (request) => query({ type: 'answer-edit', request }),
    handoff: (request) => query({ type: 'handoff', request }),
    exportQueries: <F extends QueryExportFormat>(request: Parameters<QueryService['exportQueries']>[0] & { format: F }) =>
      query<QueryExports[F]>({ type: 'export', request }),
    destroy(): void {
      destroyed = true;
      fail(new Error('cdi-lint worker: the analyzer was destroyed'));
    },
  };
}
