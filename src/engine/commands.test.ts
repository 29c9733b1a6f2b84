import { describe, expect, it } from 'vitest';
import { applyCommand, type EngineCommand } from './commands';
import { clientServerWorld } from '../labs/clientserver/engine/world';
import { createSimulation } from './createSimulation';
import { inRange, LIMITS } from './limits';

const SEC = 1_000_000;
const office = (clients = 3, seed = 1) => createSimulation(clientServerWorld(clients), seed);

describe('commands a user gives a running world', () => {
  it('refuses what does not apply, with the code the UI explains, and changes nothing', () => {
    const sim = office();
    sim.runUntil(SEC);
    const h = sim.trace.hash();
    const code = (c: EngineCommand) => applyCommand(sim, c)?.code;
    expect(code({ type: 'restartNode', node: 'nope' })).toBe('unknownNode');
    expect(code({ type: 'removeNode', node: 'nope' })).toBe('unknownNode');
    expect(code({ type: 'cutLink', link: 'nope' })).toBe('unknownLink');
    expect(code({ type: 'restoreLink', link: 'sw~app' })).toBe('alreadyUp');
    expect(code({ type: 'setLink', link: 'nope', lossRate: 0.1 })).toBe('unknownLink');
    expect(code({ type: 'partition', side: ['app', 'nope'] })).toBe('unknownNode');
    expect(code({ type: 'setClients', count: 0 })).toBe('outOfRange');
    expect(code({ type: 'setClients', count: 2.5 })).toBe('outOfRange');
    expect(code({ type: 'setThinkTime', thinkTimeUs: 1 })).toBe('outOfRange');
    expect(code({ type: 'addClient', platform: 'toaster' as never })).toBe('badPlatform');
    expect(code({ type: 'addClient', via: 'nope' })).toBe('unknownNode');
    // a cluster's command in an office: no model there knows it
    expect(code({ type: 'setQuorum', on: true })).toBe('unknownCommand');
    expect(applyCommand(sim, { type: 'setClients', count: 5000 })).toEqual({ code: 'outOfRange', params: { field: 'clients', value: '5000', min: 1, max: 1000 } });
    for (const [field, v] of [['latencyUs', -1], ['jitterUs', 2e7], ['bandwidthBps', 10], ['lossRate', 1.5]] as const) {
      expect(applyCommand(sim, { type: 'setLink', link: 'sw~app', [field]: v })).toEqual({ code: 'outOfRange', params: { field, value: String(v), min: LIMITS[field].min, max: LIMITS[field].max } });
    }
    expect(sim.trace.hash()).toBe(h);
    expect(sim.net.nodes.filter((n) => n.kind === 'client')).toHaveLength(3);
  });

  it('crashes and restarts a node once, cuts and restores a link once', () => {
    const sim = office();
    sim.runUntil(SEC);
    expect(applyCommand(sim, { type: 'crashNode', node: 'db' })).toBeNull();
    expect(sim.net.node('db')!.up).toBe(false);
    expect(applyCommand(sim, { type: 'crashNode', node: 'db' })).toEqual({ code: 'alreadyDown', params: { id: 'db' } });
    expect(applyCommand(sim, { type: 'restartNode', node: 'db' })).toBeNull();
    expect(sim.net.node('db')!.up).toBe(true);
    expect(applyCommand(sim, { type: 'cutLink', link: 'sw~db' })).toBeNull();
    expect(sim.net.link('sw~db')!.cut).toBe(true);
    expect(applyCommand(sim, { type: 'cutLink', link: 'sw~db' })).toEqual({ code: 'alreadyDown', params: { id: 'sw~db' } });
    expect(applyCommand(sim, { type: 'restoreLink', link: 'sw~db' })).toBeNull();
    expect(sim.net.link('sw~db')!.cut).toBe(false);
    const types = sim.trace.recentInOrder().map((e) => e.type);
    for (const t of ['nodeCrashed', 'nodeRestarted', 'linkCut', 'linkRestored'] as const) expect(types).toContain(t);
  });

  it('sets only the link settings given, and says so in the trace', () => {
    const sim = office();
    const l = sim.net.link('sw~app')!;
    const before = { latencyUs: l.latencyUs, jitterUs: l.jitterUs, bandwidthBps: l.bandwidthBps };
    expect(applyCommand(sim, { type: 'setLink', link: 'sw~app', lossRate: 0.25 })).toBeNull();
    expect(l.lossRate).toBe(0.25);
    expect({ latencyUs: l.latencyUs, jitterUs: l.jitterUs, bandwidthBps: l.bandwidthBps }).toEqual(before);
    expect(applyCommand(sim, { type: 'setLink', link: 'sw~app', latencyUs: 7, jitterUs: 0, bandwidthBps: 1e6 })).toBeNull();
    expect([l.latencyUs, l.jitterUs, l.bandwidthBps, l.lossRate]).toEqual([7, 0, 1e6, 0.25]);
    const last = sim.trace.recentInOrder().at(-1)!;
    expect([last.type, last.node, last.peer, last.link]).toEqual(['linkChanged', l.a, l.b, l.index]);
  });

  it('adds clients where the others attach, on the same kind of link, named and labelled in turn; setClients removes the newest', () => {
    const sim = office(3);
    expect(applyCommand(sim, { type: 'addClient', platform: 'mac' })).toBeNull();
    const c4 = sim.net.node('client-4')!;
    expect([c4.kind, c4.label, c4.platform]).toEqual(['client', 'mac-04', 'mac']);
    const link = sim.net.link('client-4~sw')!;
    const sample = sim.net.link('client-1~sw')!;
    expect([link.latencyUs, link.jitterUs, link.bandwidthBps, link.lossRate]).toEqual([sample.latencyUs, sample.jitterUs, sample.bandwidthBps, sample.lossRate]);
    expect(applyCommand(sim, { type: 'addClient', platform: 'terminal', via: 'app' })).toBeNull();
    expect(sim.net.node('client-5')!.label).toBe('tty-05');
    expect(sim.net.link('client-5~app')).toBeDefined();
    expect(applyCommand(sim, { type: 'setClients', count: 7 })).toBeNull();
    const live = () => sim.net.nodes.filter((n) => n.kind === 'client' && !n.removed);
    expect(live().map((n) => n.id)).toEqual(['client-1', 'client-2', 'client-3', 'client-4', 'client-5', 'client-6', 'client-7']);
    // platforms cycle with the number of clients
    expect(live().slice(5).map((n) => n.platform)).toEqual(['mac', 'windows-pc']);
    expect(applyCommand(sim, { type: 'setClients', count: 2 })).toBeNull();
    expect(live().map((n) => n.id)).toEqual(['client-1', 'client-2']);
    expect(applyCommand(sim, { type: 'removeNode', node: 'client-2' })).toBeNull();
    expect(live().map((n) => n.id)).toEqual(['client-1']);
    // a new one takes the next free name
    expect(applyCommand(sim, { type: 'addClient' })).toBeNull();
    expect(live().map((n) => n.id)).toEqual(['client-1', 'client-8']);
    expect(sim.net.node('client-8')!.label).toBe('pc-08');
  });

  it('partitions and heals', () => {
    const sim = office();
    expect(applyCommand(sim, { type: 'partition', side: ['app'] })).toBeNull();
    expect(sim.net.links.some((l) => l.partitioned)).toBe(true);
    expect(applyCommand(sim, { type: 'heal' })).toBeNull();
    expect(sim.net.links.some((l) => l.partitioned)).toBe(false);
  });
});

describe('limits', () => {
  it('accepts the bounds themselves and refuses what is outside, not a number or infinite', () => {
    expect(inRange('lossRate', 0)).toBe(true);
    expect(inRange('lossRate', 1)).toBe(true);
    expect(inRange('lossRate', 1.0001)).toBe(false);
    expect(inRange('lossRate', -0.0001)).toBe(false);
    expect(inRange('weight', 256)).toBe(true);
    expect(inRange('weight', 257)).toBe(false);
    expect(inRange('latencyUs', NaN)).toBe(false);
    expect(inRange('bandwidthBps', Infinity)).toBe(false);
  });
});
