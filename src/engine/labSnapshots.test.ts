import { describe, expect, expectTypeOf, it } from 'vitest';
import type { BalancerModel } from './balancer/balancerModel';
import type { TransactionModel } from './clientserver/transactions';
import type { ClusterModel } from './cluster/clusterModel';
import { createSimulation } from './createSimulation';
import type { LabSnapshots } from './labSnapshots';
import type { MessagingModel } from './messaging/messagingModel';
import type { ParallelModel } from './parallel/parallelModel';
import type { SsiModel } from './ssi/ssiModel';
import type { SunClusterModel } from './suncluster/sunModel';
import { clusterWorld } from './cluster/world';
import { worldView } from './view';

/** Each model's name is its key in LabSnapshots, and its snapshot() returns that key's type (checked by tsc). */
type Pair<M extends { name: string; snapshot(): unknown }> = [M['name'], ReturnType<M['snapshot']>];
type Lab<K extends keyof LabSnapshots> = [K, LabSnapshots[K]];

describe('the engine-to-UI contract', () => {
  it('every model gives the snapshot type its lab declares', () => {
    expectTypeOf<Pair<ClusterModel>>().toEqualTypeOf<Lab<'cluster'>>();
    expectTypeOf<Pair<BalancerModel>>().toEqualTypeOf<Lab<'balancer'>>();
    expectTypeOf<Pair<ParallelModel>>().toEqualTypeOf<Lab<'parallel'>>();
    expectTypeOf<Pair<MessagingModel>>().toEqualTypeOf<Lab<'messaging'>>();
    expectTypeOf<Pair<SunClusterModel>>().toEqualTypeOf<Lab<'suncluster'>>();
    expectTypeOf<Pair<SsiModel>>().toEqualTypeOf<Lab<'ssi'>>();
    expectTypeOf<Pair<TransactionModel>>().toEqualTypeOf<Lab<'clientserver'>>();
  });

  it("a frame's models are keyed by model name, each a lab of LabSnapshots", () => {
    const sim = createSimulation(clusterWorld({ clients: 2 }), 1);
    sim.runUntil(1_000_000);
    const v = worldView(sim);
    expect(Object.keys(v.models).sort()).toEqual(sim.models.map((m) => m.name).sort());
    expect(v.models.cluster?.groups.length).toBeGreaterThan(0);
  });
});
