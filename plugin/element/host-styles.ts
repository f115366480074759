/**
 * What `<cdi-editor>` and `<cdi-workspace>` share at their host: the colour tokens (each
 * `--cdi-color-…` custom property, defaulting through `light-dark()` so both read on light and
 * dark pages), the font, the touch-target size (44 px on touch screens and narrow layouts, WCAG
 * 2.5.5; 2rem otherwise) and `box-sizing`. Each component adds its own rules after these.
 */
import { css } from 'lit';

export const hostStyles = css`
  :host {
    --_warning: var(--cdi-color-warning, light-dark(#9a3412, #fdba74));
    --_info: var(--cdi-color-info, light-dark(#1d4ed8, #93c5fd));
    --_border: var(--cdi-color-border, light-dark(#6b7280, #9ca3af));
    --_focus: var(--cdi-color-focus, light-dark(#1d4ed8, #93c5fd));
    --_muted: var(--cdi-color-muted, light-dark(#4b5563, #d1d5db));
    --_surface: var(--cdi-color-surface, transparent);
    --_ok: var(--cdi-color-ok, light-dark(#166534, #86efac));
    --_target: 2rem;
    display: block;
    container-type: inline-size;
    color: var(--cdi-color-text, inherit);
    font-family: var(--cdi-font-family, inherit);
    font-size: var(--cdi-font-size, 1rem);
    line-height: var(--cdi-line-height, 1.5);
  }
  :host([hidden]) {
    display: none;
  }
  @media (pointer: coarse), (max-width: 40rem) {
    :host {
      --_target: 44px;
    }
  }
  *,
  *::before,
  *::after {
    box-sizing: border-box;
  }
`;
