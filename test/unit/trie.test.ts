import { describe, expect, it } from 'vitest';
import { PhraseTrie } from '../../src/concepts/trie.js';
import { toStream } from '../../src/concepts/stream.js';
import { tokenize } from '../../src/text/tokens.js';

function matches(trie: PhraseTrie<string>, text: string): string[] {
  const tokens = tokenize(text);
  const stream = toStream(tokens);
  return trie.matchAll(stream).map((m) => `${m.payloads.join('+')}:${text.slice(tokens[stream.token[m.from]!]!.start, tokens[stream.token[m.to - 1]!]!.end)}`);
}

describe('PhraseTrie', () => {
  const trie = new PhraseTrie<string>();
  trie.add('heart failure', 'hf');
  trie.add('congestive heart failure', 'chf');
  trie.add('CHF', 'abbr');
  trie.add('HF', 'hf-abbr', true);
  trie.add('a-fib', 'afib');
  trie.add('right sided', 'right');

  it('prefers the longest phrase', () => {
    expect(matches(trie, 'congestive heart failure')).toEqual(['chf:congestive heart failure']);
  });
  it('ignores case and periods in abbreviations', () => {
    expect(matches(trie, 'chf and C.H.F.')).toEqual(['abbr:chf', 'abbr:C.H.F.']);
  });
  it('matches a case-sensitive phrase only in its case', () => {
    expect(matches(trie, 'HF but not hf')).toEqual(['hf-abbr:HF']);
  });
  it('is tolerant of hyphens', () => {
    expect(matches(trie, 'a fib, a-fib, right-sided')).toEqual(['afib:a fib', 'afib:a-fib', 'right:right-sided']);
  });
  it('does not match across a line break', () => {
    expect(matches(trie, 'heart\nfailure')).toEqual([]);
  });
});
