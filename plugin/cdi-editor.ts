/**
 * `cdi-lint/cdi-editor`: registers `<cdi-editor>` ({@link CdiEditor}) on import and exports it
 * with its event types, plus everything of `cdi-lint/plugin`.
 *
 * Safe to import where there is no DOM (server rendering in Next.js, Remix, Astro): the package
 * build imports `lit` by name, whose Node build provides `HTMLElement`, and registration is
 * skipped where there is no `customElements`. The element upgrades in the browser.
 */
export { CdiEditor } from './element/cdi-editor.js';
export { CdiWorkspace } from './element/cdi-workspace.js';
export type { WorkspaceSource } from './element/workspace-tracker.js';
export type { QueryStatus, WorkspaceRow } from './element/workspace-model.js';
export type { ExportKind, ExportSink } from './element/export-buttons.js';
export type { AnalysisMode, EditorViewMode } from './element/cdi-editor.component.js';
export * from './element/events.js';
export * from './index.js';
