/**
 * `cdi-lint/plugin`: cdi-lint for any ProseMirror editor (Tiptap included), with no Lit and no
 * element: the plugin (`cdiLint`, its key, state and commands), the worker analysis provider, the
 * text/position mapping, `answerFinding` and a framework-free popover. Pair it with the default
 * styles, `cdi-lint/styles.css`.
 *
 * Nothing here imports the engine at run time, so a host's bundle of this entry never holds the
 * language model (about 1 MB gzip): the worker loads it. The in-thread analyser, which does, is
 * the separate entry `cdi-lint/plugin/inline`. `<cdi-editor>` is `cdi-lint/cdi-editor`.
 */
export * from './prosemirror/index.js';
export { noteSchema, noteClipboardTextParser } from './schema.js';
export { docToText, textToDoc, textMap, textBetween, TextMap } from './positions.js';
export type { LeafText, PositionRange } from './positions.js';
export type * from '../src/types.js';
