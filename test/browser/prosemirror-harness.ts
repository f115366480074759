/**
 * Helpers for browser tests of the plugin in a plain ProseMirror editor (no element): a mounted
 * view with the cdi-lint plugin on the inline analyser, and waiting for its analysis to settle
 * (on state, never on sleeps).
 */
import type { Plugin } from 'prosemirror-state';
import { EditorState } from 'prosemirror-state';
import { EditorView } from 'prosemirror-view';
import { history } from 'prosemirror-history';
import { cdiLint, cdiLintKey, reanalyze } from '../../plugin/prosemirror/index.js';
import { createInlineAnalyzer } from '../../plugin/prosemirror/inline-analyzer.js';
import { textToDoc } from '../../plugin/positions.js';
import { noteSchema } from '../../plugin/schema.js';

/** A view of `text` with `plugins` (default: history) and then cdi-lint (no debounce), analysed. */
export async function mountPlain(text: string, plugins: Plugin[] = [history()]): Promise<EditorView> {
  const place = document.createElement('div');
  place.style.whiteSpace = 'pre-wrap';
  document.body.append(place);
  const view = new EditorView(place, {
    state: EditorState.create({
      doc: textToDoc(noteSchema, text),
      plugins: [...plugins, cdiLint({ analyzer: createInlineAnalyzer(), debounceMs: 0 })],
    }),
  });
  await analysed(view);
  return view;
}

/** Analyses the note now and resolves once the result is in. */
export async function analysed(view: EditorView): Promise<void> {
  reanalyze(view.state, view.dispatch);
  for (let i = 0; i < 1000; i++) {
    await new Promise((r) => setTimeout(r, 0));
    const s = cdiLintKey.getState(view.state)!;
    if (s.pending === null && s.status === 'ready') return;
  }
  throw new Error('no analysis');
}
