/**
 * Rollup builds for cdi-lint.
 *
 *   rollup -c                      library + browser bundles + demo
 *   rollup -c --configOnly lib     library (dist/index.js, dist/plugin.js, dist/cli.js; bare imports
 *                                  stay imports) + dist/cdi-editor.js (self-contained, for pages
 *                                  without a bundler) + dist/worker.js (the analysis worker)
 *   rollup -c --configOnly demo    demo (demo/dist/demo.js + demo/dist/worker.js)
 *
 * The worker is its own self-contained bundle: it alone holds the engine and the language model
 * (about 1 MB gzip), fetched when the first analysis starts. The element finds it as `./worker.js`
 * next to the bundle that holds the element (see plugin/element/worker-url.ts). The builds print
 * the gzip size of what a page loads up front (element + plugin + worker glue, without the model).
 *
 * TypeScript is transpiled by esbuild (TS 7 has no JS API for @rollup/plugin-typescript); type
 * declarations come from `tsc -p test/tsconfig.build.json` (see the `build` script), plus the
 * `dist/index.d.ts` stub emitted here.
 */
import { chmod, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { gzipSync } from 'node:zlib';
import { existsSync } from 'node:fs';
import { isAbsolute, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import commonjs from '@rollup/plugin-commonjs';
import json from '@rollup/plugin-json';
import { nodeResolve } from '@rollup/plugin-node-resolve';
import esbuild from 'rollup-plugin-esbuild';

const root = fileURLToPath(new URL('.', import.meta.url));
const fromRoot = (path) => join(root, path);
const TARGET = 'es2022';
const CLI_ENTRY = fromRoot('src/cli.ts');
const SHEBANG = '#!/usr/bin/env node';

/** Bare specifiers (`wink-nlp`, `node:fs`, `prosemirror-view`) stay imports in the library build. */
const isBareImport = (id) => !id.startsWith('.') && !isAbsolute(id) && !id.startsWith('\0');

/** Engine modules: under src/, except the CLI entry, its private src/cli/ helpers and the batch report (src/report/). */
const isEngineModule = (id) =>
  id.startsWith(fromRoot('src/')) && id !== CLI_ENTRY && !id.startsWith(fromRoot('src/cli/')) && !id.startsWith(fromRoot('src/report/'));

const CLI_POOL_MODULE = fromRoot('src/cli/pool.ts');

/**
 * The command line's worker threads run `dist/cli-worker.js` (from src/cli/analyze-worker.ts): it
 * is emitted as its own entry and the pool's `new URL('./analyze-worker.ts', import.meta.url)`
 * becomes that file's URL, wherever the pool's chunk lands.
 */
function cliWorker() {
  const source = "new URL('./analyze-worker.ts', import.meta.url)";
  return {
    name: 'cdi-cli-worker',
    transform(code, id) {
      if (id !== CLI_POOL_MODULE) return null;
      if (!code.includes(source)) this.error(`${id} no longer contains ${source}; update rollup.config.mjs`);
      const ref = this.emitFile({ type: 'chunk', id: fromRoot('src/cli/analyze-worker.ts'), fileName: 'cli-worker.js' });
      return { code: code.replace(source, `new URL(import.meta.ROLLUP_FILE_URL_${ref})`), map: null };
    },
  };
}

/**
 * Makes the `cli` chunk an executable script: any shebang in the source is neutralised (so it is
 * not doubled), the output gets exactly one `#!/usr/bin/env node`, and the file is chmod 755.
 */
function cliExecutable() {
  return {
    name: 'cdi-cli-executable',
    transform(code, id) {
      if (id !== CLI_ENTRY || !code.startsWith('#!')) return null;
      // `#!` -> `//` keeps every offset, so no source map is needed for this edit.
      return { code: '//' + code.slice(2), map: null };
    },
    async writeBundle(options, bundle) {
      for (const chunk of Object.values(bundle)) {
        if (chunk.type !== 'chunk' || chunk.name !== 'cli' || !chunk.isEntry) continue;
        const file = join(options.dir, chunk.fileName);
        const { mode } = await stat(file);
        await chmod(file, mode | 0o755);
      }
    },
  };
}

/**
 * `tsc` writes declarations under dist/src and dist/plugin (rootDir is the repo root, so the
 * plugin's `../src/index.js` import still resolves); this stub makes `dist/index.d.ts` the types
 * of the package root, as package.json says.
 */
function rootDeclarationStub() {
  return {
    name: 'cdi-root-declaration-stub',
    generateBundle() {
      this.emitFile({
        type: 'asset',
        fileName: 'index.d.ts',
        source: "export * from './src/index.js';\n",
      });
    },
  };
}

/** Empties an output directory at the start of a build, so no stale chunk survives. */
function cleanDir(dir) {
  return {
    name: 'cdi-clean-dir',
    async buildStart() {
      await rm(dir, { recursive: true, force: true });
    },
  };
}

const WORKER_URL_MODULE = fromRoot('plugin/element/worker-url.ts');

/**
 * In a bundle, the element's default worker URL is `./worker.js` beside the bundle (from source it
 * is plugin/worker/worker.ts, which the test server serves). The module must end up in an entry
 * chunk at the root of the output directory, which holds for dist/plugin.js, dist/cdi-editor.js
 * and demo/dist/demo.js (checked in `generateBundle`).
 */
function workerUrlForBundles() {
  const source = "new URL('../worker/worker.ts', import.meta.url)";
  return {
    name: 'cdi-worker-url',
    transform(code, id) {
      if (id !== WORKER_URL_MODULE) return null;
      if (!code.includes(source)) this.error(`${id} no longer contains ${source}; update rollup.config.mjs`);
      return { code: code.replace(source, "new URL('./worker.js', import.meta.url)"), map: null };
    },
    generateBundle(_options, bundle) {
      for (const chunk of Object.values(bundle)) {
        if (chunk.type === 'chunk' && chunk.moduleIds.includes(WORKER_URL_MODULE) && chunk.fileName.includes('/')) {
          this.error(`worker-url.ts landed in ${chunk.fileName}; './worker.js' would not resolve from there`);
        }
      }
    },
  };
}

/**
 * Prints (and writes to `<dir>/size.json`) the gzip size of each entry with the chunks it imports
 * statically: what a page downloads before any analysis. Dynamic chunks (the in-thread engine) and
 * the worker are listed apart.
 */
function sizeReport(label) {
  return {
    name: 'cdi-size-report',
    async writeBundle(options, bundle) {
      const dir = options.dir ?? join(options.file, '..');
      const gz = async (fileName) => gzipSync(await readFile(join(dir, fileName)), { level: 9 }).length;
      const rows = [];
      for (const chunk of Object.values(bundle)) {
        if (chunk.type !== 'chunk' || !chunk.isEntry) continue;
        const files = new Set([chunk.fileName]);
        for (const f of files) for (const imported of bundle[f]?.imports ?? []) files.add(imported);
        let raw = 0;
        let gzip = 0;
        for (const f of files) {
          raw += (await stat(join(dir, f))).size;
          gzip += await gz(f);
        }
        rows.push({ entry: chunk.fileName, files: [...files], bytes: raw, gzip });
      }
      await writeFile(join(dir, `size-${label}.json`), JSON.stringify(rows, null, 2) + '\n');
      for (const r of rows) console.log(`size ${label}: ${r.entry} (+${r.files.length - 1} static chunks) ${(r.bytes / 1024).toFixed(1)} KB, ${(r.gzip / 1024).toFixed(1)} KB gzip`);
    },
  };
}

/** Browser plugins: everything bundled (bare imports resolved, CommonJS converted, JSON inlined), minified by esbuild. */
function browserPlugins() {
  return [
    nodeResolve({ browser: true, extensions: ['.mjs', '.js', '.json', '.ts'] }),
    commonjs(),
    json({ preferConst: true, compact: true }),
    esbuild({ target: TARGET, tsconfig: fromRoot('tsconfig.json'), minify: true }),
  ];
}

/** compromise's dependency suffix-thumb has a harmless import cycle. */
function quietCycles(warning, warn) {
  if (warning.code === 'CIRCULAR_DEPENDENCY' && /node_modules/.test(warning.message)) return;
  warn(warning);
}

/** The analysis worker as one self-contained file (a worker cannot resolve bare imports). */
function workerBuild(file) {
  return {
    input: fromRoot('plugin/worker/worker.ts'),
    output: { file, format: 'es', sourcemap: false, inlineDynamicImports: true },
    plugins: [...browserPlugins(), sizeReport('worker')],
    onwarn: quietCycles,
  };
}

/** `<cdi-editor>` and the plugin for pages without a bundler: lit and prosemirror included; the engine only in a lazy chunk. */
function browserBuild() {
  return {
    input: { 'cdi-editor': fromRoot('plugin/index.ts') },
    output: {
      dir: fromRoot('dist'),
      format: 'es',
      entryFileNames: '[name].js',
      chunkFileNames: 'chunks/browser-[name]-[hash].js',
      sourcemap: false,
    },
    plugins: [workerUrlForBundles(), ...browserPlugins(), sizeReport('browser')],
    onwarn: quietCycles,
  };
}

/** Engine, plugin and CLI in one graph, so the plugin and the CLI share the engine chunk instead of copying it. */
function libraryBuild() {
  const input = {
    index: fromRoot('src/index.ts'),
    plugin: fromRoot('plugin/index.ts'),
    // The in-thread analyser on its own, so that dist/plugin.js never loads the engine.
    'plugin-inline': fromRoot('plugin/prosemirror/inline-analyzer.ts'),
  };
  if (existsSync(CLI_ENTRY)) input.cli = CLI_ENTRY;
  else console.warn('rollup: src/cli.ts does not exist yet; building without dist/cli.js');

  return {
    input,
    external: isBareImport,
    output: {
      dir: fromRoot('dist'),
      format: 'es',
      entryFileNames: '[name].js',
      chunkFileNames: 'chunks/[name]-[hash].js',
      sourcemap: true,
      // All engine modules go into one chunks/engine-*.js that index.js re-exports and plugin.js
      // and cli.js import (left alone, rollup splits out whatever subsets the entries share).
      manualChunks: (id) => (isEngineModule(id) ? 'engine' : undefined),
      banner: (chunk) => (chunk.name === 'cli' && chunk.isEntry ? SHEBANG : ''),
    },
    plugins: [
      cleanDir(fromRoot('dist')),
      workerUrlForBundles(),
      cliExecutable(),
      cliWorker(),
      json({ preferConst: true }),
      esbuild({ target: TARGET, tsconfig: fromRoot('tsconfig.json') }),
      rootDeclarationStub(),
    ],
  };
}

/** The demo page's script (element, plugin, demo code); the worker is built next to it by {@link workerBuild}. */
function demoBuild() {
  return {
    input: { demo: fromRoot('demo/main.ts') },
    output: {
      dir: fromRoot('demo/dist'),
      format: 'es',
      entryFileNames: '[name].js',
      chunkFileNames: 'chunks/[name]-[hash].js',
      sourcemap: false,
    },
    plugins: [cleanDir(fromRoot('demo/dist')), workerUrlForBundles(), ...browserPlugins(), sizeReport('demo')],
    onwarn: quietCycles,
  };
}

/** @param {Record<string, unknown>} args rollup CLI arguments; `--configOnly lib|demo` picks one build. */
export default function config(args) {
  const only = args.configOnly;
  delete args.configOnly;
  // Rollup runs these in order: each cleaning build comes before the worker written into its directory.
  const lib = [libraryBuild(), browserBuild(), workerBuild(fromRoot('dist/worker.js'))];
  const demo = [demoBuild(), workerBuild(fromRoot('demo/dist/worker.js'))];
  if (only === 'lib') return lib;
  if (only === 'demo') return demo;
  if (only !== undefined) throw new Error(`--configOnly must be "lib" or "demo", got ${JSON.stringify(only)}`);
  return [...lib, ...demo];
}
