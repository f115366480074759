/**
 * The pipeline, start to finish:
 *
 *   text -> tokens -> sentences -> sections -> concept mentions -> assertion context
 *        -> axis values (modifiers) -> specificity rules -> findings
 *
 * Pure and synchronous; the only state is the compiled knowledge base, built once.
 */
import type { Analysis, AnalyzeOptions, Assertion, FamilyId, Finding, Mention, SectionCategory, Setting } from './types.js';
import { tokenize, type Token } from './text/tokens.js';
import { splitSentences, type Sentence } from './text/sentences.js';
import { findSections, sectionAt } from './text/sections.js';
import { readQuantities } from './text/quantities.js';
import { toStream, type Stream } from './concepts/stream.js';
import { compileLexicon, readContext, TRIGGERS, type SentenceContext } from './context/index.js';
import { compileKnowledge, courseOf, type CompiledFamily, type KnowledgeBase, type TermPayload, type ValuePayload } from './rules/knowledge.js';
import type { PhraseMatch } from './concepts/trie.js';
import { missingSpecificity, type NoteFacts, type RuleMention } from './rules/specificity.js';
import { vagueTerms } from './rules/vague.js';
import { undocumentedConditions } from './rules/indicators.js';
import { conflicts } from './rules/conflict.js';
import { uncertainDiagnoses } from './rules/uncertain.js';
import { settleFindings } from './rules/settle.js';
import type { Note } from './rules/note.js';
import { FAMILY_FILES } from './knowledge/families/index.js';
import { aboutAt, readDiscourse, type DiscourseSpan } from './text/discourse.js';
import { parseNoteDate, readTime, type TimeReading } from './context/time.js';
import { assignConfidence } from './rules/confidence.js';

/** Analyses one note. */
export type Analyzer = (text: string, options?: AnalyzeOptions) => Analysis;

let defaultAnalyzer: Analyzer | undefined;

/**
 * Analyses a clinical note with the bundled knowledge base and returns its findings. Never throws
 * on user text: empty or odd text gives no findings. Throws a TypeError for an invalid option.
 */
export function analyze(text: string, options: AnalyzeOptions = {}): Analysis {
  defaultAnalyzer ??= createAnalyzer(compileKnowledge(FAMILY_FILES));
  return defaultAnalyzer(text, options);
}

/** Builds an analyzer over a knowledge base of one's own (see `compileKnowledge`). */
export function createAnalyzer(kb: KnowledgeBase): Analyzer {
  return (text, options = {}) => {
    const setting = checkSetting(options.setting);
    const noteDate = options.noteDate === undefined ? undefined : parseNoteDate(options.noteDate);
    return run(kb, typeof text === 'string' ? text : '', setting, noteDate);
  };
}

function checkSetting(setting: unknown): Setting {
  if (setting === undefined) return 'inpatient';
  if (setting === 'inpatient' || setting === 'outpatient') return setting;
  throw new TypeError(`cdi-lint: setting must be "inpatient" or "outpatient", got ${JSON.stringify(setting)}`);
}

/** Triggers that name a history list ("past medical history consisting of ...", "PMH:") introduce a
 *  listing, not history told in words; for `listed` conditions they are left out. */
const NARRATIVE_HISTORY = compileLexicon(TRIGGERS.map((t) => (t.category === 'historical' && /medical history|^pmh|^past history$|^history$|^hx$/i.test(t.literal) ? { ...t, direction: 'pseudo' as const } : t)));

/** Sections written as lists of statements (each comma-separated item stands alone for time). */
const LIST_SECTIONS: ReadonlySet<SectionCategory> = new Set(['history', 'surgical-history', 'diagnoses', 'assessment', 'family-history']);

/** Sections whose mentions are history (GUIDE rule 5 then decides if they are current). */
const HISTORY_SECTIONS: ReadonlySet<SectionCategory> = new Set(['history', 'surgical-history']);

