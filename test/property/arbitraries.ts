/**
 * Generators of hostile and clinical-looking text for the engine's property tests, and the span
 * contract every analysis must meet, as a list of broken promises (empty when all hold).
 *
 * The vocabulary comes from the knowledge base itself (family terms and value phrases, context
 * triggers, section headers, units), so generated text reaches every stage of the pipeline.
 */
import fc from 'fast-check';
import { FAMILY_FILES } from '../../src/knowledge/families/index.js';
import triggersFile from '../../src/knowledge/context/triggers.json';
import sectionsFile from '../../src/knowledge/sections.json';
import unitsFile from '../../src/knowledge/units.json';
import type { Analysis, Span } from '../../src/types.js';

interface FamilyFile {
  family: string;
  terms: Array<{ text: string }>;
  axes?: Record<string, { values?: Record<string, string[]> }>;
}

const FAMILIES = Object.values(FAMILY_FILES) as FamilyFile[];

/** Every distinct context trigger literal ("no", "history of", "negative for", ...). */
export const TRIGGER_LITERALS: readonly string[] = [...new Set(triggersFile.triggers.map((t) => t.literal))];

/** Each family's terms and axis value phrases ("CHF", "acute on chronic", "right knee"). */
export const FAMILY_PHRASES: ReadonlyMap<string, readonly string[]> = new Map(
  FAMILIES.map((f) => [
    f.family,
    [
      ...f.terms.map((t) => t.text),
      ...Object.values(f.axes ?? {}).flatMap((axis) => Object.values(axis.values ?? {}).flat()),
    ],
  ]),
);

const TERMS = FAMILIES.flatMap((f) => f.terms.map((t) => t.text));
const VALUES = [...FAMILY_PHRASES.values()].flat().filter((p) => !TERMS.includes(p));
const HEADERS = Object.values(sectionsFile.categories as Record<string, string[]>).flat();
const UNITS: readonly string[] = unitsFile.units;

/** Words clinicians write that the families do not name, shorthand and possessives included. */
const FILLER = [
  'patient', 'pt', 'the', 'and', 'with', 'on', 'for', 'in', 'of', 'to', 'is', 'was', 'left knee OA', 'right', 'left',
  'bilateral', 'b/l', 'h/o', 's/p', 'a/c', 'y/o', 'w/o', 'c/o', 'Alzheimer\'s', 'Parkinson\'s', 'Crohn\'s', 'patient\'s',
  'hypertension', 'HTN', 'COPD', 'furosemide', 'Lasix 40 mg PO daily', 'EF 35%', 'BP 158/92', 'stage 3b', '3+ edema',
  'C.H.F.', 'e.g.', 'Dr. Smith', 'vs.', 'PRN', 'q.d.', '(see above)', '[redacted]', '"quoted"', '\'single\'',
];

const PUNCTUATION = ['.', ',', ';', ':', '-', '--', '/', '?', '!', '(', ')', '[', ']', '"', '\'', '*', '#', '...', '•'];
const SEPARATORS = [' ', ' ', ' ', '', '  ', '\n', '\n\n', '\r\n', '\t', ', ', '. ', '.\n', ':\n', ' - ', '\n1. ', '\n- '];

/** A number with a unit and sometimes a label: "Na 128 mEq/L", "3.5 mg/dL", "-2 cm", "1e9 %". */
const quantity: fc.Arbitrary<string> = fc
  .tuple(
    fc.constantFrom('', 'Na ', 'K ', 'Cr ', 'BUN ', 'Hgb ', 'BMI ', 'EF ', 'eGFR ', 'BP ', 'HR ', 'SpO2 ', 'WBC '),
    fc.oneof(fc.integer({ min: -1000, max: 100_000 }).map(String), fc.double({ noNaN: true }).map(String), fc.constantFrom('158/92', '0.5', '.5', '1,000', '1e9')),
    fc.constantFrom('', ' ', ''),
    fc.constantFrom(...UNITS, ''),
  )
  .map(([label, number, space, unit]) => label + number + space + unit);

/** A section header as notes write it: upper or title case, usually with a colon. */
const header: fc.Arbitrary<string> = fc
  .tuple(fc.constantFrom(...HEADERS), fc.boolean(), fc.constantFrom(':', ':', ': ', '', ' -'))
  .map(([h, upper, colon]) => '\n' + (upper ? h.toUpperCase() : h) + colon + '\n');

/** One piece of clinical-looking text. */
const clinicalPiece: fc.Arbitrary<string> = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom(...TERMS) },
  { weight: 3, arbitrary: fc.constantFrom(...VALUES) },
  { weight: 3, arbitrary: fc.constantFrom(...TRIGGER_LITERALS) },
  { weight: 3, arbitrary: fc.constantFrom(...FILLER) },
  { weight: 1, arbitrary: header },
  { weight: 1, arbitrary: quantity },
  { weight: 2, arbitrary: fc.constantFrom(...PUNCTUATION) },
);

/**
 * Clinical-looking text: real terms, value phrases, context triggers, headers, numbers with units,
 * shorthand and punctuation, joined by spaces, newlines, list markers or nothing at all.
 */
