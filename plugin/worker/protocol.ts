/**
 * Messages between the page and the analysis worker. One request, one response, matched by `id`.
 * A request without `type` is an analysis (the original protocol); the others are query calls.
 */
import type { AnalyzeOptions } from '../../src/types.js';
import type { AnswerEditRequest, ExportRequest, HandoffRequest, QueriedAnalysis } from '../queries/types.js';

/** Page -> worker: analyse `text` (the response's analysis carries each finding's query). */
export interface AnalyzeRequest {
  id: number;
  type?: 'analyze';
  text: string;
  options: AnalyzeOptions;
}

/** Page -> worker: a query call (see `QueryService`). */
export type QueryRequest =
  | { id: number; type: 'answer-edit'; request: AnswerEditRequest }
  | { id: number; type: 'handoff'; request: HandoffRequest }
  | { id: number; type: 'export'; request: ExportRequest };

/** Every page -> worker message. */
export type WorkerRequest = AnalyzeRequest | QueryRequest;

/** Worker -> page: the analysis of request `id`, the result of a query call, or why it failed. */
export type AnalyzeResponse =
  | { id: number; analysis: QueriedAnalysis }
  | { id: number; result: unknown }
  | { id: number; error: string };
