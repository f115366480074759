/**
 * The analysis worker's entry: loads the engine (and with it the NLP model) inside the worker and
 * answers each `AnalyzeRequest` with one `AnalyzeResponse`. If the engine cannot load, the module
 * fails to evaluate and the page sees the worker's `error` event.
 *
 * Build it as its own self-contained ES module bundle (`dist/worker.js`); see `client.ts`.
 */
import { analyze } from '../../src/index.js';
import type { AnalyzeRequest, AnalyzeResponse } from './protocol.js';

const scope = self as unknown as {
  addEventListener(type: 'message', listener: (event: MessageEvent<AnalyzeRequest>) => void): void;
  postMessage(message: AnalyzeResponse): void;
};

scope.addEventListener('message', (event) => {
  const { id, text, options } = event.data;
  let response: AnalyzeResponse;
  try {
    response = { id, analysis: analyze(text, options) };
  } catch (error) {
    response = { id, error: error instanceof Error ? error.message : String(error) };
  }
  scope.postMessage(response);
});
