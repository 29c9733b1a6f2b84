import { describe, expect, it } from 'vitest';
import { applyCommand, type EngineCommand } from '../commands';
import { createSimulation } from '../createSimulation';
import { SETTING, type TraceEvent } from '../kernel/trace';
import type { BalancerModel } from './balancerModel';
import { countServed, servedRate, type Backend } from './dispatcher';
import { BL_MSG, SERVER_STATES } from './spec';
import { balancedWorld, type BalancedOptions } from './world';

// What the balancer's panels, inspector and commands show a user: its
// snapshot, stats, message descriptions and refusals.

const SEC = 1_000_000;

function lab(o: BalancedOptions = {}, seed = 1) {
  const sim = createSimulation(balancedWorld(o), seed);
  const model = sim.models[0] as BalancerModel;
  // the trace's ring keeps only the latest events: drain it often, keeping the balancer's own
  const events: TraceEvent[] = [];
  const keep = () => events.push(...sim.trace.drain().events.filter((e) => e.type === 'serverStateChanged' || e.type === 'serverDrained' || e.type === 'serverAdded' || e.type === 'settingChanged'));
  const run = (sec: number) => {
    const end = sim.nowUs + sec * SEC;
    while (sim.nowUs < end) {
      sim.runUntil(Math.min(end, sim.nowUs + SEC / 10));
      keep();
    }
  };
  const cmd = (c: EngineCommand) => expect(applyCommand(sim, c)).toBeNull();
  const snap = () =>
    model.snapshot() as {
      algorithm: string;
      balancers: number[];
      master: boolean[];
      backends: { id: string; node: number; weight: number; state: number; active: number; served: number; rate: number }[];
      epochs: { servers: number; bps: number; startUs: number; endUs: number; completed: number; warmupUs: number }[];
      storage: string | null;
      interconnectLinks: string[];
      fetchBytes: number;
    };
  const stats = () => model.stats(sim.nowUs);
  return { sim, model, run, cmd, snap, stats, events, keep };
}

const stateOf = (s: number) => SERVER_STATES[s];

