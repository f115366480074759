/**
 * Messages between the page and the analysis worker. One request, one response, matched by `id`.
 */
import type { Analysis, AnalyzeOptions } from '../../src/types.js';

/** Page -> worker: analyse `text`. */
export interface AnalyzeRequest {
  id: number;
  text: string;
  options: AnalyzeOptions;
}

/** Worker -> page: the analysis of request `id`, or why it failed. */
export type AnalyzeResponse = { id: number; analysis: Analysis } | { id: number; error: string };
