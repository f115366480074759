/**
 * The note's discourse structure beyond section headers: spans that are not about this patient now.
 *
 * - `general`: text about patients in general. A cue such as "risks include", "complications such
 *   as", "signs and symptoms" covers the rest of its sentence, as does a list opened ("including",
 *   "which includes") after a list noun ("risks", "complications") of the same sentence; a
 *   definition cue ("is an infection of")
 *   covers its whole sentence; a section whose header names education, instructions or consent is
 *   general as a whole.
 * - `other`: text about another person. A relative named as the subject of a clause ("Her father
 *   died of ...", "; the oldest brother had ...", ", but his mother ...") covers the clause and what
 *   follows in the sentence, through "but" and relative clauses ("but she died of ..."), until a
 *   semicolon, the sentence end, or a word that returns to the patient ("the patient", "she reports").
 *
 * The data is `src/knowledge/context/discourse.json`, validated on load. The spans are read once per
 * note, linearly; a mention inside one is not a current condition of the patient for any rule.
 */
import type { Section, Span } from '../types.js';
import type { Stream } from '../concepts/stream.js';
import type { Token } from './tokens.js';
import type { Sentence } from './sentences.js';
import { PhraseTrie } from '../concepts/trie.js';
import raw from '../knowledge/context/discourse.json' with { type: 'json' };

/** What a discourse span is about. */
export type About = 'general' | 'other';

/** A span of the note that is not about this patient now. */
export interface DiscourseSpan extends Span {
  about: About;
}

/** The validated cue lists. */
export interface DiscourseData {
  general: { forward: string[]; sentence: string[]; sectionWords: string[]; listNouns: string[]; listOpeners: string[] };
  otherPerson: { relatives: string[]; determiners: string[]; qualifiers: string[]; clauseOpeners: string[]; returnToPatient: string[] };
  examples: { general: string[]; otherPerson: string[]; patient: string[] };
}

/** The data file's path, for error messages. */
export const DISCOURSE_FILE = 'src/knowledge/context/discourse.json';

/**
 * Checks discourse data: exactly the documented keys, each a non-empty list of non-empty strings.
 * Throws an Error naming the file and the key.
 */
export function validateDiscourse(data: unknown, file = DISCOURSE_FILE): DiscourseData {
  const fail = (m: string): never => {
    throw new Error(`${file}: ${m}`);
  };
  const obj = (v: unknown, where: string, keys: readonly string[]): Record<string, unknown> => {
    if (typeof v !== 'object' || v === null || Array.isArray(v)) fail(`${where} must be an object`);
    const o = v as Record<string, unknown>;
    for (const k of Object.keys(o)) if (!keys.includes(k)) fail(`${where}: unknown key "${k}"; allowed keys: ${keys.join(', ')}`);
    for (const k of keys) if (o[k] === undefined && !['description', 'source'].includes(k)) fail(`${where}: missing "${k}"`);
    return o;
  };
  const list = (v: unknown, where: string): string[] => {
    if (!Array.isArray(v) || v.length === 0 || !v.every((s) => typeof s === 'string' && s.trim() !== '')) fail(`${where} must be a non-empty list of non-empty strings`);
    return v as string[];
  };
  const top = obj(data, 'discourse data', ['description', 'source', 'general', 'otherPerson', 'examples']);
  list(top.source, 'source');
  const general = obj(top.general, 'general', ['forward', 'sentence', 'sectionWords', 'listNouns', 'listOpeners']);
  const other = obj(top.otherPerson, 'otherPerson', ['relatives', 'determiners', 'qualifiers', 'clauseOpeners', 'returnToPatient']);
  const examples = obj(top.examples, 'examples', ['general', 'otherPerson', 'patient']);
  return {
    general: {
      forward: list(general.forward, 'general.forward'), sentence: list(general.sentence, 'general.sentence'), sectionWords: list(general.sectionWords, 'general.sectionWords'),
      listNouns: list(general.listNouns, 'general.listNouns'), listOpeners: list(general.listOpeners, 'general.listOpeners'),
    },
    otherPerson: {
      relatives: list(other.relatives, 'otherPerson.relatives'), determiners: list(other.determiners, 'otherPerson.determiners'),
      qualifiers: list(other.qualifiers, 'otherPerson.qualifiers'), clauseOpeners: list(other.clauseOpeners, 'otherPerson.clauseOpeners'),
      returnToPatient: list(other.returnToPatient, 'otherPerson.returnToPatient'),
    },
    examples: { general: list(examples.general, 'examples.general'), otherPerson: list(examples.otherPerson, 'examples.otherPerson'), patient: list(examples.patient, 'examples.patient') },
  };
}

