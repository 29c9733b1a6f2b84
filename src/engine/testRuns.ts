/**
 * How many runs a property test makes: `n` normally, a tenth of it (at least
 * `min`) in a Stryker test process, where every mutant re-runs the tests that
 * cover it and a kernel mutant is covered by nearly every test. Stryker starts
 * its test-runner processes with STRYKER_MUTATOR_WORKER set (the worker's
 * number); vitest's worker threads inherit it. `npm test` never sets it, so
 * CI keeps the full counts. For tests only: the engine itself never reads the
 * environment.
 */
export const underStryker: boolean = typeof process !== 'undefined' && process.env.STRYKER_MUTATOR_WORKER !== undefined;

/** `n` runs, or `max(min, ceil(n / 10))` under Stryker. */
export function runs(n: number, min = 3): number {
  return underStryker ? Math.min(n, Math.max(min, Math.ceil(n / 10))) : n;
}
