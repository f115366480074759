/**
 * cdi-lint: the analysis engine. Pure and synchronous; no DOM.
 *
 * `analyze(text, options)` reads a clinical note and returns its specificity findings.
 */
export { analyze } from './analyze.js';
export { defaultVisible } from './rules/confidence.js';
export * from './types.js';
export * from './queries/index.js';
