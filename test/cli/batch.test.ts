/**
 * The batch command line end to end: a folder of text notes, FHIR DocumentReferences, a Bundle and
 * Bulk Data NDJSON with bad lines among good ones, through the worker pool (`--jobs 2`) and on the
 * main thread (`--jobs 1`), in every batch format and with the HTML report. Runs `src/cli.ts`
 * under tsx in a child process, as cli.test.ts does (stdout and stderr are pipes: no progress bar).
 */
import { spawnSync, type SpawnSyncReturns } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Finding } from '../../src/types.js';
import { CSV_COLUMNS } from '../../src/cli/format-csv.js';
import { parseCsv } from '../bench/batch-notes.js';
import { validateR4 } from './fhir-schema.js';

const REPO = resolve(fileURLToPath(import.meta.url), '../../..');
const CLI = join(REPO, 'src/cli.ts');
const TSX = join(REPO, 'node_modules/tsx/dist/loader.mjs');
const SLOW = { timeout: 120_000 };

const CHF = 'ASSESSMENT:\nCongestive heart failure, stable on furosemide.\n';
const b64 = (s: string | Uint8Array): string => Buffer.from(s).toString('base64');

function docRef(id: string, text: string, extra: object = {}, contentType = 'text/plain'): object {
  return {
    resourceType: 'DocumentReference', id, status: 'current',
    subject: { reference: `Patient/p-${id}` }, date: '2026-10-02T08:00:00Z', context: { encounter: [{ reference: `Encounter/e-${id}` }] },
    content: [{ attachment: { contentType, data: b64(text) } }], ...extra,
  };
}

let root: string;

function run(args: string[]): SpawnSyncReturns<string> {
  const env = { ...process.env };
  delete env['NO_COLOR'];
  return spawnSync(process.execPath, ['--import', TSX, CLI, ...args], { cwd: root, encoding: 'utf8', env, timeout: 110_000, maxBuffer: 1 << 28 });
}

function lines(s: string): string[] {
  return s.split('\n').filter((line) => line !== '');
}

beforeAll(() => {
  root = mkdtempSync(join(tmpdir(), 'cdi-lint-batch-'));
  mkdirSync(join(root, 'notes'));
  writeFileSync(join(root, 'notes/a.txt'), CHF);
  const ndjson = [
    JSON.stringify(docRef('d1', CHF)),
    '{not json',
    JSON.stringify({ resourceType: 'Patient', id: 'p1' }),
    JSON.stringify({ resourceType: 'DocumentReference', id: 'u1', content: [{ attachment: { contentType: 'text/plain', url: 'https://ehr.example/Binary/u1' } }] }),
    JSON.stringify({ resourceType: 'DocumentReference', id: 'b1', content: [{ attachment: { contentType: 'text/plain', data: '@@@@' } }] }),
    '',
    JSON.stringify(docRef('d2', '<p>ASSESSMENT:</p><p>CKD, stable.</p>', {}, 'text/html')),
    JSON.stringify(docRef('d3', 'PMH: CHF <img src=x onerror=alert(1)> and "=cmd|x"\n')),
    JSON.stringify({ resourceType: 'DocumentReference', id: 'pdf', content: [{ attachment: { contentType: 'application/pdf', data: b64('%PDF') } }] }),
  ].join('\n');
  const badUtf8 = Buffer.concat([Buffer.from('\n{"resourceType":"DocumentReference","id":"caf'), Buffer.from([0xe9]), Buffer.from('"}\n')]);
  writeFileSync(join(root, 'notes/docs.ndjson'), Buffer.concat([Buffer.from(ndjson), badUtf8]));
  writeFileSync(join(root, 'notes/bundle.json'), JSON.stringify({
    resourceType: 'Bundle', type: 'collection',
    entry: [{ resource: docRef('d4', CHF) }, { resource: { resourceType: 'Observation', id: 'o1' } }],
  }, null, 2));
  writeFileSync(join(root, 'notes/single.json'), JSON.stringify(docRef('d5', 'Assessment: knee OA.\n')));
});

afterAll(() => {
  rmSync(root, { recursive: true, force: true });
});

