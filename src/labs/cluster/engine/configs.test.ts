import { describe, expect, it } from 'vitest';
import { applyCommand } from '../../../engine/commands';
import { createSimulation } from '../../../engine/createSimulation';
import type { ClusterModel } from './clusterModel';
import { clusterWorld, type ClusterConfig } from './world';

const SEC = 1_000_000;
const SQL = 0;

/** A two-node cluster whose node-1 crashes 40 s in; what the users and the data saw 40 s later. */
function crashRun(config: ClusterConfig, mode: 'ha' | 'ft', seed = 1) {
  const sim = createSimulation(clusterWorld({ nodes: 2, clients: 12, config, mode, txSteps: 4 }), seed);
  const model = sim.models[0] as ClusterModel;
  // 42 s: between two of the separate servers' copies (every 5 s)
  sim.runUntil(42 * SEC);
  const beforeUtil2 = sim.net.node('node-2')!.utilization(sim.nowUs);
  applyCommand(sim, { type: 'crashNode', node: 'node-1' });
  sim.runUntil(90 * SEC);
  return { sim, model, stats: model.stats(sim.nowUs) as Record<string, number>, beforeUtil2 };
}

describe('high availability vs fault tolerance (CL-HA-VS-FT)', () => {
  it('the same failure: HA leaves half-done transactions to the application, FT rolls them back; neither loses a commit on connected disks', () => {
    const ha = crashRun('active', 'ha');
    const ft = crashRun('active', 'ft');
    expect(ha.stats.txHalfDone).toBeGreaterThan(0);
    expect(ha.stats.txRolledBack).toBe(0);
    expect(ft.stats.txHalfDone).toBe(0);
    expect(ft.stats.txRolledBack).toBeGreaterThan(0);
    expect(ha.stats.commitsLost).toBe(0);
    expect(ft.stats.commitsLost).toBe(0);
    // in both, requests in progress were lost and their transactions retried on the surviving node
    expect(ha.stats.txRetried).toBeGreaterThan(0);
    expect(ft.stats.txRetried).toBeGreaterThan(0);
  });
});

describe('cluster configurations (CL-CONFIG)', () => {
  it('separate servers copy their data over the network and lose the commits made since the last copy; connected disks lose none', () => {
    const sep = crashRun('separate', 'ha');
    const disk = crashRun('active', 'ha');
    expect(sep.stats.copyBytes).toBeGreaterThan(100_000);
    expect(sep.stats.commitsLost).toBeGreaterThan(0);
    expect(disk.stats.copyBytes).toBe(0);
    expect(disk.stats.commitsLost).toBe(0);
  });

  it('servers sharing disks need a lock round trip per commit, but fail over sooner: no disk to take over', () => {
    const shared = crashRun('shared', 'ha');
    const disk = crashRun('active', 'ha');
    expect(shared.stats.lockMessages).toBeGreaterThan(100);
    expect(disk.stats.lockMessages).toBe(0);
    expect(shared.model.clock.lastUs[SQL]!).toBeLessThan(disk.model.clock.lastUs[SQL]! - 2 * SEC);
  });

  it('a passive standby sits idle until its partner fails, then runs everything', () => {
    const passive = crashRun('passive', 'ha');
    expect(passive.beforeUtil2).toBe(0);
    const online = (m: number) => passive.model.spec.groups.filter((_, g) => passive.model.table.groupState(m, g) === 'online').length;
    expect(online(1)).toBe(2);
    const active = crashRun('active', 'ha');
    expect(active.beforeUtil2).toBeGreaterThan(0);
  });

  it('every failover completes within detection plus arbitration plus the restart time, in every configuration', () => {
    for (const config of ['active', 'separate', 'shared', 'passive'] as const) {
      const { model } = crashRun(config, 'ha');
      expect(model.clock.lastUs[SQL], config).toBeGreaterThan(10 * SEC);
      expect(model.clock.lastUs[SQL]!, config).toBeLessThanOrEqual(model.clock.bound(SQL).total);
      expect(model.clock.late, config).toBe(0);
    }
  });

  it('with two nodes the witness disk breaks the tie: whichever node crashes, the other keeps quorum', () => {
    for (const victim of ['node-1', 'node-2']) {
      const sim = createSimulation(clusterWorld({ nodes: 2, clients: 4 }), 2);
      const model = sim.models[0] as ClusterModel;
      sim.runUntil(30 * SEC);
      applyCommand(sim, { type: 'crashNode', node: victim });
      sim.runUntil(70 * SEC);
      const survivor = victim === 'node-1' ? 1 : 0;
      expect(model.members.inService(survivor), victim).toBe(true);
      expect(model.spec.groups.every((_, g) => model.table.groupState(survivor, g) === 'online'), victim).toBe(true);
    }
  });
});
