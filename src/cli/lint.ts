/**
 * The lint command: discover the inputs, stream their notes (text files, FHIR resources, NDJSON
 * lines) through the analysis pool, and write each note's outputs (stdout, `--output` files) in
 * input order as soon as it and every note before it are done, so output streams and memory stays
 * flat however many notes. `--report` gathers the report's figures on the way and writes it last.
 */
import { open, writeFile } from 'node:fs/promises';
import type { LintCommand, Format } from './args.js';
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

/**
 * Notes in flight per thread: enough to keep every thread busy (a batch running and one queued,
 * see pool.ts) while the output waits for a slow note.
 */
const WINDOW_PER_THREAD = 24;
/**
 * Without `--jobs`, one thread per this much input, up to one per core: a worker thread costs about
 * a second of CPU to start (the language model and the knowledge base), as much as a few hundred
 * notes, so a handful of notes is analysed on the main thread at once.
 */
const BYTES_PER_THREAD = 512 * 1024;

/** Where one output format goes. */
interface Sink {
  format: Format;
  stream: NodeJS.WritableStream;
  /** The file (absent for stdout). */
  path?: string;
  close(): Promise<void>;
}

/**
 * Runs the lint command and resolves to the exit status: 0, or 2 when any input (or a line or
 * entry of one) could not be read, decoded or analysed, or an output could not be written (each
 * gets one `cdi-lint: where: reason` line on stderr).
 */
export async function runLint(command: LintCommand): Promise<number> {
  const { stdout, stderr } = process;
  const sinks = await openSinks(command);
  if (!sinks) return 2;
  const inputs = await discoverInputs(command.paths);
  const color = sinks[0]?.path === undefined && sinks[0]?.format === 'text' && stdout.isTTY === true && !process.env['NO_COLOR'];
  const anyFhir = inputs.some((input) => input.kind === 'file' && inputType(input.path) !== 'text');
  const totalBytes = await inputBytes(inputs);
  const progress = new Progress(stderr, totalBytes, inputs.length > PROGRESS_THRESHOLD || anyFhir);
  const clearProgress = (): void => progress.clear();
  process.on('exit', clearProgress);

  const jobs = command.jobs ?? Math.min(defaultJobs(), Math.max(1, Math.ceil(totalBytes / BYTES_PER_THREAD)));
  const pool = await createPool(jobs);
  const report = command.report !== undefined ? await import('../report/summary.js').then(({ ReportSummary }) => new ReportSummary()) : undefined;

  const stats: RunStats = { findings: 0, filesWithFindings: 0, filesChecked: 0, filesFailed: 0 };
  let bytesDone = 0;
  const fail = (name: string, reason: string): void => {
    progress.clear();
    stderr.write(`cdi-lint: ${printable(name)}: ${reason}\n`);
    stats.filesFailed++;
  };

  for (const sink of sinks) if (sink.format === 'csv') await write(sink.stream, csvHeader());
  const formats = sinks.map((s) => s.format);
  const start = (item: NoteItem): Promise<AnalyzeResult> | undefined => {
    if (!item.ok) return undefined;
    const task: AnalyzeTask = { text: item.text, name: item.name, ref: item.ref, setting: command.setting, formats, color, report: report !== undefined, all: command.all };
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
        for (const [i, sink] of sinks.entries()) {
          const out = result!.out[i]!;
          if (out === '') continue;
          if (sink.stream === stdout && stdout.isTTY) progress.clear(); // same terminal: do not write over the progress bar
          await write(sink.stream, out);
        }
      }
      progress.update(stats.filesChecked, bytesDone);
    });
  } finally {
    await pool.close();
  }

  progress.clear();
  process.off('exit', clearProgress);
  for (const sink of sinks) {
    if (sink.path === undefined) continue;
    try {
      await sink.close();
    } catch (error) {
      fail(sink.path, `cannot write: ${error instanceof Error ? error.message : String(error)}`);
    }
  }
  if (command.format === 'text' && (sinks[0]?.path === undefined || command.summaryOnly)) await write(stdout, formatSummary(stats));
  if (report && command.report !== undefined) {
    const [{ buildReport }, { packageVersion }] = await Promise.all([import('../report/build-report.js'), import('./version.js')]);
    const html = buildReport(report.result(), {
      setting: command.setting, jobs, format: [command.summaryOnly ? undefined : command.format, ...(command.outputs ?? []).map((o) => o.format)].filter(Boolean).join(', '),
      inputs: command.paths, version: packageVersion(), generated: new Date().toISOString(),
    }, stats.filesFailed);
    try {
      await writeFile(command.report, html);
    } catch (error) {
      fail(command.report, `cannot write the report: ${error instanceof Error ? error.message : String(error)}`);
    }
  }
  return stats.filesFailed > 0 ? 2 : 0;
}

/**
 * stdout (unless `--output` was given without `--format`), then each `--output` file, opened
 * before any work so that a file that cannot be written stops the run at once (undefined, after
 * one error line each).
 */
async function openSinks(command: LintCommand): Promise<Sink[] | undefined> {
  const sinks: Sink[] = command.summaryOnly ? [] : [{ format: command.format, stream: process.stdout, close: async () => {} }];
  let ok = true;
  for (const output of command.outputs ?? []) {
    try {
      const handle = await open(output.path, 'w');
      const stream = handle.createWriteStream();
      const closed = new Promise<void>((resolve, reject) => {
        stream.once('close', resolve);
        stream.once('error', reject);
      });
      closed.catch(() => {}); // reported by close()
      sinks.push({ format: output.format, stream, path: output.path, close: async () => { stream.end(); await closed; } });
    } catch (error) {
      process.stderr.write(`cdi-lint: ${printable(output.path)}: cannot write: ${error instanceof Error ? error.message : String(error)}\n`);
      ok = false;
    }
  }
  if (!ok) {
    await Promise.all(sinks.map((s) => s.close()));
    return undefined;
  }
  return sinks;
}
