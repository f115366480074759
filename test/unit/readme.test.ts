/**
 * Every code block of README.md is checked: TypeScript and TSX blocks are typechecked (strict)
 * against the sources behind each `cdi-lint/...` entry, the scripts inside HTML blocks are
 * typechecked as JavaScript, every `cdi-lint/...` import names an export of package.json, and
 * every `npm run X` in a shell block names a script that exists. A README example that stops
 * compiling fails here.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../..', import.meta.url));
const readme = readFileSync(join(root, 'README.md'), 'utf8');
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { exports: Record<string, unknown>; scripts: Record<string, string> };

interface Block {
  lang: string;
  code: string;
  line: number;
}

/** Fenced blocks of README.md with their language and first line number. */
function blocks(): Block[] {
  const found: Block[] = [];
  const fence = /^```(\w*)[^\n]*\n([\s\S]*?)^```/gm;
  for (let m = fence.exec(readme); m; m = fence.exec(readme)) {
    found.push({ lang: m[1] ?? '', code: m[2] ?? '', line: readme.slice(0, m.index).split('\n').length });
  }
  return found;
}

/** The source module behind each package entry a README example may import. */
const SOURCES: Record<string, string> = {
  'cdi-lint': 'src/index.ts',
  'cdi-lint/plugin': 'plugin/index.ts',
  'cdi-lint/plugin/inline': 'plugin/prosemirror/inline-analyzer.ts',
  'cdi-lint/cdi-editor': 'plugin/cdi-editor.ts',
  'cdi-lint/react': 'plugin/react/index.ts',
  'cdi-lint/tiptap': 'plugin/tiptap/index.ts',
  'cdi-lint/worker-url': 'plugin/worker/default-url.ts',
};

const tsc = join(root, 'node_modules/.bin/tsc');
const work = join(root, 'node_modules/.cache/readme-blocks');

/** Typechecks `files` (name → code) with `options`; returns tsc's output ('' when clean). */
function typecheck(name: string, files: Record<string, string>, options: Record<string, unknown>): string {
  const dir = join(work, name);
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  for (const [file, code] of Object.entries(files)) writeFileSync(join(dir, file), code);
  writeFileSync(join(dir, 'assets.d.ts'), "declare module '*.css';\n");
  const paths = Object.fromEntries(Object.entries(SOURCES).map(([spec, source]) => [spec, [join(root, source)]]));
  const config = {
    compilerOptions: {
      target: 'ES2022', module: 'ESNext', moduleResolution: 'Bundler', lib: ['ES2022', 'DOM', 'DOM.Iterable'],
      jsx: 'react-jsx', noEmit: true, skipLibCheck: true, experimentalDecorators: true, useDefineForClassFields: false,
      resolveJsonModule: true, types: [], paths, ...options,
    },
    include: ['*.ts', '*.tsx', '*.js'],
  };
  writeFileSync(join(dir, 'tsconfig.json'), JSON.stringify(config, null, 2));
  try {
    execFileSync(tsc, ['-p', dir], { encoding: 'utf8', stdio: 'pipe' });
    return '';
  } catch (error) {
    const e = error as { stdout?: string; stderr?: string };
    return `${e.stdout ?? ''}${e.stderr ?? ''}`;
  }
}

describe('README.md code blocks', () => {
  const all = blocks();

  it('has TypeScript, HTML and shell examples to check', () => {
    expect(all.filter((b) => b.lang === 'ts').length).toBeGreaterThan(2);
    expect(all.filter((b) => b.lang === 'tsx').length).toBeGreaterThan(0);
    expect(all.filter((b) => b.lang === 'html').length).toBeGreaterThan(0);
  });

  it('imports only entries that package.json exports', () => {
    const specifiers = all.flatMap((b) => [...b.code.matchAll(/(?:from\s+|import\s+|import\()['"](cdi-lint[^'"]*)['"]/g)].map((m) => m[1]!));
    expect(specifiers.length).toBeGreaterThan(3);
    const exported = Object.keys(pkg.exports).map((k) => (k === '.' ? 'cdi-lint' : `cdi-lint/${k.slice(2)}`));
    expect(specifiers.filter((s) => !exported.includes(s))).toEqual([]);
  });

  it('typechecks every ts and tsx block (strict), each as its own module', () => {
    const files: Record<string, string> = {};
    for (const b of all) {
      if (b.lang !== 'ts' && b.lang !== 'tsx') continue;
      files[`readme-line-${b.line}.${b.lang}`] = `${b.code}\nexport {};\n`;
    }
    expect(typecheck('ts', files, { strict: true })).toBe('');
  }, 60_000);

  it('typechecks the module scripts of every html block as JavaScript', () => {
    const files: Record<string, string> = {};
    for (const b of all) {
      if (b.lang !== 'html') continue;
      const scripts = [...b.code.matchAll(/<script type="module">([\s\S]*?)<\/script>/g)].map((m) => m[1]!);
      scripts.forEach((code, i) => (files[`readme-line-${b.line}-${i}.ts`] = `import 'cdi-lint/cdi-editor';\n${code}\nexport {};\n`));
    }
    expect(Object.keys(files).length).toBeGreaterThan(0);
    // Plain JavaScript in a page: no type annotations to narrow `querySelector`'s null.
    expect(typecheck('html', files, { strict: true, strictNullChecks: false, noImplicitAny: false })).toBe('');
  }, 60_000);

  it('names only npm scripts that exist', () => {
    const named = all
      .filter((b) => b.lang === 'sh')
      .flatMap((b) => [...b.code.matchAll(/npm (?:run ([\w:-]+)|(start|test)\b)/g)].map((m) => (m[1] ?? m[2])!));
    expect(named.length).toBeGreaterThan(0);
    expect(named.filter((n) => !(n in pkg.scripts))).toEqual([]);
  });
});
