/**
 * The command line on hostile file systems, beyond test/cli/cli.test.ts: a 5 MB note, UTF-16 with
 * and without a byte-order mark, bytes that turn invalid deep inside a file, a symbolic-link loop,
 * a directory named like a note, a file name with a line break, named pipes, and hundreds of
 * notes at once. Each bad file gets exactly one line on stderr, every other note is still
 * analysed (one JSON line each), and the exit status is 2.
 *
 * Runs `src/cli.ts` under tsx in a child process, as cli.test.ts does.
 */
import { spawnSync, type SpawnSyncReturns } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Finding } from '../../src/types.js';
import { realNotes } from '../property/texts.js';

const REPO = resolve(fileURLToPath(import.meta.url), '../../..');
const CLI = join(REPO, 'src/cli.ts');
const TSX = join(REPO, 'node_modules/tsx/dist/loader.mjs');
const NOTE = 'ASSESSMENT:\nCongestive heart failure, stable on furosemide.\n';
const SLOW = { timeout: 120_000 };

let root: string;

/** Runs the CLI in the temp dir; stdout and stderr are not terminals, so no colour or progress. */
function run(args: string[], timeout = 110_000): SpawnSyncReturns<string> {
  const env = { ...process.env };
  delete env['NO_COLOR'];
  return spawnSync(process.execPath, ['--import', TSX, CLI, ...args], { cwd: root, encoding: 'utf8', env, timeout, maxBuffer: 1 << 30 });
}

function lines(s: string): string[] {
  return s.split('\n').filter((line) => line !== '');
}

function records(stdout: string): Array<{ file: string; findings: Finding[] }> {
  return lines(stdout).map((line) => JSON.parse(line) as { file: string; findings: Finding[] });
}

function utf16(text: string, order: 'le' | 'be', bom: boolean): Uint8Array {
  const le = Buffer.from(text, 'utf16le');
  const bytes = order === 'le' ? le : Buffer.from(le).swap16();
  return bom ? Buffer.concat([Buffer.from(order === 'le' ? [0xff, 0xfe] : [0xfe, 0xff]), bytes]) : bytes;
}

/** Makes a named pipe at `path` with the POSIX `mkfifo` command. */
function mkfifo(path: string): void {
  const result = spawnSync('mkfifo', [path]);
  if (result.status !== 0) throw new Error(`mkfifo ${path} failed: ${result.stderr}`);
}

beforeAll(() => {
  root = mkdtempSync(join(tmpdir(), 'cdi-lint-robust-'));

  mkdirSync(join(root, 'mixed/d-folder.txt'), { recursive: true });
  writeFileSync(join(root, 'mixed/a-good.txt'), NOTE);
  writeFileSync(join(root, 'mixed/b-empty.txt'), '');
  writeFileSync(join(root, 'mixed/c-huge.txt'), realNotes(5 * 1024 * 1024));
  writeFileSync(join(root, 'mixed/d-folder.txt/inner.txt'), NOTE);
  writeFileSync(join(root, 'mixed/e-utf16le-bom.txt'), utf16(NOTE, 'le', true));
  writeFileSync(join(root, 'mixed/f-utf16be-bom.txt'), utf16(NOTE, 'be', true));
  writeFileSync(join(root, 'mixed/g-utf16le.txt'), utf16(NOTE, 'le', false));
  // Valid UTF-8 (two- and three-byte characters) for 10 bytes, then a Latin-1 "é" (0xE9) at byte 10.
  writeFileSync(join(root, 'mixed/h-latin1.txt'), Buffer.concat([Buffer.from('Café ✓ '), Buffer.from([0xe9]), Buffer.from(' CHF\n')]));
  writeFileSync(join(root, 'mixed/i-image.txt'), Buffer.from('89504e470d0a1a0a0000000d49484452', 'hex'));
  symlinkSync('j-loop.txt', join(root, 'mixed/j-loop.txt'));
  writeFileSync(join(root, 'mixed/k-line\nbreak.txt'), Uint8Array.from([0x43, 0x48, 0x00]));
  writeFileSync(join(root, 'mixed/z-good.txt'), `PMH: CKD.\n${NOTE}`);

  mkdirSync(join(root, 'many'));
  for (let i = 0; i < 500; i++) writeFileSync(join(root, `many/note-${String(i).padStart(3, '0')}.txt`), `${i}. ${NOTE}`);

  mkdirSync(join(root, 'pipes'));
  writeFileSync(join(root, 'pipes/good.txt'), NOTE);
  mkfifo(join(root, 'pipes/pipe.txt'));
});

afterAll(() => {
  rmSync(root, { recursive: true, force: true });
});

