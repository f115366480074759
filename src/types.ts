/**
 * The public shapes of the engine: options, findings and the analysis result.
 *
 * Every span in this module is a half-open range of UTF-16 code-unit offsets into the analysed
 * text, so that `text.slice(span.start, span.end)` is exactly the evidence. Only
 * `plugin/positions.ts` converts them to editor positions.
 */

/** Condition families, exactly the ids of shared/eval/taxonomy.json. Closed: the rule loader rejects others. */
export const FAMILIES = [
  'heart-failure', 'respiratory-failure', 'sepsis', 'malnutrition', 'encephalopathy',
  'acute-kidney-injury', 'chronic-kidney-disease', 'anemia', 'pneumonia', 'diabetes',
  'pressure-injury', 'obesity', 'fracture', 'stroke', 'asthma', 'depression',
  'urinary-tract-infection', 'cellulitis', 'atrial-fibrillation', 'shock', 'thrombocytopenia',
  'gi-bleed', 'deep-vein-thrombosis', 'osteomyelitis', 'myocardial-infarction', 'dementia',
  'cancer', 'cardiomyopathy', 'chronic-ulcer', 'musculoskeletal', 'eye', 'ear', 'breast',
] as const;
export type FamilyId = (typeof FAMILIES)[number];

/** Specificity axes, exactly the ids of shared/eval/taxonomy.json. Closed. */
export const AXES = [
  'laterality', 'acuity', 'type', 'severity', 'stage', 'site', 'organism', 'cause', 'episode',
  'status', 'encounter', 'depth',
] as const;
export type AxisId = (typeof AXES)[number];

/**
 * Kinds of finding:
 * - `missing-specificity`: a current, affirmed condition whose code needs an axis the note never states;
 * - `vague-term`: wording that has no specific code and always needs a query ("urosepsis");
 * - `undocumented-condition`: values in the note that suggest a condition the note does not name
 *   (BMI 42 with no weight diagnosis); a reason to ask, never a diagnosis;
 * - `conflict`: one condition documented two incompatible ways in the same note;
 * - `uncertain-diagnosis`: a hedged diagnosis in an outpatient note, which cannot be coded there
 *   (ICD-10-CM IV.H); asks for the confirmed diagnosis or the symptoms.
 */
export const FINDING_KINDS = ['missing-specificity', 'vague-term', 'undocumented-condition', 'conflict', 'uncertain-diagnosis'] as const;
export type FindingKind = (typeof FINDING_KINDS)[number];

/** How loudly a finding should be shown. `warning` blocks a specific code; `info` is advisory. */
export type Severity = 'warning' | 'info';

/** Care setting; it changes how hedged diagnoses are coded (ICD-10-CM guidelines II.H vs IV.H). */
export type Setting = 'inpatient' | 'outpatient';

/** Options of {@link analyze}. */
export interface AnalyzeOptions {
  /** Care setting. Default `inpatient`. */
  setting?: Setting;
  /**
   * The note's own date, an ISO date string ("2026-12-02"; a full ISO timestamp is read by its
   * date). It is the reference for dates written in the note: an episodic condition told with a
   * date more than 30 days earlier, or a year before this one, is history. Without it, the latest
   * full date written in the note is the reference. An invalid value is a TypeError.
   */
  noteDate?: string;
}

/** A half-open UTF-16 range `[start, end)` into the analysed text. */
export interface Span {
  start: number;
  end: number;
}

/** Who experiences a condition. */
export type Experiencer = 'patient' | 'other';

/** The ConText assertion of one mention. */
export interface Assertion {
  negated: boolean;
  historical: boolean;
  hypothetical: boolean;
  experiencer: Experiencer;
  uncertain: boolean;
}

/** An ICD-10-CM code with its official title. */
export interface CodeRef {
  code: string;
  title: string;
}

/** A code a more specific statement would allow, with the axis values that lead to it. */
export interface CandidateCode extends CodeRef {
  when: Record<string, string>;
}

/** Section categories; the section a mention sits in informs its context. */
export type SectionCategory =
  | 'chief-complaint' | 'hpi' | 'history' | 'surgical-history' | 'family-history'
  | 'social-history' | 'ros' | 'exam' | 'labs' | 'imaging' | 'assessment' | 'plan'
  | 'diagnoses' | 'medications' | 'allergies' | 'procedure' | 'other';

/** A section of the note: its header and the text it governs. */
export interface Section {
  /** The header as written, e.g. "PAST MEDICAL HISTORY". Empty for text before any header. */
  header: string;
  category: SectionCategory;
  /** The header's own span (empty span for the leading section with no header). */
  headerSpan: Span;
  /** The body: from after the header to the next header. */
  span: Span;
}

/** One problem the analyser found. The single shape for every kind. */
export interface Finding {
  /** Stable within one text: kind, family and the evidence offsets. */
  id: string;
  kind: FindingKind;
  severity: Severity;
  /** The condition family, or null for a finding about a condition outside the families. */
  family: FamilyId | null;
  /** Axes the note does not state for this condition (for `conflict`: the axis stated two ways). */
  axes: AxisId[];
  /** The evidence: the first mention that lacks the axes. */
  start: number;
  end: number;
  /** `text === input.slice(start, end)`. */
  text: string;
  /** Every current, affirmed mention of the condition in the note (the first is the evidence);
   *  for `undocumented-condition`, the values that suggest it; for `conflict`, both statements. */
  mentions: Span[];
  assertion: Assertion;
  /** Section the evidence sits in. */
  section: SectionCategory;
  /** Short message for the clinician; names no code. */
  message: string;
  codes: {
    /** What the note supports now; null when nothing can be coded from the wording as it stands. */
    current: CodeRef | null;
    /** What stating the missing axes would allow. */
    candidates: CandidateCode[];
  };
  /** Values the note does state for this condition's axes (e.g. `{acuity: 'acute'}`). */
  documented: Record<string, string>;
  /** Id of the rule that produced the finding, and its citations. */
  rule: string;
  source: string[];
}

/** A condition mention with its context, as the engine saw it (for debugging and the CLI). */
export interface Mention {
  family: FamilyId;
  start: number;
  end: number;
  text: string;
  term: string;
  assertion: Assertion;
  section: SectionCategory;
  /** True when the mention counts as a current condition of this patient. */
  current: boolean;
  /** Axis and qualifier values found for this mention. */
  values: Record<string, string>;
}

/** A number read from the note, with its unit and label when present ("Na 128 mEq/L"). */
export interface Quantity extends Span {
  /** One number, or two for a ratio such as a blood pressure "158/92". */
  values: number[];
  unit?: string;
  /** The word just before the number ("na", "bmi", "ef"), lower case. */
  label?: string;
  /** Where that label starts, so that "Na 128 mEq/L" can be quoted whole. */
  labelStart?: number;
}

/** The result of {@link analyze}. */
export interface Analysis {
  findings: Finding[];
  mentions: Mention[];
  sections: Section[];
  quantities: Quantity[];
  setting: Setting;
}
