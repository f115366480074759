/**
 * Code selection: which code the documented values support now, and which specific codes
 * stating the missing axes would allow.
 */
import type { CandidateCode, CodeRef } from '../types.js';
import type { CodeRule } from './schema.js';

/**
 * True when `code` agrees with `documented`: every key of its `when` equals the documented value,
 * or is "unspecified" and nothing is documented for it.
 */
export function supports(code: CodeRule, documented: Readonly<Record<string, string>>): boolean {
  for (const [key, value] of Object.entries(code.when)) {
    const stated = documented[key];
    if (value === 'unspecified' ? stated !== undefined : stated !== value) return false;
  }
  return true;
}

/**
 * The code the note supports now: of the codes that agree with `documented`, the one with the most
 * keys (ties: the first listed). Falls back to the rule's first code.
 */
export function currentCode(codes: readonly CodeRule[], documented: Readonly<Record<string, string>>): CodeRef {
  let best: CodeRule | undefined;
  for (const code of codes) {
    if (supports(code, documented) && (!best || Object.keys(code.when).length > Object.keys(best.when).length)) best = code;
  }
  const chosen = best ?? codes[0]!;
  return { code: chosen.code, title: chosen.title };
}

/**
 * The codes a complete statement would allow: those that agree with every stated value (a key the
 * note states must not contradict it), keep the default of every unstated `keepDefault` key, and
 * give a specific value to at least one `missing` axis.
 */
export function candidateCodes(codes: readonly CodeRule[], documented: Readonly<Record<string, string>>, missing: readonly string[], keepDefault: readonly string[] = []): CandidateCode[] {
  const out: CandidateCode[] = [];
  for (const code of codes) {
    let specifiesMissing = false;
    let agrees = true;
    for (const [key, value] of Object.entries(code.when)) {
      const stated = documented[key];
      if (stated !== undefined) {
        if (value !== stated) agrees = false;
      } else if (keepDefault.includes(key) && value !== 'unspecified') {
        agrees = false; // the classification's default applies to an unstated key
      } else if (value !== 'unspecified' && missing.includes(key)) {
        specifiesMissing = true;
      }
      // A qualifier the note does not state (the joint of a bare "osteoarthritis") does not exclude a code.
      if (!agrees) break;
    }
    // A code reachable by several value combinations is listed once, with its first combination.
    if (agrees && specifiesMissing && !out.some((c) => c.code === code.code)) out.push({ code: code.code, title: code.title, when: { ...code.when } });
  }
  return out;
}
