/**
 * Interleaved A/B of two engine trees on the same 5 KB note (the note `npm run bench:engine` uses:
 * development-set notes concatenated), in one process, so that machine noise hits both alike.
 *
 *   git archive <rev> src | tar -x -C /tmp/engine-a && ln -s "$PWD/node_modules" /tmp/engine-a/node_modules
 *   npx tsx test/bench/ab.ts /tmp/engine-a . [runs=400]
 *
 * Prints each tree's median ms per analyze() and the ratio B/A, and whether both give the same output.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { sharedPath } from '../support/shared.js';

async function main(): Promise<void> {
  const [aDir, bDir, runsArg] = process.argv.slice(2);
  if (!aDir || !bDir) throw new Error('usage: npx tsx test/bench/ab.ts <tree A> <tree B> [runs]');
  const load = async (dir: string) => (await import(pathToFileURL(resolve(dir, 'src/index.ts')).href)) as typeof import('../../src/index.js');
  const A = await load(aDir);
  const B = await load(bDir);
  const dir = sharedPath('eval/dev/notes');
  const notes = readdirSync(dir).sort().map((f) => readFileSync(join(dir, f), 'utf8'));
  let text = '';
  for (let i = 0; Buffer.byteLength(text) < 5_000; i++) text += notes[i % notes.length] + '\n\n';
  while (Buffer.byteLength(text) > 5_000) text = text.slice(0, text.length - (Buffer.byteLength(text) - 5_000));
  const same = JSON.stringify(A.analyze(text)) === JSON.stringify(B.analyze(text));
  const runs = Number(runsArg ?? 400);
  const warm = 30;
  const a: number[] = [];
  const b: number[] = [];
  const time = (f: () => unknown) => {
    const t0 = performance.now();
    f();
    return performance.now() - t0;
  };
  for (let i = 0; i < runs + warm; i++) {
    // Alternate which goes first.
    const [x, y] = i % 2 === 0 ? [time(() => A.analyze(text)), time(() => B.analyze(text))] : [NaN, time(() => B.analyze(text))];
    const xa = Number.isNaN(x) ? time(() => A.analyze(text)) : x;
    if (i >= warm) {
      a.push(xa);
      b.push(y);
    }
  }
  const median = (xs: number[]) => {
    const s = [...xs].sort((p, q) => p - q);
    const mid = s.length >> 1;
    return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
  };
  console.log(`runs ${runs}, same output ${same}`);
  console.log(`A ${aDir}: median ${median(a).toFixed(3)} ms`);
  console.log(`B ${bDir}: median ${median(b).toFixed(3)} ms`);
  console.log(`B/A ${(median(b) / median(a)).toFixed(3)}`);
}

main().catch((e: unknown) => {
  console.error(e instanceof Error ? e.message : e);
  process.exit(1);
});
