/**
 * Derives the answer-words table from family rule files. Shared by the generator script and the
 * test that keeps plugin/element/answer-words.json in step with the rule data.
 */

/** family id → axis id → value id → phrases (the rule data's own order, at most {@link PHRASES_PER_VALUE}). */
export type AnswerWords = Record<string, Record<string, Record<string, string[]>>>;

/** Phrases kept per value: the first one that reads well before (or after) the evidence is nearly always among them. */
export const PHRASES_PER_VALUE = 4;

interface FamilyFileShape {
  family?: unknown;
  axes?: Record<string, { values?: Record<string, unknown> }>;
}

/** The table for a set of parsed family rule files (keyed by file name, as FAMILY_FILES is). */
export function answerWordsFrom(files: Readonly<Record<string, unknown>>): AnswerWords {
  const table: AnswerWords = {};
  for (const name of Object.keys(files).sort()) {
    const file = files[name] as FamilyFileShape;
    if (typeof file.family !== 'string' || !file.axes) continue;
    const axes: Record<string, Record<string, string[]>> = {};
    for (const [axis, rule] of Object.entries(file.axes)) {
      const values: Record<string, string[]> = {};
      for (const [id, phrases] of Object.entries(rule.values ?? {})) {
        if (!Array.isArray(phrases)) continue;
        values[id] = phrases.filter((p): p is string => typeof p === 'string').slice(0, PHRASES_PER_VALUE);
      }
      axes[axis] = values;
    }
    table[file.family] = axes;
  }
  return table;
}
