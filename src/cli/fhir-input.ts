/**
 * Reading notes from FHIR R4 resources: a `DocumentReference`, or a `Bundle` of them.
 *
 * The note is the first `content[].attachment` whose `contentType` is text/plain (else the first
 * text/html, reduced to its text) with base64 `data`. An attachment given only by `url` is
 * reported and never fetched: this tool never goes on the network. The note's identity (resource
 * id, subject and encounter references, date) travels with it.
 *
 * Pure and total: every problem becomes a short reason for one error line, never an exception.
 */
import { decodeNote } from './read-note.js';
import { htmlToText } from './html-text.js';

/** Who and when a note is about, as its DocumentReference says. Absent fields were not given. */
export interface NoteIdentity {
  /** `DocumentReference.id`. */
  id?: string;
  /** `subject.reference` (or its `display` when there is no reference), e.g. `Patient/123`. */
  subject?: string;
  /** The first `context.encounter[].reference`, e.g. `Encounter/456`. */
  encounter?: string;
  /** `DocumentReference.date` (an instant). */
  date?: string;
}

/** One note read from a resource, or why there is none. */
export type FhirNote =
  | { ok: true; text: string; identity: NoteIdentity }
  | { ok: false; reason: string; identity: NoteIdentity };

/** A note with where it came from inside its resource: `''` for a DocumentReference, `entry N` in a Bundle. */
export interface LocatedNote {
  where: string;
  note: FhirNote;
}

const TEXT_TYPES = ['text/plain', 'text/html'] as const;

/**
 * The notes of a parsed JSON value: one for a DocumentReference, one per entry for a Bundle
 * (entries are numbered from 1, as people count), one error for anything else.
 */
export function resourceNotes(value: unknown): LocatedNote[] {
  if (isObject(value) && value['resourceType'] === 'Bundle') {
    const entries = value['entry'];
    if (entries === undefined) return [];
    if (!Array.isArray(entries)) return [{ where: '', note: failure('Bundle.entry is not an array', {}) }];
    return entries.map((entry: unknown, index) => ({
      where: `entry ${index + 1}`,
      note: isObject(entry) ? documentReferenceNote(entry['resource']) : failure('Bundle entry is not a JSON object', {}),
    }));
  }
  return [{ where: '', note: documentReferenceNote(value) }];
}

/** Parses one JSON text (a line of NDJSON or a whole .json file) into its notes. */
export function jsonNotes(json: string): LocatedNote[] {
  let value: unknown;
  try {
    value = JSON.parse(json);
  } catch (error) {
    return [{ where: '', note: failure(invalidJson(json, error), {}) }];
  }
  return resourceNotes(value);
}

/** The note of one DocumentReference. */
export function documentReferenceNote(value: unknown): FhirNote {
  if (!isObject(value)) return failure(`not a FHIR resource (a JSON ${jsonType(value)})`, {});
  const identity = identityOf(value);
  const type = value['resourceType'];
  if (type !== 'DocumentReference') {
    return failure(typeof type === 'string' ? `resourceType is ${JSON.stringify(clip(type))}, expected DocumentReference` : 'no resourceType, expected DocumentReference', identity);
  }
  const content = Array.isArray(value['content']) ? value['content'] : [];
  const attachments = content.map((c: unknown) => (isObject(c) && isObject(c['attachment']) ? c['attachment'] : undefined)).filter(isObject);
  if (attachments.length === 0) return failure('no content[].attachment', identity);

  const found: string[] = [];
  let urlOnly: string | undefined;
  for (const wanted of TEXT_TYPES) {
    for (const attachment of attachments) {
      const { mediaType, charset } = parseContentType(attachment['contentType']);
      if (!found.includes(mediaType)) found.push(mediaType);
      if (mediaType !== wanted) continue;
      const data = attachment['data'];
      if (typeof data !== 'string') {
        if (typeof attachment['url'] === 'string') urlOnly ??= attachment['url'];
        continue;
      }
      const decoded = decodeAttachment(data, charset);
      if (!decoded.ok) return failure(decoded.reason, identity);
      return { ok: true, text: wanted === 'text/html' ? htmlToText(decoded.text) : decoded.text, identity };
    }
  }
  if (urlOnly !== undefined) return failure(`the text attachment is given only by url (${clip(urlOnly)}); not fetched: cdi-lint never goes on the network`, identity);
  const types = found.filter((t) => t !== '').map((t) => clip(t, 40));
  return failure(`no text attachment with data (contentType text/plain or text/html)${types.length > 0 ? `; found ${types.join(', ')}` : ''}`, identity);
}

