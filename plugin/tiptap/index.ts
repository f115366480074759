/**
 * `cdi-lint/tiptap`: the cdi-lint ProseMirror plugin as a Tiptap 2/3 extension, with the
 * framework-free popover (answers, "Other", dismiss) and the findings in the editor's storage.
 *
 * ```ts
 * import { Editor } from '@tiptap/core';
 * import StarterKit from '@tiptap/starter-kit';
 * import { CdiLint } from 'cdi-lint/tiptap';
 * import 'cdi-lint/styles.css';
 *
 * const editor = new Editor({ element, extensions: [StarterKit, CdiLint.configure({ setting: 'inpatient' })] });
 * editor.on('update', () => console.log(editor.storage.cdiLint.findings));
 * editor.commands.nextFinding();
 * ```
 *
 * Reads any Tiptap schema as text the way `cdi-lint/plugin` does (blocks are lines, hard breaks
 * are line breaks, marks are ignored). Analysis runs in the shared cdi-lint worker unless an
 * `analyzer` is given; the worker is `dist/worker.js` of this package, which Vite and webpack 5
 * copy with no configuration (`workerUrl` or `createWorker` otherwise; see the README).
 */
import { Extension } from '@tiptap/core';
import type { Setting } from '../../src/types.js';
import {
  cdiLint, dismissFinding, findingPopover, nextFinding, previousFinding, reanalyze, selectFinding, createWorkerAnalyzer,
} from '../index.js';
import type {
  AnalysisProvider, AnalyzerStatus, DismissReason, FindingPopoverOptions, LintFinding,
} from '../index.js';
import { defaultWorkerUrl } from '../worker/default-url.js';

/** Options of {@link CdiLint} (`CdiLint.configure({...})`). */
export interface CdiLintExtensionOptions {
  /** Where analyses come from. Default: the shared cdi-lint worker (`workerUrl`, `createWorker`). */
  analyzer: AnalysisProvider | null;
  /** URL of cdi-lint's `dist/worker.js` when the default does not resolve in your build. */
  workerUrl: string | URL | null;
  /** Starts the worker yourself (esbuild, Trusted Types); see `createWorkerAnalyzer`. */
  createWorker: (() => Worker) | null;
  /** Care setting, or a function read at each analysis. Default `inpatient`. */
  setting: Setting | (() => Setting);
  /** Quiet time after the last change before analysing, in ms. Default 250. */
  debounceMs: number;
  /** The popover that shows a finding's query and writes the chosen answer; `false` for none. Default on. */
  popover: boolean | FindingPopoverOptions;
  /** Called when the visible findings change (positions are current document positions). */
  onFindings: ((findings: readonly LintFinding[]) => void) | null;
  /** Called with the analysis status and on every change. */
  onStatus: ((status: AnalyzerStatus, error: string | null) => void) | null;
}

/** `editor.storage.cdiLint`. */
export interface CdiLintStorage {
  /** The visible findings, in document order, as of the last change. */
  findings: readonly LintFinding[];
  status: AnalyzerStatus;
  /** What failed while `status` is `error` or `retrying`. */
  error: string | null;
  /** The analyser in use (its query calls: hand-off, exports). Null before the editor is created. */
  analyzer: AnalysisProvider | null;
}

declare module '@tiptap/core' {
  interface Commands<ReturnType> {
    cdiLint: {
      /** Selects the next finding after the selection (wrapping). */
      nextFinding: () => ReturnType;
      /** Selects the previous finding before the selection (wrapping). */
      previousFinding: () => ReturnType;
      /** Selects the words of finding `id`. */
      selectFinding: (id: string) => ReturnType;
      /** Hides finding `id` while its words stay, recording why. */
      dismissFinding: (id: string, reason: DismissReason, note?: string) => ReturnType;
      /** Analyses now (e.g. after the setting changed). */
      reanalyze: () => ReturnType;
    };
  }
  interface Storage {
    cdiLint: CdiLintStorage;
  }
}

/** The cdi-lint extension for Tiptap (see the module comment). */
export const CdiLint = Extension.create<CdiLintExtensionOptions, CdiLintStorage>({
  name: 'cdiLint',

  addOptions() {
    return {
      analyzer: null,
      workerUrl: null,
      createWorker: null,
      setting: 'inpatient',
      debounceMs: 250,
      popover: true,
      onFindings: null,
      onStatus: null,
    };
  },

  addStorage() {
    return { findings: [], status: 'loading', error: null, analyzer: null };
  },

  addCommands() {
    return {
      nextFinding: () => ({ state, dispatch, view }) => nextFinding(state, dispatch, view),
      previousFinding: () => ({ state, dispatch, view }) => previousFinding(state, dispatch, view),
      selectFinding: (id) => ({ state, dispatch, view }) => selectFinding(id)(state, dispatch, view),
      dismissFinding: (id, reason, note) => ({ state, dispatch, view }) => dismissFinding(id, reason, note)(state, dispatch, view),
      reanalyze: () => ({ state, dispatch, view }) => reanalyze(state, dispatch, view),
    };
  },

  addKeyboardShortcuts() {
    return {
      'Alt-F8': () => this.editor.commands.nextFinding(),
      'Shift-Alt-F8': () => this.editor.commands.previousFinding(),
    };
  },

  addProseMirrorPlugins() {
    const options = this.options;
    const storage = this.storage;
    const analyzer =
      options.analyzer ??
      (options.createWorker
        ? createWorkerAnalyzer({ createWorker: options.createWorker })
        : createWorkerAnalyzer({ url: options.workerUrl ?? defaultWorkerUrl() }));
    storage.analyzer = analyzer;
    const plugins = [
      cdiLint({
        analyzer,
        setting: options.setting,
        debounceMs: options.debounceMs,
        onFindings: (findings) => {
          storage.findings = findings;
          options.onFindings?.(findings);
        },
        onStatus: (status, error) => {
          storage.status = status;
          storage.error = error;
          options.onStatus?.(status, error);
        },
      }),
    ];
    if (options.popover !== false) {
      plugins.push(findingPopover(options.popover === true ? {} : options.popover));
    }
    return plugins;
  },

  onDestroy() {
    // Only an analyser the extension made is released (a shared worker ends with its last user).
    if (!this.options.analyzer) this.storage.analyzer?.destroy?.();
    this.storage.analyzer = null;
  },
});

export default CdiLint;
export type { AnalysisProvider, AnalyzerStatus, DismissReason, LintFinding } from '../index.js';
