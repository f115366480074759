/**
 * Access to ../shared (reference data for tests and benchmarks only; the product never reads it).
 * A missing folder is an error, never a silent skip.
 */
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The project root. */
export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

/** Absolute path of a file under ../shared; throws a clear error when it is missing. */
export function sharedPath(...parts: string[]): string {
  const path = join(ROOT, '..', 'shared', ...parts);
  if (!existsSync(path)) {
    throw new Error(`missing reference data: ${path}\nThe tests need the shared/ folder beside the project (../shared).`);
  }
  return path;
}
