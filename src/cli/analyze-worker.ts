/**
 * The worker-thread entry of the analysis pool (see pool.ts): tinypool calls the default export
 * once per note. The engine's knowledge base is compiled on the first call and kept for the
 * worker's life.
 */
import { runAnalyzeTask, type AnalyzeResult, type AnalyzeTask } from './analyze-task.js';

/** Analyses one note in this worker. */
export default function analyzeInWorker(task: AnalyzeTask): AnalyzeResult {
  return runAnalyzeTask(task);
}
