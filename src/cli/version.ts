/**
 * The package version, read from the nearest `package.json` named `cdi-lint` above this module,
 * so it is right both from source (`src/cli/`) and from the build (`dist/`).
 */
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The version string, or `unknown` when no package.json is found. */
export function packageVersion(from: string = import.meta.url): string {
  let dir = dirname(fileURLToPath(from));
  for (;;) {
    try {
      const pkg = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as { name?: unknown; version?: unknown };
      if (pkg.name === 'cdi-lint' && typeof pkg.version === 'string') return pkg.version;
    } catch {
      // no readable package.json here; keep climbing
    }
    const parent = dirname(dir);
    if (parent === dir) return 'unknown';
    dir = parent;
  }
}
