/**
 * The `cdi-lint` command line. This entry parses the arguments and loads only the command that
 * runs, so `--help`, `--version` and usage errors start without loading the engine.
 * See `cdi-lint --help` (the text is in `cli/args.ts`) for usage and exit statuses.
 */
import { HELP, USAGE, UsageError, parseArgs, type Command } from './cli/args.js';
import { exitOnBrokenPipe } from './cli/output.js';

async function main(argv: readonly string[]): Promise<number> {
  let command: Command;
  try {
    command = parseArgs(argv);
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    process.stderr.write(`cdi-lint: ${error.message}\n${USAGE}\n`);
    return 2;
  }
  exitOnBrokenPipe();
  switch (command.command) {
    case 'help':
      process.stdout.write(HELP + '\n');
      return 0;
    case 'version': {
      const { packageVersion } = await import('./cli/version.js');
      process.stdout.write(packageVersion() + '\n');
      return 0;
    }
    case 'lint': {
      const { runLint } = await import('./cli/lint.js');
      return runLint(command);
    }
    case 'context': {
      const { runContext } = await import('./cli/context.js');
      return runContext(command);
    }
  }
}

main(process.argv.slice(2)).then(
  (status) => {
    process.exitCode = status;
  },
  (error: unknown) => {
    process.stderr.write(`cdi-lint: internal error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exitCode = 2;
  },
);
