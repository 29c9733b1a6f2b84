import { describe, expect, it } from 'vitest';
import { applyCommand } from './commands';
import { clientServerWorld } from '../labs/clientserver/engine/world';
import { createSimulation } from './createSimulation';
import type { Simulation } from './sim';
import type { TraceType } from './kernel/trace';

const SEC = 1_000_000;
type Figures = { requestsCompleted: number; requestsFailed: number; latencyP50Us: number; latencyP95Us: number };
const stats = (sim: Simulation): Figures => sim.models[0]!.stats(sim.nowUs) as Figures;

function count(sim: Simulation, type: TraceType, fromUs = 0): number {
  return sim.trace.recentInOrder().filter((e) => e.type === type && e.t >= fromUs).length;
}

describe('client/server office (DS-SYSTEM, DS-MESSAGES, CS-ROLES)', () => {
  it('clients get answers: requests complete and messages are delivered', () => {
    const sim = createSimulation(clientServerWorld(5), 1);
    sim.runUntil(20 * SEC);
    const s = stats(sim);
    expect(s.requestsCompleted).toBeGreaterThan(20);
    expect(s.requestsFailed).toBe(0);
    // two WAN crossings (40 ms + up to 10 ms jitter each), four LAN hops, a few ms of work
    expect(s.latencyP50Us).toBeGreaterThan(90_000);
    expect(s.latencyP50Us).toBeLessThan(125_000);
  });

  it('crashing the server makes requests time out, restarting it recovers', () => {
    const sim = createSimulation(clientServerWorld(5), 2);
    sim.runUntil(10 * SEC);
    expect(applyCommand(sim, { type: 'crashNode', node: 'app' })).toBeNull();
    const before = stats(sim);
    sim.runUntil(20 * SEC);
    const during = stats(sim);
    expect(during.requestsFailed - before.requestsFailed).toBeGreaterThan(3);
    expect(during.requestsCompleted - before.requestsCompleted).toBeLessThanOrEqual(5);
    expect(applyCommand(sim, { type: 'restartNode', node: 'app' })).toBeNull();
    sim.runUntil(25 * SEC);
    const restarted = stats(sim);
    sim.runUntil(40 * SEC);
    const after = stats(sim);
    expect(after.requestsCompleted - restarted.requestsCompleted).toBeGreaterThan(10);
    expect(after.requestsFailed).toBe(restarted.requestsFailed);
  });

  it('a link at 100% loss delivers nothing over it', () => {
    const sim = createSimulation(clientServerWorld(3), 3);
    sim.runUntil(5 * SEC);
    expect(applyCommand(sim, { type: 'setLink', link: 'client-1~sw', lossRate: 1 })).toBeNull();
    const t = sim.nowUs;
    sim.runUntil(30 * SEC);
    const link = sim.net.link('client-1~sw')!;
    const over = sim.trace.recentInOrder().filter((e) => e.type === 'messageDelivered' && e.t > t + 1000 && e.link === link.index);
    expect(over).toHaveLength(0);
    expect(count(sim, 'messageDropped', t)).toBeGreaterThan(0);
  });

  it('refuses impossible commands without changing anything', () => {
    const sim = createSimulation(clientServerWorld(3), 4);
    sim.runUntil(2 * SEC);
    const h = sim.trace.hash();
    expect(applyCommand(sim, { type: 'crashNode', node: 'nope' })?.code).toBe('unknownNode');
    expect(applyCommand(sim, { type: 'setLink', link: 'sw~app', lossRate: 2 })?.code).toBe('outOfRange');
    expect(applyCommand(sim, { type: 'removeNode', node: 'db' })?.code).toBe('notRemovable');
    expect(applyCommand(sim, { type: 'restartNode', node: 'db' })?.code).toBe('alreadyUp');
    expect(sim.trace.hash()).toBe(h);
  });
});
