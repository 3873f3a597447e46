// Mutation testing of the scoring and validation cores (`npm run test:mutation`, run in CI). Why Stryker:
// it is the mutation tester with a Vitest runner; 9.6.1 is pinned because Stryker 8 cannot drive Vitest 4
// and Stryker 10 needs Node 22. One run covers both folders; scripts/check-mutation-scores.mjs then holds
// each folder to its own threshold from the JSON report.
/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export default {
  testRunner: 'vitest',
  plugins: ['@stryker-mutator/vitest-runner'],
  // Each mutant runs only the tests that reached it in the first run (coverageAnalysis perTest), in their
  // files; `related` (vitest's import graph) would narrow nothing further, and the include list of
  // vitest.mutation.config.ts keeps out the files that would make every mutant's run slow.
  vitest: { configFile: 'vitest.mutation.config.ts', related: false },
  mutate: [
    'src/scoring/**/*.ts',
    'src/validation/**/*.ts',
    // Its engine's source text is spliced into generated code (makeRe2Engine.toString()): instrumenting
    // it would splice Stryker's counters in too.
    '!src/validation/safe-regexp.ts',
  ],
  coverageAnalysis: 'perTest',
  // Code that runs only while a test file loads (schemas compiled at import) would need every test
  // for each of its mutants; the boundary tests cover that code inside tests instead.
  ignoreStatic: true,
  // Results of mutants whose code and tests did not change are reused from the committed file.
  incremental: true,
  incrementalFile: 'test/mutation/stryker-incremental.json',
  concurrency: 2,
  timeoutMS: 20_000,
  reporters: ['clear-text', 'progress', 'json'],
  jsonReporter: { fileName: 'test-results/mutation.json' },
  clearTextReporter: { allowColor: false, logTests: false, reportMutants: false, reportScoreTable: true },
  // Stryker removes its sandbox after every run; npm run test:mutation points the tests' TMPDIR inside
  // this folder and removes the whole folder, so a test runner stopped mid-run leaves nothing behind.
  tempDirName: '.stryker-tmp',
  cleanTempDir: 'always',
  // The folders are judged separately by the script; no whole-run threshold.
  thresholds: { high: 90, low: 80, break: null },
};
