/**
 * `cdiLint(options)`: the ProseMirror plugin that lints a clinical note as it is typed. Works in
 * any editor and schema (see `plugin/positions.ts` for how a document reads as text), including
 * Tiptap (wrap it with `Extension.create({ addProseMirrorPlugins: () => [cdiLint(...)] })`).
 *
 * Three layers, as in the ProseMirror lint example: the engine (behind an `AnalysisProvider`)
 * knows nothing of the editor; `state.ts` + `decorations.ts` turn findings into mapped state and a
 * `DecorationSet` without touching the DOM; this plugin wires them, and `view.ts` does the timed,
 * asynchronous work outside `apply`.
 *
 * ## How analysis stays off the keystroke path, and what is incremental
 *
 * The engine's findings are note-level: a value stated in one section (a side, a stage, an
 * acuity) resolves a finding in another, so a block cannot be judged on its own text. The plugin
 * therefore sends the whole note to the provider, once per pause in typing (debounced, 250 ms by
 * default), with at most one request in flight; in a worker that costs about 1.5 ms per 5 KB and
 * 14 ms per 50 KB, off the main thread. What is incremental is everything on the main thread:
 * between analyses, decorations and findings are only *mapped* through each transaction
 * (O(findings)); when results arrive they are diffed against the current findings by kind,
 * family, severity and position, so unchanged findings keep their ids and decorations and only
 * the decorations of findings that appeared or went away are added or removed; ProseMirror
 * then redraws only the blocks whose decorations changed.
 *
 * ## Stale results
 *
 * Each request records (in the plugin state) the mapping of every transaction since it read the
 * document. Its results are mapped through that mapping and kept only where the current document
 * still reads the finding's exact text; anything else is dropped, never placed at a guess.
 */
import { Plugin } from 'prosemirror-state';
import type { EditorState, Transaction } from 'prosemirror-state';
import { closeHistory } from 'prosemirror-history';
import { Mapping } from 'prosemirror-transform';
import { applyTransaction, cdiLintKey, initialState } from './state.js';
import { CdiLintView } from './view.js';
import { LedgerStep } from './ledger-step.js';
import { suspensions } from './suspension.js';
import type { CdiLintAction, CdiLintOptions, CdiLintState } from './types.js';

/** The cdi-lint plugin (see the module comment). Its state is under {@link cdiLintKey}. */
export function cdiLint(options: CdiLintOptions): Plugin<CdiLintState> {
  if (!options?.analyzer || typeof options.analyzer.analyze !== 'function') {
    throw new TypeError('cdi-lint: cdiLint({ analyzer }) needs an analyzer with an analyze(text, options) method');
  }
  return new Plugin<CdiLintState>({
    key: cdiLintKey,
    state: {
      init: () => initialState(),
      apply: (tr, value, _old, newState) => applyTransaction(value, tr, newState.doc),
    },
    props: {
      decorations: (state) => cdiLintKey.getState(state)?.decorations,
    },
    appendTransaction,
    view: (view) => new CdiLintView(view, options),
  });
}

/**
 * An answer, a dismissal and a restore are each their own undo step: the history group is closed
 * after them as well as before. An ordinary edit that broke the words of an answer or a dismissal
 * gets a `LedgerStep` that suspends them, appended to the same undo event, so undoing the edit
 * resumes them (see `suspension.ts`; an answer's own transaction carries its suspensions itself,
 * and a redo carries the step it had).
 */
function appendTransaction(transactions: readonly Transaction[], oldState: EditorState, newState: EditorState): Transaction | null {
  if (transactions.some((tr) => (tr.getMeta(cdiLintKey) as CdiLintAction | undefined)?.type === 'answered' || tr.steps.some((s) => s instanceof LedgerStep))) {
    return closeHistory(newState.tr);
  }
  const before = cdiLintKey.getState(oldState);
  if (!before || !transactions.some((tr) => tr.docChanged) || (before.ledger.length === 0 && before.dismissals.length === 0)) return null;
  const mapping = new Mapping();
  for (const tr of transactions) mapping.appendMapping(tr.mapping);
  const ops = suspensions(before, oldState.doc, newState.doc, mapping, new Set());
  return ops.length > 0 ? newState.tr.step(new LedgerStep(ops)) : null;
}
