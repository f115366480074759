import { describe, expect, it } from 'vitest';
import { parseArgs, UsageError } from '../../src/cli/args.js';

function usageError(argv: string[]): string {
  try {
    parseArgs(argv);
  } catch (error) {
    if (error instanceof UsageError) return error.message;
    throw error;
  }
  throw new Error(`no usage error for ${JSON.stringify(argv)}`);
}

describe('parseArgs', () => {
  it('lints the given paths as inpatient text by default', () => {
    expect(parseArgs(['a.txt', 'notes'])).toEqual({ command: 'lint', setting: 'inpatient', format: 'text', all: false, paths: ['a.txt', 'notes'] });
  });

  it('accepts option values after a space or an equals sign', () => {
    expect(parseArgs(['--setting', 'outpatient', '--format=json', '-'])).toEqual({
      command: 'lint', setting: 'outpatient', format: 'json', all: false, paths: ['-'],
    });
  });

  it('lets the last of a repeated option win', () => {
    expect(parseArgs(['--format', 'json', '--format', 'text', 'a'])).toMatchObject({ format: 'text' });
  });

  it('treats everything after -- as paths', () => {
    expect(parseArgs(['--', '--format', '-x'])).toMatchObject({ paths: ['--format', '-x'] });
  });

  it('returns help for --help or -h even without paths', () => {
    expect(parseArgs(['--help'])).toEqual({ command: 'help' });
    expect(parseArgs(['-h'])).toEqual({ command: 'help' });
  });

  it('returns version for --version', () => {
    expect(parseArgs(['--version'])).toEqual({ command: 'version' });
  });

  it('parses the context command with json as its default format', () => {
    expect(parseArgs(['context'])).toEqual({ command: 'context', format: 'json', paths: [] });
  });

  it('accepts text format and paths for the context command', () => {
    expect(parseArgs(['context', '--format', 'text', 'a.jsonl'])).toEqual({ command: 'context', format: 'text', paths: ['a.jsonl'] });
  });

  it('treats "context" after -- as a path', () => {
    expect(parseArgs(['--', 'context'])).toMatchObject({ command: 'lint', paths: ['context'] });
  });

  it('rejects an unknown option by name', () => {
    expect(usageError(['--colour', 'a'])).toBe("unknown option '--colour'");
  });

  it('rejects a bad setting and lists the allowed values', () => {
    expect(usageError(['--setting', 'icu', 'a'])).toBe("invalid value 'icu' for option '--setting' (allowed: inpatient, outpatient)");
  });

  it('rejects a bad format and lists the allowed values', () => {
    expect(usageError(['--format=xml', 'a'])).toBe("invalid value 'xml' for option '--format' (allowed: text, json, fhir, handoff, ndjson, csv)");
  });

  it('rejects an option that is missing its value', () => {
    expect(usageError(['a', '--setting'])).toBe("option '--setting' needs a value");
  });

  it('rejects a lint command without paths', () => {
    expect(usageError(['--format', 'json'])).toBe("no input: give files, directories, or '-' for standard input");
  });

  it('rejects standard input given twice', () => {
    expect(usageError(['-', '-'])).toBe("'-' (standard input) can be given only once");
  });

  it('rejects --setting for the context command', () => {
    expect(usageError(['context', '--setting', 'inpatient'])).toBe("option '--setting' does not apply to 'context'");
  });

  it('takes --jobs, --report and repeated --output, adding them only when given', () => {
    expect(parseArgs(['--jobs', '4', '--report=r.html', '--output', 'csv=f.csv', '--output=fhir=b.ndjson', 'notes'])).toEqual({
      command: 'lint', setting: 'inpatient', format: 'text', all: false, paths: ['notes'], jobs: 4, report: 'r.html',
      outputs: [{ format: 'csv', path: 'f.csv' }, { format: 'fhir', path: 'b.ndjson' }], summaryOnly: true,
    });
    expect(parseArgs(['--format', 'ndjson', '--output', 'csv=f.csv', 'notes'])).not.toHaveProperty('summaryOnly');
  });

  it('rejects a bad --jobs, --output or --report, and one file given twice', () => {
    expect(usageError(['--jobs', '0', 'a'])).toBe("invalid value '0' for option '--jobs' (allowed: a whole number from 1 to 256)");
    expect(usageError(['--jobs', 'two', 'a'])).toBe("invalid value 'two' for option '--jobs' (allowed: a whole number from 1 to 256)");
    expect(usageError(['--output', 'csv', 'a'])).toBe("invalid value 'csv' for option '--output' (expected FORMAT=FILE, e.g. csv=findings.csv)");
    expect(usageError(['--output', 'xml=x', 'a'])).toBe("invalid value 'xml' for option '--output' (allowed: text, json, fhir, handoff, ndjson, csv)");
    expect(usageError(['--output', 'csv=x', '--output', 'fhir=x', 'a'])).toBe("'x' is given as an output twice");
    expect(usageError(['--report', 'x', '--output', 'csv=x', 'a'])).toBe("'x' is given as an output twice");
    expect(usageError(['--report', '-', 'a'])).toBe("option '--report' needs a file name");
    expect(usageError(['context', '--jobs', '2'])).toBe("option '--jobs' does not apply to 'context'");
  });
});
