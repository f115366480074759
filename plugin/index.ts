/**
 * cdi-lint/plugin: the DOM-facing side of cdi-lint.
 *
 * - `<cdi-editor>` ({@link CdiEditor}), registered on import: a plain-text note editor that
 *   underlines findings, lists them in a panel and offers each finding's compliant query (drafted
 *   where the analysis runs) in a popover; hand-off, exports and an audit trail.
 * - `<cdi-workspace>` ({@link CdiWorkspace}), registered on import: the CDI specialist's view of one
 *   editor (queries with status, codes, counts by condition, dismissed findings, exports).
 * - The ProseMirror plugin (`cdiLint`, its key, state and commands) and the text/position mapping,
 *   for hosts that bring their own editor.
 * - `createWorkerAnalyzer`: analysis in a Web Worker (the element's default).
 *
 * Nothing here imports the engine at run time, so this bundle never holds the language model
 * (about 1 MB gzip): the worker loads it. The in-thread analyser, which does, is the separate
 * entry plugin/prosemirror/inline-analyzer.ts (`dist/plugin-inline.js`); the element loads it on
 * demand for `analysis="inline"`.
 */
export { CdiEditor } from './element/cdi-editor.js';
export { CdiWorkspace } from './element/cdi-workspace.js';
export type { WorkspaceSource } from './element/workspace-tracker.js';
export type { QueryStatus, WorkspaceRow } from './element/workspace-model.js';
export type { ExportKind, ExportSink } from './element/export-buttons.js';
export type { AnalysisMode, EditorViewMode } from './element/cdi-editor.component.js';
export * from './element/events.js';
export * from './prosemirror/index.js';
export { noteSchema, noteClipboardTextParser } from './schema.js';
export { docToText, textToDoc, textMap, textBetween, TextMap } from './positions.js';
export type { LeafText, PositionRange } from './positions.js';
export type * from '../src/types.js';
