/**
 * The `context` command: the assertion engine on its own. Each input line is JSON
 * `{"text": sentence, "target": term}`; each produces exactly one output line, in order, so the
 * output can be pasted beside the input. Lines are streamed, never held all at once.
 */
import { open, stat } from 'node:fs/promises';
import { createInterface } from 'node:readline';
import { contextLine } from '../context/command.js';
import type { ContextCommand } from './args.js';
import { printable, quoteEvidence } from './format-text.js';
import { write } from './output.js';
import { describeReadError } from './read-note.js';

const FLAGS = ['negated', 'historical', 'hypothetical', 'uncertain'] as const;

/** Runs the context command; resolves to 0, or 2 when an input file could not be read. */
export async function runContext(command: ContextCommand): Promise<number> {
  const sources = command.paths.length > 0 ? command.paths : ['-'];
  let status = 0;
  for (const source of sources) {
    let input: NodeJS.ReadableStream;
    if (source === '-') {
      input = process.stdin;
    } else {
      try {
        if ((await stat(source)).isDirectory()) throw Object.assign(new Error('is a directory'), { code: 'EISDIR' });
        input = (await open(source)).createReadStream();
      } catch (error) {
        process.stderr.write(`cdi-lint: ${printable(source)}: ${await describeReadError(source, error)}\n`);
        status = 2;
        continue;
      }
    }
    const lines = createInterface({ input, crlfDelay: Infinity });
    for await (const line of lines) {
      const out = contextLine(line);
      await write(process.stdout, (command.format === 'json' ? out : formatContextText(line, out)) + '\n');
    }
  }
  return status;
}

/**
 * One compact human-readable line for a `contextLine` result, e.g.
 * `negated, historical  "chest pain"  in "Denies chest pain."`; `affirmed` when no flag is set.
 * Falls back to the raw output when it is not the expected JSON shape.
 */
export function formatContextText(inputLine: string, outputLine: string): string {
  const output = parseObject(outputLine);
  if (!output) return printable(outputLine);
  if (typeof output['error'] === 'string') return `error: ${printable(output['error'])}`;
  const assertion = isObject(output['assertion']) ? output['assertion'] : output;
  const flags: string[] = FLAGS.filter((flag) => assertion[flag] === true);
  const experiencer = assertion['experiencer'];
  if (typeof experiencer === 'string' && experiencer !== 'patient') flags.push(`experiencer: ${experiencer}`);
  const input = parseObject(inputLine) ?? {};
  const target = output['target'] ?? input['target'];
  const text = output['text'] ?? input['text'];
  let line = flags.length > 0 ? flags.join(', ') : 'affirmed';
  if (typeof target === 'string') line += `  ${quoteEvidence(target)}`;
  if (typeof text === 'string') line += `  in ${quoteEvidence(text, 100)}`;
  return line;
}

function parseObject(line: string): Record<string, unknown> | undefined {
  try {
    const value: unknown = JSON.parse(line);
    return isObject(value) ? value : undefined;
  } catch {
    return undefined;
  }
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
