import { beforeAll, describe, expect, it } from 'vitest';
import { analyze } from '../../src/index.js';
import { cell, csvHeader, formatNoteCsv } from '../../src/cli/format-csv.js';
import { formatNoteNdjson } from '../../src/cli/format-ndjson.js';
import { findingToDetectedIssue, formatFileFhir } from '../../src/cli/format-fhir.js';
import { orderedMap } from '../../src/cli/ordered-map.js';
import { isoDate, runAnalyzeTask } from '../../src/cli/analyze-task.js';
import { parseCsv } from '../bench/batch-notes.js';
import { validateR4 } from './fhir-schema.js';

const TEXT = 'PAST MEDICAL HISTORY: CHF, hypertension.\nVitals: BMI 42.3 kg/m2.';
const analysis = analyze(TEXT);
const REF = { file: 'notes/a.ndjson', line: 3, id: 'doc-1', subject: 'Patient/p1', encounter: 'Encounter/e1', date: '2026-10-02' };

describe('CSV cells', () => {
  it('quotes fields with commas, quotes or line breaks, doubling quotes (RFC 4180)', () => {
    expect([cell('a,b'), cell('say "CHF"'), cell('two\nlines'), cell('plain')]).toEqual(['"a,b"', '"say ""CHF"""', '"two\nlines"', 'plain']);
  });

  it('neutralises text a spreadsheet would read as a formula', () => {
    expect(['=1+1', '+SUM(A1)', '-2+3', '@cmd', '\tx', '=HYPERLINK("x","y")'].map(cell)).toEqual([
      "'=1+1", "'+SUM(A1)", "'-2+3", "'@cmd", "'\tx", `"'=HYPERLINK(""x"",""y"")"`,
    ]);
  });
});

describe('formatNoteCsv', () => {
  it('gives one row per finding, with the note identity, that a CSV parser reads back', () => {
    const rows = parseCsv(csvHeader() + formatNoteCsv(REF, analysis.findings));
    const [header, ...body] = rows;
    expect(body).toHaveLength(analysis.findings.length);
    const records = body.map((r) => Object.fromEntries(header!.map((h, i) => [h, r[i]])));
    expect(records[0]).toMatchObject({ note: 'doc-1', patient: 'Patient/p1', encounter: 'Encounter/e1', date: '2026-10-02', kind: 'missing-specificity', family: 'heart-failure', axes: 'acuity type', evidence: 'CHF', current_code: 'I50.9', file: 'notes/a.ndjson', line: '3' });
    expect(Number(records[0]!['candidate_count'])).toBeGreaterThan(1);
  });

  it('names a text note by its file, and a note without findings has no row', () => {
    expect(formatNoteCsv({ file: 'a.txt' }, analysis.findings).startsWith('a.txt,,,,')).toBe(true);
    expect(formatNoteCsv({ file: 'a.txt' }, [])).toBe('');
  });
});

describe('formatNoteNdjson', () => {
  it('is one line with the note identity and every finding whole with its query', () => {
    const out = formatNoteNdjson(REF, analysis.findings, { text: TEXT, analysis });
    expect(out.endsWith('\n') && out.indexOf('\n') === out.length - 1).toBe(true);
    const record = JSON.parse(out) as { note: unknown; findings: Array<{ id: string; query: { findingId: string } }> };
    expect(record.note).toEqual(REF);
    expect(record.findings.map((f) => [f.id, f.query.findingId])).toEqual(analysis.findings.map((f) => [f.id, f.id]));
  });
});

