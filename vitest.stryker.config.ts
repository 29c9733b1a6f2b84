// The vitest config under Stryker (stryker.config.mjs): the project's own,
// with more time per test, since Stryker's instrumented code (coverage
// counters, mutant switches) runs slower than the plain build, and a test
// that merely runs past vitest's 5 s would count as a killed mutant. Stryker
// times mutants out itself (timeoutMS, timeoutFactor).
import { defineConfig, mergeConfig } from 'vitest/config';
import base from './vite.config';

export default mergeConfig(base, defineConfig({ test: { testTimeout: 60_000, hookTimeout: 60_000 } }));
