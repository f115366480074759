/**
 * The page of the editor benchmark (bundled by test/bench/editor.mjs): two ProseMirror editors
 * over the same 20 KB note, one bare and one with the cdi-lint plugin (worker analyzer), plus a
 * `<cdi-editor>`, and the in-page probes the script reads. `setup(note, suffix)` adds another
 * pair (`bare<suffix>`, `plugin<suffix>`), e.g. over a 200 KB note; `remove` takes a pair away.
 */
import { EditorState } from 'prosemirror-state';
import type { Plugin, Transaction } from 'prosemirror-state';
import { EditorView } from 'prosemirror-view';
import { baseKeymap } from 'prosemirror-commands';
import { history, undo } from 'prosemirror-history';
import { keymap } from 'prosemirror-keymap';
import { cdiLint, cdiLintKey, createWorkerAnalyzer, getFindings } from '../../plugin/prosemirror/index.js';
import { textToDoc } from '../../plugin/positions.js';
import { noteSchema } from '../../plugin/schema.js';
import '../../plugin/element/cdi-editor.js';

/** Same debounce as `<cdi-editor>`. */
const DEBOUNCE_MS = 120;

interface Probe {
  /** Keydown → state applied and layout flushed, per keystroke, ms. */
  keystrokes: number[];
  /** Time of the last keydown (performance.now() clock). */
  lastKey: number;
  /** Long tasks (ms) seen while this editor had focus. */
  longTasks: number[];
  /** True once an analysis was requested after the last keydown. */
  requestedAfterKey: boolean;
  /** Resolves with keydown → results applied, for the first results requested after the last keydown. */
  settled?: (ms: number) => void;
}

const probes: Record<string, Probe> = {};
let focused: string | undefined;

new PerformanceObserver((list) => {
  for (const entry of list.getEntries()) if (focused) probes[focused]!.longTasks.push(entry.duration);
}).observe({ type: 'longtask', buffered: false });

function makeEditor(name: string, note: string, withPlugin: boolean): EditorView {
  const probe: Probe = { keystrokes: [], lastKey: 0, longTasks: [], requestedAfterKey: false };
  probes[name] = probe;
  const host = document.createElement('div');
  host.className = 'editor';
  host.id = name;
  document.body.append(host);
  const plugins: Plugin[] = [history(), keymap({ 'Mod-z': undo }), keymap(baseKeymap)];
  if (withPlugin) {
    plugins.push(
      cdiLint({
        analyzer: createWorkerAnalyzer({ url: new URL('./worker.js', location.href) }),
        debounceMs: DEBOUNCE_MS,
      }),
    );
  }
  host.addEventListener('keydown', (e) => {
    probe.lastKey = e.timeStamp;
    probe.requestedAfterKey = false;
  }, true);
  host.addEventListener('focusin', () => (focused = name));
  const view: EditorView = new EditorView(host, {
    state: EditorState.create({ doc: textToDoc(noteSchema, note), plugins }),
    dispatchTransaction(tr: Transaction) {
      view.updateState(view.state.apply(tr));
      const action = tr.getMeta(cdiLintKey) as { type: string } | undefined;
      if (action?.type === 'request') probe.requestedAfterKey = true;
      if (action?.type === 'results' && probe.requestedAfterKey && probe.settled) {
        void view.dom.getBoundingClientRect(); // decorations drawn
        const settled = probe.settled;
        probe.settled = undefined;
        settled(performance.now() - probe.lastKey);
      }
      if (tr.docChanged) {
        void view.dom.getBoundingClientRect(); // flush layout: the keystroke's full synchronous cost
        probe.keystrokes.push(performance.now() - probe.lastKey);
      }
    },
  });
  return view;
}

const views: Record<string, EditorView> = {};

declare global {
  interface Window {
    bench: typeof bench;
  }
}

const bench = {
  setup(note: string, suffix = ''): void {
    views[`bare${suffix}`] = makeEditor(`bare${suffix}`, note, false);
    views[`plugin${suffix}`] = makeEditor(`plugin${suffix}`, note, true);
  },
  /** Destroys the editors `bare<suffix>` and `plugin<suffix>` and removes them from the page. */
  remove(suffix: string): void {
    for (const name of [`bare${suffix}`, `plugin${suffix}`]) {
      const view = views[name];
      if (!view) continue;
      view.destroy();
      document.getElementById(name)?.remove();
      delete views[name];
      delete probes[name];
      if (focused === name) focused = undefined;
    }
  },
  /** Resolves once the plugin editor `name` has its first findings (the worker and model are loaded). */
  ready(name = 'plugin'): Promise<number> {
    return new Promise((resolve) => {
      const poll = (): void => {
        const n = getFindings(views[name]!.state).length;
        if (n > 0) resolve(n);
        else requestAnimationFrame(poll);
      };
      poll();
    });
  },
  caretToEnd(name: string): void {
    const view = views[name]!;
    view.focus();
    view.dispatch(view.state.tr.setSelection((view.state.selection.constructor as typeof import('prosemirror-state').TextSelection).atEnd(view.state.doc)));
    probes[name]!.keystrokes = [];
  },
  /** Arms the wait: resolves with last keydown → decorations updated for the text as last typed. */
  settle(name: string): Promise<number> {
    return new Promise((resolve) => (probes[name]!.settled = resolve));
  },
  take(name: string): { keystrokes: number[]; longTasks: number[] } {
    const probe = probes[name]!;
    const out = { keystrokes: probe.keystrokes, longTasks: probe.longTasks };
    probe.keystrokes = [];
    probe.longTasks = [];
    return out;
  },
  length(name: string): number {
    return views[name]!.state.doc.textContent.length;
  },
};
window.bench = bench;
