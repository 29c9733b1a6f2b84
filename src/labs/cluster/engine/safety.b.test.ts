import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { underStryker } from '../../../engine/testRuns';
import { clusterRuns, COMMAND_KINDS, describeRun, engineWorld, ENGINE_WORLDS, runCluster, safetyProblems } from './fuzz';

/** Runs of this part: 2,000 by default (four parts here and two on the app's presets make 10,000); CLUSTER_FUZZ_RUNS for a longer night. */
// under Stryker every surviving mutant re-runs these: 12 runs each there (the other cluster tests aim at each rule)
const RUNS = underStryker ? 12 : Number(process.env.CLUSTER_FUZZ_RUNS ?? 2000);

describe('Windows cluster safety under every user action (part b)', () => {
  it(`with quorum on no group is ever online on two nodes; views form one chain; one database per version; nothing hosted off the cluster (${RUNS} random runs, sizes 2–8, every witness)`, () => {
    const seen = new Set<string>();
    fc.assert(
      fc.property(clusterRuns(ENGINE_WORLDS, engineWorld), (r) => {
        for (const s of r.script) seen.add(s.cmd.type);
        expect(safetyProblems(runCluster(r, engineWorld).model), describeRun(r)).toEqual([]);
      }),
      { numRuns: RUNS, seed: Number(process.env.CLUSTER_FUZZ_0xb0b ?? 0xb0b) },
    );
    // the schedules drew every kind of command a person can give
    if (RUNS >= 200) expect([...seen].sort()).toEqual([...COMMAND_KINDS].sort());
  }, 900_000);
});
