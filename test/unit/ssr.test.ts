/**
 * A server-rendering host (Next.js, Remix, Astro) imports the element in Node, where there is no
 * DOM: the entry must import without throwing (lit's Node build provides `HTMLElement`; the
 * registration is skipped without a usable `customElements`). The packed tarball is checked the
 * same way by `npm run test:embed`.
 */
import { describe, expect, it } from 'vitest';

describe('cdi-lint/cdi-editor in Node', () => {
  it('imports without a DOM and exports the element class', async () => {
    expect(typeof (globalThis as { document?: unknown }).document).toBe('undefined');
    const entry = await import('../../plugin/cdi-editor.js');
    expect(typeof entry.CdiEditor).toBe('function');
    expect(typeof entry.cdiLint).toBe('function');
  }, 60_000);

  it('imports the React wrapper and the Tiptap extension without a DOM', async () => {
    const react = await import('../../plugin/react/index.js');
    const tiptap = await import('../../plugin/tiptap/index.js');
    expect(react.CdiEditor).toBeTruthy();
    expect(tiptap.CdiLint.name).toBe('cdiLint');
  }, 60_000);
});