describe('cdi-lint on a directory of good, empty, huge, UTF-16, Latin-1 and binary notes', () => {
  let result: SpawnSyncReturns<string>;
  beforeAll(() => {
    result = run(['--format', 'json', 'mixed']);
  }, SLOW.timeout);

  it('exits with status 2', () => {
    expect(result.status).toBe(2);
  });

  it('prints exactly one error line for each bad file, in name order, naming the reason', () => {
    expect(lines(result.stderr)).toEqual([
      'cdi-lint: mixed/e-utf16le-bom.txt: UTF-16 text (byte-order mark); convert it to UTF-8',
      'cdi-lint: mixed/f-utf16be-bom.txt: UTF-16 text (byte-order mark); convert it to UTF-8',
      'cdi-lint: mixed/g-utf16le.txt: binary file (NUL byte at offset 1)',
      'cdi-lint: mixed/h-latin1.txt: not valid UTF-8 (byte offset 10)',
      'cdi-lint: mixed/i-image.txt: binary file (NUL byte at offset 8)',
      'cdi-lint: mixed/j-loop.txt: symbolic link loop',
      'cdi-lint: mixed/k-line\ufffdbreak.txt: binary file (NUL byte at offset 2)',
    ]);
  });

  it('analyses the good, empty and 5 MB notes and the notes inside a directory named x.txt, one JSON line each', () => {
    expect(records(result.stdout).map((r) => r.file)).toEqual([
      'mixed/a-good.txt',
      'mixed/b-empty.txt',
      'mixed/c-huge.txt',
      'mixed/d-folder.txt/inner.txt',
      'mixed/z-good.txt',
    ]);
  });

  it('quotes the 5 MB note at offsets into its text', () => {
    const text = readFileSync(join(root, 'mixed/c-huge.txt'), 'utf8');
    const huge = records(result.stdout).find((r) => r.file === 'mixed/c-huge.txt')!;
    expect(huge.findings.length).toBeGreaterThan(0);
    expect(huge.findings.filter((f) => text.slice(f.start, f.end) !== f.text)).toEqual([]);
  });

  it('ends text output with a summary that counts the five notes read and the seven that could not be', SLOW, () => {
    const text = run(['mixed']);
    expect(text.status).toBe(2);
    expect(lines(text.stdout).at(-1)).toMatch(/^\d+ findings? in \d+ of 5 files; 7 files could not be read$/);
  });
});

describe('cdi-lint given many notes at once', () => {
  it('prints one JSON line for each of 500 notes in a directory, in name order', SLOW, () => {
    const result = run(['--format', 'json', 'many']);
    expect([result.status, result.stderr]).toEqual([0, '']);
    const expected = Array.from({ length: 500 }, (_, i) => `many/note-${String(i).padStart(3, '0')}.txt`);
    expect(records(result.stdout).map((r) => r.file)).toEqual(expected);
  });

  it('reads 300 paths given on the command line in the order given, reporting the bad ones in place', SLOW, () => {
    const paths = Array.from({ length: 300 }, (_, i) =>
      i % 50 === 7 ? `many/missing-${i}.txt` : i % 50 === 8 ? 'mixed/i-image.txt' : `many/note-${String(499 - i).padStart(3, '0')}.txt`,
    );
    const result = run(['--format', 'json', ...paths]);
    expect(result.status).toBe(2);
    expect(records(result.stdout).map((r) => r.file)).toEqual(paths.filter((p) => p.startsWith('many/note-')));
    expect(lines(result.stderr)).toEqual(
      paths
        .filter((p) => !p.startsWith('many/note-'))
        .map((p) => (p.startsWith('many/missing-') ? `cdi-lint: ${p}: no such file or directory` : `cdi-lint: ${p}: binary file (NUL byte at offset 8)`)),
    );
  });
});

// Known bug, reported to the lead (src/cli is not this test's to change): the CLI opens a named pipe
// like a file, so a pipe given by name blocks until some writer appears (here: until the 8 s
// timeout kills it), and a pipe met in a directory is skipped without a word. These tests state
// the behaviour wanted; remove `.fails` once discover.ts/read-note.ts refuse what is not a regular
// file with one error line.
describe('cdi-lint and named pipes', () => {
  it('reports a named pipe given on the command line with one error line instead of waiting for a writer', SLOW, () => {
    const result = run(['--format', 'json', 'pipes/pipe.txt', 'pipes/good.txt'], 8_000);
    expect(result.status).toBe(2);
    expect(lines(result.stderr)).toEqual([expect.stringMatching(/^cdi-lint: pipes\/pipe\.txt: \S.*$/)]);
    expect(records(result.stdout).map((r) => r.file)).toEqual(['pipes/good.txt']);
  });

  it('reports a named pipe found in a directory with one error line instead of skipping it', SLOW, () => {
    const result = run(['--format', 'json', 'pipes'], 8_000);
    expect(result.status).toBe(2);
    expect(lines(result.stderr)).toEqual([expect.stringMatching(/^cdi-lint: pipes\/pipe\.txt: \S.*$/)]);
    expect(records(result.stdout).map((r) => r.file)).toEqual(['pipes/good.txt']);
  });
});
