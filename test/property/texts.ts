/**
 * Texts of any length for the hostile-input and linear-time tests and for `test/bench/scaling.ts`:
 * real notes, and the shapes that once cost more than linear time. Each builder returns exactly
 * `length` UTF-16 code units and is deterministic.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { sharedPath } from '../support/shared.js';

let notes: string | undefined;

/** Real development-set notes (shared/eval/dev/notes), concatenated to `length`. */
export function realNotes(length: number): string {
  if (notes === undefined) {
    const dir = sharedPath('eval/dev/notes');
    notes = readdirSync(dir).sort().map((f) => readFileSync(join(dir, f), 'utf8')).join('\n\n') + '\n\n';
  }
  return repeatTo(notes, length);
}

/** `unit` repeated and cut to exactly `length` code units. */
export function repeatTo(unit: string, length: number): string {
  return unit.repeat(Math.ceil(length / unit.length)).slice(0, length);
}

/** One line with no space: a comma list of conditions and shorthand ("CHF,s/p-CABG,..."). */
export function oneLongLine(length: number): string {
  return repeatTo('CHF,s/p-CABG,h/o.DM2;knee-OA/', length);
}

/** Short lines of markers, fragments and conditions, 4 characters on average. */
export function shortLines(length: number): string {
  return repeatTo('CHF\n1.\nno\nDM\n-\nCKD\n\n3b\n', length);
}

/** One run-on sentence of context triggers and mentions (no period or line break). */
export function triggerRunOn(length: number): string {
  return repeatTo('no CHF history of denies left knee OA and acute CKD possible pneumonia mother had afib but ', length);
}

/** A deterministic stream of UTF-16 code units (xorshift32), lone surrogates included. */
export function randomCodeUnits(length: number, seed = 0x2545f491): string {
  const units = new Uint16Array(length);
  let x = seed | 0 || 1;
  for (let i = 0; i < length; i++) {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    units[i] = x & 0xffff;
  }
  let text = '';
  for (let i = 0; i < length; i += 8192) text += String.fromCharCode(...units.subarray(i, i + 8192));
  return text;
}
