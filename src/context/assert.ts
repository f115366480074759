/**
 * The ConText algorithm (Harkema et al. 2009, after NegEx, Chapman et al. 2001): find the triggers of
 * one sentence once, give each a scope, then answer "is this target in the scope of a trigger of
 * category X?" for any number of targets.
 *
 * Scope rules. A `forward` trigger covers the text from its end toward the sentence end, a `backward`
 * one from its start toward the sentence start, a `bidirectional` one both. A scope stops at the first
 * trigger met that ends it: a `terminate` trigger for its category ("but", "however", "which"), or
 * another trigger of the same category (ConText's rule: the nearer trigger governs). `maxScope` caps it
 * in word tokens. A target that overlaps a trigger's own words is not modified by that trigger.
 *
 * Offsets are half-open UTF-16 into the whole text. Total: never throws; reading a sentence is linear in
 * its length, and each `assert` after that is logarithmic in its number of triggers.
 */
import type { Assertion, Span } from '../types.js';
import { compileLexicon, matchTriggers, type Lexicon, type TriggerMatch } from './lexicon.js';
import { tokenize, type Tokens } from './tokens.js';
import { markSentenceEnds } from './boundaries.js';
import { CATEGORIES, TRIGGERS, type Category, type Trigger } from './triggers.js';

/** Triggers of one sentence, found once, then asked about any number of targets. */
export interface SentenceContext {
  /** The assertion of `target` (offsets into the whole text). Out-of-sentence targets get the default. */
  assert(target: Span): Assertion;
}

/** One active trigger with its resolved scope (char offsets). */
interface Modifier {
  category: Category;
  triggerStart: number;
  triggerEnd: number;
  scopeStart: number;
  scopeEnd: number;
}

const DEFAULT_LEXICON: Lexicon = compileLexicon(TRIGGERS);

/** The assertion of a mention no trigger reaches: affirmed, current, the patient's, certain. */
export function defaultAssertion(): Assertion {
  return { negated: false, historical: false, hypothetical: false, experiencer: 'patient', uncertain: false };
}

function clampSpan(span: Span, min: number, max: number): Span {
  const a = Number.isFinite(span?.start) ? Math.trunc(span.start) : min;
  const b = Number.isFinite(span?.end) ? Math.trunc(span.end) : a;
  const start = Math.min(Math.max(Math.min(a, b), min), max);
  const end = Math.min(Math.max(Math.max(a, b), min), max);
  return { start, end };
}

function isActive(trigger: Trigger): boolean {
  return trigger.direction !== 'terminate' && trigger.direction !== 'pseudo';
}

/**
 * How match `m` bounds the scope of triggers of `category`: `0` not at all, `1` it ends the scope
 * before its words (a terminate trigger), `2` it ends the scope after its words (another trigger of
 * the same category: the nearer trigger governs what follows, but a target that overlaps its words,
 * like "free" in "no free fluid", is still reached).
 */
function stopKind(m: TriggerMatch, category: Category): 0 | 1 | 2 {
  let kind: 0 | 1 | 2 = 0;
  for (const t of m.triggers) {
    if (t.direction === 'terminate') {
      if (!t.categories || t.categories.includes(category)) return 1;
    } else if (t.direction !== 'pseudo' && t.category === category) {
      kind = 2;
    }
  }
  return kind;
}

/** Word-token bookkeeping for `maxScope`: the rank of each token among words, and words by rank. */
interface WordIndex {
  rankBefore: number[];
  wordToken: number[];
}

function indexWords(tokens: Tokens): WordIndex {
  const rankBefore: number[] = new Array(tokens.norm.length + 1);
  const wordToken: number[] = [];
  for (let i = 0; i < tokens.norm.length; i++) {
    rankBefore[i] = wordToken.length;
    if (tokens.word[i]) wordToken.push(i);
  }
  rankBefore[tokens.norm.length] = wordToken.length;
  return { rankBefore, wordToken };
}

