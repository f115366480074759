/**
 * `--all`: the command line shows high-confidence findings by default and the rest, marked, with
 * `--all`. Runs `src/cli.ts` under tsx in a child process, on standard input.
 */
import { spawnSync } from 'node:child_process';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parseArgs, UsageError } from '../../src/cli/args.js';

const REPO = resolve(fileURLToPath(import.meta.url), '../../..');
const run = (args: string[], input: string) =>
  spawnSync(process.execPath, ['--import', join(REPO, 'node_modules/tsx/dist/loader.mjs'), join(REPO, 'src/cli.ts'), ...args], { input, encoding: 'utf8', timeout: 60_000, env: { ...process.env, NO_COLOR: '1' } });

// Obesity told only as a stage of life is a low-confidence finding; the CHF is high.
const NOTE = 'ASSESSMENT: CHF.\nSOCIAL HISTORY: He struggled with obesity as a teenager.\n';

describe('--all', { timeout: 60_000 }, () => {
  it('is parsed for lint and refused for context', () => {
    expect(parseArgs(['--all', 'a.txt'])).toMatchObject({ command: 'lint', all: true });
    expect(() => parseArgs(['context', '--all'])).toThrow(UsageError);
  });
  it('without it, low-confidence findings are not shown', () => {
    const out = run(['-'], NOTE).stdout;
    expect(out).toContain('heart-failure');
    expect(out).not.toContain('obesity');
    expect(out).not.toContain('low confidence');
  });
  it('with it, they are shown and marked with their reasons', () => {
    const out = run(['--all', '-'], NOTE).stdout;
    expect(out).toMatch(/obesity[\s\S]*low confidence: .*told as a past stage of life/);
  });
  it('the hand-off format lists what the run shows: high only, or all with the low ones marked', () => {
    const plain = run(['--format', 'handoff', '-'], NOTE).stdout;
    expect(plain).toContain('Heart failure');
    expect(plain).not.toMatch(/obesity/i);
    const all = run(['--all', '--format', 'handoff', '-'], NOTE).stdout;
    expect(all).toMatch(/Open queries \(2\)/);
    expect(all).toMatch(/obesity.*\(low confidence: .*told as a past stage of life/i);
    expect(all).toMatch(/Codes the note supports:[\s\S]*Obesity: .*\(low confidence/);
    expect(all).not.toMatch(/Heart failure.*low confidence/);
  });
  it('JSON carries the confidence of every finding', () => {
    const [line] = run(['--all', '--format', 'json', '-'], NOTE).stdout.split('\n');
    const findings = JSON.parse(line!).findings as Array<{ family: string; confidence: string }>;
    expect(findings.map((f) => [f.family, f.confidence])).toEqual([['heart-failure', 'high'], ['obesity', 'low']]);
  });
});
