/**
 * The analysis worker's entry: loads the engine (and with it the NLP model) inside the worker and
 * answers each request with one response: analyses (each finding with its compliant query), and
 * the query calls (answer edits, hand-off, exports). If the engine cannot load, the module fails
 * to evaluate and the page sees the worker's `error` event.
 *
 * Build it as its own self-contained ES module bundle (`dist/worker.js`); see `client.ts`.
 */
import { analyzeWithQueries, answerEdit, exportOf, handoffOf } from '../queries/service.js';
import type { AnalyzeResponse, WorkerRequest } from './protocol.js';

const scope = self as unknown as {
  addEventListener(type: 'message', listener: (event: MessageEvent<WorkerRequest>) => void): void;
  postMessage(message: AnalyzeResponse): void;
};

function respond(message: WorkerRequest): AnalyzeResponse {
  switch (message.type) {
    case undefined:
    case 'analyze':
      return { id: message.id, analysis: analyzeWithQueries(message.text, message.options) };
    case 'answer-edit':
      return { id: message.id, result: answerEdit(message.request) };
    case 'handoff':
      return { id: message.id, result: handoffOf(message.request) };
    case 'export':
      return { id: message.id, result: exportOf(message.request) };
    default:
      throw new Error(`unknown request type ${JSON.stringify((message as { type: unknown }).type)}`);
  }
}

scope.addEventListener('message', (event) => {
  let response: AnalyzeResponse;
  try {
    response = respond(event.data);
  } catch (error) {
    response = { id: event.data.id, error: error instanceof Error ? error.message : String(error) };
  }
  scope.postMessage(response);
});
