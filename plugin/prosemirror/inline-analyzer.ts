/**
 * The main-thread analysis provider: runs the synchronous engine in the page. For tests, and for
 * hosts that accept the model's load (about 0.5 s, on first use) and each analysis on the main
 * thread. Prefer `createWorkerAnalyzer` in an editor. It offers the same query calls as the
 * worker (drafts with each analysis, answer edits, hand-off, exports).
 */
import { analyze as engineAnalyze } from '../../src/index.js';
import type { Analysis, AnalyzeOptions } from '../../src/types.js';
import { analyzeWithQueries, answerEdit, exportOf, handoffOf } from '../queries/service.js';
import type { QueryExportFormat, QueryExports } from '../queries/types.js';
import type { AnalysisProvider } from './types.js';

/**
 * A provider that calls `analyze` (default: the engine's) in a microtask, so a throw becomes a
 * rejection. Each finding comes with its compliant query (see `QueriedAnalysis`).
 */
export function createInlineAnalyzer(
  analyze: (text: string, options: AnalyzeOptions) => Analysis = engineAnalyze,
): Required<Omit<AnalysisProvider, 'destroy'>> & AnalysisProvider {
  const later = <T>(fn: () => T): Promise<T> => Promise.resolve().then(fn);
  return {
    analyze: (text, options) => later(() => analyzeWithQueries(text, options, analyze)),
    answerEdit: (request) => later(() => answerEdit(request)),
    handoff: (request) => later(() => handoffOf(request)),
    exportQueries: <F extends QueryExportFormat>(request: Parameters<typeof exportOf>[0] & { format: F }) =>
      later(() => exportOf(request) as QueryExports[F]),
  };
}
