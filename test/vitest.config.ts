/**
 * Vitest: the Node-side tests (engine units, rule examples, context, CLI, corpus evaluation).
 * Browser tests (test/browser) run in web-test-runner instead.
 */
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  root: fileURLToPath(new URL('..', import.meta.url)),
  test: {
    environment: 'node',
    include: ['test/{unit,rules,context,cli,eval,queries,property}/**/*.test.ts'],
    exclude: ['test/browser/**', 'node_modules/**', 'dist/**'],
    // No test file yet is a configuration error, not a pass.
    passWithNoTests: false,
    // Shared 2-core machines: a test that spawns the CLI or runs hundreds of notes may take seconds.
    testTimeout: 30_000,
  },
});