function resolveScopes(tokens: Tokens, matches: TriggerMatch[], sentence: Span): Modifier[] {
  const modifiers: Modifier[] = [];
  if (!matches.some((m) => m.triggers.some(isActive))) return modifiers;
  const n = matches.length;
  const words = indexWords(tokens);
  for (const category of CATEGORIES) {
    if (!matches.some((m) => m.triggers.some((t) => isActive(t) && t.category === category))) continue;
    // Nearest stopping match on each side, per match: two linear passes.
    const nextStop = new Int32Array(n).fill(-1);
    const prevStop = new Int32Array(n).fill(-1);
    for (let k = n - 2, next = -1; k >= 0; k--) {
      if (stopKind(matches[k + 1] as TriggerMatch, category) !== 0) next = k + 1;
      nextStop[k] = next;
    }
    for (let k = 1, prev = -1; k < n; k++) {
      if (stopKind(matches[k - 1] as TriggerMatch, category) !== 0) prev = k - 1;
      prevStop[k] = prev;
    }
    for (let k = 0; k < n; k++) {
      const m = matches[k] as TriggerMatch;
      for (const t of m.triggers) {
        if (!isActive(t) || t.category !== category) continue;
        const triggerStart = tokens.start[m.first] as number;
        const triggerEnd = tokens.end[m.last] as number;
        if (t.direction === 'forward' || t.direction === 'bidirectional') {
          const stop = nextStop[k] as number;
          let scopeEnd = sentence.end;
          if (stop >= 0) {
            const s = matches[stop] as TriggerMatch;
            scopeEnd = stopKind(s, category) === 1 ? (tokens.start[s.first] as number) : (tokens.end[s.last] as number);
          }
          if (t.maxScope !== undefined) {
            const w = words.wordToken[(words.rankBefore[m.last + 1] as number) + t.maxScope - 1];
            if (w !== undefined) scopeEnd = Math.min(scopeEnd, tokens.end[w] as number);
          }
          modifiers.push({ category, triggerStart, triggerEnd, scopeStart: triggerEnd, scopeEnd });
        }
        if (t.direction === 'backward' || t.direction === 'bidirectional') {
          const stop = prevStop[k] as number;
          let scopeStart = sentence.start;
          if (stop >= 0) {
            const s = matches[stop] as TriggerMatch;
            scopeStart = stopKind(s, category) === 1 ? (tokens.end[s.last] as number) : (tokens.start[s.first] as number);
          }
          if (t.maxScope !== undefined) {
            const w = words.wordToken[(words.rankBefore[m.first] as number) - t.maxScope];
            if (w !== undefined) scopeStart = Math.max(scopeStart, tokens.start[w] as number);
          }
          modifiers.push({ category, triggerStart, triggerEnd, scopeStart, scopeEnd: triggerStart });
        }
      }
    }
  }
  return modifiers;
}

/**
 * Finds the triggers of `sentence` (a span of `text`) and resolves their scopes, for repeated
 * {@link SentenceContext.assert} calls. `lexicon` defaults to the project's triggers. Spans outside the
 * text are clamped; never throws.
 */
export function readContext(text: string, sentence: Span, lexicon: Lexicon = DEFAULT_LEXICON): SentenceContext {
  let modifiers: Modifier[] = [];
  let bounds: Span = { start: 0, end: 0 };
  try {
    const source = typeof text === 'string' ? text : '';
    bounds = clampSpan(sentence, 0, source.length);
    const tokens = tokenize(source, bounds.start, bounds.end);
    const matches = matchTriggers(lexicon, tokens, markSentenceEnds(source, tokens));
    modifiers = resolveScopes(tokens, matches, bounds);
  } catch {
    modifiers = []; // Unreachable by design; analysis must stay total on user text.
  }
  const index = indexModifiers(modifiers);
  return {
    assert(target: Span): Assertion {
      const result = defaultAssertion();
      const { start, end: rawEnd } = clampSpan(target, bounds.start, bounds.end);
      const end = Math.max(rawEnd, start + 1); // an empty target is a point
      for (const [category, scopes] of index) {
        if (!reaches(scopes, start, end)) continue;
        if (category === 'experiencer') result.experiencer = 'other';
        else result[category] = true;
      }
      return result;
    },
  };
}

