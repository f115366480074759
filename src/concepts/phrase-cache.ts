/**
 * Precomputed match streams of the engine's own rule phrases, so that start-up does not tokenize
 * some 8,000 phrases with wink (about a quarter of a cold start, and paid again by every worker
 * thread of the command line).
 *
 * The data (src/knowledge/phrase-streams.generated.json) is written by `npm run build:phrases`
 * from the live tokenizer; test/unit/phrase-cache.test.ts fails when it is stale. It is used only
 * after a check at first use: the phrases the tokenizer treats specially (hyphens, slashes,
 * periods, shorthand, symbols) and a sample of the plain ones are tokenized live and compared, and
 * on any difference (another wink-nlp or model version than the one the file was made with) the
 * cache is not used at all, so a stale or foreign cache can cost time but never change a match.
 */
import data from '../knowledge/phrase-streams.generated.json';
import type { Stream } from './stream.js';

/**
 * One phrase's stream as stored: 0 when its keys are the phrase's space-separated words (surface
 * as written, keys in lower case, one token each); a string when the same holds for that string
 * instead of the phrase; otherwise the stream's three arrays.
 */
export type StoredStream = 0 | string | [keys: string[], surface: string[], token: number[]];

/** Every how many plain phrases one is checked live at first use (besides every special one). */
const SAMPLE_EVERY = 64;

let cache: Map<string, Stream> | null | undefined;

/**
 * The cache, checked against `tokenize` on first use; null when the check failed or the file holds
 * no phrases. `tokenize` is the live phrase tokenizer (passed in to keep this module free of it).
 */
export function cachedStreams(tokenize: (phrases: readonly string[]) => Stream[]): ReadonlyMap<string, Stream> | null {
  if (cache === undefined) cache = load(data.entries as unknown as ReadonlyArray<[string, StoredStream]>, tokenize);
  return cache;
}

/** Decodes the stored entries and checks them (see the file comment). Exported for tests. */
export function load(entries: ReadonlyArray<[string, StoredStream]>, tokenize: (phrases: readonly string[]) => Stream[]): Map<string, Stream> | null {
  if (entries.length === 0) return null;
  const map = new Map<string, Stream>();
  const check: string[] = [];
  let plain = 0;
  for (const [phrase, stored] of entries) {
    map.set(phrase, decode(phrase, stored));
    if (stored !== 0 || plain++ % SAMPLE_EVERY === 0) check.push(phrase);
  }
  const live = tokenize(check);
  for (let i = 0; i < check.length; i++) {
    if (!sameStream(map.get(check[i]!)!, live[i]!)) return null;
  }
  return map;
}

/** The stream a stored entry stands for. */
export function decode(phrase: string, stored: StoredStream): Stream {
  if (Array.isArray(stored)) return { keys: [...stored[0]], surface: [...stored[1]], token: [...stored[2]] };
  const surface = (stored === 0 ? phrase : stored).split(' ');
  return { keys: surface.map((w) => w.toLowerCase()), surface, token: surface.map((_, i) => i) };
}

/** The most compact stored form of `stream` (the inverse of {@link decode}). */
export function encode(phrase: string, stream: Stream): StoredStream {
  const { keys, surface, token } = stream;
  const simple = keys.length > 0 && surface.every((w, i) => w !== '' && !w.includes(' ') && keys[i] === w.toLowerCase() && token[i] === i);
  if (!simple) return [keys, surface, token];
  const joined = surface.join(' ');
  return joined === phrase ? 0 : joined;
}

/** Whether two streams have the same keys, surface forms and token indices. */
export function sameStream(a: Stream, b: Stream): boolean {
  const same = (x: readonly unknown[], y: readonly unknown[]): boolean => x.length === y.length && x.every((v, i) => v === y[i]);
  return same(a.keys, b.keys) && same(a.surface, b.surface) && same(a.token, b.token);
}
