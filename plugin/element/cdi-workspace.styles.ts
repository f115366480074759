/**
 * Styles of `<cdi-workspace>`. Same tokens as `<cdi-editor>` (`--cdi-color-…`, `--cdi-radius`,
 * `--cdi-font-…`), defaults through `light-dark()` so it reads on light and dark pages. Controls
 * are at least 44 px tall on touch screens and narrow layouts, 32 px otherwise.
 */
import { css } from 'lit';
import { hostStyles } from './host-styles.js';

export const workspaceStyles = [
  hostStyles,
  css`
  .workspace {
    display: grid;
    gap: 0.75rem;
    min-width: 0;
  }
  .title {
    margin: 0;
    font-size: 1.0625em;
  }
  .subheading {
    margin: 0 0 0.375rem;
    font-size: 0.9375em;
  }
  .count {
    font-weight: normal;
    color: var(--_muted);
  }
  .empty {
    margin: 0;
    color: var(--_muted);
    font-size: 0.9375em;
  }
  ul {
    margin: 0;
    padding: 0;
    list-style: none;
  }
  .status-counts {
    display: flex;
    flex-wrap: wrap;
    gap: 0.25rem 0.75rem;
    font-size: 0.875em;
  }
  .status-count {
    display: inline-flex;
    align-items: center;
    gap: 0.25rem;
  }
  .badge {
    display: inline-block;
    padding: 0 0.375rem;
    border: 1px solid currentColor;
    border-radius: 999px;
    font-size: 0.8125em;
    font-weight: 600;
    white-space: nowrap;
  }
  .badge--open {
    color: var(--_warning);
  }
  .badge--sent {
    color: var(--_info);
  }
  .badge--answered,
  .badge--auto-resolved {
    color: var(--_ok);
  }
  .badge--dismissed {
    color: var(--_muted);
    border-style: dashed;
  }
  .condition-counts {
    display: flex;
    flex-wrap: wrap;
    gap: 0.25rem 1rem;
    font-size: 0.9375em;
  }
  .cards {
    display: grid;
    gap: 0.5rem;
  }
  .card {
    padding: 0.5rem 0.625rem;
    border: 1px solid var(--_border);
    border-inline-start-width: 4px;
    border-radius: var(--cdi-radius, 0.375rem);
    background: var(--_surface);
    min-width: 0;
  }
  .card--open {
    border-inline-start-color: var(--_warning);
  }
  .card--sent {
    border-inline-start-color: var(--_info);
  }
  .card--answered,
  .card--auto-resolved {
    border-inline-start-color: var(--_ok);
  }
  .card--dismissed {
    border-inline-start-style: dashed;
  }
  .card-head {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 0.25rem 0.5rem;
  }
  .card-title {
    min-width: 0;
    overflow-wrap: anywhere;
  }
  .evidence {
    font-family: var(--cdi-editor-font-family, ui-monospace, SFMono-Regular, Menlo, Consolas, monospace);
    font-size: 0.9375em;
  }
  .statement {
    margin: 0.25rem 0 0;
    font-size: 0.9375em;
  }
  .answer-detail {
    font-weight: 600;
  }
  .codes {
    margin: 0.25rem 0 0;
    font-size: 0.8125em;
    color: var(--_muted);
    overflow-wrap: anywhere;
  }
  .codes code {
    font-weight: 700;
    color: var(--cdi-color-text, CanvasText);
  }
  .more-codes {
    font-style: italic;
  }
  .card-actions {
    display: flex;
    flex-wrap: wrap;
    gap: 0.375rem;
    margin-top: 0.375rem;
  }
  button {
    font: inherit;
    color: inherit;
  }
  .action {
    min-height: var(--_target);
    min-width: var(--_target);
    padding: 0.125rem 0.75rem;
    border: 1px solid var(--_border);
    border-radius: var(--cdi-radius, 0.375rem);
    background: transparent;
    cursor: pointer;
    font-size: 0.875em;
  }
  .action:hover:not(:disabled) {
    border-color: var(--_focus);
  }
  .action:disabled {
    cursor: default;
    opacity: 0.65;
  }
  .link {
    min-height: var(--_target);
    padding: 0;
    border: 0;
    background: transparent;
    text-align: start;
    cursor: pointer;
    text-decoration: underline;
    text-decoration-color: var(--_border);
    text-underline-offset: 0.2em;
  }
  .link:hover {
    text-decoration-color: currentColor;
  }
  button:focus-visible {
    outline: 2px solid var(--_focus);
    outline-offset: 2px;
  }
  .exports {
    display: grid;
    gap: 0.375rem;
  }
  .export-row {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 0.375rem;
  }
  .export-label {
    min-width: 5.5rem;
    font-size: 0.875em;
    color: var(--_muted);
  }
  .export-status {
    margin: 0;
    min-height: 1.5em;
    font-size: 0.875em;
    color: var(--_muted);
  }
  .visually-hidden {
    position: absolute;
    width: 1px;
    height: 1px;
    margin: -1px;
    padding: 0;
    overflow: hidden;
    clip: rect(0 0 0 0);
    white-space: nowrap;
    border: 0;
  }
  .confidence {
    margin: 0.25rem 0;
    font-style: italic;
  }
  .card--low-confidence {
    border-style: dashed;
  }
`,
];
