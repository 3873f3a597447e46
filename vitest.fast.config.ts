// The fast loop (`npm run test:fast`): unit and interview tests in one shared module graph, so the
// methodology (test/fast-setup.ts), the schemas and ajv are built once per worker instead of once per file
// and per command a test runs. The full, isolated run (`npm test`, CI) stays in vitest.config.ts.
import { defineConfig } from 'vitest/config';

/**
 * Tests that mock a module (vi.mock): in a shared module graph another file has loaded it already, or has
 * mocked it its own way (the two Inquirer tests replace the same prompts differently: run in one worker,
 * the second gets the first's replacements and never ends).
 */
const MOCKING = [
  'test/unit/many-files.test.ts',
  'test/interview/inquirer-asker-escapes.test.ts',
  'test/interview/inquirer-asker-lists.test.ts',
];

export default defineConfig({
  test: {
    globalSetup: ['test/global-setup.ts'],
    // Both cores: vitest's default leaves one for itself, which idles while the tests run.
    maxWorkers: 2,
    // Property tests try their first cases only (test/properties.ts); npm test and CI try them all.
    env: { COMMREADY_TEST_LOOP: 'fast' },
    // A guard against a hung test, as in vitest.config.ts: a busy shared machine runs tests slowly.
    testTimeout: 60_000,
    // A loop is run again and again: the TypeScript transformed once is kept (in node_modules), and only
    // files changed since are transformed again. `npx vitest --clearCache` empties it.
    experimental: { fsModuleCache: true },
    projects: [
      {
        extends: true,
        test: {
          name: 'shared',
          include: ['test/unit/**/*.test.ts', 'test/interview/**/*.test.ts'],
          exclude: [
            ...MOCKING,
            // These import the build (dist/) in a child process, which the fast loop does not make.
            'test/unit/builtin-snapshot.test.ts',
            'test/unit/define-lazy.test.ts',
            'test/unit/save-plan.test.ts',
            // It runs the TypeScript compiler over the README's example: a documentation check for `npm test`.
            'test/unit/readme-api.test.ts',
            // It checks the property tests' own string unit against fast-check's, whose first use takes 1.8 s.
            'test/unit/properties.test.ts',
            // Checks of whole outputs by outside tools, each a child process (markdownlint-cli2, xmllint),
            // and ESLint over the whole source: npm test runs them.
            'test/unit/ci-formats.test.ts',
            'test/unit/github-limits.test.ts',
            'test/unit/lint-boundaries.test.ts',
            // A sweep of every command and format for every type, formality and stage, with twelve whole
            // interviews (test/interview/profile-in-force.test.ts runs its own twelve): npm test runs it.
            'test/unit/no-placeholder-leaks.test.ts',
          ],
          setupFiles: ['test/fast-setup.ts'],
          pool: 'threads',
          isolate: false,
        },
      },
      { extends: true, test: { name: 'isolated', include: MOCKING } },
    ],
  },
});
