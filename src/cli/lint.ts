/**
 * The lint command: discover the inputs, stream their notes (text files, FHIR resources, NDJSON
 * lines) through the analysis pool, and write each note's output in input order as soon as it and
 * every note before it are done, so output streams and memory stays flat however many notes.
 */
import { writeFile } from 'node:fs/promises';
import type { LintCommand } from './args.js';
import type { AnalyzeResult, AnalyzeTask } from './analyze-task.js';
import { discoverInputs, inputType } from './discover.js';
import { csvHeader } from './format-csv.js';
import { formatSummary, printable, type RunStats } from './format-text.js';
import { inputBytes, readNotes, STDIN_NAME, type NoteItem } from './note-source.js';
import { orderedMap } from './ordered-map.js';
import { write } from './output.js';
import { createPool, defaultJobs } from './pool.js';
import { Progress, PROGRESS_THRESHOLD } from './progress.js';

export { STDIN_NAME };

/** Notes in flight per thread: enough to keep every thread busy while the output waits for a slow note. */
const WINDOW_PER_THREAD = 8;

/**
 * Runs the lint command and resolves to the exit status: 0, or 2 when any input (or a line or
 * entry of one) could not be read, decoded or analysed, or the report could not be written (each
 * gets one `cdi-lint: where: reason` line on stderr).
 */
export async function runLint(command: LintCommand): Promise<number> {
  const { stdout, stderr } = process;
  const inputs = await discoverInputs(command.paths);
  const color = command.format === 'text' && stdout.isTTY === true && !process.env['NO_COLOR'];
  const anyFhir = inputs.some((input) => input.kind === 'file' && inputType(input.path) !== 'text');
  const progress = new Progress(stderr, await inputBytes(inputs), inputs.length > PROGRESS_THRESHOLD || anyFhir);
  const clearProgress = (): void => progress.clear();
  process.on('exit', clearProgress);

  const jobs = command.jobs ?? defaultJobs();
  const pool = await createPool(jobs);
  const report = command.report !== undefined ? await import('../report/summary.js').then(({ ReportSummary }) => new ReportSummary()) : undefined;

  const stats: RunStats = { findings: 0, filesWithFindings: 0, filesChecked: 0, filesFailed: 0 };
  let bytesDone = 0;
  const fail = (name: string, reason: string): void => {
    progress.clear();
    stderr.write(`cdi-lint: ${printable(name)}: ${reason}\n`);
    stats.filesFailed++;
  };

  if (command.format === 'csv') await write(stdout, csvHeader());
  const start = (item: NoteItem): Promise<AnalyzeResult> | undefined => {
    if (!item.ok) return undefined;
    const task: AnalyzeTask = { text: item.text, name: item.name, ref: item.ref, setting: command.setting, format: command.format, color, report: report !== undefined };
    return pool.run(task);
  };
  try {
    await orderedMap(readNotes(inputs), jobs * WINDOW_PER_THREAD, start, async (item, result) => {
      bytesDone += item.bytes;
      if (!item.ok) fail(item.name, item.reason);
      else if (!result!.ok) fail(item.name, result!.reason);
      else {
        stats.filesChecked++;
        stats.findings += result!.findings;
        if (result!.findings > 0) stats.filesWithFindings++;
        if (result!.report) report!.add(result!.report);
        if (result!.out !== '') {
          if (stdout.isTTY) progress.clear(); // same terminal: do not write over the progress bar
          await write(stdout, result!.out);
        }
      }
      progress.update(stats.filesChecked, bytesDone);
    });
  } finally {
    await pool.close();
  }

  progress.clear();
  process.off('exit', clearProgress);
  if (command.format === 'text') await write(stdout, formatSummary(stats));
  if (report && command.report !== undefined) {
    const [{ buildReport }, { packageVersion }] = await Promise.all([import('../report/build-report.js'), import('./version.js')]);
    const html = buildReport(report.result(), {
      setting: command.setting, jobs, format: command.format, inputs: command.paths, version: packageVersion(), generated: new Date().toISOString(),
    }, stats.filesFailed);
    try {
      await writeFile(command.report, html);
    } catch (error) {
      fail(command.report, `cannot write the report: ${error instanceof Error ? error.message : String(error)}`);
    }
  }
  return stats.filesFailed > 0 ? 2 : 0;
}
