/**
 * Registers `<cdi-workspace>` (once: importing this module twice, or beside another copy, is harmless).
 */
import { CdiWorkspace } from './cdi-workspace.component.js';

export { CdiWorkspace };

if (typeof customElements !== 'undefined' && !customElements.get('cdi-workspace')) customElements.define('cdi-workspace', CdiWorkspace);

declare global {
  interface HTMLElementTagNameMap {
    'cdi-workspace': CdiWorkspace;
  }
}
