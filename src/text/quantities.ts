/**
 * Numbers with units: "Na 128 mEq/L", "BMI 41.2 kg/m2", "EF 25%", "BP 158/92", "2 L/min".
 * Units are data (`src/knowledge/units.json`). Later rules read lab values from these.
 */
import type { Quantity } from '../types.js';
import type { Token } from './tokens.js';
import unitData from '../knowledge/units.json';

const UNITS: ReadonlySet<string> = new Set(unitData.units.map((u) => u.toLowerCase()));
const MAX_UNIT_TOKENS = 4;

/** Reads every number token of `tokens` as a quantity, attaching a following unit if it is known. */
export function readQuantities(text: string, tokens: readonly Token[]): Quantity[] {
  const out: Quantity[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    if (t.kind !== 'number') continue;
    const values = t.text.split('/').map((part) => Number(part.replace(/,/g, '')));
    if (values.some((v) => !Number.isFinite(v))) continue;
    const q: Quantity = { start: t.start, end: t.end, values };
    const labelToken = tokens[labelIndex(tokens, i)];
    if (labelToken && labelToken.kind === 'word') {
      q.label = labelToken.norm;
      q.labelStart = labelToken.start;
    }
    // The longest run of following tokens (up to 4, no line break) that spells a known unit.
    let unitEnd = -1;
    for (let j = i + 1; j < tokens.length && j <= i + MAX_UNIT_TOKENS; j++) {
      const u = tokens[j]!;
      if (u.kind === 'newline' || (j === i + 1 && u.start - t.end > 1)) break;
      const candidate = text.slice(tokens[i + 1]!.start, u.end).toLowerCase();
      if (UNITS.has(candidate)) unitEnd = j;
    }
    if (unitEnd > 0) {
      q.unit = text.slice(tokens[i + 1]!.start, tokens[unitEnd]!.end);
      q.end = tokens[unitEnd]!.end;
      i = unitEnd;
    }
    out.push(q);
  }
  return out;
}

/** The index of the word labelling the number at `i`, skipping ":", "=" and "of" ("Na: 128", "BMI of 41"). */
function labelIndex(tokens: readonly Token[], i: number): number {
  let k = i - 1;
  for (let steps = 0; k >= 0 && steps < 2 && (tokens[k]!.text === ':' || tokens[k]!.text === '=' || tokens[k]!.norm === 'of'); steps++) k--;
  return k;
}