function run(kb: KnowledgeBase, text: string, setting: Setting, noteDate: number | undefined): Analysis {
  const tokens = tokenize(text);
  const sentences = splitSentences(text, tokens);
  const sections = findSections(text);
  const stream = toStream(tokens);
  const sentenceOfPos = sentenceIndex(stream, tokens, sentences);
  // The note's structure and time: spans about patients in general or other people, and past clauses.
  const discourse = readDiscourse(tokens, stream, sentences, sentenceOfPos, sections);
  const time = readTime(text, tokens, stream, sentences, sentenceOfPos, noteDate, (offset) => LIST_SECTIONS.has(sectionAt(sections, offset).category));
  const reading: Reading = { discourse, time };

  const contextOf = contextCache(text, sentences);
  const blockers: Array<{ family: null; from: number; to: number }> = [];
  const mentions = findMentions(kb, text, tokens, stream, sentenceOfPos, sections, contextOf, blockers, reading, sentences);
  const byFamily = new Map<FamilyId, RuleMention[]>();
  for (const m of mentions) {
    const list = byFamily.get(m.family);
    if (list) list.push(m);
    else byFamily.set(m.family, [m]);
  }

  // Stream positions covered by a mention of some family: values are not read from them for others.
  const owner: Owner = new Array(stream.keys.length);
  for (const m of [...mentions, ...blockers]) for (let i = m.from; i < m.to; i++) owner[i] ??= m;
  // The word count of each position, where every position of one condition name counts once.
  const unit = new Int32Array(stream.keys.length);
  for (let i = 0, u = -1; i < unit.length; i++) {
    if (!(i > 0 && owner[i] !== undefined && owner[i] === owner[i - 1])) u++;
    unit[i] = u;
  }
  // A value phrase under negation ("denies hypoglycemia", "no acute exacerbation") states nothing.
  const negated = (from: number, to: number): boolean => {
    const sentence = sentenceOfPos[from]!;
    if (sentence < 0) return false;
    const span = { start: tokens[stream.token[from]!]!.start, end: tokens[stream.token[to - 1]!]!.end };
    return contextOf(sentence)?.assert(span).negated ?? false;
  };
  const allowed = (family: FamilyId, from: number, to: number) => valueAllowed(owner, family, from, to) && !negated(from, to);

  const matchCache = new Map<FamilyId, NoteMatches>();
  const noteMatches = (family: CompiledFamily): NoteMatches =>
    cached(matchCache, family.rule.family, () => family.values.matchAll(stream).filter((m) => allowed(family.rule.family, m.from, m.to)));
  const noteCache = new Map<FamilyId, Record<string, string>>();
  const pairCache = new Map<FamilyId, SitePair[]>();
  const anywhereCache = new Map<FamilyId, ReturnType<NoteFacts['anywhereValues']>>();
  const facts: NoteFacts = {
    text, tokens, stream, setting,
    noteValues: (family) => cached(noteCache, family.rule.family, () => noteValues(family, () => noteMatches(family))),
    sitePairs: (family) => cached(pairCache, family.rule.family, () => sitePairs(family, () => noteMatches(family), sentenceOfPos)),
    // Outside the examination (which describes both sides), not negated, and not in a sentence that
    // names another condition, whose side it would be ("left upper lobe ... consistent with pneumonia").
    anywhereValues: (family) => cached(anywhereCache, family.rule.family, () => {
      const others = new Set<number>();
      for (const m of mentions) if (m.family !== family.rule.family) others.add(m.sentence);
      for (const b of blockers) others.add(sentenceOfPos[b.from]!);
      return (family.anywhere?.matchAll(stream) ?? [])
        .filter((m) => !others.has(sentenceOfPos[m.from]!) && sectionAt(sections, tokens[stream.token[m.from]!]!.start).category !== 'exam' && allowed(family.rule.family, m.from, m.to))
        .flatMap((m) => m.payloads);
    }),
  };

  const spanOf = (from: number, to: number) => ({ start: tokens[stream.token[from]!]!.start, end: tokens[stream.token[to - 1]!]!.end });
  const note: Note = {
    text, tokens, stream, sentenceOfPos, setting, spanOf,
    sectionAt: (offset) => sectionAt(sections, offset).category,
    assertionAt: (from, to) => {
      const span = spanOf(from, to);
      return assertionOf(contextOf(sentenceOfPos[from]!), span.start, span.end, sectionAt(sections, span.start).category, reading, from);
    },
  };
  const quantities = readQuantities(text, tokens);

  const findings: Finding[] = [];
  for (const [familyId, familyMentions] of byFamily) {
    const family = kb.families.get(familyId)!;
    for (const m of familyMentions) readValues(family, m, stream, allowed, sentenceOfPos, unit);
    findings.push(...missingSpecificity(family, familyMentions, facts));
    findings.push(...conflicts(kb, family, familyMentions));
    findings.push(...uncertainDiagnoses(family, familyMentions, setting));
  }
  findings.push(...vagueTerms(kb, note));
  findings.push(...undocumentedConditions(kb, note, quantities, mentions));
  // One place for every kind: findings settle (a vague term yields, one question per condition), a
  // finding whose evidence is not about this patient now is dropped, and each one that stays gets its
  // confidence.
  const settled = settleFindings(findings, kb, note, mentions);
  const kept = assignConfidence(settled.filter((f) => isAboutPatientNow(f, reading)), mentions);
  findings.splice(0, findings.length, ...kept);
  findings.sort((a, b) => a.start - b.start || (a.family ?? '').localeCompare(b.family ?? '') || a.kind.localeCompare(b.kind));
  return { findings, mentions: mentions.map(publicMention), sections, quantities, setting };
}

