/**
 * Reading a note from a file or standard input and decoding it as UTF-8.
 *
 * Reading never throws: every failure becomes a short reason fit for one error line
 * ("not valid UTF-8 (byte offset 1234)"). The decoded text drops a leading UTF-8 byte-order mark
 * and keeps line endings (CRLF stays CRLF), so finding offsets refer to exactly that text.
 */
import { lstat, readFile } from 'node:fs/promises';

/** A decoded note, or why there is none. */
export type ReadResult = { ok: true; text: string } | { ok: false; reason: string };

/**
 * Decodes the bytes of a note. Rejects UTF-16 (by its byte-order mark), binary data (any NUL
 * byte) and malformed UTF-8, naming the byte offset (0-based) where the problem starts.
 */
export function decodeNote(bytes: Uint8Array): ReadResult {
  if (bytes.length >= 2 && ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff))) {
    return { ok: false, reason: 'UTF-16 text (byte-order mark); convert it to UTF-8' };
  }
  const nul = bytes.indexOf(0);
  if (nul >= 0) return { ok: false, reason: `binary file (NUL byte at offset ${nul})` };
  try {
    // fatal: malformed input throws instead of becoming U+FFFD; the BOM is dropped by default.
    return { ok: true, text: new TextDecoder('utf-8', { fatal: true }).decode(bytes) };
  } catch {
    return { ok: false, reason: `not valid UTF-8 (byte offset ${firstInvalidUtf8(bytes)})` };
  }
}

/**
 * The offset of the first byte that starts an ill-formed UTF-8 sequence (overlong forms,
 * surrogates, code points above U+10FFFF, stray or missing continuation bytes), or -1.
 */
export function firstInvalidUtf8(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i] as number;
    if (b < 0x80) {
      i++;
      continue;
    }
    let length: number;
    // Bounds of the second byte; the later ones are always 80..BF (Unicode Table 3-7).
    let low = 0x80;
    let high = 0xbf;
    if (b >= 0xc2 && b <= 0xdf) length = 2;
    else if (b >= 0xe0 && b <= 0xef) length = 3;
    else if (b >= 0xf0 && b <= 0xf4) length = 4;
    else return i; // continuation byte, overlong lead (C0, C1) or beyond U+10FFFF (F5..FF)
    if (b === 0xe0) low = 0xa0; // overlong
    else if (b === 0xed) high = 0x9f; // surrogates
    else if (b === 0xf0) low = 0x90; // overlong
    else if (b === 0xf4) high = 0x8f; // above U+10FFFF
    for (let k = 1; k < length; k++) {
      const c = bytes[i + k];
      const ok = c !== undefined && (k === 1 ? c >= low && c <= high : c >= 0x80 && c <= 0xbf);
      if (!ok) return i;
    }
    i += length;
  }
  return -1;
}

/** Reads and decodes a note file. */
export async function readNoteFile(path: string): Promise<ReadResult> {
  let bytes: Buffer;
  try {
    bytes = await readFile(path);
  } catch (error) {
    return { ok: false, reason: await describeReadError(path, error) };
  }
  return decodeNote(bytes);
}

/** Reads standard input to its end and decodes it as one note. */
export async function readNoteStdin(stdin: NodeJS.ReadableStream = process.stdin): Promise<ReadResult> {
  const chunks: Buffer[] = [];
  try {
    for await (const chunk of stdin) chunks.push(typeof chunk === 'string' ? Buffer.from(chunk) : chunk);
  } catch (error) {
    return { ok: false, reason: errorText(error) };
  }
  return decodeNote(Buffer.concat(chunks));
}

/** A file-system error as a short lower-case phrase, telling a broken symbolic link apart. */
export async function describeReadError(path: string, error: unknown): Promise<string> {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  switch (code) {
    case 'ENOENT':
      try {
        if ((await lstat(path)).isSymbolicLink()) return 'broken symbolic link';
      } catch {
        // fall through: the path itself is missing
      }
      return 'no such file or directory';
    case 'EACCES':
    case 'EPERM':
      return 'permission denied';
    case 'EISDIR':
      return 'is a directory';
    case 'ELOOP':
      return 'symbolic link loop';
    default:
      return errorText(error);
  }
}

function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
