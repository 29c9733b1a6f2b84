import { describe, expect, it } from 'vitest';
import { applyCommand } from '../engine/commands';
import { createSimulation } from '../engine/createSimulation';
import type { ClusterModel } from '../labs/cluster/engine/clusterModel';
import { clusterWorld, SITE_LINKS } from '../labs/cluster/engine/world';
import { runCluster, type ClusterRun } from '../labs/cluster/engine/fuzz';
import { presetWorld, type CLUSTER_PRESETS } from './clusterFuzz';

const SEC = 1_000_000;

/**
 * Each split brain found so far, by name and seed: the two the issue
 * reported (tried by hand) and the counterexamples the random runs found
 * while the model was rebuilt. Every one of them put a group on two nodes
 * with quorum on before its fix.
 */
describe('Windows cluster: split-brain regressions', () => {
  it('reported: both of node-2’s links cut, then “Move group” on File Server within 10 s (20 seeds × 10 delays)', () => {
    let bad = 0;
    for (let seed = 1; seed <= 20; seed++) {
      for (let d = 0; d < 10; d++) {
        const sim = createSimulation(clusterWorld({}), seed);
        sim.runUntil(20 * SEC);
        applyCommand(sim, { type: 'cutLink', link: 'node-2~ic' });
        applyCommand(sim, { type: 'cutLink', link: 'node-2~pub' });
        sim.runUntil((20 + d) * SEC);
        applyCommand(sim, { type: 'moveGroup', group: 'files' });
        sim.runUntil(120 * SEC);
        bad += (sim.models[0] as ClusterModel).violations;
      }
    }
    expect(bad).toBe(0);
  });

  it('reported: two nodes with a witness disk, the public site link cut, node-1’s interconnect at 80–95 % loss (40 seeds × 4 rates)', () => {
    let bad = 0;
    for (let seed = 1; seed <= 40; seed++) {
      for (const lossRate of [0.8, 0.85, 0.9, 0.95]) {
        const sim = createSimulation(clusterWorld({ nodes: 2 }), seed);
        sim.runUntil(20 * SEC);
        applyCommand(sim, { type: 'cutLink', link: SITE_LINKS[1] });
        applyCommand(sim, { type: 'setLink', link: 'node-1~ic', lossRate });
        sim.runUntil(300 * SEC);
        bad += (sim.models[0] as ClusterModel).violations;
      }
    }
    expect(bad).toBe(0);
  });

  const cases: [string, ClusterRun<(typeof CLUSTER_PRESETS)[number]>, Partial<ClusterModel['spec']>][] = [
    [
      'a failback right after a failover cleared the failover’s fence (separate, 4 nodes, seed 5)',
      {
        preset: 'separate',
        nodes: 4,
        witness: 'disk',
        seed: 5,
        script: [
          { atUs: 0, cmd: { type: 'setFailback', group: 'sql', policy: 'immediate' } },
          { atUs: 0, cmd: { type: 'cutLink', link: 'node-4~pub' } },
          { atUs: 0, cmd: { type: 'cutLink', link: 'node-3~ic' } },
          { atUs: 160_005_903, cmd: { type: 'moveGroup', group: 'sql', node: 'node-3' } },
        ],
      },
      { leaseUs: 3_000_000, challengeUs: 7_000_000 },
    ],
    [
      'a regroup adopted a move the old owner had applied but not finished taking offline (separate, 6 nodes, seed 1696008578)',
      {
        preset: 'separate',
        nodes: 6,
        witness: undefined,
        seed: 1696008578,
        script: [
          { atUs: 94_957_580, cmd: { type: 'cutLink', link: 'node-6~ic' } },
          { atUs: 131_802_818, cmd: { type: 'moveGroup', group: 'sql' } },
          { atUs: 0, cmd: { type: 'cutLink', link: 'node-4~pub' } },
        ],
      },
      // found with a 3 s lease and a 7 s challenge: the timing that exposed it
      { leaseUs: 3_000_000, challengeUs: 7_000_000 },
    ],
    [
      'a leader reused an update’s number after calling it off, so two nodes held different databases under one version (ha, 4 nodes, file-share witness, seed 1329488848)',
      { preset: 'ha', nodes: 4, witness: 'share', seed: 1329488848, script: [{ atUs: 0, cmd: { type: 'setLink', link: 'node-4~ic', jitterUs: 5000 } }] },
      {},
    ],
    [
      'a node that had accepted a newer view kept counting its own vote for its old one, where it alone had the majority (shared, 3 nodes, seed 747265568)',
      {
        preset: 'shared',
        nodes: 3,
        witness: undefined,
        seed: 747265568,
        script: [
          { atUs: 67_000_001, cmd: { type: 'crashNode', node: 'ic-a' } },
          { atUs: 11_892_121, cmd: { type: 'setLink', link: 'node-2~pub', lossRate: 0.8 } },
          { atUs: 89_373_547, cmd: { type: 'crashNode', node: 'client-1' } },
          { atUs: 94_000_777, cmd: { type: 'setLink', link: 'node-3~pub', jitterUs: 5000 } },
        ],
      },
      {},
    ],
  ];
  for (const [name, run, spec] of cases) {
    it(`found by the random runs: ${name}`, () => {
      for (const s of [spec, {}]) {
        const { model } = runCluster(run, presetWorld, 300, s);
        expect(model.episodes).toEqual([]);
        expect(model.ledger.conflicts).toBe(0);
        expect(model.ledger.forks).toBe(0);
      }
    });
  }
});
