/**
 * Turning command-line paths into the ordered list of notes to check.
 *
 * A file argument is taken whatever its name; a directory is searched recursively for `*.txt`
 * notes and `*.json`, `*.ndjson`, `*.jsonl` FHIR files (case-insensitive extensions). Entries are sorted by name in code-unit order, so the
 * output does not depend on the locale or the file system. Symbolic links are followed, but each
 * real directory is entered once, which breaks link loops. Discovery never throws: a path that
 * cannot be examined becomes an `error` input, reported in its place in the order.
 */
import { readdir, realpath, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { describeReadError } from './read-note.js';

/** One thing to check, in output order. `path` is as the user would write it. */
export type Input =
  | { kind: 'file'; path: string }
  | { kind: 'stdin' }
  | { kind: 'error'; path: string; reason: string };

/** How a file is read: plain text, one FHIR JSON resource (a DocumentReference or a Bundle), or NDJSON. */
export type InputType = 'text' | 'fhir-json' | 'ndjson';

/** The reading of a file, by its extension (case-insensitive); any other name is plain text. */
export function inputType(path: string): InputType {
  const lower = path.toLowerCase();
  if (lower.endsWith('.ndjson') || lower.endsWith('.jsonl')) return 'ndjson';
  if (lower.endsWith('.json')) return 'fhir-json';
  return 'text';
}

/** True for names this tool reads from a directory. */
export function isNoteName(name: string): boolean {
  const lower = name.toLowerCase();
  return lower.endsWith('.txt') || inputType(lower) !== 'text';
}

/** Expands the paths of the command line, in the order given, into inputs. */
export async function discoverInputs(paths: readonly string[]): Promise<Input[]> {
  const inputs: Input[] = [];
  const visited = new Set<string>();
  for (const path of paths) {
    if (path === '-') {
      inputs.push({ kind: 'stdin' });
      continue;
    }
    let info;
    try {
      info = await stat(path);
    } catch (error) {
      inputs.push({ kind: 'error', path, reason: await describeReadError(path, error) });
      continue;
    }
    if (!info.isDirectory()) {
      // A named pipe, socket or device would block or never end: only regular files are read.
      inputs.push(info.isFile() ? { kind: 'file', path } : { kind: 'error', path, reason: notARegularFile(info) });
      continue;
    }
    const real = await realpath(path).catch(() => path);
    if (visited.has(real)) continue;
    visited.add(real);
    await walk(path, visited, inputs);
  }
  return inputs;
}

async function walk(dir: string, visited: Set<string>, inputs: Input[]): Promise<void> {
  let names: string[];
  try {
    names = await readdir(dir);
  } catch (error) {
    inputs.push({ kind: 'error', path: dir, reason: await describeReadError(dir, error) });
    return;
  }
  names.sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  for (const name of names) {
    const path = join(dir, name);
    let info;
    try {
      info = await stat(path); // follows links
    } catch (error) {
      // A dangling link, a link loop or a vanished entry: report it if it would have been a note.
      if (isNoteName(name)) inputs.push({ kind: 'error', path, reason: await describeReadError(path, error) });
      continue;
    }
    if (info.isDirectory()) {
      const real = await realpath(path).catch(() => path);
      if (visited.has(real)) continue;
      visited.add(real);
      await walk(path, visited, inputs);
    } else if (isNoteName(name)) {
      inputs.push(info.isFile() ? { kind: 'file', path } : { kind: 'error', path, reason: notARegularFile(info) });
    }
  }
}

/** Why a path that is neither a directory nor a regular file is not read. */
function notARegularFile(info: { isFIFO(): boolean; isSocket(): boolean; isCharacterDevice(): boolean; isBlockDevice(): boolean }): string {
  const what = info.isFIFO() ? 'a named pipe' : info.isSocket() ? 'a socket' : info.isCharacterDevice() || info.isBlockDevice() ? 'a device' : 'not a regular file';
  return what === 'not a regular file' ? 'not a regular file, not read' : `${what} (not a regular file), not read`;
}
