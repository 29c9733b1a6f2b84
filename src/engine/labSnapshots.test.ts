import { describe, expect, expectTypeOf, it } from 'vitest';
import { createSimulation } from './createSimulation';
import type { LabId, LabModel } from './labs';
import type { LabSnapshots } from './labSnapshots';
import { clusterWorld } from '../labs/cluster/engine/world';
import type { ClusterSnapshot } from '../labs/cluster/engine/snapshot';
import { worldView } from './view';

/** For each lab of the registry: does its model's name equal the lab's key (the key its frames carry)? */
type NameIsKey = { [K in LabId]: LabModel<K>['name'] extends K ? (K extends LabModel<K>['name'] ? true : false) : false };

describe('the engine-to-UI contract', () => {
  it("every lab's model is named after its key in the registry, and its snapshot is the lab's type", () => {
    expectTypeOf<NameIsKey>().toEqualTypeOf<Record<LabId, true>>();
    expectTypeOf<LabSnapshots['cluster']>().toEqualTypeOf<ClusterSnapshot>();
  });

  it("a frame's models are keyed by model name, each a lab of LabSnapshots", () => {
    const sim = createSimulation(clusterWorld({ clients: 2 }), 1);
    sim.runUntil(1_000_000);
    const v = worldView(sim);
    expect(Object.keys(v.models).sort()).toEqual(sim.models.map((m) => m.name).sort());
    expect(v.models.cluster?.groups.length).toBeGreaterThan(0);
  });
});
