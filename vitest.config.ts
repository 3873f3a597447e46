import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    globalSetup: ['test/global-setup.ts'],
    // A guard against hangs, not a clock: tests that spawn the CLI several times need room on a loaded machine.
    testTimeout: 60_000,
    // The JSON report feeds CI's one-line summary (.ci/run).
    reporters: ['default', 'json'],
    outputFile: { json: 'test-results/vitest.json' },
  },
});
