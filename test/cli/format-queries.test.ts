import { describe, expect, it } from 'vitest';
import { analyze, lintQuery, type Query } from '../../src/index.js';
import { formatFileJson } from '../../src/cli/format-json.js';
import { formatFileFhir } from '../../src/cli/format-fhir.js';
import { parseArgs, HELP } from '../../src/cli/args.js';

const TEXT = 'PAST MEDICAL HISTORY: CHF, hypertension.\nVitals: BMI 42.3 kg/m2.';
const analysis = analyze(TEXT);

describe('formatFileJson with queries', () => {
  it('gives every finding its compliant query draft', () => {
    const record = JSON.parse(formatFileJson('a.txt', analysis.findings, { text: TEXT, analysis })) as { findings: Array<{ id: string; query: Query }> };
    expect(record.findings.map((f) => [f.id, f.query.findingId, lintQuery(f.query).ok])).toEqual(analysis.findings.map((f) => [f.id, f.id, true]));
  });

  it('is one line', () => {
    expect(formatFileJson('a.txt', analysis.findings, { text: TEXT, analysis }).split('\n')).toHaveLength(2);
  });
});

describe('formatFileFhir', () => {
  const bundle = () => JSON.parse(formatFileFhir('notes/a b.txt', analysis.findings, { text: TEXT, analysis })) as { resourceType: string; type: string; id: string; entry: Array<{ resource: { resourceType: string; identifier: Array<{ value: string }> } }> };

  it('prints one Bundle of type collection per note', () => {
    expect([bundle().resourceType, bundle().type]).toEqual(['Bundle', 'collection']);
  });

  it('holds a Questionnaire for each finding, then a DetectedIssue for each, identified by the finding id', () => {
    expect(bundle().entry.map((e) => [e.resource.resourceType, e.resource.identifier[0]!.value])).toEqual([
      ...analysis.findings.map((f) => ['Questionnaire', f.id]),
      ...analysis.findings.map((f) => ['DetectedIssue', f.id]),
    ]);
  });

  it('names the bundle after the file, in the FHIR id alphabet', () => {
    expect(bundle().id).toMatch(/^a-b\.txt-[0-9a-f]{8}$/);
  });

  it('prints an empty bundle for a note without findings', () => {
    const empty = analyze('No acute distress.');
    expect(JSON.parse(formatFileFhir('-', empty.findings, { text: 'No acute distress.', analysis: empty })).entry).toEqual([]);
  });
});

describe('--format fhir', () => {
  it('is accepted by the lint command', () => {
    expect(parseArgs(['--format', 'fhir', 'a.txt'])).toMatchObject({ command: 'lint', format: 'fhir' });
  });

  it('is refused by the context command', () => {
    expect(() => parseArgs(['context', '--format', 'fhir'])).toThrow("format 'fhir' does not apply to 'context' (allowed: json, text)");
  });

  it('is described in the help', () => {
    expect(HELP).toContain('--format text|json|fhir');
    expect(HELP).toContain('one FHIR R4 Bundle (type collection) per note');
  });
});

describe('--format handoff', () => {
  it('prints each note with its open queries and the codes it supports now', async () => {
    const { formatFileHandoff } = await import('../../src/cli/format-handoff.js');
    const { analyze } = await import('../../src/index.js');
    const text = 'PMH: CHF.';
    const out = formatFileHandoff('note.txt', { text, analysis: analyze(text) });
    expect(out).toBe([
      'note.txt',
      '  Open queries (1):',
      '    - Documentation clarification: CHF',
      '  Answered (0):',
      '  Dismissed (0):',
      '  Codes the note supports:',
      '    - Heart failure: I50.9 Heart failure, unspecified',
      '  Covers only the conditions cdi-lint flagged in this note; it is not a complete coding of the note.',
      '', '',
    ].join('\n'));
  });
});
