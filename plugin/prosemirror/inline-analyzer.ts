/**
 * The main-thread analysis provider: runs the synchronous engine in the page. For tests, and for
 * hosts that accept the model's load (about 0.5 s, on first use) and each analysis on the main
 * thread. Prefer `createWorkerAnalyzer` in an editor.
 */
import { analyze as engineAnalyze } from '../../src/index.js';
import type { Analysis, AnalyzeOptions } from '../../src/types.js';
import type { AnalysisProvider } from './types.js';

/**
 * A provider that calls `analyze` (default: the engine's) in a microtask, so a throw becomes a
 * rejection.
 */
export function createInlineAnalyzer(
  analyze: (text: string, options: AnalyzeOptions) => Analysis = engineAnalyze,
): AnalysisProvider {
  return {
    analyze: (text, options) => Promise.resolve().then(() => analyze(text, options)),
  };
}
