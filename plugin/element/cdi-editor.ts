/**
 * Registers `<cdi-editor>` (once: importing this module twice, or beside another copy, is harmless).
 */
import { CdiEditor } from './cdi-editor.component.js';

export { CdiEditor };

if (!customElements.get('cdi-editor')) customElements.define('cdi-editor', CdiEditor);

declare global {
  interface HTMLElementTagNameMap {
    'cdi-editor': CdiEditor;
  }
}