describe('the balancer panel', () => {
  it('shows each node up with its weight, and a live rate that adds up to the offered load', () => {
    const l = lab();
    l.run(12);
    const s = l.snap();
    expect(s.algorithm).toBe('roundrobin');
    expect(s.balancers).toEqual([l.sim.net.node('lb-1')!.index]);
    expect(s.master).toEqual([true]);
    expect(s.backends.map((b) => b.id)).toEqual(['web-1', 'web-2', 'web-3', 'web-4']);
    expect(s.backends.map((b) => b.node)).toEqual(['web-1', 'web-2', 'web-3', 'web-4'].map((id) => l.sim.net.node(id)!.index));
    expect(s.backends.map((b) => b.weight)).toEqual([2, 2, 1, 1]);
    expect(s.backends.map((b) => stateOf(b.state))).toEqual(['up', 'up', 'up', 'up']);
    expect(s.backends.map((b) => b.served)).toEqual(l.model.d.backends.map((b) => b.served));
    // 12 clients, one request every 60 ms each: 200 requests/s, a quarter each with round robin
    const total = s.backends.reduce((x, b) => x + b.rate, 0);
    expect(total).toBeGreaterThan(170);
    expect(total).toBeLessThan(230);
    for (const b of s.backends) expect(b.rate).toBeGreaterThan(total / 4 - 10);
    expect(s.storage).toBeNull();
    expect(s.fetchBytes).toBe(0);
    expect(s.interconnectLinks).toEqual([]);
    expect(s.epochs).toEqual([{ servers: 4, bps: 0, startUs: 0, endUs: -1, completed: expect.any(Number), warmupUs: 5 * SEC }]);
    // only requests answered after the ramp-up count for the epoch's throughput
    const st = l.stats();
    expect(s.epochs[0]!.completed).toBeGreaterThan(0);
    expect(s.epochs[0]!.completed).toBeLessThan(st.requestsCompleted! * 0.7);
  });

  it('shows a crashed node down, a drained one drained and a new one checking; each change of the pool starts a new epoch', () => {
    const l = lab({ algorithm: 'leastconn' });
    l.run(6);
    l.cmd({ type: 'crashNode', node: 'web-2' });
    l.run(8);
    expect(stateOf(l.snap().backends[1]!.state)).toBe('down');
    expect(l.stats().serversInRotation).toBe(3);
    const changed = () => l.events.filter((e) => e.type === 'serverStateChanged').map((e) => [e.node, e.a, e.b]);
    const web2 = l.sim.net.node('web-2')!.index;
    expect(changed()).toEqual([[web2, 0, 1]]);
    l.cmd({ type: 'drainServer', node: 'web-1', on: true });
    expect(stateOf(l.snap().backends[0]!.state)).toBe('drain');
    expect(l.stats().serversInRotation).toBe(2);
    l.cmd({ type: 'addServer' });
    expect(stateOf(l.snap().backends[4]!.state)).toBe('checking');
    const epochs = l.snap().epochs;
    expect(epochs.map((e) => e.servers)).toEqual([4, 3, 2]);
    for (let i = 0; i + 1 < epochs.length; i++) expect(epochs[i]!.endUs).toBe(epochs[i + 1]!.startUs);
    expect(epochs.at(-1)!.endUs).toBe(-1);
    // the restarted node comes back after `rise` good checks (2 rounds of 2 s, plus the check timeout)
    l.cmd({ type: 'restartNode', node: 'web-2' });
    const back = l.sim.nowUs;
    const b = l.model.d.backends[1]!;
    while (!b.healthy && l.sim.step()) if (l.sim.trace.count % 1000 === 0) l.keep();
    l.keep();
    expect(l.sim.nowUs - back).toBeLessThanOrEqual(2 * 2 * SEC + SEC);
    expect(stateOf(l.snap().backends[1]!.state)).toBe('up');
    expect(changed().at(-1)).toEqual([web2, 1, 1]);
  });

  it('counts a request refused when no node is in rotation (503), and the success rate falls', () => {
    const l = lab({ algorithm: 'leastconn' });
    l.run(5);
    expect(l.stats().successRate).toBe(1);
    expect(l.stats().requestsRefused).toBe(0);
    for (const node of ['web-1', 'web-2', 'web-3', 'web-4']) l.cmd({ type: 'drainServer', node, on: true });
    l.run(3);
    const s = l.stats();
    expect(s.serversInRotation).toBe(0);
    expect(s.requestsRefused).toBeGreaterThan(100);
    expect(s.requestsFailed).toBe(s.requestsRefused);
    expect(s.successRate).toBeCloseTo(s.requestsCompleted! / (s.requestsCompleted! + s.requestsFailed!), 10);
    expect(s.successRate).toBeLessThan(0.95);
    expect(l.sim.trace.recentInOrder().some((e) => e.type === 'requestRefused')).toBe(true);
    l.keep();
    const drained = l.events.filter((e) => e.type === 'serverDrained');
    expect(drained.map((e) => [e.a, e.b])).toEqual([
      [1, 0],
      [1, 1],
      [1, 2],
      [1, 3],
    ]);
  });

  it('reports latencies from the clients’ side: p50 no more than p95, both above the Internet round trip', () => {
    const l = lab({ algorithm: 'swrr' });
    l.run(10);
    const s = l.stats();
    // client links are 15 ms each way
    expect(s.latencyP50Us).toBeGreaterThan(30_000);
    expect(s.latencyP95Us).toBeGreaterThanOrEqual(s.latencyP50Us!);
    expect(s.serverUtil).toBeGreaterThan(0);
    expect(s.serverUtil).toBeLessThan(1);
    expect(s.interconnectUtil).toBe(0);
  });

  it('a client keeps at most maxOutstanding requests open, even when nothing answers', () => {
    const l = lab({ maxOutstanding: 2, clients: 6 });
    let open = 0;
    const tally = () => {
      for (const e of l.sim.trace.drain().events) {
        if (e.type === 'requestStarted') open++;
        else if (e.type === 'requestCompleted' || e.type === 'requestFailed' || e.type === 'requestRefused') open--;
      }
    };
    for (let k = 0; k < 30; k++) {
      l.sim.runUntil(l.sim.nowUs + SEC / 10);
      tally();
    }
    l.cmd({ type: 'crashNode', node: 'lb-1' });
    // the dispatcher's connection table went with it
    expect(l.model.d.backends.every((b) => b.active === 0)).toBe(true);
    let most = 0;
    for (let k = 0; k < 100; k++) {
      l.sim.runUntil(l.sim.nowUs + SEC / 10);
      tally();
      most = Math.max(most, open);
    }
    expect(most).toBe(6 * 2);
    expect(l.stats().requestsFailed).toBeGreaterThan(0);
  });
});

