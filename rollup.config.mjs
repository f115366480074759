/**
 * Rollup builds for cdi-lint.
 *
 *   rollup -c                      library (dist/index.js, dist/plugin.js, dist/cli.js) + demo
 *   rollup -c --configOnly lib     library only
 *   rollup -c --configOnly demo    demo bundle only (demo/dist/demo.js)
 *
 * TypeScript is transpiled by esbuild (TS 7 has no JS API for @rollup/plugin-typescript); type
 * declarations come from `tsc -p test/tsconfig.build.json` (see the `build` script), plus the
 * `dist/index.d.ts` stub emitted here.
 */
import { chmod, rm, stat } from 'node:fs/promises';
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

/** Engine modules: under src/, except the CLI entry and its private src/cli/ helpers. */
const isEngineModule = (id) =>
  id.startsWith(fromRoot('src/')) && id !== CLI_ENTRY && !id.startsWith(fromRoot('src/cli/'));

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

/** Engine, plugin and CLI in one graph, so the plugin and the CLI share the engine chunk instead of copying it. */
function libraryBuild() {
  const input = {
    index: fromRoot('src/index.ts'),
    plugin: fromRoot('plugin/index.ts'),
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
      cliExecutable(),
      json({ preferConst: true }),
      esbuild({ target: TARGET, tsconfig: fromRoot('tsconfig.json') }),
      rootDeclarationStub(),
    ],
  };
}

/** The demo page's script: everything bundled for the browser, minified by esbuild (terser is slow on the wink model). */
function demoBuild() {
  return {
    input: fromRoot('demo/main.ts'),
    output: {
      file: fromRoot('demo/dist/demo.js'),
      format: 'es',
      sourcemap: false,
    },
    plugins: [
      cleanDir(fromRoot('demo/dist')),
      nodeResolve({ browser: true, extensions: ['.mjs', '.js', '.json', '.ts'] }),
      commonjs(),
      json({ preferConst: true, compact: true }),
      esbuild({ target: TARGET, tsconfig: fromRoot('tsconfig.json'), minify: true }),
    ],
    onwarn(warning, warn) {
      // compromise's dependency suffix-thumb has a harmless import cycle.
      if (warning.code === 'CIRCULAR_DEPENDENCY' && /node_modules/.test(warning.message)) return;
      warn(warning);
    },
  };
}

/** @param {Record<string, unknown>} args rollup CLI arguments; `--configOnly lib|demo` picks one build. */
export default function config(args) {
  const only = args.configOnly;
  delete args.configOnly;
  if (only === 'lib') return libraryBuild();
  if (only === 'demo') return demoBuild();
  if (only !== undefined) throw new Error(`--configOnly must be "lib" or "demo", got ${JSON.stringify(only)}`);
  return [libraryBuild(), demoBuild()];
}