describe('cdi-lint --format ndjson over FHIR inputs with bad lines, on two threads', () => {
  let two: SpawnSyncReturns<string>;
  beforeAll(() => {
    two = run(['--jobs', '2', '--format', 'ndjson', 'notes']);
  }, 120_000);

  it('exits with status 2', () => {
    expect(two.status).toBe(2);
  });

  it('prints one error line per bad line or entry, naming the file and the line, in input order', () => {
    const errors = lines(two.stderr);
    expect(errors.map((e) => e.replace(/(invalid JSON.*) \(.*\)$/, '$1 (…)'))).toEqual([
      'cdi-lint: notes/bundle.json: entry 2: resourceType is "Observation", expected DocumentReference',
      'cdi-lint: notes/docs.ndjson:2: invalid JSON at line 1, column 2 (…)',
      'cdi-lint: notes/docs.ndjson:3: resourceType is "Patient", expected DocumentReference',
      'cdi-lint: notes/docs.ndjson:4: the text attachment is given only by url (https://ehr.example/Binary/u1); not fetched: cdi-lint never goes on the network',
      'cdi-lint: notes/docs.ndjson:5: attachment data is not valid base64',
      'cdi-lint: notes/docs.ndjson:9: no text attachment with data (contentType text/plain or text/html); found application/pdf',
      'cdi-lint: notes/docs.ndjson:10: not valid UTF-8 (byte offset 45)',
    ]);
  });

  it('analyses every good note, in input order, with its identity', () => {
    const notes = lines(two.stdout).map((line) => (JSON.parse(line) as { note: Record<string, unknown> }).note);
    expect(notes).toEqual([
      { file: 'notes/a.txt' },
      { file: 'notes/bundle.json', entry: 1, id: 'd4', subject: 'Patient/p-d4', encounter: 'Encounter/e-d4', date: '2026-10-02T08:00:00Z' },
      { file: 'notes/docs.ndjson', line: 1, id: 'd1', subject: 'Patient/p-d1', encounter: 'Encounter/e-d1', date: '2026-10-02T08:00:00Z' },
      { file: 'notes/docs.ndjson', line: 7, id: 'd2', subject: 'Patient/p-d2', encounter: 'Encounter/e-d2', date: '2026-10-02T08:00:00Z' },
      { file: 'notes/docs.ndjson', line: 8, id: 'd3', subject: 'Patient/p-d3', encounter: 'Encounter/e-d3', date: '2026-10-02T08:00:00Z' },
      { file: 'notes/single.json', id: 'd5', subject: 'Patient/p-d5', encounter: 'Encounter/e-d5', date: '2026-10-02T08:00:00Z' },
    ]);
  });

  it('gives each finding whole, with its query, and the findings of the HTML note from its text', () => {
    const records = lines(two.stdout).map((line) => JSON.parse(line) as { note: { id?: string }; findings: Array<Finding & { query: unknown }> });
    const families = records.map((r) => r.findings.map((f) => f.family).join(','));
    expect(families).toEqual(['heart-failure', 'heart-failure', 'heart-failure', 'chronic-kidney-disease', 'heart-failure', 'musculoskeletal']);
    for (const r of records) for (const f of r.findings) expect(f.query).toBeTruthy();
  });

  it('prints exactly the same on the main thread (--jobs 1)', SLOW, () => {
    const one = run(['--jobs', '1', '--format', 'ndjson', 'notes']);
    expect([one.status, one.stdout, one.stderr]).toEqual([two.status, two.stdout, two.stderr]);
  });
});

describe('cdi-lint --format csv', () => {
  it('prints a header and one RFC 4180 row per finding, with the note identity, formula-safe', SLOW, () => {
    const result = run(['--jobs', '2', '--format', 'csv', 'notes/docs.ndjson', 'notes/a.txt']);
    expect(result.stdout.endsWith('\r\n')).toBe(true);
    const [header, ...rows] = parseCsv(result.stdout.slice(0, -2));
    expect(header).toEqual([...CSV_COLUMNS]);
    expect(rows.map((r) => [r[0], r[1], r[2], r[4], r[5]])).toEqual([
      ['d1', 'Patient/p-d1', 'Encounter/e-d1', 'missing-specificity', 'heart-failure'],
      ['d2', 'Patient/p-d2', 'Encounter/e-d2', 'missing-specificity', 'chronic-kidney-disease'],
      ['d3', 'Patient/p-d3', 'Encounter/e-d3', 'missing-specificity', 'heart-failure'],
      ['notes/a.txt', '', '', 'missing-specificity', 'heart-failure'],
    ]);
    for (const row of rows) expect(row).toHaveLength(CSV_COLUMNS.length);
  });
});