describe('the balancer’s messages and commands', () => {
  it('describes a health check by its round and a request by its id and the node serving it', () => {
    const l = lab();
    l.run(5);
    const sent = l.sim.trace.recentInOrder().filter((e) => e.type === 'messageSent');
    const described = sent.map((e) => l.sim.describeMessage(e.msg)).filter((d) => d !== null);
    const checks = described.filter((d) => d.kind === BL_MSG.check);
    expect(checks.length).toBeGreaterThan(0);
    for (const c of checks) expect(c.checkRound).toBeGreaterThan(0);
    const forwards = described.filter((d) => d.kind === BL_MSG.forward);
    expect(forwards.length).toBeGreaterThan(0);
    for (const f of forwards) {
      expect(f.request).toBeGreaterThan(0);
      expect(['web-1', 'web-2', 'web-3', 'web-4']).toContain(f.server);
    }
    const adverts = described.filter((d) => d.kind === BL_MSG.advert);
    for (const a of adverts) expect(a.checkRound).toBeUndefined();
  });

  it('sets a weight, an algorithm and the interconnect, and refuses what is out of range or unknown', () => {
    const l = lab({ interconnectBps: 1e9 });
    l.run(1);
    l.cmd({ type: 'setWeight', node: 'web-3', weight: 7 });
    expect(l.model.d.backends[2]!.weight).toBe(7);
    let last = l.sim.trace.recentInOrder().at(-1)!;
    expect([last.type, last.node, last.a, last.b]).toEqual(['settingChanged', l.sim.net.node('web-3')!.index, 7, SETTING.weight]);
    expect(applyCommand(l.sim, { type: 'setWeight', node: 'web-3', weight: 0 })?.code).toBe('outOfRange');
    expect(applyCommand(l.sim, { type: 'setWeight', node: 'nope', weight: 2 })?.code).toBe('unknownNode');
    expect(l.model.d.backends[2]!.weight).toBe(7);

    l.cmd({ type: 'setAlgorithm', algorithm: 'chash' });
    last = l.sim.trace.recentInOrder().at(-1)!;
    expect([last.type, last.a, last.b]).toEqual(['settingChanged', 6, SETTING.algorithm]);
    expect(applyCommand(l.sim, { type: 'setAlgorithm', algorithm: 'fastest' as never })?.code).toBe('outOfRange');
    expect(l.snap().algorithm).toBe('chash');

    expect(applyCommand(l.sim, { type: 'setInterconnect', bps: 1 })?.code).toBe('outOfRange');
    l.cmd({ type: 'setInterconnect', bps: 5e6 });
    for (const id of l.snap().interconnectLinks) expect(l.sim.net.link(id)!.bandwidthBps).toBe(5e6);
    last = l.sim.trace.recentInOrder().at(-1)!;
    expect([last.type, last.a, last.b]).toEqual(['settingChanged', 5e6, SETTING.bandwidth]);
    expect(l.snap().epochs.at(-1)!.bps).toBe(5e6);
    expect(applyCommand(l.sim, { type: 'drainServer', node: 'nope', on: true })?.code).toBe('unknownNode');
  });

  it('a node added on an interconnect gets a link to it at the interconnect’s current speed', () => {
    const l = lab({ interconnectBps: 20e6 });
    l.run(1);
    l.cmd({ type: 'addServer' });
    const s = l.snap();
    expect(s.storage).toBe('store');
    expect(s.fetchBytes).toBe(50_000);
    expect(s.interconnectLinks).toContain('web-5~ic');
    expect(l.sim.net.link('web-5~ic')!.bandwidthBps).toBe(20e6);
    expect(l.sim.net.link('web-5~lan')).toBeDefined();
    expect(l.sim.net.node('web-5')!.cpuSpeed).toBe(1);
    const added = l.sim.trace.recentInOrder().filter((e) => e.type === 'serverAdded');
    expect(added.map((e) => [e.node, e.a])).toEqual([[l.sim.net.node('web-5')!.index, 4]]);
    // the data transfers show on the interconnect
    l.run(10);
    expect(l.stats().interconnectUtil).toBeGreaterThan(0.05);
    expect(l.stats().interconnectUtil).toBeLessThanOrEqual(1);
  });
});

describe('served rate', () => {
  const backend = (): Backend => ({ id: 'w', node: 0, weight: 1, healthy: true, everUp: true, drain: false, removed: false, active: 0, served: 0, rate: { bucket: 0, cur: 0, prev: 0 }, okRun: 0, failRun: 0, answered: false });

  it('is the requests of the current and the previous 5 s bucket over the time they span', () => {
    const b = backend();
    for (let i = 0; i < 10; i++) countServed(b, 1 * SEC + i);
    expect(b.served).toBe(10);
    expect(servedRate(b, 4 * SEC)).toBeCloseTo(10 / 4, 10);
    expect(servedRate(b, 7 * SEC)).toBeCloseTo(10 / 7, 10);
    for (let i = 0; i < 5; i++) countServed(b, 8 * SEC);
    expect(servedRate(b, 9 * SEC)).toBeCloseTo(15 / 9, 10);
    // a bucket later the first bucket's requests no longer count
    expect(servedRate(b, 12 * SEC)).toBeCloseTo(5 / 7, 10);
    // after a silent bucket nothing counts
    expect(servedRate(b, 21 * SEC)).toBe(0);
    expect(b.served).toBe(15);
    expect(servedRate(backend(), 0)).toBe(0);
  });
});
