/**
 * Writing results to stdout as they are produced, and leaving quietly when the reader goes away.
 */
import { once } from 'node:events';

/**
 * Writes a chunk and, when the stream's buffer is full, waits until it drains, so a run over
 * thousands of notes holds at most one note's output in memory.
 */
export async function write(stream: NodeJS.WritableStream, chunk: string): Promise<void> {
  if (chunk === '' || stream.write(chunk)) return;
  await once(stream, 'drain');
}

/**
 * Makes a closed stdout (`cdi-lint … | head`) end the process quietly with the status so far.
 * Other stdout errors are reported as one line, with status 2. `exit` listeners still run.
 */
export function exitOnBrokenPipe(): void {
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code !== 'EPIPE') {
      process.stderr.write(`cdi-lint: cannot write output: ${error.message}\n`);
      process.exit(2);
    }
    process.exit(typeof process.exitCode === 'number' ? process.exitCode : 0);
  });
}