describe('DetectedIssue', () => {
  beforeAll(() => {
    validateR4('Bundle', { resourceType: 'Bundle', type: 'collection' }); // compiles the R4 schema once
  }, 60_000);

  it('is valid FHIR R4, implicates the DocumentReference and names the patient', () => {
    const issue = findingToDetectedIssue(analysis.findings[0]!, REF);
    expect(validateR4('DetectedIssue', issue)).toEqual([]);
    expect([issue.implicated, issue.patient, issue.code.coding[0]!.code]).toEqual([[{ reference: 'DocumentReference/doc-1' }], { reference: 'Patient/p1' }, 'missing-specificity']);
  });

  it('implicates a text note by its file name, and a subject that is not a Patient reference by display', () => {
    const issue = findingToDetectedIssue(analysis.findings[0]!, { file: 'a.txt', subject: 'John Doe' });
    expect([issue.implicated, issue.patient]).toEqual([[{ display: 'a.txt' }], { display: 'John Doe' }]);
    expect(validateR4('DetectedIssue', issue)).toEqual([]);
  });

  it('is rejected by the schema when a code or an element is wrong (the check is real)', () => {
    const issue = findingToDetectedIssue(analysis.findings[0]!, REF);
    expect(validateR4('DetectedIssue', { ...issue, severity: 'urgent' }).length).toBeGreaterThan(0);
    expect(validateR4('DetectedIssue', { ...issue, finding: 'x' }).length).toBeGreaterThan(0);
  });

  it('has the status R4 requires (1..1; the JSON schema does not enforce it), from the R4 DetectedIssue status codes', () => {
    expect(['registered', 'preliminary', 'final', 'amended']).toContain(findingToDetectedIssue(analysis.findings[0]!, REF).status);
  });

  it('points at the Questionnaire of the finding in the same bundle', () => {
    const bundle = JSON.parse(formatFileFhir(REF.file, analysis.findings, { text: TEXT, analysis }, REF)) as { entry: Array<{ fullUrl: string; resource: { resourceType: string; evidence?: Array<{ detail: Array<{ reference: string }> }> } }> };
    expect(validateR4('Bundle', bundle)).toEqual([]);
    const urls = new Set(bundle.entry.map((e) => e.fullUrl));
    const issues = bundle.entry.filter((e) => e.resource.resourceType === 'DetectedIssue');
    expect(issues).toHaveLength(analysis.findings.length);
    for (const issue of issues) expect(urls.has(issue.resource.evidence![0]!.detail[0]!.reference)).toBe(true);
  });
});

describe('orderedMap', () => {
  it('consumes results in input order whatever order they finish in, with at most `window` in flight', async () => {
    let inFlight = 0;
    let most = 0;
    const seen: number[] = [];
    const items = Array.from({ length: 40 }, (_, i) => i);
    await orderedMap(items, 4, async (i) => {
      inFlight++;
      most = Math.max(most, inFlight);
      await new Promise((r) => setTimeout(r, (i * 7919) % 13));
      return i * 2;
    }, (i, result) => {
      inFlight--;
      expect(result).toBe(i * 2);
      seen.push(i);
    });
    expect(seen).toEqual(items);
    expect(most).toBeLessThanOrEqual(4);
  });

  it('reads the input lazily: never more than `window` items ahead of the output', async () => {
    let read = 0;
    let consumed = 0;
    async function* source(): AsyncGenerator<number> {
      for (let i = 0; i < 100; i++) {
        read++;
        expect(read - consumed).toBeLessThanOrEqual(3);
        yield i;
      }
    }
    await orderedMap(source(), 3, (i) => i, () => {
      consumed++;
    });
    expect(consumed).toBe(100);
  });
});

describe('isoDate (the note date passed to the engine)', () => {
  it('passes ISO dates and timestamps, and drops what is not a calendar date so the note is still analysed', () => {
    expect(['2026-10-02', '2026-10-02T08:00:00Z', '2024-02-29', '2026-02-30', '10/02/2026', '2026-13-01', '', undefined].map(isoDate)).toEqual([
      '2026-10-02', '2026-10-02T08:00:00Z', '2024-02-29', undefined, undefined, undefined, undefined, undefined,
    ]);
  });

  it('never costs a note: a DocumentReference with a bad date is analysed', () => {
    const result = runAnalyzeTask({ text: 'PMH: CHF.', name: 'x', ref: { file: 'x', date: 'yesterday' }, setting: 'inpatient', formats: ['csv'], color: false, report: true });
    expect(result.ok && result.findings).toBe(1);
  });
});
