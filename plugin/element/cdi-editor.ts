/**
 * Registers `<cdi-editor>` (once: importing this module twice, or beside another copy, is harmless;
 * importing it without a DOM, as a server does, registers nothing and does not throw).
 */
import { CdiEditor } from './cdi-editor.component.js';

export { CdiEditor };

// Where there is no registry (a server rendering the page), nothing is registered; the browser upgrades it.
if (typeof customElements !== 'undefined' && !customElements.get('cdi-editor')) customElements.define('cdi-editor', CdiEditor);

declare global {
  interface HTMLElementTagNameMap {
    'cdi-editor': CdiEditor;
  }
}
