/**
 * The shape of a family rule file (`src/knowledge/families/<family>.json`), after validation.
 * The format is documented in `src/knowledge/README.md`.
 */
import type { AxisId, FamilyId, SectionCategory } from '../types.js';

/**
 * Whether a history-only mention is still a current condition (GUIDE rule 5). `chronic`: yes, unless
 * resolved. `episodic`: no. `listed`: neither (anemia, by the guide's validation readings): a bare
 * listing under a past-history or problem-list header is current, but history told in words
 * ("history of anemia", "prior anemia", a past date) is not.
 */
export type Course = 'chronic' | 'episodic' | 'listed';

/** Where a value phrase documents an axis. */
export type ValueScope = 'mention' | 'note' | 'site';
export const VALUE_SCOPES: readonly ValueScope[] = ['mention', 'note', 'site'];
export const COURSES: readonly Course[] = ['chronic', 'episodic', 'listed'];

/** A name of the condition. */
export interface TermRule {
  text: string;
  /** Axis or qualifier values the term itself states ("HFrEF" states type systolic). */
  implies?: Record<string, string>;
  caseSensitive?: boolean;
  course?: Course;
}

/** The phrases that state each value of an axis or qualifier. */
export interface ValueRule {
  values: Record<string, string[]>;
  scope?: ValueScope;
  window?: number;
  /** Axes only: the axis is needed only when another key has one of these values
   *  (laterality only for a paired site). When that key is not stated, the axis is not needed. */
  onlyWhen?: Record<string, string[]>;
  /** Axes only: the axis is not needed when another key has one of these values (no side for the sacrum). */
  notNeededWhen?: Record<string, string[]>;
  /** Qualifiers only: when the note does not state this key, the classification's default applies
   *  (diabetes without a type is type 2), so candidate codes keep its `unspecified` value. */
  keepDefault?: boolean;
  /**
   * Phrases that state a value wherever they stand in the note, because they name the condition's
   * own organ or site together with it ("a 3 cm left ovarian mass" on CT, "a left upper lobe nodule"
   * on pathology). Each group counts only when what is documented for the condition meets its
   * `when` (the organ is the ovary), and only for a key still unstated; a phrase counts only outside
   * the examination, not negated, and not in a sentence that names another condition.
   */
  anywhere?: AnywhereGroup[];
}

/** A group of {@link ValueRule.anywhere} phrases: `values` as in a value rule, `when` as in `onlyWhen`. */
export interface AnywhereGroup {
  when: Record<string, string[]>;
  values: Record<string, string[]>;
}

/** A code and the axis/qualifier values that lead to it ("unspecified" = not stated). */
export interface CodeRule {
  code: string;
  title: string;
  when: Record<string, string>;
}

/** An example that must produce a finding with exactly these missing axes. */
export interface FlagExample {
  text: string;
  missing: AxisId[];
  setting?: 'inpatient' | 'outpatient';
}

/**
 * Another sense of a family's terms (`notWhen`): a term match is not the condition when one of the
 * `after` phrases ends within `window` words before it ("neonatal depression", "absorb the shock"),
 * one of the `before` phrases starts within `window` words after it ("anemia labs pending",
 * "heart failure clinic"), or it sits in one of `sections` ("mild obesity" on examination is a
 * description). `terms` names terms of the family (`"*"`: all of them). Its own examples:
 * each `pass` text has no current mention of the family, each `flag` text has one.
 */
export interface SenseRule {
  terms: string[];
  after: string[];
  before: string[];
  sections: SectionCategory[];
  window: number;
  note: string;
  examples: { flag: string[]; pass: string[] };
}

/** One condition family's specificity rule. */
export interface FamilyRule {
  family: FamilyId;
  title: string;
  description: string;
  note: string;
  source: string[];
  course: Course;
  terms: TermRule[];
  /** Phrases that contain a term but do not name the condition ("pneumonia vaccine"). */
  exclude: string[];
  /** Contexts in which a term names something else (see {@link SenseRule}). */
  notWhen: SenseRule[];
  axes: Partial<Record<AxisId, ValueRule>>;
  qualifiers: Record<string, ValueRule>;
  codes: CodeRule[];
  examples: { flag: FlagExample[]; pass: string[] };
}

/** A code without conditions (the codes of vague terms and indicators). */
export interface PlainCode {
  code: string;
  title: string;
}

/** A `vague-term` rule: wording with no specific code (src/knowledge/vague-terms.json). */
export interface VagueTermRule {
  id: string;
  family: FamilyId | null;
  phrases: string[];
  /** Words that make the phrase specific when they stand within `window` tokens of it. */
  unlessNear: string[];
  /** Words that, within `window` tokens, make the phrase another sense ("pulmonary insufficiency"
   *  of the pulmonary valve): the phrase is not the vague term at all. */
  otherSenseNear: string[];
  window: number;
  /** Statements anywhere in the note that name the specific condition, so that the vague term
   *  needs no query: phrases, and mentions of families (each affirmed and about the patient). */
  yieldTo: { phrases: string[]; families: FamilyId[] };
  message: string;
  note: string;
  source: string[];
  current: PlainCode | null;
  candidates: PlainCode[];
  examples: { flag: string[]; pass: string[] };
}

/** A number condition: a quantity whose label is one of `labels`, in `[atLeast, below)`. */
export interface QuantityCondition {
  labels: string[];
  /** Units the number may carry, lower case; "" for none. Absent: any unit ("Docusate sodium
   *  100 mg" is a dose, not a sodium level, when only "" and "meq/l" are allowed). */
  units?: string[];
  atLeast?: number;
  below?: number;
}

/** An `undocumented-condition` rule (src/knowledge/indicators.json). */
export interface IndicatorRule {
  id: string;
  family: FamilyId | null;
  quantity?: QuantityCondition;
  phrases?: string[];
  /** Longer phrases holding an indicator phrase that mean something else ("insulin level",
   *  "dialysis catheter"): matched first, they are not evidence. */
  exclude: string[];
  /** Words that, within `window` tokens of a phrase, make it another sense (insulin in a wash solution). */
  otherSenseNear: string[];
  window: number;
  documentedBy: string[];
  /** Vague-term rule ids whose finding asks the same question: when one is reported, this rule is not. */
  yieldsTo: string[];
  /** The message; `{values}` is replaced by the quoted values seen. */
  message: string;
  note: string;
  source: string[];
  candidates: PlainCode[];
  examples: { flag: string[]; pass: string[] };
}

/** Which axes hold a single value per condition (src/knowledge/conflicts.json). */
export interface ConflictRules {
  exclusiveAxes: AxisId[];
  compatible: Partial<Record<AxisId, Array<[string, string]>>>;
  /** Values that, both stated for one condition, combine into a third (ICD-10-CM I.B.8: a
   *  condition documented as both acute and chronic is coded acute on chronic when a combination
   *  code exists): `[a, b, combined]`. */
  combine: Partial<Record<AxisId, Array<[string, string, string]>>>;
  /** Axes whose two values stated within one section describe two conditions (one on each side). */
  sameSectionIsTwo: AxisId[];
}

/** Wording that puts a phrase outside "this patient, now" (src/knowledge/not-current.json): each
 *  list applies when one of its phrases stands within its window of the phrase (before it, or on
 *  either side), in its sentence. */
export interface NotCurrentRules {
  lists: Array<{ id: string; window: number; side: 'before' | 'both'; phrases: string[] }>;
}
