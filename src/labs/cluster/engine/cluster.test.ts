import { describe, expect, it } from 'vitest';
import { applyCommand } from '../../../engine/commands';
import { createSimulation } from '../../../engine/createSimulation';
import type { Simulation } from '../../../engine/sim';
import type { ClusterModel } from './clusterModel';
import { clusterWorld, SITE_LINKS, type ClusterOptions } from './world';

const SEC = 1_000_000;
const SQL = 0;
const FILES = 1;

function cluster(o: ClusterOptions = {}, seed = 1) {
  const sim = createSimulation(clusterWorld(o), seed);
  const model = sim.models[0] as ClusterModel;
  const idx = (id: string) => sim.net.node(id)!.index;
  /** Nodes where group g is fully online. */
  const onlineOn = (g: number) => model.nodes.filter((_, m) => model.table.groupState(m, g) === 'online').map((n) => sim.net.nodes[n]!.id);
  const runUntil = (cond: () => boolean, limitUs: number): number => {
    const start = sim.nowUs;
    while (!cond() && sim.nowUs - start < limitUs && sim.step());
    return sim.nowUs - start;
  };
  return { sim, model, idx, onlineOn, runUntil };
}

const stats = (sim: Simulation) => sim.models[0]!.stats(sim.nowUs);

describe('Windows cluster: failover (WCS-NODEMGR, WCS-FAILOVER-MGR, CL-FAILOVER, WCS-PREFERRED)', () => {
  it('each group comes online on its first preferred owner, resources in dependency order (WCS-GROUP, WCS-ONLINE)', () => {
    const { sim, onlineOn, model } = cluster();
    sim.runUntil(10 * SEC);
    expect(onlineOn(SQL)).toEqual(['node-1']);
    expect(onlineOn(FILES)).toEqual(['node-2']);
    const order = sim.trace.recentInOrder().filter((e) => e.type === 'resourceStateChanged' && e.msg === SQL && e.b === 2).map((e) => model.spec.groups[SQL]!.resources[e.a]!.type);
    expect(order.indexOf('name')).toBeGreaterThan(order.indexOf('ip'));
    expect(order.indexOf('service')).toBeGreaterThan(order.indexOf('disk'));
    expect(order.indexOf('service')).toBeGreaterThan(order.indexOf('name'));
  });

  it('crashing the owner moves the group to the next preferred node: 10 missed heartbeats, a regroup, the disk challenge, then the resources', () => {
    const { sim, onlineOn, runUntil } = cluster();
    sim.runUntil(20 * SEC);
    applyCommand(sim, { type: 'crashNode', node: 'node-1' });
    const took = runUntil(() => onlineOn(SQL).includes('node-2'), 60 * SEC);
    // 10 missed 1 s heartbeats on both networks (checked once a second) + 1 s regroup + 10 s disk challenge
    // (the old owner did not defend) + 5 s to bring disk, IP, name and service online
    expect(took).toBeGreaterThanOrEqual(26 * SEC);
    expect(took).toBeLessThan(28 * SEC);
    expect(onlineOn(FILES)).toEqual(['node-2']);
    // requests sent during the outage time out within 3 s; after that, nothing fails
    sim.runUntil(sim.nowUs + 4 * SEC);
    const failed = stats(sim).requestsFailed!;
    sim.runUntil(sim.nowUs + 20 * SEC);
    expect(stats(sim).requestsFailed).toBe(failed);
  });

  it('with failback prevented the group stays; with immediate failback it returns when the owner rejoins (CL-FAILBACK)', () => {
    for (const [failback, back] of [['prevent', false], ['immediate', true]] as const) {
      const { sim, onlineOn, runUntil } = cluster({ failback });
      sim.runUntil(20 * SEC);
      applyCommand(sim, { type: 'crashNode', node: 'node-1' });
      runUntil(() => onlineOn(SQL).includes('node-2'), 60 * SEC);
      applyCommand(sim, { type: 'restartNode', node: 'node-1' });
      sim.runUntil(sim.nowUs + 30 * SEC);
      expect(onlineOn(SQL)).toEqual([back ? 'node-1' : 'node-2']);
    }
  });

  it('a resource failure is restarted in place up to the threshold, then the group fails over (WCS-RESMON)', () => {
    const { sim, onlineOn } = cluster();
    sim.runUntil(20 * SEC);
    expect(applyCommand(sim, { type: 'failResource', group: 'sql', resource: 'sql-svc' })).toBeNull();
    sim.runUntil(40 * SEC);
    expect(onlineOn(SQL)).toEqual(['node-1']);
    expect(applyCommand(sim, { type: 'failResource', group: 'sql', resource: 'sql-svc', persistent: true })).toBeNull();
    // the threshold counts restarts of the last 15 minutes: 3 allowed, the 4th failure moves the group
    sim.runUntil(80 * SEC);
    expect(sim.trace.recentInOrder().some((e) => e.type === 'restartThresholdExceeded')).toBe(true);
    sim.runUntil(100 * SEC);
    expect(onlineOn(SQL)).toEqual(['node-2']);
  });

  it('every node’s replica of the configuration database agrees after a failover (WCS-CONFIGDB)', () => {
    const { sim, model, runUntil, onlineOn } = cluster();
    sim.runUntil(10 * SEC);
    applyCommand(sim, { type: 'crashNode', node: 'node-2' });
    runUntil(() => onlineOn(FILES).length === 1, 60 * SEC);
    sim.runUntil(sim.nowUs + 5 * SEC);
    const live = [0, 2, 3].map((m) => model.members.state[m]!.replica);
    expect(new Set(live.map((r) => r.owner.join())).size).toBe(1);
    expect(live[0]!.owner[FILES]).toBe(0);
  });
});