/** The structure and time reading of a note, consulted for every assertion. */
interface Reading {
  discourse: DiscourseSpan[];
  time: TimeReading;
}

/**
 * Whether a finding's evidence is about this patient now: not inside text about patients in
 * general or about another person. Applies to every finding kind, whatever rule made it.
 */
function isAboutPatientNow(f: Finding, reading: Reading): boolean {
  return aboutAt(reading.discourse, f.start, f.end) === undefined;
}

/** What covers each stream position: a mention of a family, or (family null) a phrase naming
 *  another condition or an exclusion. */
type Owner = Array<{ family: FamilyId | null; from: number; to: number } | undefined>;

/**
 * True when a value phrase at `[from, to)` may be read for `family`: it may contain another
 * condition's name whole ("anemia of chronic kidney disease") but not a piece of one (the "acute"
 * of "acute kidney injury" says nothing of a heart failure).
 */
function valueAllowed(owner: Owner, family: FamilyId, from: number, to: number): boolean {
  for (let i = from; i < to; i++) {
    const m = owner[i];
    if (m && m.family !== family && (m.family === null || m.from < from || m.to > to)) return false;
  }
  return true;
}

/** Whether a value phrase at stream positions `[from, to)` may state a value for `family`. */
type Allowed = (family: FamilyId, from: number, to: number) => boolean;

function cached<K, V>(cache: Map<K, V>, key: K, make: () => V): V {
  let value = cache.get(key);
  if (value === undefined) {
    value = make();
    cache.set(key, value);
  }
  return value;
}

/** The sentence of each stream position (-1 for line breaks between sentences). */
function sentenceIndex(stream: Stream, tokens: readonly Token[], sentences: readonly Sentence[]): Int32Array {
  const ofToken = new Int32Array(tokens.length).fill(-1);
  sentences.forEach((s, index) => ofToken.fill(index, s.firstToken, s.endToken));
  const ofPos = new Int32Array(stream.keys.length);
  for (let i = 0; i < ofPos.length; i++) ofPos[i] = tokens[stream.token[i]!]!.kind === 'newline' ? -1 : ofToken[stream.token[i]!]!;
  return ofPos;
}

/** The ConText reading of each sentence, made on first use. */
function contextCache(text: string, sentences: readonly Sentence[]): (sentence: number) => SentenceContext | undefined {
  const contexts = new Map<number, SentenceContext>();
  return (index) => {
    const s = sentences[index];
    if (!s) return undefined;
    let context = contexts.get(index);
    if (!context) {
      context = readContext(text, s);
      contexts.set(index, context);
    }
    return context;
  };
}

