/**
 * FHIR DocumentReferences made from the MTSamples corpus (../shared/corpus/mtsamples), as FHIR
 * Bulk Data NDJSON: the input of the batch tests and of `npm run bench:batch`.
 *
 *   npx tsx test/bench/batch-notes.ts OUT_DIR [--count N] [--per-file N] [--html-every K]
 *
 * Writes OUT_DIR/DocumentReference-001.ndjson, … (default: every distinct MTSamples note once,
 * 2,357 notes, in files of 1,000). Notes are the distinct transcriptions, with the line breaks the
 * original scrape turned into commas put back (as shared/eval/notes.py does); with `--count`
 * larger than the corpus they repeat, each copy with its own id, patient, encounter and date.
 * Every K-th note (default 10) is sent as text/html instead of text/plain, to exercise both.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { sharedPath } from '../support/shared.js';

/** Parses RFC 4180 CSV (quoted fields may hold commas, quotes and line breaks) into rows. */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      row.push(field);
      field = '';
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && text[i + 1] === '\n') i++;
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
    } else field += c;
  }
  if (field !== '' || row.length > 0) {
    row.push(field);
    rows.push(row);
  }
  return rows;
}

/** A transcription with its section and sentence line breaks restored (as shared/eval/notes.py). */
export function mtsamplesText(raw: string): string {
  let t = raw.trim().replace(/^,+/, '').trim();
  t = t.replace(/:\s*,\s*/g, ':\n');
  t = t.replace(/,\s*(?=[A-Z][A-Z0-9 /&()'-]{2,}:)/g, '\n');
  t = t.replace(/(?<=[.?!]),\s*(?=\S)/g, '\n');
  t = t.replace(/[ \t]+\n/g, '\n');
  return t.trim() + '\n';
}

/** The distinct non-empty MTSamples notes, in corpus order, with their note ids and specialties. */
export function mtsamplesNotes(): Array<{ noteId: string; specialty: string; text: string }> {
  const [header, ...rows] = parseCsv(readFileSync(sharedPath('corpus/mtsamples/mtsamples.csv'), 'utf8'));
  const col = (name: string): number => {
    const index = header!.indexOf(name);
    if (index < 0) throw new Error(`mtsamples.csv has no column ${name}`);
    return index;
  };
  const [idCol, specialtyCol, textCol] = [col('note_id'), col('medical_specialty'), col('transcription')];
  const seen = new Set<string>();
  const notes: Array<{ noteId: string; specialty: string; text: string }> = [];
  for (const row of rows) {
    const raw = row[textCol] ?? '';
    if (raw.trim() === '' || seen.has(raw)) continue;
    seen.add(raw);
    notes.push({ noteId: row[idCol]!, specialty: row[specialtyCol] ?? '', text: mtsamplesText(raw) });
  }
  return notes;
}

const DAY = 86_400_000;
const START = Date.UTC(2026, 9, 1); // a month of notes: October 2026

/** The DocumentReference of copy `copy` of a corpus note, number `n` overall. */
export function documentReference(note: { noteId: string; specialty: string; text: string }, n: number, copy: number, html: boolean): object {
  const data = html
    ? `<html><head><title>Note</title></head><body><p>${note.text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/\n/g, '<br>\n')}</p></body></html>`
    : note.text;
  return {
    resourceType: 'DocumentReference',
    id: `mts-${note.noteId}${copy > 0 ? `-${copy}` : ''}`,
    status: 'current',
    type: { text: note.specialty || 'Clinical note' },
    subject: { reference: `Patient/p${(n % 9_973) + 1}` },
    date: new Date(START + ((n * 7_919) % (31 * DAY / 60_000)) * 60_000).toISOString(),
    context: { encounter: [{ reference: `Encounter/e${n + 1}` }] },
    content: [{ attachment: { contentType: html ? 'text/html; charset=utf-8' : 'text/plain; charset=utf-8', data: Buffer.from(data, 'utf8').toString('base64') } }],
  };
}

/** Writes `count` notes as NDJSON files of `perFile` lines into `dir`; returns the file paths. */
export function writeNdjsonNotes(dir: string, count: number, perFile = 1_000, htmlEvery = 10): string[] {
  const notes = mtsamplesNotes();
  mkdirSync(dir, { recursive: true });
  const files: string[] = [];
  let lines: string[] = [];
  const flush = (): void => {
    const path = join(dir, `DocumentReference-${String(files.length + 1).padStart(3, '0')}.ndjson`);
    writeFileSync(path, lines.join('\n') + '\n');
    files.push(path);
    lines = [];
  };
  for (let n = 0; n < count; n++) {
    const note = notes[n % notes.length]!;
    lines.push(JSON.stringify(documentReference(note, n, Math.floor(n / notes.length), htmlEvery > 0 && n % htmlEvery === htmlEvery - 1)));
    if (lines.length === perFile) flush();
  }
  if (lines.length > 0) flush();
  return files;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const args = process.argv.slice(2);
  const option = (name: string, fallback: number): number => {
    const i = args.indexOf(name);
    if (i < 0) return fallback;
    const value = Number(args.splice(i, 2)[1]);
    if (!Number.isInteger(value) || value < 0) throw new Error(`${name} needs a whole number`);
    return value;
  };
  const count = option('--count', mtsamplesNotes().length);
  const perFile = option('--per-file', 1_000);
  const htmlEvery = option('--html-every', 10);
  const [dir] = args;
  if (!dir) {
    console.error('usage: tsx test/bench/batch-notes.ts OUT_DIR [--count N] [--per-file N] [--html-every K]');
    process.exit(2);
  }
  const files = writeNdjsonNotes(dir, count, perFile || 1_000, htmlEvery);
  console.log(`${count} DocumentReferences in ${files.length} NDJSON files under ${dir}`);
}
