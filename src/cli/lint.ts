/**
 * The lint command: discover the notes, then read, analyse and print them one at a time, so
 * output streams and memory stays flat however many notes there are.
 */
import { analyze } from '../index.js';
import type { Analysis } from '../types.js';
import type { LintCommand } from './args.js';
import { defaultVisible } from '../rules/confidence.js';
import { discoverInputs } from './discover.js';
import { formatFileJson } from './format-json.js';
import { formatFileFhir } from './format-fhir.js';
import { formatFileHandoff } from './format-handoff.js';
import { formatFileText, formatSummary, printable, type RunStats } from './format-text.js';
import { write } from './output.js';
import { Progress } from './progress.js';
import { readNoteFile, readNoteStdin, type ReadResult } from './read-note.js';

/** Name of standard input in text output and error lines (JSON uses "-"). */
export const STDIN_NAME = '<stdin>';

/**
 * Runs the lint command and resolves to the exit status: 0, or 2 when any input could not be
 * read, decoded or analysed (each such input gets one `cdi-lint: path: reason` line on stderr).
 */
export async function runLint(command: LintCommand): Promise<number> {
  const { stdout, stderr } = process;
  const inputs = await discoverInputs(command.paths);
  const color = command.format === 'text' && stdout.isTTY === true && !process.env['NO_COLOR'];
  const progress = new Progress(stderr, inputs.length);
  const clearProgress = (): void => progress.clear();
  process.on('exit', clearProgress);

  const stats: RunStats = { findings: 0, filesWithFindings: 0, filesChecked: 0, filesFailed: 0 };
  const fail = (path: string, reason: string): void => {
    progress.clear();
    stderr.write(`cdi-lint: ${printable(path)}: ${reason}\n`);
    stats.filesFailed++;
  };

  for (const [index, input] of inputs.entries()) {
    const name = input.kind === 'stdin' ? STDIN_NAME : input.path;
    progress.update(index + 1, name);
    if (input.kind === 'error') {
      fail(input.path, input.reason);
      continue;
    }
    const note: ReadResult = input.kind === 'stdin' ? await readNoteStdin() : await readNoteFile(input.path);
    if (!note.ok) {
      fail(name, note.reason);
      continue;
    }
    let analysis: Analysis;
    try {
      analysis = analyze(note.text, { setting: command.setting });
    } catch (error) {
      // The engine promises never to throw on user text; if it does, lose one note, not the run.
      fail(name, `internal error: ${error instanceof Error ? error.message : String(error)}`);
      continue;
    }
    // By default only high-confidence findings; --all shows the rest, marked.
    const findings = command.all ? analysis.findings : analysis.findings.filter(defaultVisible);
    const file = input.kind === 'stdin' ? '-' : input.path;
    stats.filesChecked++;
    stats.findings += findings.length;
    if (findings.length > 0) stats.filesWithFindings++;
    const out =
      command.format === 'json' ? formatFileJson(file, findings, { text: note.text, analysis })
        : command.format === 'fhir' ? formatFileFhir(file, findings, { text: note.text, analysis })
        : command.format === 'handoff' ? formatFileHandoff(name, { text: note.text, analysis })
          : formatFileText(name, note.text, findings, { color });
    if (out !== '') {
      if (stdout.isTTY) progress.clear(); // same terminal: do not write over the progress line
      await write(stdout, out);
    }
  }

  progress.clear();
  process.off('exit', clearProgress);
  if (command.format === 'text') await write(stdout, formatSummary(stats));
  return stats.filesFailed > 0 ? 2 : 0;
}
