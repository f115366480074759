/**
 * Typed readers for rule data files: each checks one value and throws a {@link RuleError} that
 * names the file, the place in it, and what was expected or allowed. Every loader of knowledge
 * data (families, vague terms, indicators, conflicts, query templates) reads through these.
 */

/** A parsed JSON value, not yet checked. */
export type Json = unknown;

/** Thrown for rule data that does not fit its schema. */
export class RuleError extends Error {
  constructor(readonly file: string, readonly where: string, detail: string) {
    super(`${file}: ${where}: ${detail}`);
    this.name = 'RuleError';
  }
}

/** An ICD-10-CM code written with its dot: I50.21, N18.6, I5A. */
export const CODE_PATTERN = /^[A-Z][0-9][0-9A-Z](\.[0-9A-Z]{1,4})?$/;

/** An object (not null, not a list). */
export function obj(data: Json, file: string, where: string): Record<string, Json> {
  if (typeof data !== 'object' || data === null || Array.isArray(data)) throw new RuleError(file, where, `must be an object, got ${describe(data)}`);
  return data as Record<string, Json>;
}

/** A list. */
export function arr(data: Json, file: string, where: string): Json[] {
  if (!Array.isArray(data)) throw new RuleError(file, where, `must be a list, got ${describe(data)}`);
  return data;
}

/** A non-empty string. */
export function str(data: Json, file: string, where: string): string {
  if (typeof data !== 'string' || data.trim() === '') throw new RuleError(file, where, `must be a non-empty string, got ${describe(data)}`);
  return data;
}

/** A list of non-empty strings; `nonEmpty` also forbids an empty list. */
export function strings(data: Json, file: string, where: string, nonEmpty: boolean): string[] {
  const list = arr(data, file, where).map((s, i) => str(s, file, `${where} ${i}`));
  if (nonEmpty && list.length === 0) throw new RuleError(file, where, 'must not be empty');
  return list;
}

/** One of `allowed`; the error lists them. */
export function oneOf<T extends string>(data: Json, allowed: readonly T[], file: string, where: string): T {
  if (typeof data !== 'string' || !allowed.includes(data as T)) throw new RuleError(file, where, `${describe(data)} is not allowed; allowed: ${allowed.join(', ')}`);
  return data as T;
}

/** Rejects any key of `o` outside `allowed`; the error lists the allowed keys. */
export function keys(o: Record<string, Json>, allowed: readonly string[], file: string, where: string): void {
  for (const key of Object.keys(o)) if (!allowed.includes(key)) throw new RuleError(file, where, `unknown key "${key}"; allowed keys: ${allowed.join(', ')}`);
}

/** A `{code, title}` pair with a dotted ICD-10-CM code. */
export function codeRef(data: Json, file: string, where: string): { code: string; title: string } {
  const c = obj(data, file, where);
  keys(c, ['code', 'title'], file, where);
  const value = str(c.code, file, `${where} code`);
  if (!CODE_PATTERN.test(value)) throw new RuleError(file, `${where} code`, `"${value}" is not a dotted ICD-10-CM code (like I50.21)`);
  return { code: value, title: str(c.title, file, `${where} title`) };
}

/** A short rendering of a value for an error message. */
export function describe(data: Json): string {
  if (data === undefined) return 'nothing';
  const s = JSON.stringify(data);
  return s.length > 40 ? `${s.slice(0, 37)}...` : s;
}
