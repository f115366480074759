import { describe, expect, it } from 'vitest';
import { decodeAttachment, documentReferenceNote, jsonNotes, parseContentType, resourceNotes } from '../../src/cli/fhir-input.js';
import { htmlToText } from '../../src/cli/html-text.js';

const b64 = (s: string | Uint8Array): string => Buffer.from(s).toString('base64');

/** A DocumentReference with the given attachments (and identity). */
function docRef(attachments: object[], extra: object = {}): Record<string, unknown> {
  return { resourceType: 'DocumentReference', id: 'n1', content: attachments.map((attachment) => ({ attachment })), ...extra };
}

/** The note as one compact string: `ok: text` or `error: reason`. */
function show(note: ReturnType<typeof documentReferenceNote>): string {
  return note.ok ? `ok: ${note.text}` : `error: ${note.reason}`;
}

describe('documentReferenceNote', () => {
  it('reads the base64 text/plain attachment', () => {
    expect(show(documentReferenceNote(docRef([{ contentType: 'text/plain', data: b64('CHF.\n') }])))).toBe('ok: CHF.\n');
  });

  it('carries the id, subject and encounter references and the date', () => {
    const note = documentReferenceNote(docRef([{ contentType: 'text/plain', data: b64('x') }], {
      subject: { reference: 'Patient/p1' }, date: '2026-10-02T08:00:00Z', context: { encounter: [{ reference: 'Encounter/e9' }] },
    }));
    expect(note.identity).toEqual({ id: 'n1', subject: 'Patient/p1', encounter: 'Encounter/e9', date: '2026-10-02T08:00:00Z' });
  });

  it('prefers text/plain to text/html, whatever their order', () => {
    const note = documentReferenceNote(docRef([{ contentType: 'text/html', data: b64('<p>html</p>') }, { contentType: 'text/plain', data: b64('plain') }]));
    expect(show(note)).toBe('ok: plain');
  });

  it('reduces a text/html attachment to its text', () => {
    const html = '<html><head><title>T</title><style>p{}</style></head><body><p>CHF &amp; CKD</p><p>EF&nbsp;25%<br>BMI 42</p></body></html>';
    expect(show(documentReferenceNote(docRef([{ contentType: 'text/html; charset=utf-8', data: b64(html) }])))).toBe('ok: CHF & CKD\nEF 25%\nBMI 42\n');
  });

  it('skips attachments that are not text, and names them when none is', () => {
    expect(show(documentReferenceNote(docRef([{ contentType: 'application/pdf', data: b64('%PDF') }, { contentType: 'text/plain', data: b64('ok') }])))).toBe('ok: ok');
    expect(show(documentReferenceNote(docRef([{ contentType: 'application/pdf', data: b64('%PDF') }])))).toBe(
      'error: no text attachment with data (contentType text/plain or text/html); found application/pdf',
    );
  });

  it('reports an attachment given only by url, and does not fetch it', () => {
    expect(show(documentReferenceNote(docRef([{ contentType: 'text/plain', url: 'https://ehr.example/Binary/1' }])))).toBe(
      'error: the text attachment is given only by url (https://ehr.example/Binary/1); not fetched: cdi-lint never goes on the network',
    );
  });

  it('rejects a resource of another type, naming it', () => {
    expect(show(documentReferenceNote({ resourceType: 'Patient', id: 'p1' }))).toBe('error: resourceType is "Patient", expected DocumentReference');
    expect(show(documentReferenceNote({ id: 'x' }))).toBe('error: no resourceType, expected DocumentReference');
    expect(show(documentReferenceNote([1, 2]))).toBe('error: not a FHIR resource (a JSON array)');
  });

  it('rejects a DocumentReference without content', () => {
    expect(show(documentReferenceNote({ resourceType: 'DocumentReference' }))).toBe('error: no content[].attachment');
  });

  it('rejects data that is not base64, and bytes that are not UTF-8 text', () => {
    expect(show(documentReferenceNote(docRef([{ contentType: 'text/plain', data: 'not base64!' }])))).toBe('error: attachment data is not valid base64');
    expect(show(documentReferenceNote(docRef([{ contentType: 'text/plain', data: b64(Uint8Array.from([0x43, 0xe9, 0x0a])) }])))).toBe(
      'error: attachment data: not valid UTF-8 (byte offset 1)',
    );
    expect(show(documentReferenceNote(docRef([{ contentType: 'text/plain', data: b64(Uint8Array.from([0x41, 0x00])) }])))).toBe(
      'error: attachment data: binary file (NUL byte at offset 1)',
    );
  });
});

describe('decodeAttachment', () => {
  it('accepts base64 broken over lines', () => {
    expect(decodeAttachment(b64('hello world').replace(/(.{4})/g, '$1\n'), '')).toEqual({ ok: true, text: 'hello world' });
  });

  it('rejects base64 of the wrong length', () => {
    expect(decodeAttachment('QUJD=', '')).toEqual({ ok: false, reason: 'attachment data is not valid base64' });
  });

  it('decodes the charset the contentType names', () => {
    expect(decodeAttachment(b64(Uint8Array.from([0x43, 0x61, 0x66, 0xe9])), 'iso-8859-1')).toEqual({ ok: true, text: 'Café' });
    expect(decodeAttachment(b64('x'), 'klingon')).toEqual({ ok: false, reason: 'attachment charset "klingon" is not supported' });
  });
});

describe('parseContentType', () => {
  it('splits the media type and the charset, lower case', () => {
    expect(parseContentType('Text/Plain; Charset="UTF-8"')).toEqual({ mediaType: 'text/plain', charset: 'utf-8' });
    expect(parseContentType(undefined)).toEqual({ mediaType: '', charset: '' });
  });
});

describe('jsonNotes and resourceNotes', () => {
  it('names invalid JSON with the line and column', () => {
    const [only] = jsonNotes('{\n  "resourceType": "DocumentReference",\n  oops\n}');
    expect(only!.note.ok).toBe(false);
    expect(only!.note.ok ? '' : only!.note.reason).toMatch(/^invalid JSON at line 3, column 3 \(/);
  });

  it('gives one note per Bundle entry, numbered from 1, bad entries included', () => {
    const bundle = {
      resourceType: 'Bundle', type: 'collection',
      entry: [{ resource: docRef([{ contentType: 'text/plain', data: b64('a') }]) }, { resource: { resourceType: 'Patient' } }, 'x'],
    };
    expect(resourceNotes(bundle).map(({ where, note }) => `${where} ${show(note)}`)).toEqual([
      'entry 1 ok: a',
      'entry 2 error: resourceType is "Patient", expected DocumentReference',
      'entry 3 error: Bundle entry is not a JSON object',
    ]);
  });

  it('gives no notes for a Bundle without entries', () => {
    expect(resourceNotes({ resourceType: 'Bundle', type: 'collection' })).toEqual([]);
  });
});

describe('htmlToText', () => {
  it('drops scripts, comments and tags, keeps block breaks and decodes references', () => {
    expect(htmlToText('<div>A<script>x()</script><!-- c --></div><ul><li>B &lt;3&gt;</li><li>&#67;&#x48;F</li></ul><table><tr><td>Na</td><td>128</td></tr></table>')).toBe(
      'A\nB <3>\nCHF\nNa\t128\n',
    );
  });

  it('keeps unknown named references as written and tolerates a tag with ">" in an attribute', () => {
    expect(htmlToText('<a title="a>b">x &bogus; y</a>')).toBe('x &bogus; y\n');
  });
});
