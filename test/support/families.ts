/** The family rule files as they are on disk (every file of src/knowledge/families). */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from './shared.js';

export const FAMILIES_DIR = join(ROOT, 'src/knowledge/families');

/** Parsed rule files by file name. */
export function familyFilesOnDisk(): Record<string, unknown> {
  const files: Record<string, unknown> = {};
  for (const name of readdirSync(FAMILIES_DIR).filter((f) => f.endsWith('.json')).sort()) {
    files[name] = JSON.parse(readFileSync(join(FAMILIES_DIR, name), 'utf8'));
  }
  return files;
}
