/**
 * web-test-runner: the browser tests (test/browser/**\/*.test.ts) in headless Chromium.
 *
 * - Chromium comes from test/browser/ensure-chrome.mjs (`npm run test:browser` runs it first,
 *   installing Chromium with apt-get when it can).
 * - TypeScript is transpiled by esbuild (TS 7 has no JS API).
 * - The CommonJS NLP packages are pre-bundled to ESM with esbuild (see `prebundle`), because
 *   browsers cannot load their `require()` graphs.
 * - Local `.json` imports are served as native JSON modules (see `jsonModules`).
 */
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import { build } from 'esbuild';
import { esbuildPlugin } from '@web/dev-server-esbuild';
import { chromeLauncher } from '@web/test-runner-chrome';
import { findChrome, INSTALL_COMMANDS } from './browser/ensure-chrome.mjs';

const rootDir = fileURLToPath(new URL('..', import.meta.url));
const TARGET = 'es2022';

/** Packages served as one pre-bundled ESM file each: CommonJS ones (required: the NLP packages, axe-core), and big ESM ones (faster). */
const PREBUNDLED = ['wink-nlp', 'wink-eng-lite-web-model', 'compromise', 'axe-core'];
const PREBUNDLE_PREFIX = '/__cdi_prebundled__/';

const CHROME_ARGS = [
  '--no-sandbox', // we run as root in CI containers; Chromium refuses to start otherwise
  '--headless',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

/** The package a bare specifier belongs to, if it is one of PREBUNDLED (`wink-nlp/x` -> `wink-nlp`). */
function prebundledPackage(source) {
  return PREBUNDLED.find((name) => source === name || source.startsWith(name + '/'));
}

/**
 * Serves each import of a PREBUNDLED package (or one of its subpaths) as a single ES module built
 * by esbuild, default export = the CommonJS `module.exports`. Built once per specifier per run.
 */
function prebundle() {
  const cache = new Map();
  const bundle = (specifier) =>
    build({
      stdin: {
        contents: `export { default } from ${JSON.stringify(specifier)};`,
        resolveDir: rootDir,
        sourcefile: `prebundle:${specifier}`,
      },
      bundle: true,
      write: false,
      format: 'esm',
      platform: 'browser',
      target: TARGET,
      logLevel: 'silent',
    }).then((result) => result.outputFiles[0].text);

  return {
    name: 'cdi-prebundle-cjs',
    resolveImport({ source }) {
      if (prebundledPackage(source)) return PREBUNDLE_PREFIX + encodeURIComponent(source) + '.js';
    },
    async serve(context) {
      if (!context.path.startsWith(PREBUNDLE_PREFIX)) return undefined;
      const specifier = decodeURIComponent(context.path.slice(PREBUNDLE_PREFIX.length, -'.js'.length));
      if (!prebundledPackage(specifier)) return undefined;
      if (!cache.has(specifier)) cache.set(specifier, bundle(specifier));
      return { body: await cache.get(specifier), type: 'js' };
    },
  };
}

/**
 * The engine imports its JSON data both with and without `with { type: 'json' }` (fine for
 * rollup, vitest and tsc). Browsers need the attribute, so it is added to static imports of local
 * `.json` files that lack it. Runs after esbuild, whose output prints each import as
 * `from "x.json";` or `from "x.json" with { type: "json" };`.
 */
function jsonModules() {
  const bareJsonImport = /(\bfrom\s*)(["'])(\.{1,2}\/[^"'\n]+\.json)\2(\s*;)/g;
  return {
    name: 'cdi-json-modules',
    transform(context) {
      if (!/\.(?:ts|js|mjs)$/.test(context.path) || context.path.includes('/node_modules/')) return undefined;
      if (typeof context.body !== 'string' || !context.body.includes('.json')) return undefined;
      const body = context.body.replace(bareJsonImport, '$1$2$3$2 with { type: "json" }$4');
      return body === context.body ? undefined : { body };
    },
  };
}

function chromePath() {
  const path = findChrome();
  if (!path) {
    throw new Error(
      'No Chromium found. Run `node test/browser/ensure-chrome.mjs` (installs it as root), ' +
        `or \`${INSTALL_COMMANDS.map((argv) => argv.join(' ')).join(' && ')}\`, or set CHROME_PATH.`,
    );
  }
  return path;
}

export default {
  rootDir,
  files: [join(rootDir, 'test/browser/**/*.test.ts')],
  nodeResolve: true,
  concurrency: 1,
  testsFinishTimeout: 240_000,
  plugins: [esbuildPlugin({ ts: true, target: TARGET, tsconfig: join(rootDir, 'tsconfig.json') }), prebundle(), jsonModules()],
  browsers: [
    chromeLauncher({
      launchOptions: { executablePath: chromePath(), headless: true, args: CHROME_ARGS },
    }),
  ],
  testFramework: {
    config: { ui: 'bdd', timeout: 30_000 },
  },
};