function findMentions(
  kb: KnowledgeBase, text: string, tokens: readonly Token[], stream: Stream, sentenceOfPos: Int32Array,
  sections: ReturnType<typeof findSections>, contextOf: (sentence: number) => SentenceContext | undefined,
  blockers: Array<{ family: null; from: number; to: number }>, reading: Reading, sentences: readonly Sentence[],
): RuleMention[] {
  const out: RuleMention[] = [];
  for (const outer of kb.terms.matchAll(stream)) {
    const named = mentionsOf(outer, new Set<FamilyId>());
    if (named.size === 0) {
      blockers.push({ family: null, from: outer.from, to: outer.to });
      continue;
    }
    // A condition named inside another's name is a mention of its own when it belongs to another
    // family ("anemia in CKD" names the CKD, "acute on chronic renal failure" the chronic kidney
    // disease): the longest term inside, at each position, of a family the outer term is not.
    for (let i = outer.from; i < outer.to; ) {
      const inner = kb.terms.matchAt(stream, i, outer.to);
      if (!inner || (inner.from === outer.from && inner.to === outer.to)) {
        i++;
        continue;
      }
      mentionsOf({ ...inner, payloads: inner.payloads.filter((p) => p.family !== null && !named.has(p.family)) }, new Set(named));
      i = inner.to;
    }
  }
  return out;

  /** Pushes the mentions a term match makes (one per family, `seen` excluded); returns their families. */
  function mentionsOf(match: PhraseMatch<TermPayload>, seen: Set<FamilyId>): Set<FamilyId> {
    const made = new Set<FamilyId>();
    const start = tokens[stream.token[match.from]!]!.start;
    const end = tokens[stream.token[match.to - 1]!]!.end;
    const sentence = sentenceOfPos[match.from]!;
    const section = sectionAt(sections, start).category;
    for (const { family: familyId, term } of match.payloads) {
      if (!term || !familyId || seen.has(familyId)) continue;
      const family = kb.families.get(familyId)!;
      if (otherSense(family, term.text, match.from, match.to, stream, sentenceOfPos, section)) continue;
      seen.add(familyId);
      made.add(familyId);
      const assertion = assertionOf(contextOf(sentence), start, end, section, reading, match.from);
      const course = courseOf(family, term);
      // History told in words (a trigger or a past clause), as opposed to a history header, even one
      // written inline in the same sentence ("PAST MEDICAL HISTORY: Anemia, ...").
      const toldAsHistory = () => {
        const s = sentences[sentence];
        const header = sectionAt(sections, start).headerSpan;
        const from = s ? Math.max(s.start, header.end <= start ? header.end : s.start) : start;
        const context = s ? readContext(text, { start: from, end: s.end }, NARRATIVE_HISTORY) : undefined;
        return assertionOf(context, start, end, 'other', reading, match.from).historical;
      };
      const historyOnly = assertion.historical && (course === 'episodic' || (course === 'listed' && toldAsHistory()));
      const current = !assertion.negated && !assertion.hypothetical && !assertion.uncertain && assertion.experiencer === 'patient' && !historyOnly;
      out.push({
        family: familyId, start, end, text: text.slice(start, end), term: term.text, assertion, section, current,
        values: { ...(term.implies ?? {}) }, from: match.from, to: match.to, sentence,
        time: { past: reading.time.pastAt(match.from), tense: reading.time.tenseAt(match.from) },
      });
    }
    return made;
  }
}

/**
 * The assertion of a mention: ConText within its sentence, then the section (family history is
 * someone else's, past history is history), the note's structure (text about patients in general
 * is not particular, text about a relative is theirs) and time told in narrative (a past clause).
 */
function assertionOf(context: SentenceContext | undefined, start: number, end: number, section: SectionCategory, reading: Reading, pos: number): Assertion {
  let assertion: Assertion = context?.assert({ start, end }) ?? { negated: false, historical: false, hypothetical: false, experiencer: 'patient', uncertain: false };
  if (section === 'family-history') assertion = { ...assertion, experiencer: 'other' };
  if (HISTORY_SECTIONS.has(section)) assertion = { ...assertion, historical: true };
  const about = aboutAt(reading.discourse, start, end);
  if (about === 'general') assertion = { ...assertion, hypothetical: true };
  if (about === 'other') assertion = { ...assertion, experiencer: 'other' };
  if (!assertion.historical && reading.time.pastAt(pos) !== undefined) assertion = { ...assertion, historical: true };
  return assertion;
}

/**
 * Whether a term match names something else in its context (the family's `notWhen` entries and
 * the global ones): "neonatal depression", "absorb the shock", "anemia labs", "mild obesity" on
 * examination.
 */
function otherSense(family: CompiledFamily, term: string, from: number, to: number, stream: Stream, sentenceOfPos: Int32Array, section: SectionCategory): boolean {
  if (family.senses.length === 0) return false;
  const sentence = sentenceOfPos[from];
  const lower = term.toLowerCase();
  for (const sense of family.senses) {
    if (sense.terms && !sense.terms.has(lower)) continue;
    if (sense.sections.has(section)) return true;
    const window = sense.rule.window;
    for (let k = from - 1; k >= 0 && k >= from - window - 4 && sentenceOfPos[k] === sentence; k--) {
      const m = sense.after.matchAt(stream, k, from);
      if (m && from - m.to < window) return true;
    }
    for (let k = to; k < stream.keys.length && k < to + window && sentenceOfPos[k] === sentence; k++) {
      if (sense.before.matchAt(stream, k)) return true;
    }
  }
  return false;
}

/**
 * Reads the axis and qualifier values near a mention: within the family's window, inside the
 * mention's sentence, not past a ";" and not from words that name another family's condition.
 * The closest phrase wins for each key; the term's own `implies` win over all.
 */
