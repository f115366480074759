/**
 * The one module that converts between the engine's text and a ProseMirror document.
 *
 * The engine reads plain text and reports half-open UTF-16 offsets `[start, end)` into it; the
 * editor addresses content by ProseMirror positions. Everything here is pure (no DOM, no view).
 *
 * ## What text a document stands for (any schema)
 *
 * `docToText(doc)` is exactly `doc.textBetween(0, doc.content.size, '\n', defaultLeafText)`:
 *
 * - every **textblock** contributes its inline text, and consecutive textblocks are separated by
 *   one `"\n"`, however deeply they are nested (list items, blockquotes, table cells);
 * - an **empty textblock** still counts, so blank lines survive;
 * - an **inline leaf** (hard break, image, mention) contributes its `leafText` (see
 *   {@link defaultLeafText}): the node type's `spec.leafText` when it has one, else `"\n"` for a
 *   node type named `hard_break`/`hardBreak`, else U+FFFC OBJECT REPLACEMENT CHARACTER (so words on
 *   either side of an atom never merge);
 * - a **block leaf** (horizontal rule) contributes its `spec.leafText` as a block of its own, or
 *   nothing at all (not even a separator) when it has none, as `textBetween` does;
 * - marks and the open/close tokens of non-leaf inline nodes contribute nothing.
 *
 * For {@link noteSchema}-shaped documents (doc > paragraph+, text only) this reduces to "the
 * paragraphs joined by `\n`", and {@link textToDoc} is its exact inverse.
 *
 * ## Line breaks
 *
 * `"\n"` is the only paragraph separator. `"\r"` is an ordinary character: `"a\r\nb"` becomes the
 * paragraphs `"a\r"` and `"b"`, and round-trips byte for byte (so engine offsets computed on the
 * original text stay valid). A host that wants CR-free paragraphs calls
 * {@link normalizeLineBreaks} first, a deliberate lossy step of its own.
 */
import type { Node, NodeType, Schema } from 'prosemirror-model';
import type { Span } from '../src/types.js';

/** Text contributed by a leaf node; see the module comment. */
export type LeafText = (node: Node) => string;

/** U+FFFC, the text of an inline atom that declares no `leafText`. */
export const OBJECT_REPLACEMENT = '\uFFFC';

/** A half-open range of document positions `[from, to)`. */
export interface PositionRange {
  from: number;
  to: number;
}

/** The leaf text rule used by every function here unless one is passed (see the module comment). */
export const defaultLeafText: LeafText = (node) => {
  const own = node.type.spec.leafText;
  if (own) return own(node);
  if (!node.isInline) return '';
  return /^hard_?break$/i.test(node.type.name) ? '\n' : OBJECT_REPLACEMENT;
};

/**
 * One stretch of the text and the document positions it covers. `linear` stretches (text nodes)
 * map offset `offset + i` to position `from + i`; the others (block separators, leaves whose text
 * length differs from their size) map their start to `from`, their end to `to`, and an interior
 * offset to either end by the caller's `side`.
 */
interface Segment {
  offset: number;
  length: number;
  from: number;
  to: number;
  linear: boolean;
}

/**
 * The text of one document with a two-way map between its offsets and the document's positions.
 * Build one per document version ({@link textMap}); it is immutable and only valid for that doc.
 */
export class TextMap {
  /** @internal use {@link textMap}. Segments tile the text in order, with non-decreasing positions. */
  constructor(
    /** The document this map describes. */
    readonly doc: Node,
    /** The document's text, as {@link docToText} gives it. */
    readonly text: string,
    private readonly segments: readonly Segment[],
  ) {}

  /**
   * The position of a text offset (clamped to `[0, text.length]`). Where one offset touches two
   * places (either side of a block separator's interior, or of an inline wrapper's tokens), `side`
   * picks: `-1` the earlier place (use for a span's end), `1` the later one (a span's start).
   */
  toPos(offset: number, side: -1 | 1 = 1): number {
    const { segments } = this;
    if (segments.length === 0) return 0;
    const o = Math.max(0, Math.min(offset, this.text.length));
    let seg: Segment;
    if (side < 0) {
      // first segment whose end reaches o
      let lo = 0, hi = segments.length - 1;
      while (lo < hi) {
        const mid = (lo + hi) >> 1;
        const s = segments[mid]!;
        if (s.offset + s.length >= o) hi = mid;
        else lo = mid + 1;
      }
      seg = segments[lo]!;
    } else {
      // last segment that starts at or before o
      let lo = 0, hi = segments.length - 1;
      while (lo < hi) {
        const mid = (lo + hi + 1) >> 1;
        if (segments[mid]!.offset <= o) lo = mid;
        else hi = mid - 1;
      }
      seg = segments[lo]!;
    }
    if (seg.linear) return seg.from + (o - seg.offset);
    if (seg.length > 0 && o === seg.offset) return seg.from;
    if (seg.length > 0 && o === seg.offset + seg.length) return seg.to;
    return side < 0 ? seg.from : seg.to;
  }

