/**
 * plugin/positions.ts: the note text round-trips exactly through a document, and engine offsets
 * map to the positions of the same characters, in the note schema and in a host schema.
 */
import { expect } from 'chai';
import fc from 'fast-check';
import { Schema } from 'prosemirror-model';
import type { Node } from 'prosemirror-model';
import { docToText, normalizeLineBreaks, textBetween, textMap, textToDoc, OBJECT_REPLACEMENT } from '../../plugin/positions.js';
import { noteClipboardTextParser, noteSchema } from '../../plugin/schema.js';

/** Any UTF-16 string, lone surrogates included, with plenty of line breaks and blanks. */
const anyText = fc.string({
  unit: fc.oneof(
    { weight: 3, arbitrary: fc.integer({ min: 0, max: 0xffff }).map((c) => String.fromCharCode(c)) },
    { weight: 2, arbitrary: fc.constantFrom('\n', '\r\n', '\r', '\t', ' ', '😀', 'é') },
  ),
  maxLength: 60,
});

/** A host schema unlike the note schema: nesting, marks, hard breaks, inline atoms and a rule. */
const hostSchema = new Schema({
  nodes: {
    doc: { content: 'block+' },
    paragraph: { group: 'block', content: 'inline*', toDOM: () => ['p', 0] },
    blockquote: { group: 'block', content: 'block+', toDOM: () => ['blockquote', 0] },
    horizontal_rule: { group: 'block', toDOM: () => ['hr'] },
    text: { group: 'inline' },
    hard_break: { group: 'inline', inline: true, toDOM: () => ['br'] },
    image: { group: 'inline', inline: true, atom: true, toDOM: () => ['img'] },
    mention: { group: 'inline', inline: true, atom: true, leafText: () => '@dr', toDOM: () => ['span'] },
  },
  marks: { strong: { toDOM: () => ['strong', 0] } },
});

function hostDoc(): Node {
  const s = hostSchema;
  const p = (...content: Node[]) => s.nodes.paragraph!.create(null, content);
  const strong = s.marks.strong!.create();
  return s.nodes.doc!.create(null, [
    p(s.text('HPI: left '), s.text('hip', [strong]), s.text(' pain')),
    s.nodes.horizontal_rule!.create(),
    s.nodes.blockquote!.create(null, [p(s.text('line one'), s.nodes.hard_break!.create(), s.text('CHF'))]),
    p(),
    p(s.text('see'), s.nodes.image!.create(), s.text('x'), s.nodes.mention!.create(), s.text('.')),
  ]);
}

describe('docToText and textToDoc', () => {
  const cases: Record<string, string> = {
    'empty text': '',
    'one line': 'CHF.',
    'blank lines between sections': 'HPI\n\n\nASSESSMENT\nCHF.',
    'leading and trailing blank lines and spaces': '\n\n  CHF.  \n\n',
    'tabs and runs of spaces': '\tBP\t158/92   HR  88',
    'emoji and combining marks': 'pain 😀 ✓ café e\u0301',
    'lone surrogates': 'a\uD800b\uDC00c\uDBFF',
    'CRLF, kept as a CR at the end of each line': 'line one\r\nline two\r\n',
    'a lone CR': 'a\rb',
  };
  for (const [name, text] of Object.entries(cases)) {
    it(`round-trips ${name} exactly`, () => {
      expect(docToText(textToDoc(noteSchema, text))).to.equal(text);
    });
  }

  it('round-trips every generated string exactly', () => {
    fc.assert(fc.property(anyText, (text) => docToText(textToDoc(noteSchema, text)) === text), { numRuns: 300 });
  });

  it('makes one paragraph per line, blank lines included', () => {
    const doc = textToDoc(noteSchema, 'a\n\nb');
    expect(doc.childCount).to.equal(3);
    expect(doc.child(1).content.size).to.equal(0);
  });

  it('keeps CR as a character; normalizeLineBreaks is the opt-in lossy step', () => {
    expect(textToDoc(noteSchema, 'a\r\nb').firstChild!.textContent).to.equal('a\r');
    expect(normalizeLineBreaks('a\r\nb\rc\n')).to.equal('a\nb\nc\n');
  });
});

describe('textMap in the note schema', () => {
  it('maps every offset to a position and back', () => {
    fc.assert(
      fc.property(anyText, (text) => {
        const map = textMap(textToDoc(noteSchema, text));
        if (map.text !== text) return false;
        for (let o = 0; o <= text.length; o++) {
          if (map.toOffset(map.toPos(o, 1)) !== o || map.toOffset(map.toPos(o, -1)) !== o) return false;
        }
        return true;
      }),
      { numRuns: 200 },
    );
  });

  it('maps a span to the range that reads the same text', () => {
    fc.assert(
      fc.property(anyText, fc.nat(), fc.nat(), (text, a, b) => {
        const map = textMap(textToDoc(noteSchema, text));
        const start = Math.min(a, b) % (text.length + 1);
        const end = Math.max(start, Math.max(a, b) % (text.length + 1));
        const range = map.toRange({ start, end });
        return textBetween(map.doc, range.from, range.to) === text.slice(start, end);
      }),
      { numRuns: 300 },
    );
  });

  it('places the start of a line after a blank line at the start of its paragraph', () => {
    const map = textMap(textToDoc(noteSchema, 'a\n\nCHF'));
    // doc: <p>a</p><p></p><p>CHF</p> -> CHF starts at 1+1+1 + 2 + 1 = 6
    expect(map.toRange({ start: 3, end: 6 })).to.deep.equal({ from: 6, to: 9 });
    expect(map.toPos(2, -1)).to.equal(4); // the empty paragraph's content
  });
});

describe('textMap in a host schema', () => {
  const doc = hostDoc();
  const map = textMap(doc);

  it('reads textblocks joined by \\n, hard breaks as \\n, atoms as U+FFFC or their leafText, and skips a text-less rule', () => {
    expect(map.text).to.equal(`HPI: left hip pain\nline one\nCHF\n\nsee${OBJECT_REPLACEMENT}x@dr.`);
    expect(docToText(doc)).to.equal(map.text);
  });

  it('maps words across marks, nesting and breaks to the positions that read them', () => {
    for (const word of ['left hip pain', 'CHF', 'line one', 'x', '.', 'hip']) {
      const start = map.text.indexOf(word);
      const range = map.toRange({ start, end: start + word.length });
      expect(textBetween(doc, range.from, range.to), word).to.equal(word);
      expect(map.toSpan(range), word).to.deep.equal({ start, end: start + word.length });
    }
  });

  it('maps an offset inside a multi-character leaf text to one side of the leaf', () => {
    const at = map.text.indexOf('@dr') + 1;
    expect(map.toPos(at, 1) - map.toPos(at, -1)).to.equal(1);
  });
});

describe('noteClipboardTextParser', () => {
  it('pastes one paragraph per line, keeping blank lines and whitespace', () => {
    const doc = textToDoc(noteSchema, 'ab');
    const slice = noteClipboardTextParser('x\n\n\t y ', doc.resolve(2));
    const pasted = doc.replace(2, 2, slice);
    expect(docToText(pasted)).to.equal('ax\n\n\t y b');
  });
});
