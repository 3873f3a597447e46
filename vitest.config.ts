import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    globalSetup: ['test/global-setup.ts'],
    // A guard against a hung test, not a measure: a loaded machine runs the CLI's end-to-end tests slowly.
    testTimeout: 60_000,
    // The JSON report feeds CI's one-line summary (.ci/run).
    reporters: ['default', 'json'],
    outputFile: { json: 'test-results/vitest.json' },
  },
});
