/**
 * Styles of `<cdi-editor>`, inside its shadow root (document CSS does not reach ProseMirror there).
 *
 * Theming layers: the `--cdi-…` custom properties below (set them on the element or any ancestor),
 * then `::part(…)` for anything else. Defaults follow the page's `color-scheme` through
 * `light-dark()`, and text takes the page's colour, so the element reads on light and dark pages.
 */
import { css } from 'lit';
import { hostStyles } from './host-styles.js';

export const editorStyles = [
  hostStyles,
  css`
  :host {
    --_popover-bg: var(--cdi-popover-background, light-dark(#ffffff, #1f2937));
    --_popover-fg: var(--cdi-popover-color, light-dark(#111827, #f9fafb));
    --_highlight: var(--cdi-color-highlight, light-dark(rgb(180 83 9 / 0.12), rgb(253 186 116 / 0.18)));
  }

  .base {
    display: grid;
    grid-template-columns: minmax(0, 1fr) var(--cdi-panel-width, 20rem);
    gap: var(--cdi-gap, 1rem);
    align-items: start;
  }
  @container (max-width: 40rem) {
    .base {
      grid-template-columns: minmax(0, 1fr);
    }
  }
  .note {
    position: relative;
    min-width: 0;
  }

  /* ProseMirror's own rules, needed for a plain-text editor to keep spaces, tabs and blank lines. */
  .editor {
    position: relative;
    min-height: var(--cdi-editor-min-height, 12rem);
    max-height: var(--cdi-editor-max-height, none);
    overflow-y: auto;
    padding: var(--cdi-editor-padding, 0.75rem);
    border: 1px solid var(--_border);
    border-radius: var(--cdi-radius, 0.375rem);
    background: var(--_surface);
    font-family: var(--cdi-editor-font-family, ui-monospace, SFMono-Regular, Menlo, Consolas, monospace);
    word-wrap: break-word;
    white-space: pre-wrap;
    white-space: break-spaces;
    tab-size: 4;
    font-variant-ligatures: none;
    font-feature-settings: 'liga' 0;
    outline: none;
  }
  .editor:focus-visible,
  .editor:focus {
    border-color: var(--_focus);
    box-shadow: 0 0 0 2px var(--_focus);
  }
  .editor p {
    margin: 0;
  }
  .editor.ProseMirror-hideselection *::selection {
    background: transparent;
  }
  .editor.ProseMirror-hideselection {
    caret-color: transparent;
  }
  .editor[data-empty]::before {
    content: attr(data-placeholder);
    position: absolute;
    color: var(--_muted);
    pointer-events: none;
  }
  :host([readonly]) .editor {
    border-style: dashed;
  }

  /* Underlined findings: the style of the line, not only its colour, tells the severity. */
  .editor .cdi-finding {
    text-decoration-line: underline;
    text-decoration-thickness: 2px;
    text-underline-offset: 0.2em;
    text-decoration-skip-ink: none;
    cursor: help;
  }
  .editor .cdi-finding--warning {
    text-decoration-style: wavy;
    text-decoration-color: var(--_warning);
  }
  .editor .cdi-finding--info {
    text-decoration-style: dotted;
    text-decoration-color: var(--_info);
  }
  /* A low-confidence finding (shown in the cdi view or with show-low-confidence): a thinner, dashed line. */
  .editor .cdi-finding--low-confidence {
    text-decoration-style: dashed;
    text-decoration-thickness: 1px;
  }
  .editor .cdi-finding--active {
    background: var(--_highlight);
    border-radius: 2px;
  }

  .status {
    margin: 0.25rem 0 0;
    min-height: 1.5em;
    font-size: 0.875em;
    color: var(--_muted);
  }

  /* Placed by Floating UI (top, left and max sizes set through the CSSOM). */
  .popover {
    position: absolute;
    top: 0;
    left: 0;
    z-index: 1000;
    width: max-content;
    max-width: min(28rem, calc(100vw - 16px));
    max-height: var(--cdi-popover-max-height, calc(100vh - 16px));
    overflow-y: auto;
    padding: 0.75rem;
    border: 1px solid var(--_border);
    border-radius: var(--cdi-radius, 0.375rem);
    background: var(--_popover-bg);
    color: var(--_popover-fg);
    box-shadow: 0 4px 16px rgb(0 0 0 / 0.2);
    font-size: 0.9375em;
  }
  /* Narrow screens: a bottom sheet across the viewport (placed by Floating UI against its bottom edge). */
  .popover.popover--sheet {
    max-width: none;
    max-height: 85vh;
    border-radius: var(--cdi-radius, 0.375rem) var(--cdi-radius, 0.375rem) 0 0;
    border-width: 1px 0 0;
    padding: 0.75rem 1rem calc(0.75rem + env(safe-area-inset-bottom, 0px));
    box-shadow: 0 -4px 24px rgb(0 0 0 / 0.3);
  }
  .popover p {
    margin: 0 0 0.5rem;
  }
  .popover-title {
    display: flex;
    gap: 0.375rem;
    align-items: baseline;
  }
  .popover .close {
    margin-inline-start: auto;
    min-width: var(--_target);
  }
  /* Indicators: one line each (the whole quotation is still in the text, for screen readers and on hover). */
  .popover .indicators li {
    list-style-position: inside;
    overflow: hidden;
    white-space: nowrap;
    text-overflow: ellipsis;
  }
  .more {
    flex-basis: 100%;
  }
  .more summary {
    display: inline-flex;
    align-items: center;
    min-height: var(--_target);
    padding: 0.125rem 0.5rem;
    border: 1px dashed var(--_border);
    border-radius: var(--cdi-radius, 0.375rem);
    cursor: pointer;
    list-style: none;
  }
  .more summary::-webkit-details-marker {
    display: none;
  }
  .more[open] summary {
    border-style: solid;
  }
  .more summary:focus-visible {
    outline: 2px solid var(--_focus);
    outline-offset: 1px;
  }
  .more > .choices {
    margin-top: 0.25rem;
  }
  .popover fieldset {
    margin: 0 0 0.5rem;
    padding: 0;
    border: 0;
  }
  .popover legend {
    padding: 0;
    margin-bottom: 0.25rem;
    font-weight: 600;
  }
  .choices {
    display: flex;
    flex-wrap: wrap;
    gap: 0.25rem;
  }
  button,
  select {
    font: inherit;
    color: inherit;
  }
  .popover button,
  .popover select {
    min-height: var(--_target);
    padding: 0.125rem 0.5rem;
    border: 1px solid var(--_border);
    border-radius: var(--cdi-radius, 0.375rem);
    background: transparent;
    cursor: pointer;
  }
  .popover select option {
    background: var(--_popover-bg);
    color: var(--_popover-fg);
  }
  .popover button:hover {
    border-color: var(--_focus);
  }
  button:focus-visible,
  select:focus-visible {
    outline: 2px solid var(--_focus);
    outline-offset: 1px;
  }
  .query {
    margin: 0.5rem 0;
  }
  .question {
    margin: 0 0 0.25rem;
  }
  .indicators-title {
    margin: 0;
    font-size: 0.875em;
  }
  .indicators {
    margin: 0 0 0.5rem;
    padding-inline-start: 1.25rem;
    font-family: var(--cdi-editor-font-family, ui-monospace, SFMono-Regular, Menlo, Consolas, monospace);
    font-size: 0.875em;
  }
  .popover .option[aria-pressed='true'] {
    border-color: var(--_focus);
    border-width: 2px;
    font-weight: 600;
  }
  .popover .option--other,
  .popover .option--undetermined,
  .popover .option--not-significant {
    border-style: dashed;
  }
  .other {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 0.25rem;
    margin-top: 0.25rem;
  }
  .other input {
    min-height: var(--_target);
    font: inherit;
    color: inherit;
    background: transparent;
    border: 1px solid var(--_border);
    border-radius: var(--cdi-radius, 0.375rem);
    padding: 0.125rem 0.25rem;
    min-width: 12rem;
  }
  .other input:focus-visible {
    outline: 2px solid var(--_focus);
    outline-offset: 1px;
  }
  .hint {
    font-size: 0.875em;
  }
  .send {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 0.5rem;
  }
  .panel-query {
    display: block;
    margin-top: 0.25rem;
    font-size: 0.875em;
  }
  .panel-query > span {
    display: block;
  }
  .panel-query summary {
    display: inline-flex;
    min-width: var(--_target);
    align-items: center;
    min-height: var(--_target);
    cursor: pointer;
    color: var(--_muted);
  }
  .panel-query summary:focus-visible {
    outline: 2px solid var(--_focus);
    outline-offset: 1px;
  }
  .panel-indicators q {
    font-family: var(--cdi-editor-font-family, ui-monospace, SFMono-Regular, Menlo, Consolas, monospace);
  }
  .dismiss {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 0.25rem;
    margin-top: 0.5rem;
  }

  .panel,
  .side {
    min-width: 0;
  }
  /* What an option will write, shown before it is chosen. */
  .popover .option .preview {
    display: block;
    font-size: 0.8125em;
    font-weight: 400;
    color: var(--_muted);
  }
  .other-preview {
    flex-basis: 100%;
    font-size: 0.875em;
  }
  .dismissed {
    margin-top: 0.75rem;
    font-size: 0.9375em;
  }
  .dismissed summary {
    cursor: pointer;
    font-weight: 600;
  }
  .dismissed-list {
    margin: 0.25rem 0 0;
    padding: 0;
    list-style: none;
  }
  .dismissed-list li {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 0.25rem 0.5rem;
    padding: 0.25rem 0;
    border-bottom: 1px solid var(--_border);
  }
  .dismissed-reason {
    color: var(--_muted);
    font-size: 0.875em;
  }
  .dismissed .restore {
    margin-inline-start: auto;
    font: inherit;
    color: inherit;
    background: transparent;
    border: 1px solid var(--_border);
    border-radius: var(--cdi-radius, 0.375rem);
    padding: 0.125rem 0.5rem;
    min-height: 2rem;
    cursor: pointer;
  }
  .dismissed .restore:focus-visible {
    outline: 2px solid var(--_focus);
    outline-offset: 2px;
  }
  .panel h2 {
    margin: 0 0 0.5rem;
    font-size: 1em;
  }
  .summary {
    margin: 0 0 0.5rem;
    padding: 0;
    list-style: none;
    display: flex;
    flex-wrap: wrap;
    gap: 0.25rem 0.75rem;
    font-size: 0.875em;
  }
  .list {
    margin: 0;
    padding: 0;
    list-style: none;
    display: grid;
    gap: 0.5rem;
  }
  .item {
    display: block;
    padding: 0.5rem;
    border: 1px solid var(--_border);
    border-inline-start-width: 4px;
    border-radius: var(--cdi-radius, 0.375rem);
  }
  .item-title {
    display: block;
    width: 100%;
    min-height: var(--_target);
    padding: 0;
    border: 0;
    background: transparent;
    text-align: start;
    cursor: pointer;
  }
  .item-title:hover strong {
    text-decoration: underline;
  }
  .item-detail {
    display: block;
  }
  .item--warning {
    border-inline-start-color: var(--_warning);
  }
  .item--info {
    border-inline-start-color: var(--_info);
    border-inline-start-style: dotted;
  }
  .item:hover,
  .item:focus-within {
    border-color: var(--_focus);
  }
  .severity {
    font-weight: 600;
  }
  .severity--warning {
    color: var(--_warning);
  }
  .severity--info {
    color: var(--_info);
  }
  .evidence {
    display: block;
    font-family: var(--cdi-editor-font-family, ui-monospace, SFMono-Regular, Menlo, Consolas, monospace);
  }
  .confidence {
    display: block;
    font-style: italic;
    color: var(--_muted, inherit);
  }
  .item--low-confidence {
    border-inline-start-style: dashed;
  }
  .message {
    display: block;
    margin-top: 0.25rem;
  }
  .codes {
    display: block;
    margin-top: 0.25rem;
    font-size: 0.875em;
  }
  .codes-candidates {
    display: block;
  }
  .codes code {
    font-weight: 600;
  }
  .empty {
    color: var(--_muted);
    margin: 0;
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
`,
];
