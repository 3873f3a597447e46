// The tests Stryker runs against each mutant of src/scoring and src/validation (`npm run test:mutation`):
// the files that exercise those folders from inline plans and schemas with the small test methodology.
// Files that build the whole built-in methodology are left out: each mutant's run would pay for it.
// Modules are shared (no isolation): the test files themselves run again for every mutant, and they
// make the methodology the memo caches are keyed on, so no cached value outlives a run.
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: [
      'test/unit/scoring-mutants.test.ts',
      'test/unit/validation-mutants.test.ts',
      // Boundary tests written for mutants an earlier run of the whole suite left alive: without them here
      // those mutants survive again. Its last block builds the built-in methodology, paid only by the
      // mutants its tests reach.
      'test/unit/survivor-boundaries.test.ts',
      // Observed outcomes, renamed ids, restructured fields, formalities and rosters, on the mini
      // methodology with each part added in memory: code the files above never reach.
      'test/unit/scoring-coverage.test.ts',
      'test/unit/assess-plan.test.ts',
      'test/unit/scoring-boundaries.test.ts',
      'test/unit/parse-plan.test.ts',
      'test/unit/evidence-validators.test.ts',
      'test/unit/formats.test.ts',
      'test/unit/hostile-methodology.test.ts',
    ],
    globalSetup: ['test/global-setup.ts'],
    testTimeout: 20_000,
    pool: 'threads',
    isolate: false,
  },
});
