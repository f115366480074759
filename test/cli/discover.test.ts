import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { discoverInputs, type Input } from '../../src/cli/discover.js';

let root: string;

beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), 'cdi-lint-discover-'));
});

afterEach(() => {
  rmSync(root, { recursive: true, force: true });
});

function touch(...files: string[]): void {
  for (const file of files) {
    mkdirSync(join(root, file, '..'), { recursive: true });
    writeFileSync(join(root, file), 'note');
  }
}

/** Inputs as compact strings relative to the temp dir: `file a.txt`, `error x.txt: reason`. */
function show(inputs: Input[]): string[] {
  const rel = (path: string): string => (path.startsWith(root + '/') ? path.slice(root.length + 1) : path);
  return inputs.map((input) =>
    input.kind === 'stdin' ? 'stdin' : input.kind === 'file' ? `file ${rel(input.path)}` : `error ${rel(input.path)}: ${input.reason}`,
  );
}

describe('discoverInputs', () => {
  it('finds .txt files recursively, each directory in code-unit order of names', async () => {
    touch('b.txt', 'B.txt', 'a/z.txt', 'a/c.txt', 'a.txt');
    expect(show(await discoverInputs([root]))).toEqual(['file B.txt', 'file a/c.txt', 'file a/z.txt', 'file a.txt', 'file b.txt']);
  });

  it('skips files in a directory that do not end in .txt, ignoring case', async () => {
    touch('a.md', 'b.TXT', 'c.txt.bak');
    expect(show(await discoverInputs([root]))).toEqual(['file b.TXT']);
  });

  it('takes a file named on the command line whatever its extension', async () => {
    touch('note.md');
    expect(show(await discoverInputs([join(root, 'note.md')]))).toEqual(['file note.md']);
  });

  it('keeps the order of the command line and passes standard input through', async () => {
    touch('x/b.txt', 'a.txt');
    expect(show(await discoverInputs([join(root, 'x'), '-', join(root, 'a.txt')]))).toEqual(['file x/b.txt', 'stdin', 'file a.txt']);
  });

  it('reports a nonexistent path as an error in its place', async () => {
    touch('a.txt');
    expect(show(await discoverInputs([join(root, 'missing.txt'), join(root, 'a.txt')]))).toEqual([
      'error missing.txt: no such file or directory',
      'file a.txt',
    ]);
  });

  it('enters each real directory once, so symbolic-link loops end', async () => {
    touch('d/a.txt');
    symlinkSync('..', join(root, 'd', 'up'));
    symlinkSync(join(root, 'd'), join(root, 'link-to-d'));
    expect(show(await discoverInputs([root]))).toEqual(['file d/a.txt']);
  });

  it('reports a dangling symbolic link named .txt', async () => {
    symlinkSync(join(root, 'gone.txt'), join(root, 'link.txt'));
    expect(show(await discoverInputs([root]))).toEqual(['error link.txt: broken symbolic link']);
  });

  it('ignores a dangling symbolic link not named .txt', async () => {
    symlinkSync(join(root, 'gone'), join(root, 'link'));
    expect(show(await discoverInputs([root]))).toEqual([]);
  });
});
