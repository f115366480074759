/**
 * The notes of a run, one at a time and in order, from the discovered inputs: a text file is one
 * note; a `.json` file is a FHIR DocumentReference or a Bundle of them; a `.ndjson`/`.jsonl` file
 * is read line by line as it streams (one resource per line), so a file of a million notes never
 * sits in memory. Each bad input, line or entry becomes one `ok: false` item in its place.
 */
import { createReadStream } from 'node:fs';
import { readFile } from 'node:fs/promises';
import type { Input } from './discover.js';
import { inputType } from './discover.js';
import { jsonNotes, type LocatedNote, type NoteIdentity } from './fhir-input.js';
import { decodeNote, describeReadError, readNoteStdin } from './read-note.js';

/** Name of standard input in text output and error lines (JSON uses "-"). */
export const STDIN_NAME = '<stdin>';

/** Where a note came from, and who it is about: travels with its findings. */
export interface NoteRef extends NoteIdentity {
  /** The file as given (`-` for standard input). */
  file: string;
  /** 1-based line of an NDJSON file. */
  line?: number;
  /** 1-based entry of a Bundle. */
  entry?: number;
}

/** One note to analyse, or why an input (or one line or entry of it) gave none. */
export type NoteItem = {
  /** How error lines and text output name it: `a.txt`, `b.ndjson:17`, `c.json: entry 3`. */
  name: string;
  ref: NoteRef;
  /** Bytes of input this item accounts for (for the progress bar). */
  bytes: number;
} & ({ ok: true; text: string } | { ok: false; reason: string });

/** The notes of the inputs, in order. Never throws: read errors become items. */
export async function* readNotes(inputs: readonly Input[]): AsyncGenerator<NoteItem> {
  for (const input of inputs) {
    if (input.kind === 'stdin') {
      const note = await readNoteStdin();
      const ref = { file: '-' };
      yield note.ok ? { ok: true, name: STDIN_NAME, ref, bytes: 0, text: note.text } : { ok: false, name: STDIN_NAME, ref, bytes: 0, reason: note.reason };
      continue;
    }
    const { path } = input;
    if (input.kind === 'error') {
      yield { ok: false, name: path, ref: { file: path }, bytes: 0, reason: input.reason };
      continue;
    }
    const type = inputType(path);
    if (type === 'ndjson') yield* ndjsonNotes(path);
    else yield* fileNotes(path, type);
  }
}

async function* fileNotes(path: string, type: 'text' | 'fhir-json'): AsyncGenerator<NoteItem> {
  let bytes: Buffer;
  try {
    bytes = await readFile(path);
  } catch (error) {
    yield { ok: false, name: path, ref: { file: path }, bytes: 0, reason: await describeReadError(path, error) };
    return;
  }
  const decoded = decodeNote(bytes);
  if (!decoded.ok) {
    yield { ok: false, name: path, ref: { file: path }, bytes: bytes.length, reason: decoded.reason };
    return;
  }
  if (type === 'text') {
    yield { ok: true, name: path, ref: { file: path }, bytes: bytes.length, text: decoded.text };
    return;
  }
  const located = jsonNotes(decoded.text);
  const share = Math.round(bytes.length / Math.max(1, located.length));
  for (const [index, { where, note }] of located.entries()) {
    const ref: NoteRef = { file: path, ...note.identity };
    if (where !== '') ref.entry = index + 1;
    yield item(where === '' ? path : `${path}: ${where}`, ref, share, note);
  }
}

/** The lines of an NDJSON file as they stream; blank lines are skipped, each line is decoded as UTF-8 on its own. */
async function* ndjsonNotes(path: string): AsyncGenerator<NoteItem> {
  let lineNumber = 0;
  try {
    for await (const line of byteLines(path)) {
      lineNumber++;
      const name = `${path}:${lineNumber}`;
      const decoded = decodeNote(line);
      if (!decoded.ok) {
        yield { ok: false, name, ref: { file: path, line: lineNumber }, bytes: line.length + 1, reason: decoded.reason };
        continue;
      }
      if (decoded.text.trim() === '') continue;
      const located = jsonNotes(decoded.text);
      for (const { where, note } of located) {
        const ref: NoteRef = { file: path, line: lineNumber, ...note.identity };
        yield item(where === '' ? name : `${name}: ${where}`, ref, Math.round((line.length + 1) / located.length), note);
      }
    }
  } catch (error) {
    const where = lineNumber === 0 ? path : `${path}:${lineNumber + 1}`;
    yield { ok: false, name: where, ref: { file: path }, bytes: 0, reason: await describeReadError(path, error) };
  }
}

function item(name: string, ref: NoteRef, bytes: number, note: LocatedNote['note']): NoteItem {
  return note.ok ? { ok: true, name, ref, bytes, text: note.text } : { ok: false, name, ref, bytes, reason: note.reason };
}

/** The lines of a file as byte arrays (without their LF; a CR before it is dropped too). */
async function* byteLines(path: string): AsyncGenerator<Uint8Array> {
  let rest: Buffer = Buffer.alloc(0);
  for await (const chunk of createReadStream(path) as AsyncIterable<Buffer>) {
    let data = rest.length > 0 ? Buffer.concat([rest, chunk]) : chunk;
    let start = 0;
    for (let lf = data.indexOf(10, start); lf >= 0; lf = data.indexOf(10, start)) {
      const end = lf > start && data[lf - 1] === 13 ? lf - 1 : lf;
      yield data.subarray(start, end);
      start = lf + 1;
    }
    rest = Buffer.from(data.subarray(start));
    data = Buffer.alloc(0);
  }
  if (rest.length > 0) yield rest;
}

/** Total bytes of the file inputs (0 for standard input); the progress bar's 100%. */
export async function inputBytes(inputs: readonly Input[]): Promise<number> {
  const { stat } = await import('node:fs/promises');
  let total = 0;
  for (const input of inputs) {
    if (input.kind !== 'file') continue;
    try {
      total += (await stat(input.path)).size;
    } catch {
      // reported when read
    }
  }
  return total;
}
