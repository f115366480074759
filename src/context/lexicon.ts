/**
 * A compiled trigger lexicon: a token trie, and the left-to-right longest-match scan over it.
 */
import { literalTokens, type Tokens } from './tokens.js';
import type { Trigger } from './triggers.js';
import { SENTENCE_END } from './boundaries.js';

interface Node {
  next: Map<string, Node>;
  /** Triggers whose literal ends at this node (several categories may share one literal). */
  triggers: Trigger[];
}

/** Triggers compiled for matching. Build once with {@link compileLexicon}; immutable afterwards. */
export interface Lexicon {
  readonly root: Node;
}

/** One trigger occurrence: tokens `[first, last]` (inclusive) and every trigger with that literal. */
export interface TriggerMatch {
  first: number;
  last: number;
  triggers: readonly Trigger[];
}

/** Compiles triggers into a trie keyed by normalized tokens. Triggers whose literal has no token are ignored. */
export function compileLexicon(triggers: readonly Trigger[]): Lexicon {
  const root: Node = { next: new Map(), triggers: [] };
  for (const trigger of triggers) {
    const words = literalTokens(trigger.literal);
    if (words.length === 0) continue;
    let node = root;
    for (const word of words) {
      let child = node.next.get(word);
      if (!child) {
        child = { next: new Map(), triggers: [] };
        node.next.set(word, child);
      }
      node = child;
    }
    node.triggers.push(trigger);
  }
  return { root };
}

/**
 * Finds trigger occurrences left to right. At each token the longest literal starting there wins and
 * its tokens are consumed, so a pseudo-trigger ("no increase") hides the shorter triggers inside it
 * ("no"). Tokens flagged in `sentenceEnds` that no trigger covers become a match of
 * {@link SENTENCE_END}, which ends every scope. Cost: tokens × (longest literal length).
 */
export function matchTriggers(lexicon: Lexicon, tokens: Tokens, sentenceEnds?: readonly boolean[]): TriggerMatch[] {
  const matches: TriggerMatch[] = [];
  const { norm } = tokens;
  const n = norm.length;
  let i = 0;
  while (i < n) {
    let node: Node | undefined = lexicon.root;
    let best: Node | undefined;
    let bestLast = -1;
    for (let j = i; j < n && node; j++) {
      node = node.next.get(norm[j] as string);
      if (node && node.triggers.length > 0) {
        best = node;
        bestLast = j;
      }
    }
    if (best) {
      matches.push({ first: i, last: bestLast, triggers: best.triggers });
      i = bestLast + 1;
    } else {
      if (sentenceEnds?.[i]) matches.push({ first: i, last: i, triggers: [SENTENCE_END] });
      i++;
    }
  }
  return matches;
}
