/**
 * Time told in narrative: which clauses of a note place what they say in the past.
 *
 * A clause (a sentence cut at ";", "but", "however", "although", "whereas") is **past** when it holds
 * a past cue and no present cue ("now", "currently", "today"). Past cues: a phrase of the data ("years
 * ago", "as a child", "during her prior admission", "first cycle"); "N months/years ago"; a year after
 * a preposition or month ("in 1999", "April of 2003") earlier than the reference year; a date more than
 * 30 days before the reference; a closed date range ("from 07/11/10 to 07/14/10": a stay that ended).
 * "N days/weeks ago" is recent, not past.
 *
 * A sentence with no cue of its own continues a told episode when it is in the past tense and in the
 * same paragraph as a past sentence ("She had a CABG in April of 2003. She was then transferred, where
 * she developed a second myocardial infarction."), unless it holds a word that ends an episode
 * ("presented", "admitted", "recently").
 *
 * The reference is the note's date when the host passes one (`analyze(text, { noteDate })`), else the
 * latest full date written in the note; without either, a written year is taken as past.
 * The data is `src/knowledge/context/time.json`, validated on load.
 */
import { tokenize, type Token } from '../text/tokens.js';
import { splitSentences, type Sentence } from '../text/sentences.js';
import { toStream, type Stream } from '../concepts/stream.js';
import { PhraseTrie } from '../concepts/trie.js';
import raw from '../knowledge/context/time.json' with { type: 'json' };

/** The validated time data. */
export interface TimeData {
  pastPhrases: string[];
  /** Past cues that name a stage of life ("as a child", "in her twenties"). */
  lifeStages: string[];
  presentPhrases: string[];
  episodeBreaks: string[];
  recentUnits: string[];
  pastUnits: string[];
  yearPrepositions: string[];
  pastAuxiliaries: string[];
  presentAuxiliaries: string[];
  examples: { past: string[]; current: string[] };
}

/** The data file's path, for error messages. */
export const TIME_FILE = 'src/knowledge/context/time.json';

const LIST_KEYS = ['pastPhrases', 'lifeStages', 'presentPhrases', 'episodeBreaks', 'recentUnits', 'pastUnits', 'yearPrepositions', 'pastAuxiliaries', 'presentAuxiliaries'] as const;

/** Checks time data: the documented keys only, each a non-empty list of strings. Throws naming the file and key. */
export function validateTime(data: unknown, file = TIME_FILE): TimeData {
  const fail = (m: string): never => {
    throw new Error(`${file}: ${m}`);
  };
  if (typeof data !== 'object' || data === null || Array.isArray(data)) fail('expected an object');
  const o = data as Record<string, unknown>;
  const allowed = ['description', 'source', ...LIST_KEYS, 'examples'];
  for (const k of Object.keys(o)) if (!allowed.includes(k)) fail(`unknown key "${k}"; allowed keys: ${allowed.join(', ')}`);
  const list = (v: unknown, where: string): string[] => {
    if (!Array.isArray(v) || v.length === 0 || !v.every((s) => typeof s === 'string' && s.trim() !== '')) fail(`"${where}" must be a non-empty list of non-empty strings`);
    return v as string[];
  };
  list(o.source, 'source');
  const out = {} as TimeData;
  for (const k of LIST_KEYS) out[k] = list(o[k], k);
  const ex = o.examples as Record<string, unknown> | undefined;
  if (!ex || typeof ex !== 'object') fail('"examples" must be an object with "past" and "current"');
  for (const k of Object.keys(ex!)) if (k !== 'past' && k !== 'current') fail(`examples: unknown key "${k}"; allowed keys: past, current`);
  out.examples = { past: list(ex!.past, 'examples.past'), current: list(ex!.current, 'examples.current') };
  return out;
}

/** The bundled data, validated on import. */
export const TIME: TimeData = validateTime(raw);

type Cue = 'past' | 'life' | 'present' | 'break';

interface Compiled {
  cues: PhraseTrie<Cue>;
  recentUnits: Set<string>;
  pastUnits: Set<string>;
  yearPrepositions: Set<string>;
  pastAux: Set<string>;
  presentAux: Set<string>;
}

let compiled: Compiled | undefined;

function compile(data: TimeData): Compiled {
  const cues = new PhraseTrie<Cue>();
  cues.addMany([
    ...data.pastPhrases.map((phrase) => ({ phrase, payload: 'past' as Cue })),
    ...data.lifeStages.map((phrase) => ({ phrase, payload: 'life' as Cue })),
    ...data.presentPhrases.map((phrase) => ({ phrase, payload: 'present' as Cue })),
    ...data.episodeBreaks.map((phrase) => ({ phrase, payload: 'break' as Cue, caseSensitive: /^[A-Z]{2}$/.test(phrase) })),
  ]);
  const set = (l: string[]) => new Set(l.map((s) => s.toLowerCase()));
  return {
    cues, recentUnits: set(data.recentUnits), pastUnits: set(data.pastUnits), yearPrepositions: set(data.yearPrepositions),
    pastAux: set(data.pastAuxiliaries), presentAux: set(data.presentAuxiliaries),
  };
}

