/**
 * Where `<cdi-editor>` finds the analysis worker by default.
 *
 * From source (the test server) that is plugin/worker/worker.ts; in a bundle, rollup.config.mjs
 * rewrites the URL below to `./worker.js`, the worker bundle written next to the bundle that holds
 * this module (dist/plugin.js → dist/worker.js, demo/dist/demo.js → demo/dist/worker.js). A host
 * that serves the worker elsewhere sets the element's `worker-url`.
 */
export function defaultWorkerUrl(): URL {
  return new URL('../worker/worker.ts', import.meta.url);
}