/** The bundled data, validated on import. */
export const DISCOURSE: DiscourseData = validateDiscourse(raw);

type Cue = 'forward' | 'sentence' | 'return' | 'noun' | 'opener' | 'neutral';

interface Compiled {
  cues: PhraseTrie<Cue>;
  relatives: Set<string>;
  determiners: Set<string>;
  qualifiers: Set<string>;
  openers: Set<string>;
  sectionWords: string[];
}

let compiled: Compiled | undefined;

function compile(data: DiscourseData): Compiled {
  const cues = new PhraseTrie<Cue>();
  cues.addMany([
    ...data.general.forward.map((phrase) => ({ phrase, payload: 'forward' as Cue })),
    ...data.general.sentence.map((phrase) => ({ phrase, payload: 'sentence' as Cue })),
    ...data.otherPerson.returnToPatient.map((phrase) => ({ phrase, payload: 'return' as Cue })),
    ...data.general.listNouns.map((phrase) => ({ phrase, payload: 'noun' as Cue })),
    ...data.general.listOpeners.map((phrase) => ({ phrase, payload: 'opener' as Cue })),
    // The patient's own risk factors are not a list of risks in general.
    ...['risk factor', 'risk factors'].map((phrase) => ({ phrase, payload: 'neutral' as Cue })),
    // A patient's own report returns to the patient ("she reports", "he denies").
    ...['reports', 'states', 'complains', 'denies', 'endorses'].flatMap((v) => ['she', 'he'].map((p) => ({ phrase: `${p} ${v}`, payload: 'return' as Cue }))),
  ]);
  const lower = (list: string[]) => new Set(list.map((s) => s.toLowerCase()));
  return {
    cues,
    // Each relative with its possessive forms ("mother's", "mother’s"), so that a key is looked up once.
    relatives: new Set(data.otherPerson.relatives.flatMap((r) => [r, `${r}'s`, `${r}’s`].map((s) => s.toLowerCase()))),
    determiners: lower(data.otherPerson.determiners),
    qualifiers: lower(data.otherPerson.qualifiers),
    openers: lower(data.otherPerson.clauseOpeners),
    sectionWords: data.general.sectionWords.map((w) => w.toLowerCase()),
  };
}

/**
 * The spans of `text` that are about patients in general or about other people, sorted by start.
 * `sentenceOfPos` gives the sentence of each stream position (-1 for line breaks).
 */