const CLAUSE_BREAKS = new Set([';', 'but', 'however', 'although', 'whereas']);
/** Prefix of a past cue that names a stage of life. */
export const LIFE_STAGE = 'life stage: ';
const NUMBER_WORDS = new Set(['a', 'an', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten', 'eleven', 'twelve', 'several', 'few', 'many', 'couple']);
const DATE = /^(\d{1,2})\/(\d{1,2})\/(\d{2}|\d{4})$/;
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const YEAR = /^(19|20)\d{2}$/;
const DAY_MS = 86_400_000;

/** A date written as mm/dd/yy(yy), as a UTC time, or undefined. */
function parseDate(key: string): number | undefined {
  const m = DATE.exec(key);
  if (!m) return undefined;
  const month = Number(m[1]);
  const day = Number(m[2]);
  let year = Number(m[3]);
  if (m[3]!.length === 2) year += year < 50 ? 2000 : 1900;
  if (month < 1 || month > 12 || day < 1 || day > 31) return undefined;
  return Date.UTC(year, month - 1, day);
}

/**
 * Parses an ISO date ("2026-12-02", or a full ISO timestamp) to a UTC time. Throws a TypeError for
 * anything else, naming the option.
 */
export function parseNoteDate(value: unknown): number {
  const text = typeof value === 'string' ? value.slice(0, 10) : '';
  const m = ISO_DATE.exec(text);
  const time = m ? Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])) : NaN;
  if (!m || Number.isNaN(time) || new Date(time).getUTCDate() !== Number(m[3])) {
    throw new TypeError(`cdi-lint: noteDate must be an ISO date string such as "2026-12-02", got ${JSON.stringify(value)}`);
  }
  return time;
}

/** The time reading of a note: the past cue governing a stream position, if any. */
export interface TimeReading {
  /** The cue that places the clause at `pos` in the past ("in 1999", "continues: April of 2003"), or undefined. */
  pastAt(pos: number): string | undefined;
  /** The tense of the sentence at `pos`: its first tensed auxiliary or verb, if any. */
  tenseAt(pos: number): 'past' | 'present' | undefined;
}

/**
 * Reads the time of every clause of a note. `sentenceOfPos` maps stream positions to sentences;
 * `noteDate` (UTC ms) is the reference when given; `isList(offset)` tells whether a sentence is a
 * list (its comma-separated items are separate clauses). Linear in the note.
 */
