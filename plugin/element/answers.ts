/**
 * The answers a finding can take: for each missing axis, the values that lead to a more specific
 * code, each with the words to insert next to the evidence ("acute on chronic" before "CHF").
 *
 * The words come from the rule data (the first phrase of each value, see answer-words.json); this
 * module only picks a phrase that reads well beside the evidence and says where it goes.
 */
import type { AxisId, Finding } from '../../src/index.js';
import type { AnswerWords } from './answer-words-source.js';
import answerWordsJson from './answer-words.json' with { type: 'json' };

const ANSWER_WORDS = answerWordsJson as AnswerWords;

/** One value a user can choose for an axis. */
export interface AnswerChoice {
  axis: AxisId;
  /** Value id from the rule data, e.g. `acute-on-chronic`. */
  value: string;
  /** The words inserted, e.g. `acute on chronic`; also the button label. */
  wording: string;
  /** Where the words go: `before` the evidence ("acute CHF") or `after` it ("anemia of chronic disease"). */
  placement: 'before' | 'after';
}

/** The choices of one missing axis. */
export interface AnswerGroup {
  axis: AxisId;
  /** The axis as words: `acuity`. */
  label: string;
  choices: AnswerChoice[];
}

/** Phrases that attach after a noun ("anemia of CKD", "pneumonia due to aspiration"). */
const POSTPOSITIVE = /^(?:of|due to|secondary to|from|with|caused by)\b/i;
/** Short all-capitals abbreviations ("AoCD", "ATN"): a written-out phrase that names the condition reads better. */
const ABBREVIATION = /^(?=(?:[^A-Z]*[A-Z]){2})[A-Za-z0-9]{2,6}$/;

/** An id as words: `acute-on-chronic` → `acute on chronic`. */
export function idLabel(id: string): string {
  return id.replace(/-/g, ' ');
}

/** Lower-case words of a string, for comparing phrases with the evidence. */
function words(text: string): string[] {
  return text.toLowerCase().split(/[^\p{L}\p{N}]+/u).filter((w) => w.length > 0);
}

/** `phrase` without the words it shares with the evidence ("gram-negative pneumonia" beside "pneumonia" → "gram-negative"). */
function withoutEvidenceWords(phrase: string, evidence: ReadonlySet<string>): string {
  return phrase
    .split(/\s+/)
    .filter((token) => !evidence.has(token.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '')))
    .join(' ')
    .trim();
}

/** The words to insert for one value, and where, given the evidence text. */
export function wordingFor(phrases: readonly string[], valueId: string, evidenceText: string): Pick<AnswerChoice, 'wording' | 'placement'> {
  const evidence = new Set(words(evidenceText));
  const names = (phrase: string): boolean => words(phrase).some((w) => evidence.has(w));
  const first = phrases[0];
  let phrase = first ?? idLabel(valueId);
  if (first !== undefined && ABBREVIATION.test(first)) {
    const written = phrases.find((p) => p !== first && names(p));
    if (written !== undefined) phrase = written;
  }
  if (names(phrase)) phrase = withoutEvidenceWords(phrase, evidence) || idLabel(valueId);
  return { wording: phrase, placement: POSTPOSITIVE.test(phrase) ? 'after' : 'before' };
}

/**
 * The answer groups of a finding: one per missing axis that the rule data has values for. When the
 * finding's candidate codes name values of that axis, only those values are offered (each leads to a code).
 */
export function answerGroups(finding: Finding, table: AnswerWords = ANSWER_WORDS): AnswerGroup[] {
  if (finding.family === null || finding.kind !== 'missing-specificity') return [];
  const axes = table[finding.family];
  if (!axes) return [];
  const groups: AnswerGroup[] = [];
  for (const axis of finding.axes) {
    const values = axes[axis];
    if (!values) continue;
    const leading = new Set(finding.codes.candidates.map((c) => c.when[axis]).filter((v): v is string => v !== undefined));
    const choices = Object.entries(values)
      .filter(([id]) => leading.size === 0 || leading.has(id))
      .map(([value, phrases]) => ({ axis, value, ...wordingFor(phrases, value, finding.text) }));
    if (choices.length > 0) groups.push({ axis, label: idLabel(axis), choices });
  }
  return groups;
}

/** Where the answer's words go in the analysed text, and the exact text inserted (with its separating space). */
export function answerInsertion(finding: Pick<Finding, 'start' | 'end'>, choice: Pick<AnswerChoice, 'wording' | 'placement'>): { at: number; text: string } {
  return choice.placement === 'before'
    ? { at: finding.start, text: `${choice.wording} ` }
    : { at: finding.end, text: ` ${choice.wording}` };
}
