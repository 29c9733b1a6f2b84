import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { clusterRuns, COMMAND_KINDS, describeRun, runCluster } from './clusterFuzz';

const RUNS = Number(process.env.CLUSTER_FUZZ_RUNS ?? 2500);

describe('Windows cluster safety under every user action (part A)', () => {
  it(`with quorum on, no group is ever online on two nodes, and a node out of the cluster hosts nothing (${RUNS} random runs)`, () => {
    const seen = new Set<string>();
    fc.assert(
      fc.property(process.env.CLUSTER_FUZZ_DENSE ? clusterRuns(8, 30, 120) : clusterRuns(), (r) => {
        for (const s of r.script) seen.add(s.cmd.type);
        const { model } = runCluster(r);
        expect(model.violationsWithQuorum, describeRun(r)).toBe(0);
        // committed views form one chain, and no two nodes applied different updates under one number
        if (model.spec.quorum) expect(model.ledger.forks, describeRun(r)).toBe(0);
        expect(model.ledger.conflicts, describeRun(r)).toBe(0);
        model.nodes.forEach((_, m) => {
          if (!model.members.inService(m)) model.spec.groups.forEach((__, g) => expect(model.table.holds(m, g), describeRun(r)).toBe(false));
        });
      }),
      { numRuns: RUNS, seed: Number(process.env.CLUSTER_FUZZ_SEED ?? 0xa11ce) },
    );
    // the schedules drew every kind of command a person can give
    expect([...seen].sort()).toEqual([...COMMAND_KINDS].sort());
  }, 600_000);
});