export function readTime(
  text: string, tokens: readonly Token[], stream: Stream, sentences: readonly Sentence[], sentenceOfPos: Int32Array, noteDate?: number,
  isList: (offset: number) => boolean = () => false,
): TimeReading {
  const c = (compiled ??= compile(TIME));
  const keys = stream.keys;
  const n = keys.length;
  let reference = noteDate;
  if (reference === undefined) {
    for (const key of keys) {
      const d = key.length >= 6 && key.includes('/') ? parseDate(key) : undefined;
      if (d !== undefined && (reference === undefined || d > reference)) reference = d;
    }
  }
  const referenceYear = reference === undefined ? undefined : new Date(reference).getUTCFullYear();

  // The cue starting at each stream position (an array indexed by position: no hashing per word).
  const cueAt: Array<{ cue: Cue; to: number } | undefined> = new Array(n);
  for (const m of c.cues.matchAll(stream)) {
    const cue: Cue = m.payloads.includes('present') ? 'present' : m.payloads.includes('life') ? 'life' : m.payloads.includes('past') ? 'past' : 'break';
    cueAt[m.from] = { cue, to: m.to };
  }
  const phrase = (from: number, to: number) => text.slice(tokens[stream.token[from]!]!.start, tokens[stream.token[to - 1]!]!.end);

  /** Clause of each position: [start, end) stream ranges, with their past cue. */
  const clausePast = new Map<number, string | undefined>(); // clause start -> cue
  const clauseOf = new Int32Array(n).fill(-1);
  const sentencePast = new Map<number, { cue: string | undefined; anyCue: boolean; tense: 'past' | 'present' | undefined; broken: boolean }>();

  // Per-sentence state, reset for each sentence (one closure for the note, not one per sentence).
  // Sentence tense: the first auxiliary or tensed verb met.
  let tense: 'past' | 'present' | undefined;
  let broken = false;
  let sentenceCue: string | undefined;
  let anyCue = false;
  const closeClause = (from: number, to: number) => {
    let past: string | undefined;
    let present = false;
    const dates: number[] = [];
    for (let k = from; k < to; k++) {
      const key = keys[k]!;
      const hit = cueAt[k];
      if (hit) {
        if (hit.cue === 'present') present = true;
        else if (hit.cue === 'past') past ??= phrase(k, hit.to);
        else if (hit.cue === 'life') past ??= `${LIFE_STAGE}${phrase(k, hit.to)}`;
        else broken = true;
      }
      if (key === 'ago' && k > from) {
        const unit = keys[k - 1]!;
        const count = k - 2 >= from ? keys[k - 2]! : '';
        const counted = /^\d+$/.test(count) || NUMBER_WORDS.has(count);
        if (c.pastUnits.has(unit) && counted) past ??= phrase(k - 2, k + 1);
        else if (c.recentUnits.has(unit)) present = true;
      }
      const digit = key.charCodeAt(0) >= 48 && key.charCodeAt(0) <= 57;
      if (digit && YEAR.test(key) && k > from && c.yearPrepositions.has(keys[k - 1]!) && !/^(mg|ml|cc|units?|mcg|g|kcal|calories|ms)$/.test(keys[k + 1] ?? '')) {
        if (referenceYear === undefined || Number(key) < referenceYear) past ??= phrase(k - 1, k + 1);
      }
      const d = digit ? parseDate(key) : undefined;
      if (d !== undefined) {
        dates.push(d);
        if (reference !== undefined && reference - d > 30 * DAY_MS) past ??= phrase(k, k + 1);
      }
      if (tense === undefined && c.pastAux.has(key)) tense = 'past';
      else if (tense === undefined && c.presentAux.has(key)) tense = 'present';
    }
    if (dates.length >= 2 && dates[dates.length - 1]! > dates[0]!) past ??= `${new Date(dates[0]!).toISOString().slice(0, 10)} to ${new Date(dates[dates.length - 1]!).toISOString().slice(0, 10)}`;
    if (past !== undefined || present) anyCue = true;
    const value = present ? undefined : past;
    if (value !== undefined) sentenceCue ??= value;
    clausePast.set(from, value);
    for (let k = from; k < to; k++) clauseOf[k] = from;
  };

  let i = 0;
  while (i < n) {
    const s = sentenceOfPos[i]!;
    if (s < 0) { i++; continue; }
    let end = i;
    while (end < n && sentenceOfPos[end] === s) end++;
    tense = undefined;
    broken = false;
    sentenceCue = undefined;
    anyCue = false;
    let clauseStart = i;
    // In a list (past history, diagnoses), each comma-separated item is its own statement.
    const list = isList(tokens[stream.token[i]!]!.start);
    for (let k = i; k < end; k++) {
      if (CLAUSE_BREAKS.has(keys[k]!) || (list && keys[k] === ',')) {
        closeClause(clauseStart, k);
        clauseStart = k;
      }
    }
    closeClause(clauseStart, end);
    sentencePast.set(s, { cue: sentenceCue, anyCue, tense, broken });
    i = end;
  }

  // Episodes continue over past-tense sentences of the same paragraph.
  const inherited = new Map<number, string>();
  let episode: string | undefined;
  for (let s = 0; s < sentences.length; s++) {
    const reading = sentencePast.get(s);
    // A line break between this sentence and the previous one ends the paragraph's episode.
    const newline = s === 0 || hasNewline(text, sentences[s - 1]!.end, sentences[s]!.start);
    if (newline || !reading) episode = undefined;
    if (!reading) continue;
    if (reading.cue !== undefined) episode = reading.cue;
    else if (reading.anyCue || reading.broken || reading.tense !== 'past') episode = undefined;
    else if (episode !== undefined) inherited.set(s, `continues: ${episode}`);
  }

  return {
    pastAt(pos: number): string | undefined {
      const clause = clauseOf[pos];
      if (clause === undefined || clause < 0) return undefined;
      const own = clausePast.get(clause);
      if (own !== undefined) return own;
      return inherited.get(sentenceOfPos[pos]!);
    },
    tenseAt(pos: number) {
      return sentencePast.get(sentenceOfPos[pos] ?? -1)?.tense;
    },
  };
}

/** Whether `text[from, to)` holds a line break (no substring made). */
function hasNewline(text: string, from: number, to: number): boolean {
  const k = text.indexOf('\n', from);
  return k >= 0 && k < to;
}

/**
 * The past cue governing a character offset of `text`, read on `text` alone (no note date): the
 * one-shot form of {@link readTime}, for the `context` command and sentence-level scoring.
 */
export function pastCueAt(text: string, offset: number): string | undefined {
  const tokens = tokenize(text);
  const sentences = splitSentences(text, tokens);
  const stream = toStream(tokens);
  const ofToken = new Int32Array(tokens.length).fill(-1);
  sentences.forEach((s, i) => ofToken.fill(i, s.firstToken, s.endToken));
  const sentenceOfPos = new Int32Array(stream.keys.length);
  for (let i = 0; i < sentenceOfPos.length; i++) sentenceOfPos[i] = tokens[stream.token[i]!]!.kind === 'newline' ? -1 : ofToken[stream.token[i]!]!;
  let pos = -1;
  for (let i = 0; i < stream.token.length; i++) {
    if (tokens[stream.token[i]!]!.end > offset) { pos = i; break; }
  }
  return pos < 0 ? undefined : readTime(text, tokens, stream, sentences, sentenceOfPos).pastAt(pos);
}
