// The fast loop (`npm run test:fast`): unit and interview tests in one shared module graph, so the
// methodology, the schemas and ajv are built once per worker instead of once per file. The full,
// isolated run (`npm test`, CI) stays in vitest.config.ts.
import { defineConfig } from 'vitest/config';

/** Tests that mock a module (vi.mock): in a shared module graph another file has loaded it already. */
const MOCKING = ['test/unit/many-files.test.ts'];

export default defineConfig({
  test: {
    globalSetup: ['test/global-setup.ts'],
    testTimeout: 20_000,
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
          ],
          pool: 'threads',
          isolate: false,
        },
      },
      { extends: true, test: { name: 'isolated', include: MOCKING } },
    ],
  },
});
