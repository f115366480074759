/**
 * The plain-text note schema used by `<cdi-editor>`: `doc > paragraph+`, paragraphs hold text
 * only (no marks, no other inline nodes). One paragraph is one line of the note, so
 * `plugin/positions.ts` maps the document to the note text as "paragraphs joined by `\n`" and
 * back, exactly.
 */
import { DOMParser, Fragment, Schema, Slice } from 'prosemirror-model';
import type { Node as PMNode, ParseOptions, ResolvedPos } from 'prosemirror-model';
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

/**
 * The `clipboardParser` of {@link noteSchema} editors: pasted HTML as the schema's rules read it,
 * except that a table keeps its words apart. Each row becomes a line and its cells are separated
 * by a space; without this the cells of a table (not block elements to ProseMirror) run together,
 * `<td>Na</td><td>128</td>` reading as `Na128`. Pass it as the view prop `clipboardParser`.
 */
class NoteClipboardParser extends DOMParser {
  override parseSlice(dom: globalThis.Node, options?: ParseOptions): Slice {
    // `dom` is ProseMirror's inert copy of the clipboard HTML (a detached document), ours to change.
    if ('querySelectorAll' in dom) {
      for (const cell of (dom as ParentNode).querySelectorAll('td, th')) if (cell.nextElementSibling) cell.append(' ');
    }
    return super.parseSlice(dom, options);
  }
}

/** See {@link NoteClipboardParser}. */
export const noteClipboardParser: DOMParser = new NoteClipboardParser(noteSchema, [
  ...DOMParser.fromSchema(noteSchema).rules,
  { tag: 'tr', node: 'paragraph', preserveWhitespace: false },
]);

/** `node` with every `\n` inside its text turned back into the `\r` it was rendered from. */
function restoreCarriageReturns(node: PMNode): PMNode {
  if (node.isText) return node.text!.includes('\n') ? node.type.schema.text(node.text!.replace(/\n/g, '\r'), node.marks) : node;
  if (node.childCount === 0) return node;
  let changed = false;
  const children: PMNode[] = [];
  node.forEach((child) => {
    const next = restoreCarriageReturns(child);
    if (next !== child) changed = true;
    children.push(next);
  });
  return changed ? node.copy(Fragment.fromArray(children)) : node;
}

/**
 * The parser ProseMirror reads the editor's own DOM with after a typed change, for
 * {@link noteSchema} editors (view prop `domParser`). ProseMirror's parser turns every `\r` of a
 * text node into `\n` (whitespace mode `full`), so a pasted carriage return became a line break
 * as soon as its line was edited. A paragraph's text never holds `\n` (it separates
 * paragraphs), so each `\n` read back inside one stands for a `\r` and is restored, one
 * character for one (positions are unchanged).
 */
class NoteDOMParser extends DOMParser {
  override parse(dom: globalThis.Node, options?: ParseOptions): PMNode {
    return restoreCarriageReturns(super.parse(dom, options));
  }

  override parseSlice(dom: globalThis.Node, options?: ParseOptions): Slice {
    const slice = super.parseSlice(dom, options);
    const content = restoreCarriageReturns(noteSchema.topNodeType.create(null, slice.content, undefined)).content;
    return new Slice(content, slice.openStart, slice.openEnd);
  }
}

/** See {@link NoteDOMParser}; pass it as the view prop `domParser`. */
export const noteDOMParser: DOMParser = new NoteDOMParser(noteSchema, DOMParser.fromSchema(noteSchema).rules);