/**
 * The modifiers of one category, indexed so that {@link reaches} costs O(log n) plus the triggers
 * that overlap the target, not O(n): a run-on sentence with thousands of triggers and mentions
 * would otherwise cost their product.
 */
interface ScopeIndex {
  /** Scope starts and scope ends, each sorted ascending (scopes with start <= end only). */
  starts: number[];
  ends: number[];
  /** The same modifiers by trigger start, and the running maximum of their trigger ends. */
  byTrigger: Modifier[];
  maxTriggerEnd: number[];
  /** Scopes with start > end (none are made today): checked one by one. */
  odd: Modifier[];
}

function indexModifiers(modifiers: readonly Modifier[]): Map<Category, ScopeIndex> {
  const index = new Map<Category, ScopeIndex>();
  for (const mod of modifiers) {
    let scopes = index.get(mod.category);
    if (!scopes) {
      scopes = { starts: [], ends: [], byTrigger: [], maxTriggerEnd: [], odd: [] };
      index.set(mod.category, scopes);
    }
    if (mod.scopeStart > mod.scopeEnd) {
      scopes.odd.push(mod);
      continue;
    }
    scopes.starts.push(mod.scopeStart);
    scopes.ends.push(mod.scopeEnd);
    scopes.byTrigger.push(mod);
  }
  for (const scopes of index.values()) {
    scopes.starts.sort((a, b) => a - b);
    scopes.ends.sort((a, b) => a - b);
    scopes.byTrigger.sort((a, b) => a.triggerStart - b.triggerStart);
    let max = -Infinity;
    scopes.maxTriggerEnd = scopes.byTrigger.map((mod) => (max = Math.max(max, mod.triggerEnd)));
  }
  return index;
}

/** Whether a modifier's scope meets `[start, end)` while its own trigger words do not. */
function modifies(mod: Modifier, start: number, end: number): boolean {
  if (start < mod.triggerEnd && end > mod.triggerStart) return false; // inside the trigger's own words
  return start < mod.scopeEnd && end > mod.scopeStart;
}

function reaches(scopes: ScopeIndex, start: number, end: number): boolean {
  if (scopes.odd.some((mod) => modifies(mod, start, end))) return true;
  // A scope with start <= end misses the target exactly when it starts at or after `end` or ends
  // at or before `start` (never both), so the scopes that meet it are counted by two searches.
  let count = firstAtLeast(scopes.starts, end) - firstAbove(scopes.ends, start);
  if (count <= 0) return false;
  // Less those whose own trigger overlaps the target (triggers are short: a few are looked at).
  const { byTrigger, maxTriggerEnd } = scopes;
  let lo = 0;
  let hi = byTrigger.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (byTrigger[mid]!.triggerStart < end) lo = mid + 1;
    else hi = mid;
  }
  for (let i = lo - 1; i >= 0 && maxTriggerEnd[i]! > start; i--) {
    const mod = byTrigger[i]!;
    if (mod.triggerEnd > start && start < mod.scopeEnd && end > mod.scopeStart) count--;
  }
  return count > 0;
}

/** The index of the first value >= `x` in ascending `values`. */
function firstAtLeast(values: readonly number[], x: number): number {
  let lo = 0;
  let hi = values.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (values[mid]! < x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** The index of the first value > `x` in ascending `values`. */
function firstAbove(values: readonly number[], x: number): number {
  let lo = 0;
  let hi = values.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (values[mid]! <= x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** The assertion of `target` within `sentence` (both spans of `text`). One-shot {@link readContext}. */
export function assertContext(text: string, sentence: Span, target: Span): Assertion {
  return readContext(text, sentence).assert(target);
}
