import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { clusterRuns, COMMAND_KINDS, describeRun, runCluster, safetyProblems } from '../labs/cluster/engine/fuzz';
import { CLUSTER_PRESETS, presetWorld } from './clusterFuzz';

const RUNS = Number(process.env.CLUSTER_FUZZ_RUNS ?? 1000);

describe('Windows cluster safety on the app’s own presets (part a)', () => {
  it(`every cluster preset, sizes 2–8, every witness, commands of every kind: no split brain with quorum on, one chain of views, one database per version (${RUNS} random runs)`, () => {
    const seen = new Set<string>();
    fc.assert(
      fc.property(clusterRuns(CLUSTER_PRESETS, presetWorld), (r) => {
        for (const s of r.script) seen.add(s.cmd.type);
        expect(safetyProblems(runCluster(r, presetWorld).model), describeRun(r)).toEqual([]);
      }),
      { numRuns: RUNS, seed: Number(process.env.CLUSTER_FUZZ_SEED ?? 0x5eed) },
    );
    expect([...seen].sort()).toEqual([...COMMAND_KINDS].sort());
  }, 900_000);
});
