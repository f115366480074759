/**
 * End to end: runs `src/cli.ts` under tsx in a child process (so the test does not depend on the
 * build) against a temp directory of good and bad notes.
 */
import { spawnSync, type SpawnSyncReturns } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Finding } from '../../src/types.js';

const REPO = resolve(fileURLToPath(import.meta.url), '../../..');
const CLI = join(REPO, 'src/cli.ts');
const TSX = join(REPO, 'node_modules/tsx/dist/loader.mjs');
const NOTE = 'ASSESSMENT:\nCongestive heart failure, stable on furosemide.\n';

let root: string;

/** Runs the CLI in the temp dir; stdout and stderr are not terminals, so no colour or progress. */
function run(args: string[], input?: string | Uint8Array): SpawnSyncReturns<string> {
  const env = { ...process.env };
  delete env['NO_COLOR'];
  return spawnSync(process.execPath, ['--import', TSX, CLI, ...args], { cwd: root, input, encoding: 'utf8', env, timeout: 60_000 });
}

function lines(s: string): string[] {
  return s.split('\n').filter((line) => line !== '');
}

beforeAll(() => {
  root = mkdtempSync(join(tmpdir(), 'cdi-lint-cli-'));
  mkdirSync(join(root, 'notes/sub'), { recursive: true });
  writeFileSync(join(root, 'notes/good.txt'), NOTE);
  writeFileSync(join(root, 'notes/sub/crlf.txt'), '\ufeff' + NOTE.replace(/\n/g, '\r\n'));
  writeFileSync(join(root, 'notes/empty.txt'), '');
  writeFileSync(join(root, 'notes/binary.txt'), Uint8Array.from([0x41, 0x42, 0x00, 0x43]));
  writeFileSync(join(root, 'notes/latin1.txt'), Uint8Array.from([...Buffer.from('Caf'), 0xe9, 0x0a]));
  symlinkSync(join(root, 'notes/gone.txt'), join(root, 'notes/dangling.txt'));
  mkdirSync(join(root, 'notes/folder.txt'));
  writeFileSync(join(root, 'notes/readme.md'), 'not a note');
});

afterAll(() => {
  rmSync(root, { recursive: true, force: true });
});

describe('cdi-lint on a directory with good and bad notes', () => {
  let result: SpawnSyncReturns<string>;
  beforeAll(() => {
    result = run(['--format', 'json', 'notes']);
  });

  it('exits with status 2', () => {
    expect(result.status).toBe(2);
  });

  it('prints exactly one error line for each bad file, in sorted order', () => {
    expect(lines(result.stderr)).toEqual([
      'cdi-lint: notes/binary.txt: binary file (NUL byte at offset 2)',
      'cdi-lint: notes/dangling.txt: broken symbolic link',
      'cdi-lint: notes/latin1.txt: not valid UTF-8 (byte offset 3)',
    ]);
  });

  it('still analyses the good and the empty notes, one JSON line each', () => {
    const records = lines(result.stdout).map((line) => JSON.parse(line) as { file: string; findings: Finding[] });
    expect(records.map((r) => r.file)).toEqual(['notes/empty.txt', 'notes/good.txt', 'notes/sub/crlf.txt']);
    expect(records[0]?.findings).toEqual([]);
  });

  it('gives offsets into the text after the byte-order mark, with CRLF kept', () => {
    const text = readFileSync(join(root, 'notes/sub/crlf.txt'), 'utf8').slice(1);
    const record = lines(result.stdout).map((line) => JSON.parse(line) as { file: string; findings: Finding[] })[2];
    for (const finding of record?.findings ?? []) expect(text.slice(finding.start, finding.end)).toBe(finding.text);
  });
});

describe('cdi-lint', () => {
  it('ends text output with a summary that counts the unreadable files', () => {
    const result = run(['notes']);
    expect(lines(result.stdout).at(-1)).toMatch(/^\d+ findings? in \d+ of 3 files; 3 files could not be read$/);
  });

  it('exits 0 when every note is read, with or without findings', () => {
    const result = run(['notes/good.txt', 'notes/empty.txt']);
    expect([result.status, result.stderr]).toEqual([0, '']);
  });

  it('reads a note from standard input and names it "-" in JSON', () => {
    const result = run(['--format', 'json', '-'], NOTE);
    expect(result.status).toBe(0);
    expect(JSON.parse(result.stdout)).toMatchObject({ file: '-' });
  });

  it('reports a nonexistent path with one error line and exit status 2', () => {
    const result = run(['notes/good.txt', 'nope.txt']);
    expect([result.status, result.stderr]).toEqual([2, 'cdi-lint: nope.txt: no such file or directory\n']);
  });

  it('prints the usage on stderr and exits 2 on an unknown option', () => {
    const result = run(['--fast', 'notes']);
    expect(result.status).toBe(2);
    expect(result.stdout).toBe('');
    expect(lines(result.stderr)[0]).toBe("cdi-lint: unknown option '--fast'");
    expect(result.stderr).toContain('Usage: cdi-lint');
  });

  it('prints help that states the column unit and exits 0', () => {
    const result = run(['--help']);
    expect(result.status).toBe(0);
    expect(result.stdout).toContain('the column counts UTF-16\ncode units');
  });

  it('prints the package version', () => {
    const { version } = JSON.parse(readFileSync(join(REPO, 'package.json'), 'utf8')) as { version: string };
    expect(run(['--version']).stdout).toBe(`${version}\n`);
  });

  it('stops quietly when the reader of stdout goes away', () => {
    for (let i = 0; i < 400; i++) writeFileSync(join(root, `notes/sub/copy-${String(i).padStart(3, '0')}.txt`), NOTE);
    const command = `"${process.execPath}" --import "${TSX}" "${CLI}" --format json notes | head -c 10 >/dev/null`;
    const result = spawnSync('sh', ['-c', command], { cwd: root, encoding: 'utf8', timeout: 60_000 });
    expect(result.stderr).not.toMatch(/EPIPE|Error/);
  });
});

describe('cdi-lint context', () => {
  it('prints one JSON line per input line, errors included', () => {
    const input = '{"text":"Patient denies chest pain.","target":"chest pain"}\nnot json\n';
    const result = run(['context'], input);
    expect(result.status).toBe(0);
    const out = lines(result.stdout).map((line) => JSON.parse(line) as Record<string, unknown>);
    expect(out).toHaveLength(2);
    expect(out[0]).toMatchObject({ negated: true });
    expect(out[1]).toHaveProperty('error');
  });

  it('prints a compact text line per input with --format text', () => {
    const result = run(['context', '--format', 'text'], '{"text":"Patient denies chest pain.","target":"chest pain"}\n');
    expect(result.stdout).toBe('negated  "chest pain"  in "Patient denies chest pain."\n');
  });
});
