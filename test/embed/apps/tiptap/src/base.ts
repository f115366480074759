// Baseline for the size comparison: the same editor without cdi-lint.
import { Editor } from '@tiptap/core';
import StarterKit from '@tiptap/starter-kit';
import { CONTENT } from './content.js';

new Editor({ element: document.querySelector<HTMLElement>('#editor')!, injectCSS: false, extensions: [StarterKit], content: CONTENT });