function readValues(family: CompiledFamily, m: RuleMention, stream: Stream, allowed: Allowed, sentenceOfPos: Int32Array, unit: Int32Array): void {
  const inScope = (i: number) => sentenceOfPos[i] === m.sentence && stream.keys[i] !== ';';
  // Distances count words, with a condition's whole name as one word ("CHF due to atrial
  // fibrillation and systolic dysfunction": "systolic" is four words from "CHF").
  let lo = m.from;
  while (lo > 0 && inScope(lo - 1) && unit[m.from]! - unit[lo - 1]! <= family.maxWindow) lo--;
  let hi = m.to;
  while (hi < stream.keys.length && inScope(hi) && unit[hi]! - unit[m.to - 1]! <= family.maxWindow) hi++;
  // A phrase that starts (or ends) inside the window may run past it ("... possible iron
  // deficiency"): search a few words wider, keeping only matches that overlap the window.
  let wideLo = lo;
  let wideHi = hi;
  for (let extra = 0; extra < 4 && wideHi < stream.keys.length && inScope(wideHi); extra++) wideHi++;
  for (let extra = 0; extra < 4 && wideLo > 0 && inScope(wideLo - 1); extra++) wideLo--;
  const best = new Map<string, { value: string; distance: number }>();
  for (const match of family.values.matchAll(stream, wideLo, wideHi)) {
    if (match.from >= hi || match.to <= lo) continue;
    if (!allowed(family.rule.family, match.from, match.to)) continue;
    const distance = match.from >= m.to ? unit[match.from]! - unit[m.to - 1]! - 1 : match.to <= m.from ? unit[m.from]! - unit[match.to - 1]! - 1 : 0;
    for (const { key, value } of match.payloads) {
      const spec = family.keys.get(key);
      if (!spec || spec.scope === 'note' || distance > spec.window) continue;
      const previous = best.get(key);
      if (!previous || distance < previous.distance) best.set(key, { value, distance });
    }
  }
  for (const [key, { value }] of best) m.values[key] ??= value;
}

/** A site-scoped value stated next to a site. `self`: the value phrase is the site word itself
 *  ("knees" states both knees): it documents that site only, never a condition with no site. */
type SitePair = { key: string; site: string | undefined; value: string; self: boolean };

/** Every value phrase of a family in the whole note that may state a value for it (computed once per family). */
type NoteMatches = ReadonlyArray<PhraseMatch<ValuePayload>>;

/** Values of `note`-scoped keys found anywhere in the note (the first occurrence wins). */
function noteValues(family: CompiledFamily, matches: () => NoteMatches): Record<string, string> {
  const out: Record<string, string> = {};
  const noteKeys = [...family.keys].filter(([, spec]) => spec.scope === 'note').map(([key]) => key);
  if (noteKeys.length === 0) return out;
  for (const match of matches()) {
    for (const { key, value } of match.payloads) if (noteKeys.includes(key)) out[key] ??= value;
  }
  return out;
}

/**
 * For `site`-scoped keys: each value phrase stated within the key's window of a `site` phrase in
 * the same sentence, anywhere in the note ("right knee" in the exam). Sites are indexed by
 * sentence, so the cost is linear in the note.
 */
function sitePairs(family: CompiledFamily, noteMatches: () => NoteMatches, sentenceOfPos: Int32Array): SitePair[] {
  const siteKeys = [...family.keys].filter(([, spec]) => spec.scope === 'site');
  if (siteKeys.length === 0 || !family.keys.has('site')) return [];
  const matches = noteMatches();
  const sitesBySentence = new Map<number, Array<{ from: number; to: number; site: string }>>();
  for (const m of matches) {
    for (const p of m.payloads) {
      if (p.key !== 'site') continue;
      const sentence = sentenceOfPos[m.from]!;
      const list = sitesBySentence.get(sentence);
      const site = { from: m.from, to: m.to, site: p.value };
      if (list) list.push(site);
      else sitesBySentence.set(sentence, [site]);
    }
  }
  const pairs: SitePair[] = [];
  for (const m of matches) {
    const sites = sitesBySentence.get(sentenceOfPos[m.from]!);
    if (!sites) continue;
    for (const { key, value } of m.payloads) {
      const spec = family.keys.get(key);
      if (!spec || spec.scope !== 'site') continue;
      let nearest: { site: string; distance: number; self: boolean } | undefined;
      for (const s of sites) {
        const distance = s.from >= m.to ? s.from - m.to : m.from >= s.to ? m.from - s.to : 0;
        if (distance <= spec.window && (!nearest || distance < nearest.distance)) nearest = { site: s.site, distance, self: s.from === m.from && s.to === m.to };
      }
      if (nearest) pairs.push({ key, site: nearest.site, value, self: nearest.self });
    }
  }
  return pairs;
}

function publicMention(m: RuleMention): Mention {
  return { family: m.family, start: m.start, end: m.end, text: m.text, term: m.term, assertion: m.assertion, section: m.section, current: m.current, values: m.values };
}
