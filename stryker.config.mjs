// Mutation testing of the engine (npm run mutate). Options: see
// https://stryker-mutator.io/docs/stryker-js/configuration and
// .../docs/stryker-js/vitest-runner. Not part of npm test.
/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export default {
  testRunner: 'vitest',
  vitest: { configFile: 'vitest.stryker.config.ts', related: true },
  // the engine, less its tests and the helpers only tests import
  mutate: [
    'src/engine/**/*.ts',
    'src/labs/*/engine/**/*.ts',
    '!src/engine/**/*.test.ts',
    '!src/labs/*/engine/**/*.test.ts',
    '!src/engine/testRuns.ts',
    '!src/labs/*/engine/**/testkit.ts',
    '!src/labs/*/engine/**/testWorld.ts',
  ],
  // the engine's own tests judge it: the app's tests (share, scenario, lessons,
  // worker, render) run the engine too, but slowly and as a side effect; with
  // them a mutant in the kernel re-ran ~300 tests (~18 s a mutant here)
  testFiles: ['src/engine/**/*.test.ts', 'src/labs/*/engine/**/*.test.ts'],
  // each mutant runs only the tests that covered its code in the dry run
  coverageAnalysis: 'perTest',
  // mutants that only run while a module loads (constant tables) would need a
  // fresh environment and the whole suite each; they are reported as Ignored
  ignoreStatic: true,
  // reuse the last run's results: only mutants in changed code, or covered by
  // changed or new tests, are tested again (--force for a full run)
  incremental: true,
  incrementalFile: 'reports/stryker-incremental.json',
  // one test process: the machine has 2 cores and is shared (override with --concurrency)
  concurrency: 1,
  // a mutant times out after (its tests' dry-run time x timeoutFactor + timeoutMS);
  // infinite loops are mostly caught sooner by Stryker's hit counter
  timeoutFactor: 2,
  timeoutMS: 8000,
  dryRunTimeoutMinutes: 20,
  reporters: ['progress', 'json', 'html'],
  jsonReporter: { fileName: 'reports/mutation/mutation.json' },
  htmlReporter: { fileName: 'reports/mutation/mutation.html' },
  // what the sandbox need not copy
  ignorePatterns: ['.stryker-tmp*', 'dist', 'dist-*', '.bench', 'reports', 'test-results*', 'playwright-report', 'e2e', 'bench', 'docs', 'public'],
  tempDirName: '.stryker-tmp',
  cleanTempDir: 'always',
};