export function readDiscourse(
  tokens: readonly Token[], stream: Stream, sentences: readonly Sentence[], sentenceOfPos: Int32Array, sections: readonly Section[],
): DiscourseSpan[] {
  const c = (compiled ??= compile(DISCOURSE));
  const spans: DiscourseSpan[] = [];
  for (const s of sections) {
    const header = s.header.toLowerCase();
    if (header && c.sectionWords.some((w) => header.includes(w))) spans.push({ start: s.span.start, end: s.span.end, about: 'general' });
  }
  const n = stream.keys.length;
  const startOf = (i: number) => tokens[stream.token[i]!]!.start;
  // Cues, left to right, each in its sentence.
  const matches = c.cues.matchAll(stream);
  const returns: number[] = []; // stream positions where the text returns to the patient
  let nounSentence = -1; // the last sentence where a list noun ("risks", "complications") was seen
  for (const m of matches) {
    const sentence = sentences[sentenceOfPos[m.from]!];
    if (!sentence) continue;
    if (m.payloads.includes('noun')) nounSentence = sentenceOfPos[m.from]!;
    if (m.payloads.includes('opener')) {
      // "risks ... which includes X, Y": a list opened after a list noun of the same sentence.
      if (nounSentence === sentenceOfPos[m.from]) spans.push({ start: startOf(m.from), end: sentence.end, about: 'general' });
      continue;
    }
    if (m.payloads.includes('noun') || m.payloads.includes('neutral')) continue;
    if (m.payloads.includes('return')) returns.push(m.from);
    else if (m.payloads.includes('sentence')) spans.push({ start: sentence.start, end: sentence.end, about: 'general' });
    else spans.push({ start: startOf(m.from), end: sentence.end, about: 'general' });
  }
  // Relatives as the subject of a clause.
  let r = 0;
  for (let i = 0; i < n; i++) {
    if (!c.relatives.has(stream.keys[i]!)) continue; // a relative, or a relative's (possessive)
    const sentenceIndex = sentenceOfPos[i]!;
    const sentence = sentences[sentenceIndex];
    if (!sentence) continue;
    let first = i;
    while (first > 0 && sentenceOfPos[first - 1] === sentenceIndex && c.qualifiers.has(stream.keys[first - 1]!)) first--;
    while (first > 0 && sentenceOfPos[first - 1] === sentenceIndex && c.determiners.has(stream.keys[first - 1]!)) first--;
    const before = first > 0 && sentenceOfPos[first - 1] === sentenceIndex ? stream.keys[first - 1]! : undefined;
    // Clause start: the sentence's first word, after a list marker ("2."), or after a clause opener.
    const atStart = before === undefined || /^\d+[.)]?$/.test(before) || c.openers.has(before) || (before === '.' && first - 2 < 0);
    if (!atStart) continue;
    // The clause ends at the sentence end or where the text returns to the patient.
    while (r < returns.length && returns[r]! <= i) r++;
    let end = sentence.end;
    for (let k = r; k < returns.length && sentenceOfPos[returns[k]!] === sentenceIndex; k++) {
      end = startOf(returns[k]!);
      break;
    }
    spans.push({ start: startOf(first), end, about: 'other' });
  }
  return spans.sort((a, b) => a.start - b.start || a.end - b.end);
}

/** What the discourse spans say of `[start, end)`: `other` when a span about another person
 *  contains it, else `general` when a span about patients in general does, else undefined.
 *  `spans` must be sorted by start (as {@link readDiscourse} returns them). */
export function aboutAt(spans: readonly DiscourseSpan[], start: number, end: number): About | undefined {
  const index = indexOf(spans);
  // The last span starting at or before `start`, then back while some earlier span may still reach `end`.
  let lo = 0;
  let hi = spans.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (spans[mid]!.start <= start) lo = mid + 1;
    else hi = mid;
  }
  let found: About | undefined;
  for (let i = lo - 1; i >= 0 && index.maxEnd[i]! >= end; i--) {
    const s = spans[i]!;
    if (s.end >= end) {
      if (s.about === 'other') return 'other';
      found = 'general';
    }
  }
  return found;
}

/** The running maximum of span ends, computed once per span list. */
const INDEXES = new WeakMap<readonly DiscourseSpan[], { maxEnd: number[] }>();
function indexOf(spans: readonly DiscourseSpan[]): { maxEnd: number[] } {
  let index = INDEXES.get(spans);
  if (!index) {
    let max = -Infinity;
    index = { maxEnd: spans.map((s) => (max = Math.max(max, s.end))) };
    INDEXES.set(spans, index);
  }
  return index;
}
