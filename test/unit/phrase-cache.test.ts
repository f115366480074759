/**
 * The precomputed phrase streams (src/concepts/phrase-cache.ts): up to date with the rule phrases
 * and the installed tokenizer, equal to live tokenization, and refused when they disagree with it.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CACHE_FILE, buildEntries, fileText, startupPhrases } from '../build/phrase-streams.js';
import { decode, encode, load, sameStream, type StoredStream } from '../../src/concepts/phrase-cache.js';
import { phraseStreams, tokenizePhrases, type Stream } from '../../src/concepts/stream.js';

const stored = (JSON.parse(readFileSync(CACHE_FILE, 'utf8')) as { entries: Array<[string, StoredStream]> }).entries;

describe('phrase stream cache', () => {
  it('is up to date: exactly the start-up phrases, tokenized by the installed wink (else: npm run build:phrases)', async () => {
    const phrases = await startupPhrases();
    expect(phrases.length).toBeGreaterThan(5000);
    const expected = fileText(buildEntries(phrases));
    // Compared as text so that a stale file fails with a diff of the phrases that changed.
    expect(readFileSync(CACHE_FILE, 'utf8')).toBe(expected);
  }, 60_000);

  it('decodes every entry to the stream the live tokenizer gives', () => {
    const phrases = stored.map(([p]) => p);
    const live = tokenizePhrases(phrases);
    const differ = stored.filter(([phrase, s], i) => !sameStream(decode(phrase, s), live[i]!)).map(([p]) => p);
    expect(differ).toEqual([]);
  });

  it('phraseStreams gives the live streams for cached and uncached phrases alike, in order', () => {
    const phrases = ['not a rule phrase at all', stored[0]![0], 'mid-shaft b/l 3b', stored[stored.length - 1]![0], 'C.H.F.', stored[100]![0]];
    const got = phraseStreams(phrases);
    const live = tokenizePhrases(phrases);
    phrases.forEach((p, i) => expect(sameStream(got[i]!, live[i]!), p).toBe(true));
  });

  it('stores plain phrases compactly and the rest in full, round-tripping', () => {
    const [plain, hyphen, shorthand, abbreviation] = tokenizePhrases(['heart failure', 'end-stage renal', '(R)', 'C.H.F.']) as [Stream, Stream, Stream, Stream];
    expect(encode('heart failure', plain)).toBe(0);
    expect(Array.isArray(encode('end-stage renal', hyphen))).toBe(true); // "end" and "stage" share a token
    expect(encode('(R)', shorthand)).toBe('( R )');
    for (const [phrase, s] of [['heart failure', plain], ['end-stage renal', hyphen], ['(R)', shorthand], ['C.H.F.', abbreviation]] as const) {
      expect(sameStream(decode(phrase, encode(phrase, s)), s)).toBe(true);
    }
  });

  it('is refused whole when the live tokenizer disagrees with a checked entry (another wink version)', () => {
    const foreign = (phrases: readonly string[]): Stream[] => tokenizePhrases(phrases).map((s) => (s.keys.includes('end') ? { ...s, keys: s.keys.map((k) => (k === 'end' ? 'END' : k)) } : s));
    expect(load(stored, tokenizePhrases)).not.toBeNull();
    expect(load(stored, foreign)).toBeNull();
    expect(load([], tokenizePhrases)).toBeNull();
  });
});
