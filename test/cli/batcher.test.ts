/**
 * The pool's batcher (src/cli/pool.ts): notes go to the threads in batches, each caller still gets
 * its own result, a failed batch fails only as results, and nobody waits for a batch to fill.
 */
import { describe, expect, it } from 'vitest';
import { Batcher } from '../../src/cli/pool.js';

type Task = { text: string; n: number };

function recorder(fail = false) {
  const batches: number[][] = [];
  const batcher = new Batcher<Task, string>(
    async (tasks) => {
      batches.push(tasks.map((t) => t.n));
      if (fail) throw new Error('thread died');
      return tasks.map((t) => `done ${t.n}`);
    },
    (error) => `failed: ${(error as Error).message}`,
    3,
    100,
  );
  return { batches, batcher };
}

/** Lets queued microtasks run, but not `setImmediate` callbacks. */
async function microtasks(): Promise<void> {
  for (let i = 0; i < 3; i++) await null;
}

describe('Batcher', () => {
  it('sends full batches at once and the rest at the end of the turn; each caller gets its own result', async () => {
    const { batches, batcher } = recorder();
    const results = Array.from({ length: 7 }, (_, n) => batcher.add({ text: 'x', n }));
    await microtasks();
    expect(batches).toEqual([[0, 1, 2], [3, 4, 5]]); // full batches went before the end of the turn
    expect(await Promise.all(results)).toEqual([0, 1, 2, 3, 4, 5, 6].map((n) => `done ${n}`));
    expect(batches).toEqual([[0, 1, 2], [3, 4, 5], [6]]);
  });

  it('sends a batch once its notes hold the character limit', async () => {
    const { batches, batcher } = recorder();
    const results = [batcher.add({ text: 'a'.repeat(60), n: 0 }), batcher.add({ text: 'b'.repeat(60), n: 1 }), batcher.add({ text: 'c', n: 2 })];
    await microtasks();
    expect(batches).toEqual([[0, 1]]);
    await Promise.all(results);
    expect(batches).toEqual([[0, 1], [2]]);
  });

  it('turns a failed batch into one failure result per note, never a rejection', async () => {
    const { batcher } = recorder(true);
    const results = await Promise.all([batcher.add({ text: 'x', n: 0 }), batcher.add({ text: 'y', n: 1 })]);
    expect(results).toEqual(['failed: thread died', 'failed: thread died']);
  });

  it('fails the notes a short answer left without a result', async () => {
    const batcher = new Batcher<Task, string>(async (tasks) => tasks.slice(1).map((t) => `done ${t.n}`), (e) => `failed: ${(e as Error).message}`);
    const results = await Promise.all([batcher.add({ text: 'x', n: 0 }), batcher.add({ text: 'y', n: 1 })]);
    expect(results).toEqual(['done 1', 'failed: the worker returned fewer results than notes']);
  });

  it('flush sends what is queued at once (closing the pool loses no note)', async () => {
    const { batches, batcher } = recorder();
    const result = batcher.add({ text: 'x', n: 9 });
    batcher.flush();
    expect(batches).toEqual([]); // sent on the next microtask, not later than the promise resolves
    expect(await result).toBe('done 9');
    expect(batches).toEqual([[9]]);
  });
});
