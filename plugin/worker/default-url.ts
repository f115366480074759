/**
 * The default URL of the analysis worker: `worker.js` in cdi-lint's dist/ folder.
 *
 * From source (the test server) it is plugin/worker/worker.ts; rollup.config.mjs rewrites the
 * expression below, in each bundle, to a literal `new URL('./worker.js', import.meta.url)` (the
 * library build keeps this module in dist/worker-urls.js, beside worker.js), the form Vite and
 * webpack 5 recognise: they copy the worker into the host's build with no configuration. esbuild and pages without a bundler
 * serve dist/worker.js themselves (see README, "The worker, per bundler").
 */
export function defaultWorkerUrl(): URL {
  return new URL('./worker.ts', import.meta.url);
}
