/**
 * The plugin view: the only part that runs on a timer or talks to the analysis provider. It never
 * touches the document; it dispatches meta actions for the reducer (`state.ts`) and calls the
 * host's `onFindings` / `onStatus` hooks.
 *
 * Scheduling: every document change (re)starts a `debounceMs` timer. When it fires, the view reads
 * the document's text once (a `TextMap`), dispatches `request`, and sends the text to the
 * provider. At most one request is in flight: changes made meanwhile only mark the view dirty, and
 * the next request goes out as soon as the current one settles. Results come back as positions in
 * the document that was read; the reducer maps them forward through the pending mapping.
 *
 * Failures (rejection, worker crash, timeout) set status `error` and schedule a retry with
 * exponential backoff (`retrying` while it is in flight); the document is never touched, and
 * edits made meanwhile are picked up by the retry, which reads the document afresh.
 */
import type { EditorView } from 'prosemirror-view';
import type { EditorState, PluginView } from 'prosemirror-state';
import type { Setting } from '../../src/types.js';
import { textMap } from '../positions.js';
import type { TextMap } from '../positions.js';
import type { QueriedAnalysis } from '../queries/types.js';
import { cdiLintKey, placeFindings } from './state.js';
import type { CdiLintAction, CdiLintOptions, CdiLintState } from './types.js';

/** Default quiet time before analysing, in ms. */
export const DEFAULT_DEBOUNCE_MS = 250;
const DEFAULT_RETRY_MS = 500;
const DEFAULT_MAX_RETRY_MS = 30_000;

/** Request ids are unique across views, so a recreated view never matches an older view's pending request. */
let lastRequestId = 0;

/** See the module comment. */
export class CdiLintView implements PluginView {
  private timer: ReturnType<typeof setTimeout> | undefined;
  private retryTimer: ReturnType<typeof setTimeout> | undefined;
  private inFlight: { id: number; map: TextMap } | undefined;
  private dirty = false;
  private failures = 0;
  private destroyed = false;

  constructor(
    private readonly view: EditorView,
    private readonly options: CdiLintOptions,
  ) {
    const state = this.pluginState(view.state);
    if (state) options.onStatus?.(state.status, state.error);
    this.schedule(0);
  }

  update(view: EditorView, previous: EditorState): void {
    const state = this.pluginState(view.state);
    const before = this.pluginState(previous);
    if (!state) return;
    if (view.state.doc !== previous.doc) this.schedule(this.options.debounceMs ?? DEFAULT_DEBOUNCE_MS);
    if (before && state.refresh !== before.refresh) this.schedule(0);
    if (!before || state.revision !== before.revision) {
      this.options.onFindings?.(state.findings);
    }
    if (!before || state.status !== before.status || state.error !== before.error) {
      this.options.onStatus?.(state.status, state.error);
    }
  }

  destroy(): void {
    this.destroyed = true;
    clearTimeout(this.timer);
    clearTimeout(this.retryTimer);
  }

  private pluginState(state: EditorState): CdiLintState | undefined {
    return cdiLintKey.getState(state);
  }

  private dispatch(action: CdiLintAction): void {
    if (this.destroyed || !this.pluginState(this.view.state)) return;
    this.view.dispatch(this.view.state.tr.setMeta(cdiLintKey, action).setMeta('addToHistory', false));
  }

  private schedule(delay: number): void {
    clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timer = undefined;
      this.run(false);
    }, delay);
  }

  private setting(): Setting {
    const { setting } = this.options;
    return (typeof setting === 'function' ? setting() : setting) ?? 'inpatient';
  }

  private run(retry: boolean): void {
    if (this.destroyed) return;
    if (this.inFlight) {
      this.dirty = true;
      return;
    }
    if (this.retryTimer !== undefined && !retry) return; // backing off: the retry reads the latest doc
    this.dirty = false;
    const map = textMap(this.view.state.doc);
    const id = ++lastRequestId;
    this.inFlight = { id, map };
    this.dispatch({ type: 'request', id, retry });
    let analysis;
    try {
      analysis = Promise.resolve(this.options.analyzer.analyze(map.text, { setting: this.setting() }));
    } catch (error) {
      analysis = Promise.reject(error);
    }
    analysis.then(
      (result) => {
        if (this.destroyed || this.inFlight?.id !== id) return;
        this.inFlight = undefined;
        this.failures = 0;
        const { queries } = result as QueriedAnalysis;
        this.dispatch({ type: 'results', id, findings: placeFindings(result.findings, map, queries) });
        if (this.dirty) this.run(false);
      },
      (error: unknown) => {
        if (this.destroyed || this.inFlight?.id !== id) return;
        this.inFlight = undefined;
        this.failures++;
        this.dispatch({ type: 'failed', id, error: describe(error) });
        const initial = this.options.retry?.initialDelayMs ?? DEFAULT_RETRY_MS;
        const max = this.options.retry?.maxDelayMs ?? DEFAULT_MAX_RETRY_MS;
        const delay = Math.min(max, initial * 2 ** (this.failures - 1));
        this.retryTimer = setTimeout(() => {
          this.retryTimer = undefined;
          this.run(true);
        }, delay);
      },
    );
  }
}

function describe(error: unknown): string {
  if (error instanceof Error) return error.message || error.name;
  return typeof error === 'string' ? error : 'analysis failed';
}