describe('cdi-lint --format fhir', () => {
  it('prints per note a Bundle of Questionnaires and DetectedIssues that is valid FHIR R4 and implicates the note', SLOW, () => {
    const result = run(['--jobs', '2', '--format', 'fhir', 'notes/docs.ndjson']);
    const bundles = lines(result.stdout).map((line) => JSON.parse(line) as { id: string; entry: Array<{ resource: Record<string, unknown> }> });
    expect(bundles).toHaveLength(3);
    for (const bundle of bundles) expect(validateR4('Bundle', bundle), bundle.id).toEqual([]);
    const issues = bundles[0]!.entry.map((e) => e.resource).filter((r) => r['resourceType'] === 'DetectedIssue');
    expect(issues.map((i) => [i['implicated'], i['patient'], i['status']])).toEqual([
      [[{ reference: 'DocumentReference/d1' }], { reference: 'Patient/p-d1' }, 'preliminary'],
    ]);
    expect(new Set(bundles.map((b) => b.id)).size).toBe(3);
  });
});

describe('cdi-lint --report', () => {
  it('writes one HTML file with the note text escaped and a strict CSP', SLOW, () => {
    const result = run(['--jobs', '2', '--format', 'ndjson', '--report', 'out/report.html', 'notes']);
    expect(result.status).toBe(2); // the bad lines
    // The folder does not exist: the report cannot be written, which is one more error line.
    expect(lines(result.stderr).at(-1)).toMatch(/^cdi-lint: out\/report\.html: cannot write the report: /);
    mkdirSync(join(root, 'out'));
    run(['--jobs', '2', '--format', 'ndjson', '--report', 'out/report.html', 'notes']);
    const html = readFileSync(join(root, 'out/report.html'), 'utf8');
    expect(html).toMatch(/<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'sha256-[A-Za-z0-9+/=]+'; script-src 'sha256-/);
    expect(html).toContain('&lt;img src=x onerror=alert(1)&gt;');
    expect(html).not.toContain('<img');
    expect(html).toMatch(/6<\/b><span>notes analysed/);
  });
});

describe('cdi-lint text output of FHIR notes', () => {
  it('names each note by its file and line', SLOW, () => {
    const result = run(['--jobs', '1', 'notes/docs.ndjson']);
    expect(lines(result.stdout).filter((l) => l.startsWith('notes/'))).toEqual(['notes/docs.ndjson:1', 'notes/docs.ndjson:7', 'notes/docs.ndjson:8']);
  });
});

describe('cdi-lint --output: every format and the report in one pass', () => {
  it('writes NDJSON, FHIR, CSV and the report as the separate runs do, and only the summary on stdout', SLOW, () => {
    mkdirSync(join(root, 'all'), { recursive: true });
    const result = run(['--jobs', '2', '--output', 'ndjson=all/notes.ndjson', '--output', 'fhir=all/bundles.ndjson', '--output', 'csv=all/findings.csv', '--report', 'all/report.html', 'notes']);
    expect(result.status).toBe(2);
    expect(lines(result.stdout)).toEqual(['6 findings in 6 of 6 files; 7 files could not be read']);
    const alone = run(['--jobs', '1', '--format', 'ndjson', 'notes']);
    expect(readFileSync(join(root, 'all/notes.ndjson'), 'utf8')).toBe(alone.stdout);
    expect(lines(readFileSync(join(root, 'all/bundles.ndjson'), 'utf8'))).toHaveLength(6);
    expect(parseCsv(readFileSync(join(root, 'all/findings.csv'), 'utf8'))).toHaveLength(7);
    expect(readFileSync(join(root, 'all/report.html'), 'utf8')).toContain('<svg class="chart"');
  });

  it('stops before any work when an output file cannot be opened', () => {
    const result = run(['--output', 'csv=missing-dir/x.csv', 'notes/a.txt']);
    expect([result.status, result.stdout]).toEqual([2, '']);
    expect(result.stderr).toMatch(/^cdi-lint: missing-dir\/x\.csv: cannot write: ENOENT/);
  });
});