export const clinicalText: fc.Arbitrary<string> = fc
  .array(fc.tuple(clinicalPiece, fc.constantFrom(...SEPARATORS)), { maxLength: 120, size: 'max' })
  .map((pieces) => pieces.map(([piece, sep]) => piece + sep).join(''));

/** Any UTF-16 code units, lone surrogates and other ill-formed sequences included. */
export const codeUnitText: fc.Arbitrary<string> = fc
  .array(fc.integer({ min: 0, max: 0xffff }), { maxLength: 2000, size: 'max' })
  .map((units) => String.fromCharCode(...units));

/** Hostile pieces: controls, bidi text and marks, emoji (ZWJ sequences too), markup, odd spaces. */
const HOSTILE = [
  '\u0000', '\u0001', '\u0007', '\b', '\u000b', '\f', '\u001b[31m', '\u007f', '\u0085', '\u009b', '\u2028', '\u2029',
  '\u200e', '\u200f', '\u202a', '\u202b', '\u202c', '\u202d', '\u202e', '\u2066', '\u2067', '\u2068', '\u2069', '\u061c',
  'قصور القلب', 'אי ספיקת לב', '\u202eFHC\u202c', 'CHF\u200f', '\u05d0CHF\u05d1',
  '😀', '👨‍👩‍👧‍👦', '🏳️‍🌈', '👩🏽‍⚕️', '❤️', '🫀', '#️⃣', '🇺🇸', '\ud83d', '\ude00', '\udbff\udfff',
  '<script>alert(1)</script>', '<b>CHF</b>', '<img src=x onerror=alert(1)>', '&amp;', '&#x202e;', '<!-- CHF -->', '</textarea>', '${x}', '{{x}}',
  '\u00a0', '\u2002', '\u2009', '\u200a', '\u202f', '\u205f', '\u3000', '\u1680', '\u200b', '\u200c', '\u200d', '\ufeff', '\u00ad',
  'e\u0301', 'C\u0327H\u0308F', 'ﬁ', 'Ⅳ', '²', '٣', '𝐂𝐇𝐅', 'ＣＨＦ', '\ufffd', '\uffff', '\ufffe',
];

/** Clinical text with hostile pieces (and random code units) mixed in. */
export const hostileText: fc.Arbitrary<string> = fc
  .array(
    fc.oneof(
      { weight: 3, arbitrary: clinicalPiece },
      { weight: 3, arbitrary: fc.constantFrom(...HOSTILE) },
      { weight: 1, arbitrary: fc.integer({ min: 0, max: 0xffff }).map((u) => String.fromCharCode(u)) },
      { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 8 }) },
      { weight: 2, arbitrary: fc.constantFrom(...SEPARATORS) },
    ),
    { maxLength: 200, size: 'max' },
  )
  .map((pieces) => pieces.join(''));

/** Words that wink-nlp's tokenizer has not met before, some possessive ("Xqzvam's"). */
export const novelWords: fc.Arbitrary<string> = fc
  .array(
    fc.tuple(fc.stringMatching(/^[A-Z]?[a-z]{3,9}$/), fc.constantFrom('', '', '\'s', '’s', 's\'', '\'S', 'n\'t', '.')),
    { minLength: 1, maxLength: 30 },
  )
  .map((words) => words.map(([w, suffix]) => w + suffix).join(' '));

function spanProblem(input: string, what: string, span: Span, text?: string): string | undefined {
  const { start, end } = span;
  if (!Number.isInteger(start) || !Number.isInteger(end) || start < 0 || start > end || end > input.length) {
    return `${what}: span [${start}, ${end}) outside [0, ${input.length}]`;
  }
  if (text !== undefined && input.slice(start, end) !== text) {
    return `${what}: text ${JSON.stringify(text)} is not input.slice(${start}, ${end}) = ${JSON.stringify(input.slice(start, end))}`;
  }
  return undefined;
}

/**
 * Every broken span promise of an analysis of `input`: each finding, each of its `mentions`, each
 * mention, section and quantity lies inside the text, and every quoted `text` is
 * `input.slice(start, end)`. Empty when the analysis keeps the contract.
 */
export function spanProblems(input: string, analysis: Analysis): string[] {
  const problems: Array<string | undefined> = [];
  analysis.findings.forEach((f, i) => {
    problems.push(spanProblem(input, `findings[${i}]`, f, f.text));
    f.mentions.forEach((m, k) => problems.push(spanProblem(input, `findings[${i}].mentions[${k}]`, m)));
  });
  analysis.mentions.forEach((m, i) => problems.push(spanProblem(input, `mentions[${i}]`, m, m.text)));
  analysis.sections.forEach((s, i) => {
    problems.push(spanProblem(input, `sections[${i}].span`, s.span));
    problems.push(spanProblem(input, `sections[${i}].headerSpan`, s.headerSpan));
  });
  analysis.quantities.forEach((q, i) => problems.push(spanProblem(input, `quantities[${i}]`, q)));
  return problems.filter((p): p is string => p !== undefined);
}