describe('quorum and split brain', () => {
  const split = (sim: Simulation) => SITE_LINKS.forEach((link) => applyCommand(sim, { type: 'cutLink', link }));

  it('with quorum, a 3–1 partition keeps the majority running and the lone node stops', () => {
    const { sim, onlineOn, runUntil, model } = cluster();
    sim.runUntil(10 * SEC);
    applyCommand(sim, { type: 'partition', side: ['node-1'] });
    runUntil(() => onlineOn(SQL).includes('node-2'), 60 * SEC);
    sim.runUntil(sim.nowUs + 10 * SEC);
    expect(onlineOn(SQL)).toEqual(['node-2']);
    expect(model.members.inService(0)).toBe(false);
    expect(model.violations).toBe(0);
  });

  it('with quorum off, a 2–2 partition brings the same group online on both sides, and the checker says so', () => {
    const { sim, onlineOn, model } = cluster({ quorum: false });
    sim.runUntil(10 * SEC);
    split(sim);
    sim.runUntil(60 * SEC);
    expect(onlineOn(SQL).length).toBe(2);
    expect(model.violations).toBeGreaterThan(0);
    expect(sim.trace.recentInOrder().some((e) => e.type === 'invariantViolated')).toBe(true);
  });

  it('with quorum on, the same 2–2 partition keeps the half with most of the votes counted (dynamic quorum zeroed node-4’s vote) and stops the other: no split brain', () => {
    const { sim, onlineOn, model } = cluster({ quorum: true });
    sim.runUntil(10 * SEC);
    split(sim);
    sim.runUntil(90 * SEC);
    expect(model.members.inService(0) && model.members.inService(1)).toBe(true);
    expect(model.members.inService(2) || model.members.inService(3)).toBe(false);
    // both groups' first preferred owners are on site a: nothing had to move
    expect(onlineOn(SQL)).toEqual(['node-1']);
    expect(onlineOn(FILES)).toEqual(['node-2']);
    expect(model.violations).toBe(0);
    SITE_LINKS.forEach((link) => applyCommand(sim, { type: 'restoreLink', link }));
    sim.runUntil(130 * SEC);
    expect(model.nodes.every((_, m) => model.members.inService(m))).toBe(true);
  });

  it('with the fixed majority of Windows Server 2008 (no dynamic quorum) the same 2–2 partition stops both halves', () => {
    const { sim, onlineOn, model } = cluster({ quorum: true, dynamicQuorum: false });
    sim.runUntil(10 * SEC);
    split(sim);
    sim.runUntil(60 * SEC);
    expect(onlineOn(SQL).length).toBe(0);
    expect(onlineOn(FILES).length).toBe(0);
    expect(model.nodes.some((_, m) => model.members.inService(m))).toBe(false);
    expect(model.violations).toBe(0);
    SITE_LINKS.forEach((link) => applyCommand(sim, { type: 'restoreLink', link }));
    sim.runUntil(120 * SEC);
    expect(onlineOn(SQL).length).toBe(1);
  });
});