  /**
   * The text offset of a document position. A position inside a text node maps exactly; one
   * between blocks or inside a leaf maps to the nearest offset before it.
   */
  toOffset(pos: number): number {
    const { segments } = this;
    if (segments.length === 0) return 0;
    // last segment whose `from` is at or before pos
    let lo = 0, hi = segments.length - 1;
    if (segments[0]!.from > pos) return 0;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (segments[mid]!.from <= pos) lo = mid;
      else hi = mid - 1;
    }
    const seg = segments[lo]!;
    if (pos >= seg.to) return seg.offset + seg.length;
    return seg.linear ? seg.offset + (pos - seg.from) : seg.offset;
  }

  /** The document range of an engine span: start maps forward, end backward, so it never grows past its words. */
  toRange(span: Span): PositionRange {
    const from = this.toPos(span.start, 1);
    return { from, to: Math.max(from, this.toPos(span.end, -1)) };
  }

  /** The text span of a document range. */
  toSpan(range: PositionRange): Span {
    return { start: this.toOffset(range.from), end: this.toOffset(range.to) };
  }
}

/** Builds the {@link TextMap} of `doc` (linear in the document's size). */
export function textMap(doc: Node, leafText: LeafText = defaultLeafText): TextMap {
  const parts: string[] = [];
  const segments: Segment[] = [];
  let offset = 0;
  let previousEnd = -1; // content end of the previous block; -1 before the first

  const push = (text: string, from: number, to: number, linear: boolean): void => {
    segments.push({ offset, length: text.length, from, to, linear });
    parts.push(text);
    offset += text.length;
  };

  const inline = (parent: Node, contentStart: number): void => {
    parent.forEach((child, rel) => {
      const pos = contentStart + rel;
      if (child.isText) push(child.text!, pos, pos + child.nodeSize, true);
      else if (child.isLeaf) {
        const text = leafText(child);
        push(text, pos, pos + child.nodeSize, text.length === child.nodeSize);
      } else inline(child, pos + 1);
    });
  };

  const block = (start: number, end: number): void => {
    if (previousEnd >= 0) push('\n', previousEnd, start, false);
    previousEnd = end;
  };

  doc.descendants((node, pos) => {
    if (node.isTextblock) {
      const start = pos + 1;
      block(start, pos + node.nodeSize - 1);
      push('', start, start, true); // anchors empty blocks
      inline(node, start);
      return false;
    }
    if (node.isBlock && node.isLeaf) {
      const text = leafText(node);
      if (text) {
        block(pos, pos + node.nodeSize);
        push(text, pos, pos + node.nodeSize, false);
      }
      return false;
    }
    return true;
  });
  return new TextMap(doc, parts.join(''), segments);
}

/** The plain text of a document (see the module comment for what counts). */
export function docToText(doc: Node, leafText: LeafText = defaultLeafText): string {
  return doc.textBetween(0, doc.content.size, '\n', leafText);
}

/**
 * The text between two positions of `doc`, serialised exactly as {@link docToText} does, so that
 * `textBetween(doc, r.from, r.to) === docToText(doc).slice(span.start, span.end)` for a range `r`
 * mapped from `span`.
 */
export function textBetween(doc: Node, from: number, to: number, leafText: LeafText = defaultLeafText): string {
  return doc.textBetween(from, to, '\n', leafText);
}

/**
 * A document for `text`: one textblock per `"\n"`-separated line (empty lines give empty
 * blocks), so that `docToText(textToDoc(schema, text)) === text` for every string, including
 * lone surrogates, tabs, `"\r"` and leading/trailing whitespace. The block type is the schema's
 * `paragraph`, or else its first textblock type; the schema's top node must accept a sequence of
 * them (as {@link noteSchema} does).
 */
export function textToDoc(schema: Schema, text: string): Node {
  const paragraph = paragraphType(schema);
  const blocks = text.split('\n').map((line) => paragraph.create(null, line ? schema.text(line) : null));
  return schema.topNodeType.createChecked(null, blocks);
}

/** `"\r\n"` and lone `"\r"` to `"\n"`: the lossy normalisation a host may choose before {@link textToDoc}. */
export function normalizeLineBreaks(text: string): string {
  return text.replace(/\r\n?/g, '\n');
}

function paragraphType(schema: Schema): NodeType {
  const named = schema.nodes['paragraph'];
  if (named?.isTextblock) return named;
  const first = Object.values(schema.nodes).find((type) => type.isTextblock);
  if (!first) throw new TypeError('cdi-lint: textToDoc needs a schema with a textblock node type');
  return first;
}
