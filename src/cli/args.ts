/**
 * Command-line arguments of `cdi-lint`: the closed set of commands and options, parsed without
 * side effects. Usage errors are thrown as {@link UsageError}; the caller prints them with
 * {@link USAGE} and exits with status 2.
 */
import type { Setting } from '../types.js';

/** Output formats. `text` is for people, `json` is JSON Lines for programs, `fhir` is one FHIR R4
 *  Bundle per note (query Questionnaires and a DetectedIssue per finding), as JSON Lines (lint only);
 *  `ndjson` is one line per note with its identity (FHIR inputs); `csv` is one row per finding. */
export type Format = 'text' | 'json' | 'fhir' | 'handoff' | 'ndjson' | 'csv';

const SETTINGS: readonly Setting[] = ['inpatient', 'outpatient'];
const FORMATS: readonly Format[] = ['text', 'json', 'fhir', 'handoff', 'ndjson', 'csv'];
/** Most worker threads `--jobs` accepts. */
export const MAX_JOBS = 256;

/** Lint notes: files, directories (recursively, `*.txt`) or `-` for standard input. */
export interface LintCommand {
  command: 'lint';
  setting: Setting;
  format: Format;
  /** `--all`: also report low-confidence findings (marked); by default only high-confidence ones. */
  all: boolean;
  /** At least one; `-` means standard input. */
  paths: string[];
  /** `--jobs N`: worker threads analysing notes; absent means one per core (fewer for small inputs). 1 analyses in-process. */
  jobs?: number;
  /** `--report FILE`: also write the self-contained HTML report there. */
  report?: string;
  /** `--output FORMAT=FILE` (repeatable): also write that format to that file, in the same pass. */
  outputs?: Output[];
  /** Set when `--output` is given without `--format`: stdout gets only the text summary line. */
  summaryOnly?: true;
}

/** One extra output file of a lint run. */
export interface Output {
  format: Format;
  path: string;
}

/** Run the assertion engine alone over JSON Lines `{"text", "target"}`. */
export interface ContextCommand {
  command: 'context';
  format: Format;
  /** Files of JSON Lines; empty means standard input, as does `-`. */
  paths: string[];
}

/** Print the help or the version and exit 0. */
export interface InfoCommand {
  command: 'help' | 'version';
}

/** What the command line asks for. */
export type Command = LintCommand | ContextCommand | InfoCommand;

/** Bad usage: an unknown option, a bad value or missing paths. The message names the problem. */
export class UsageError extends Error {
  override name = 'UsageError';
}

/** The short usage synopsis printed with usage errors. */
export const USAGE = `Usage: cdi-lint [--setting inpatient|outpatient] [--format text|json|fhir|handoff|ndjson|csv]
                [--all] [--jobs N] [--report FILE] [--output FORMAT=FILE]... PATH... | -
       cdi-lint context [--format json|text] [PATH... | -]
Try 'cdi-lint --help' for more information.`;

/** The full `--help` text. */
export const HELP = `Usage: cdi-lint [--setting inpatient|outpatient] [--format text|json|fhir|handoff|ndjson|csv]
                [--all] [--jobs N] [--report FILE] [--output FORMAT=FILE]... PATH... | -
       cdi-lint context [--format json|text] [PATH... | -]

Flags diagnoses in clinical notes that lack the detail (acuity, type, laterality,
stage, ...) that ICD-10-CM needs for a specific code.

Arguments:
  PATH      a note file (any name), or a directory searched recursively for *.txt,
            *.json and *.ndjson files, in sorted order; symbolic-link loops are skipped.
            *.json: a FHIR R4 DocumentReference or a Bundle of them; *.ndjson (or
            *.jsonl): FHIR Bulk Data, one DocumentReference per line. The note is the
            first content[].attachment with contentType text/plain (else text/html,
            reduced to its text) and base64 data; an attachment given only by url is
            reported, never fetched. Any other file is read as plain text
  -         read one note from standard input

Options:
  --setting inpatient|outpatient
            care setting (default: inpatient); it changes how hedged diagnoses count
  --format text|json|fhir|handoff
            text: findings grouped by file, then a summary line (default)
            json: JSON Lines, one {"file": ..., "findings": [...]} object per note
            read, each finding whole with its compliant query draft ("query");
            standard input is named "-"
            fhir: JSON Lines, one FHIR R4 Bundle (type collection) per note read,
            with a Questionnaire for each finding's query
            handoff: per note, the summary before it goes to coders: the open
            queries and the codes the note supports now
            ndjson: JSON Lines, one {"note": {id, subject, encounter, date, file,
            line}, "findings": [...]} object per note read
            fhir also holds a DetectedIssue per finding, implicating the note
            csv: one row per finding (note, patient, encounter, date, kind, family,
            axes, evidence, current code, candidate count), RFC 4180
  --all     also report low-confidence findings, marked "low confidence" with
            their reasons (by default only high-confidence findings are shown)
  --jobs N  analyse notes in N worker threads (default: one per core, fewer for
            small inputs: one per 512 KB); 1 analyses on the main thread; output
            keeps the input order
  --report FILE
            also write a self-contained HTML report for a CDI team to FILE
  --output FORMAT=FILE
            also write FORMAT (any of the above) to FILE, in the same pass; may be
            repeated. Without --format, stdout then gets only the summary line
  -h, --help     print this help and exit
  --version      print the version and exit
  --             end of options; later arguments are paths even if they start with -

Notes are read as UTF-8; a leading byte-order mark is dropped and line endings are
kept, so offsets refer to the text after the mark. A file that is binary (contains
NUL bytes), not valid UTF-8, or cannot be read gets one error line on stderr, and
the other files are still checked.

Positions: text output shows line:column, both 1-based; the column counts UTF-16
code units (as most editors do), so a character outside the Basic Multilingual
Plane counts as 2. JSON start/end are 0-based, half-open UTF-16 offsets.

Colour is used only when stdout is a terminal and NO_COLOR is unset or empty. A
progress bar (count, rate, time left) is shown on stderr when it is a terminal and
there are more than 20 notes or any FHIR file.

context: reads JSON Lines {"text": sentence, "target": term} from the files given
or standard input and prints one line per input line with the assertion found for
the target (negated, historical, hypothetical, experiencer, uncertain). --format
json (the default) prints JSON Lines; --format text prints a compact line each.

Exit status:
  0  every input was read and analysed (whether or not there were findings)
  2  some input could not be read or decoded (the others were still checked),
     or the command line was wrong. A bad FHIR line or resource (invalid JSON,
     wrong resourceType, no text attachment, undecodable base64) gets one error
     line naming the file and the line (or the Bundle entry)`;

