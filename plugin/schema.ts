/**
 * The plain-text note schema used by `<cdi-editor>`: `doc > paragraph+`, paragraphs hold text
 * only (no marks, no other inline nodes). One paragraph is one line of the note, so
 * `plugin/positions.ts` maps the document to the note text as "paragraphs joined by `\n`" and
 * back, exactly.
 */
import { Fragment, Schema, Slice } from 'prosemirror-model';
import type { ResolvedPos } from 'prosemirror-model';
import { textToDoc } from './positions.js';

/**
 * `doc > paragraph+`; `paragraph` holds `text*` with no marks and preserves whitespace (tabs,
 * runs of spaces, leading and trailing blanks), rendered as `<p>`.
 */
export const noteSchema = new Schema({
  nodes: {
    doc: { content: 'paragraph+' },
    paragraph: {
      content: 'text*',
      marks: '',
      whitespace: 'pre',
      parseDOM: [{ tag: 'p', preserveWhitespace: 'full' }],
      toDOM: () => ['p', 0],
    },
    text: {},
  },
  marks: {},
});

/**
 * A `clipboardTextParser` for {@link noteSchema} editors: pasted plain text becomes one
 * paragraph per line, keeping blank lines and whitespace exactly (ProseMirror's default parser
 * collapses runs of line breaks). Pass it as the view prop `clipboardTextParser`.
 */
export function noteClipboardTextParser(text: string, $context: ResolvedPos): Slice {
  const schema = $context.doc.type.schema;
  const doc = textToDoc(schema, text);
  const single = doc.childCount === 1;
  // Open on both sides so the first and last lines join the paragraphs around the cursor.
  return new Slice(single ? doc.firstChild!.content : Fragment.from(doc.content), single ? 0 : 1, single ? 0 : 1);
}
