/**
 * Streaming with order kept: items are started as they come, at most `window` at a time, and
 * their results are consumed strictly in input order. Memory is bounded by the window (the items
 * and results in flight), whatever the length of the input; a slow item holds back the output,
 * not the workers, until the window is full.
 */

/**
 * Starts `start(item)` for each item of `items` with at most `window` unfinished or unconsumed at
 * once, and calls `consume(item, result)` in the order of `items`, awaiting each call (so a slow
 * consumer, such as a full stdout, slows the reading too). Resolves when all are consumed.
 * `start` must not reject: failures are results.
 */
export async function orderedMap<T, R>(
  items: AsyncIterable<T> | Iterable<T>,
  window: number,
  start: (item: T) => Promise<R> | R,
  consume: (item: T, result: R) => Promise<void> | void,
): Promise<void> {
  const limit = Math.max(1, Math.floor(window));
  const inFlight: Array<{ item: T; result: Promise<R> }> = [];
  for await (const item of items) {
    inFlight.push({ item, result: Promise.resolve(start(item)) });
    if (inFlight.length >= limit) {
      const head = inFlight.shift()!;
      await consume(head.item, await head.result);
    }
  }
  while (inFlight.length > 0) {
    const head = inFlight.shift()!;
    await consume(head.item, await head.result);
  }
}
