import { describe, expect, it } from 'vitest';
import { createSimulation } from './createSimulation';
import { clientServerWorld } from '../labs/clientserver/engine/world';
import { clusterWorld } from '../labs/cluster/engine/world';
import { advance, applyLogged, forkSimulation, replay, type LoggedCommand } from './replay';
import type { Simulation } from './sim';
import type { WorldSpec } from './types';
import type { EngineCommand } from './commands';

/** A run with commands given along the way, as a person would: returns the sim and its log. */
function liveRun(world: WorldSpec, seed: number, plan: { atUs: number; cmd: EngineCommand }[], endUs: number): { sim: Simulation; log: LoggedCommand[] } {
  const sim = createSimulation(world, seed);
  const log: LoggedCommand[] = [];
  for (const p of plan) {
    sim.runUntil(p.atUs, 5000);
    const r = applyLogged(sim, p.cmd);
    if ('entry' in r) log.push(r.entry);
  }
  sim.runUntil(endUs);
  return { sim, log };
}

const worlds: [string, WorldSpec, { atUs: number; cmd: EngineCommand }[]][] = [
  ['client/server', clientServerWorld(6), [
    { atUs: 3_000_000, cmd: { type: 'crashNode', node: 'db' } },
    { atUs: 3_000_000, cmd: { type: 'addClient' } },
    { atUs: 9_000_000, cmd: { type: 'restartNode', node: 'db' } },
  ]],
  ['cluster', clusterWorld({ clients: 4 }), [
    { atUs: 20_000_000, cmd: { type: 'crashNode', node: 'node-1' } },
    { atUs: 40_000_000, cmd: { type: 'restartNode', node: 'node-1' } },
  ]],
];

describe('time travel', () => {
  for (const [name, world, plan] of worlds) {
    it(`${name}: advancing a fresh run through the log to the cursor equals the straight run`, () => {
      const { sim, log } = liveRun(world, 5, plan, 60_000_000);
      const again = createSimulation(world, 5);
      advance(again, log, 0, { untilEvent: sim.eventsProcessed });
      expect(again.trace.hash()).toBe(sim.trace.hash());
      const viaReplay = createSimulation(world, 5);
      replay(viaReplay, log, sim.eventsProcessed);
      expect(viaReplay.trace.hash()).toBe(sim.trace.hash());
    });

    it(`${name}: advancing in slices of any size, as a skip ahead does, meets every command where the live run did`, () => {
      const { sim, log } = liveRun(world, 7, plan, 50_000_000);
      const again = createSimulation(world, 7);
      let next = 0;
      // slice sizes from 1 to 4,999 events, in no pattern that lines up with the commands
      // (bounded: an advance that stopped making progress fails here instead of hanging)
      for (let k = 1; again.eventsProcessed < sim.eventsProcessed && k < 100_000; k++) next = advance(again, log, next, { untilEvent: sim.eventsProcessed, maxEvents: 1 + ((k * 7919) % 4999) });
      expect(next).toBe(log.length);
      expect(again.trace.hash()).toBe(sim.trace.hash());
    });

    it(`${name}: advancing by time lands where the live run was`, () => {
      const { sim, log } = liveRun(world, 9, plan, 45_000_000);
      const again = createSimulation(world, 9);
      advance(again, log, 0, { untilUs: 45_000_000 });
      expect(again.eventsProcessed).toBe(sim.eventsProcessed);
      expect(again.nowUs).toBe(sim.nowUs);
      expect(again.trace.hash()).toBe(sim.trace.hash());
    });
  }

  it('a fork runs on exactly like the original, and the original is untouched by it', () => {
    const world = clientServerWorld(8);
    const a = createSimulation(world, 3);
    a.runUntil(5_000_000);
    const b = forkSimulation(a);
    expect(b).not.toBeNull();
    b!.runUntil(20_000_000);
    applyLogged(b!, { type: 'crashNode', node: 'app' });
    b!.runUntil(30_000_000);
    a.runUntil(20_000_000);
    applyLogged(a, { type: 'crashNode', node: 'app' });
    a.runUntil(30_000_000);
    expect(b!.trace.hash()).toBe(a.trace.hash());
    expect(b!.eventsProcessed).toBe(a.eventsProcessed);
  });

  it('forking a model that keeps closures says so instead of copying it wrongly', () => {
    const sim = createSimulation(clusterWorld({ clients: 2 }), 1);
    sim.runUntil(1_000_000);
    const f = forkSimulation(sim);
    if (f) {
      // if the model became forkable, the copy must still run like the original
      f.runUntil(30_000_000);
      sim.runUntil(30_000_000);
      expect(f.trace.hash()).toBe(sim.trace.hash());
    }
  });
});
