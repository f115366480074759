// Tiptap 3: StarterKit plus the cdi-lint extension and its default styles.
import { Editor } from '@tiptap/core';
import StarterKit from '@tiptap/starter-kit';
import { CdiLint } from 'cdi-lint/tiptap';
import 'cdi-lint/styles.css';
import { CONTENT } from './content.js';

const editor = new Editor({
  element: document.querySelector<HTMLElement>('#editor')!,
  // Tiptap's own CSS is injected as a <style> element, which a strict CSP (no 'unsafe-inline') refuses.
  injectCSS: false,
  extensions: [StarterKit, CdiLint.configure({ setting: 'inpatient' })],
  content: CONTENT,
});
(window as unknown as { __editor: Editor }).__editor = editor;
