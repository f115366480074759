/**
 * The worker-thread entry of the analysis pool (see pool.ts): tinypool calls the default export
 * once per batch of notes (a few consecutive notes per message, see pool.ts). The engine's
 * knowledge base is compiled on the first call and kept for the worker's life.
 */
import { runAnalyzeTask, type AnalyzeResult, type AnalyzeTask } from './analyze-task.js';

/** Analyses a batch of notes in this worker; one result per task, in order. */
export default function analyzeInWorker(tasks: readonly AnalyzeTask[]): AnalyzeResult[] {
  return tasks.map(runAnalyzeTask);
}