/**
 * Parses the arguments after the program name. Pure: never reads files or the environment.
 * The first `--help` or `--version` wins over anything after it.
 *
 * @throws {UsageError} on an unknown option, a missing or bad option value, `-` given twice,
 *   an option that does not apply to the command, or no paths for the lint command.
 */
export function parseArgs(argv: readonly string[]): Command {
  let i = 0;
  const command: 'lint' | 'context' = argv[0] === 'context' ? 'context' : 'lint';
  if (command === 'context') i = 1;

  let setting: Setting | undefined;
  let format: Format | undefined;
  let all = false;
  let jobs: number | undefined;
  let report: string | undefined;
  const outputs: Output[] = [];
  const paths: string[] = [];
  let onlyPaths = false;

  for (; i < argv.length; i++) {
    const arg = argv[i] as string;
    if (onlyPaths || arg === '-' || !arg.startsWith('-')) {
      if (arg === '-' && paths.includes('-')) throw new UsageError("'-' (standard input) can be given only once");
      paths.push(arg);
      continue;
    }
    if (arg === '--') {
      onlyPaths = true;
      continue;
    }
    if (arg === '-h' || arg === '--help') return { command: 'help' };
    if (arg === '--version') return { command: 'version' };
    if (arg === '--all') {
      if (command === 'context') throw new UsageError("option '--all' does not apply to 'context'");
      all = true;
      continue;
    }

    const eq = arg.indexOf('=');
    const name = eq < 0 ? arg : arg.slice(0, eq);
    let value: string | undefined = eq < 0 ? undefined : arg.slice(eq + 1);
    if (name !== '--setting' && name !== '--format' && name !== '--jobs' && name !== '--report' && name !== '--output') {
      throw new UsageError(`unknown option '${name}'`);
    }
    if (value === undefined) {
      value = argv[++i];
      if (value === undefined) throw new UsageError(`option '${name}' needs a value`);
    }
    if ((name === '--jobs' || name === '--report' || name === '--output') && command === 'context') throw new UsageError(`option '${name}' does not apply to 'context'`);
    if (name === '--output') {
      const sep = value.indexOf('=');
      if (sep < 0 || sep === value.length - 1) throw new UsageError(`invalid value '${value}' for option '--output' (expected FORMAT=FILE, e.g. csv=findings.csv)`);
      const output = { format: oneOf('--output', value.slice(0, sep), FORMATS), path: value.slice(sep + 1) };
      if (outputs.some((o) => o.path === output.path) || output.path === report) throw new UsageError(`'${output.path}' is given as an output twice`);
      outputs.push(output);
    } else if (name === '--jobs') {
      if (!/^[1-9][0-9]*$/.test(value) || Number(value) > MAX_JOBS) throw new UsageError(`invalid value '${value}' for option '--jobs' (allowed: a whole number from 1 to ${MAX_JOBS})`);
      jobs = Number(value);
    } else if (name === '--report') {
      if (value === '' || value === '-') throw new UsageError("option '--report' needs a file name");
      report = value;
    } else if (name === '--setting') {
      if (command === 'context') throw new UsageError("option '--setting' does not apply to 'context'");
      setting = oneOf(name, value, SETTINGS);
    } else {
      format = oneOf(name, value, FORMATS);
      if (command === 'context' && format !== 'json' && format !== 'text') throw new UsageError(`format '${format}' does not apply to 'context' (allowed: json, text)`);
    }
  }

  if (command === 'context') return { command, format: format ?? 'json', paths };
  if (paths.length === 0) throw new UsageError("no input: give files, directories, or '-' for standard input");
  const lint: LintCommand = { command, setting: setting ?? 'inpatient', format: format ?? 'text', all, paths };
  if (jobs !== undefined) lint.jobs = jobs;
  if (report !== undefined) {
    if (outputs.some((o) => o.path === report)) throw new UsageError(`'${report}' is given as an output twice`);
    lint.report = report;
  }
  if (outputs.length > 0) {
    lint.outputs = outputs;
    if (format === undefined) lint.summaryOnly = true;
  }
  return lint;
}

function oneOf<T extends string>(name: string, value: string, allowed: readonly T[]): T {
  if ((allowed as readonly string[]).includes(value)) return value as T;
  throw new UsageError(`invalid value '${value}' for option '${name}' (allowed: ${allowed.join(', ')})`);
}
