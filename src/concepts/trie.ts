/**
 * A phrase dictionary over match-stream keys: longest-match lookup of many phrases at once.
 */
import { phraseStream, phraseStreams, type Stream } from './stream.js';

interface Node<T> {
  next: Map<string, Node<T>>;
  entries: Array<{ payload: T; surface: string[] | undefined }>;
}

/** A match of one phrase: stream positions `[from, to)` and the phrase's payloads. */
export interface PhraseMatch<T> {
  from: number;
  to: number;
  payloads: T[];
}

/** A dictionary of phrases, each with a payload. */
export class PhraseTrie<T> {
  private readonly root: Node<T> = { next: new Map(), entries: [] };
  /** Number of phrases added. */
  size = 0;

  /**
   * Adds `phrase` with `payload`. A case-sensitive phrase matches only text with the same letters
   * in the same case (periods and hyphens still ignored). A phrase with no keys is ignored.
   */
  add(phrase: string, payload: T, caseSensitive = false): void {
    this.insert(phraseStream(phrase), payload, caseSensitive);
  }

  /** Adds many phrases at once (one tokenizer pass; much faster than {@link add} in a loop). */
  addMany(entries: ReadonlyArray<{ phrase: string; payload: T; caseSensitive?: boolean }>): void {
    const streams = phraseStreams(entries.map((e) => e.phrase));
    entries.forEach((e, i) => this.insert(streams[i]!, e.payload, e.caseSensitive ?? false));
  }

  private insert(s: Stream, payload: T, caseSensitive: boolean): void {
    if (s.keys.length === 0) return;
    let node = this.root;
    for (const key of s.keys) {
      let child = node.next.get(key);
      if (!child) {
        child = { next: new Map(), entries: [] };
        node.next.set(key, child);
      }
      node = child;
    }
    node.entries.push({ payload, surface: caseSensitive ? s.surface : undefined });
    this.size++;
  }

  /**
   * The longest phrase starting at stream position `from` and ending at or before `limit`, or
   * undefined. `blocked(i)` may forbid positions (a match may not cross a blocked one).
   */
  matchAt(stream: Stream, from: number, limit = stream.keys.length, blocked?: (i: number) => boolean): PhraseMatch<T> | undefined {
    let node: Node<T> | undefined = this.root;
    let best: PhraseMatch<T> | undefined;
    for (let i = from; i < limit; i++) {
      if (blocked?.(i)) break;
      node = node.next.get(stream.keys[i]!);
      if (!node) break;
      if (node.entries.length > 0) {
        const payloads = node.entries.filter((e) => !e.surface || sameSurface(e.surface, stream.surface, from)).map((e) => e.payload);
        if (payloads.length > 0) best = { from, to: i + 1, payloads };
      }
    }
    return best;
  }

  /** All non-overlapping longest matches in `[from, to)`, left to right. */
  matchAll(stream: Stream, from = 0, to = stream.keys.length, blocked?: (i: number) => boolean): PhraseMatch<T>[] {
    const out: PhraseMatch<T>[] = [];
    for (let i = from; i < to; ) {
      const m = this.matchAt(stream, i, to, blocked);
      if (m) {
        out.push(m);
        i = m.to;
      } else {
        i++;
      }
    }
    return out;
  }
}

function sameSurface(phrase: string[], surface: string[], from: number): boolean {
  for (let k = 0; k < phrase.length; k++) if (surface[from + k] !== phrase[k]) return false;
  return true;
}
