import { describe, expect, it } from 'vitest';
import { decodeNote, describeReadError, firstInvalidUtf8 } from '../../src/cli/read-note.js';

const bytes = (...b: number[]): Uint8Array => Uint8Array.from(b);
const utf8 = (s: string): Uint8Array => new TextEncoder().encode(s);

describe('decodeNote', () => {
  it('decodes UTF-8 text and keeps CRLF line endings', () => {
    expect(decodeNote(utf8('CHF\r\nCKD é'))).toEqual({ ok: true, text: 'CHF\r\nCKD é' });
  });

  it('drops a leading UTF-8 byte-order mark', () => {
    expect(decodeNote(bytes(0xef, 0xbb, 0xbf, 0x41))).toEqual({ ok: true, text: 'A' });
  });

  it('decodes an empty file to empty text', () => {
    expect(decodeNote(bytes())).toEqual({ ok: true, text: '' });
  });

  it('rejects a file with a NUL byte as binary, naming its offset', () => {
    expect(decodeNote(bytes(0x41, 0x42, 0x00))).toEqual({ ok: false, reason: 'binary file (NUL byte at offset 2)' });
  });

  it('rejects UTF-16 by its byte-order mark', () => {
    expect(decodeNote(bytes(0xff, 0xfe, 0x41, 0x00))).toEqual({ ok: false, reason: 'UTF-16 text (byte-order mark); convert it to UTF-8' });
  });

  it('rejects malformed UTF-8, naming the offset of the bad byte', () => {
    expect(decodeNote(bytes(0x61, 0x62, 0xe9, 0x74))).toEqual({ ok: false, reason: 'not valid UTF-8 (byte offset 2)' });
  });
});

describe('firstInvalidUtf8', () => {
  it('returns -1 for well-formed text of every sequence length', () => {
    expect(firstInvalidUtf8(utf8('a é € 𝄞'))).toBe(-1);
  });

  it('finds a stray continuation byte', () => {
    expect(firstInvalidUtf8(bytes(0x61, 0x80))).toBe(1);
  });

  it('finds an overlong encoding', () => {
    expect(firstInvalidUtf8(bytes(0xe0, 0x80, 0xaf))).toBe(0);
  });

  it('finds an encoded surrogate', () => {
    expect(firstInvalidUtf8(bytes(0x61, 0xed, 0xa0, 0x80))).toBe(1);
  });

  it('finds a sequence cut off by the end of the file', () => {
    expect(firstInvalidUtf8(bytes(0x61, 0x62, 0xf0, 0x9f, 0x98))).toBe(2);
  });

  it('finds a code point above U+10FFFF', () => {
    expect(firstInvalidUtf8(bytes(0xf4, 0x90, 0x80, 0x80))).toBe(0);
  });
});

// Root reads any file, so a permission failure cannot be produced through the file system in CI;
// the mapping of the error the file system gives is tested directly instead.
describe('describeReadError', () => {
  it('says "permission denied" for EACCES and EPERM', async () => {
    for (const code of ['EACCES', 'EPERM']) {
      expect(await describeReadError('/x/locked.txt', Object.assign(new Error('x'), { code }))).toBe('permission denied');
    }
  });
  it('says "no such file or directory" for a missing path', async () => {
    expect(await describeReadError('/no/such/path.txt', Object.assign(new Error('x'), { code: 'ENOENT' }))).toBe('no such file or directory');
  });
});
