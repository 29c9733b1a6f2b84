import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { applyCommand, type EngineCommand } from '../commands';
import { createSimulation } from '../createSimulation';
import type { ClusterModel } from './clusterModel';
import { clusterWorld, SITE_LINKS } from './world';

const SEC = 1_000_000;
const NODES = ['node-1', 'node-2', 'node-3', 'node-4'];

/** One fault of a random schedule. */
const fault = fc.oneof(
  fc.constantFrom(...NODES).map((node): EngineCommand => ({ type: 'crashNode', node })),
  fc.constantFrom(...NODES).map((node): EngineCommand => ({ type: 'restartNode', node })),
  fc.constantFrom(...NODES.map((n) => `${n}~ic`), ...NODES.map((n) => `${n}~pub`), ...SITE_LINKS).map((link): EngineCommand => ({ type: 'cutLink', link })),
  fc.constantFrom(...NODES.map((n) => `${n}~ic`), ...SITE_LINKS).map((link): EngineCommand => ({ type: 'restoreLink', link })),
  fc.subarray(NODES, { minLength: 1, maxLength: 3 }).map((side): EngineCommand => ({ type: 'partition', side })),
  fc.constant<EngineCommand>({ type: 'heal' }),
  fc.record({ group: fc.constantFrom('sql', 'files'), persistent: fc.boolean() }).map(({ group, persistent }): EngineCommand => ({ type: 'failResource', group, resource: `${group}-svc`, persistent })),
);

const schedule = fc.array(fc.record({ atUs: fc.integer({ min: 0, max: 240 * SEC }), cmd: fault }), { maxLength: 12 });

describe('cluster invariants over random fault schedules', () => {
  it('with quorum on, a group (and its disk) is never online on two nodes: shared nothing (WCS-SHARED-NOTHING, 1,000 schedules)', () => {
    fc.assert(
      fc.property(schedule, fc.integer({ min: 0, max: 2 ** 31 }), (faults, seed) => {
        const sim = createSimulation(clusterWorld({ script: faults }), seed);
        sim.runUntil(300 * SEC);
        const model = sim.models[0] as ClusterModel;
        expect(model.violations).toBe(0);
        // a node outside the membership hosts nothing
        model.nodes.forEach((_, m) => {
          if (!model.members.inService(m)) model.spec.groups.forEach((__, g) => expect(model.table.holds(m, g)).toBe(false));
        });
      }),
      { numRuns: 1000 },
    );
  }, 120_000);

  it('two nodes and a witness disk, fault tolerant: no group on two nodes, no committed transaction lost, nothing left half done (500 schedules)', () => {
    const two = ['node-1', 'node-2'];
    const fault2 = fc.oneof(
      fc.constantFrom(...two).map((node): EngineCommand => ({ type: 'crashNode', node })),
      fc.constantFrom(...two).map((node): EngineCommand => ({ type: 'restartNode', node })),
      fc.constantFrom('node-1~ic', 'node-2~ic', ...SITE_LINKS).map((link): EngineCommand => ({ type: 'cutLink', link })),
      fc.constantFrom('node-1~ic', 'node-2~ic', ...SITE_LINKS).map((link): EngineCommand => ({ type: 'restoreLink', link })),
      fc.constant<EngineCommand>({ type: 'partition', side: ['node-1'] }),
      fc.constant<EngineCommand>({ type: 'heal' }),
      fc.constantFrom('sql', 'files').map((group): EngineCommand => ({ type: 'failResource', group, resource: `${group}-svc` })),
    );
    fc.assert(
      fc.property(
        fc.array(fc.record({ atUs: fc.integer({ min: 0, max: 240 * SEC }), cmd: fault2 }), { maxLength: 10 }),
        fc.constantFrom('active', 'shared', 'passive') as fc.Arbitrary<'active' | 'shared' | 'passive'>,
        fc.integer({ min: 0, max: 2 ** 31 }),
        (faults, config, seed) => {
          const sim = createSimulation(clusterWorld({ nodes: 2, clients: 6, config, mode: 'ft', txSteps: 4, script: faults }), seed);
          sim.runUntil(300 * SEC);
          const model = sim.models[0] as ClusterModel;
          expect(model.violations).toBe(0);
          expect(model.tx.commitsLost).toBe(0);
          expect(model.tx.halfDone).toBe(0);
        },
      ),
      { numRuns: 500 },
    );
  }, 120_000);

  it('with quorum off, splitting the sites produces split brain and the checker reports it', () => {
    const sim = createSimulation(clusterWorld({ quorum: false }), 3);
    sim.runUntil(20 * SEC);
    for (const link of SITE_LINKS) applyCommand(sim, { type: 'cutLink', link });
    sim.runUntil(60 * SEC);
    expect((sim.models[0] as ClusterModel).violations).toBeGreaterThan(0);
  });
});
