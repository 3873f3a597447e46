import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    globalSetup: ['test/global-setup.ts'],
    // Only against a hang: tests are never timed, and a busy shared machine runs the large ones slowly.
    testTimeout: 120_000,
    // The JSON report feeds CI's one-line summary (.ci/run).
    reporters: ['default', 'json'],
    outputFile: { json: 'test-results/vitest.json' },
  },
});