/** Decodes base64 attachment data strictly, then its bytes as text in the given charset. */
export function decodeAttachment(data: string, charset: string): { ok: true; text: string } | { ok: false; reason: string } {
  const compact = data.replace(/[ \t\r\n]+/g, '');
  if (compact.length % 4 !== 0 || !/^[A-Za-z0-9+/]*={0,2}$/.test(compact)) {
    return { ok: false, reason: 'attachment data is not valid base64' };
  }
  const bytes = Buffer.from(compact, 'base64');
  if (charset === '' || charset === 'utf-8' || charset === 'utf8' || charset === 'us-ascii') {
    const note = decodeNote(bytes);
    return note.ok ? note : { ok: false, reason: `attachment data: ${note.reason}` };
  }
  let decoder: TextDecoder;
  try {
    decoder = new TextDecoder(charset, { fatal: true });
  } catch {
    return { ok: false, reason: `attachment charset ${JSON.stringify(clip(charset, 40))} is not supported` };
  }
  try {
    return { ok: true, text: decoder.decode(bytes) };
  } catch {
    return { ok: false, reason: `attachment data is not valid ${charset}` };
  }
}

/** `text/plain; charset=UTF-8` → media type `text/plain`, charset `utf-8` (both lower case; '' when absent). */
export function parseContentType(value: unknown): { mediaType: string; charset: string } {
  if (typeof value !== 'string') return { mediaType: '', charset: '' };
  const [type = '', ...params] = value.split(';');
  let charset = '';
  for (const param of params) {
    const m = /^\s*charset\s*=\s*"?([^";\s]+)"?\s*$/i.exec(param);
    if (m) charset = m[1]!.toLowerCase();
  }
  return { mediaType: type.trim().toLowerCase(), charset };
}

function identityOf(resource: Record<string, unknown>): NoteIdentity {
  const identity: NoteIdentity = {};
  if (typeof resource['id'] === 'string') identity.id = resource['id'];
  const subject = reference(resource['subject']);
  if (subject !== undefined) identity.subject = subject;
  const context = resource['context'];
  if (isObject(context)) {
    const encounters = Array.isArray(context['encounter']) ? context['encounter'] : [context['encounter']];
    const encounter = encounters.map(reference).find((r) => r !== undefined);
    if (encounter !== undefined) identity.encounter = encounter;
  }
  if (typeof resource['date'] === 'string') identity.date = resource['date'];
  return identity;
}

function reference(value: unknown): string | undefined {
  if (!isObject(value)) return undefined;
  if (typeof value['reference'] === 'string') return value['reference'];
  if (typeof value['display'] === 'string') return value['display'];
  const identifier = value['identifier'];
  if (isObject(identifier) && typeof identifier['value'] === 'string') return identifier['value'];
  return undefined;
}

/** A short reason for a JSON.parse failure, with the line and column when the engine gives a position. */
function invalidJson(json: string, error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  const position = /at position (\d+)/.exec(message);
  let where = '';
  if (position) {
    const offset = Number(position[1]);
    const before = json.slice(0, offset);
    const line = (before.match(/\n/g)?.length ?? 0) + 1;
    const column = offset - before.lastIndexOf('\n');
    where = ` at line ${line}, column ${column}`;
  } else if (json.trim() === '') {
    return 'invalid JSON: empty';
  }
  // V8 quotes the start of the text in some messages; keep only its own words.
  const words = message.replace(/, ".*" is not valid JSON$/s, '').replace(/ in JSON at position \d+.*$/s, '').replace(/\s+/g, ' ');
  return `invalid JSON${where} (${clip(words, 80)})`;
}

function failure(reason: string, identity: NoteIdentity): FhirNote {
  return { ok: false, reason, identity };
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function jsonType(value: unknown): string {
  return value === null ? 'null' : Array.isArray(value) ? 'array' : typeof value;
}

/** A value quoted in an error line: control characters replaced, long values cut. */
function clip(s: string, max = 60): string {
  const flat = s.replace(/[\u0000-\u001f\u007f-\u009f]/g, '\ufffd');
  return flat.length > max ? flat.slice(0, max - 1) + '…' : flat;
}
