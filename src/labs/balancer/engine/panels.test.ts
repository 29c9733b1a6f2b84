import { describe, expect, it } from 'vitest';
import { applyCommand, type EngineCommand } from '../../../engine/commands';
import { createSimulation } from '../../../engine/createSimulation';
import { SETTING, type TraceEvent } from '../../../engine/kernel/trace';
import type { BalancerModel } from './balancerModel';
import { countServed, servedRate, type Backend } from './dispatcher';
import { BL_MSG, SERVER_STATES } from './spec';
import { balancedWorld, type BalancedOptions } from './world';
import { topologyView, worldView } from '../../../engine/view';

// What the balancer's panels, inspector and commands show a user: its
// snapshot, stats, message descriptions and refusals.

const SEC = 1_000_000;

function lab(o: BalancedOptions = {}, seed = 1) {
  const sim = createSimulation(balancedWorld(o), seed);
  const model = sim.models[0] as BalancerModel;
  // the trace's ring keeps only the latest events: drain it often, keeping the balancer's own
  const events: TraceEvent[] = [];
  const keep = () => events.push(...sim.trace.drain().events.filter((e) => e.type === 'serverStateChanged' || e.type === 'serverDrained' || e.type === 'serverAdded' || e.type === 'settingChanged' || e.type === 'balancerTakeover'));
  const run = (sec: number) => {
    const end = sim.nowUs + sec * SEC;
    while (sim.nowUs < end) {
      sim.runUntil(Math.min(end, sim.nowUs + SEC / 10));
      keep();
    }
  };
  const cmd = (c: EngineCommand) => expect(applyCommand(sim, c)).toBeNull();
  const snap = () => model.snapshot();
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
    const changed = () => l.events.filter((e) => e.type === 'serverStateChanged').map((e) => [e.node, e.peer, e.msg, e.a, e.b]);
    const web2 = l.sim.net.node('web-2')!.index;
    expect(changed()).toEqual([[web2, -1, -1, 0, 1]]);
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
    expect(changed().at(-1)).toEqual([web2, -1, -1, 1, 1]);
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
    for (let i = 0; i < 3; i++) countServed(b, 23 * SEC);
    // two buckets later: the old bucket's 3 no longer count
    expect(servedRate(b, 36 * SEC)).toBe(0);
    expect(servedRate(backend(), 0)).toBe(0);
  });
});

describe('the dispatcher pair (VRRP) and health checks', () => {
  const takeovers = (l: ReturnType<typeof lab>) => {
    l.keep();
    return l.events.filter((e) => e.type === 'balancerTakeover');
  };

  it('with no fault the preferred dispatcher stays master and nobody takes over', () => {
    const l = lab({ redundantDispatcher: true });
    expect(l.snap().master).toEqual([true, false]);
    for (let k = 0; k < 10; k++) {
      l.run(1);
      expect(l.snap().master).toEqual([true, false]);
      expect(takeovers(l)).toEqual([]);
    }
  });

  it('the backup takes over 3 adverts plus its skew after the master’s last advert, and nothing is answered meanwhile', () => {
    const l = lab({ redundantDispatcher: true, algorithm: 'leastconn' });
    l.run(10);
    const crashAt = l.sim.nowUs;
    l.cmd({ type: 'crashNode', node: 'lb-1' });
    // the connection table died with the master
    expect(l.model.d.backends.every((b) => b.active === 0)).toBe(true);
    l.sim.runUntil(crashAt + SEC / 2);
    const done = l.stats().requestsCompleted;
    l.sim.runUntil(crashAt + 2.5 * SEC);
    expect(l.stats().requestsCompleted).toBe(done);
    while (!l.model.d.master[1] && l.sim.step()) if (l.sim.trace.count % 1000 === 0) l.keep();
    // master down = 3 × 1 s + (256 − 100)/256 s after the last advert arrived (sent at most 1 s before the crash, a LAN hop away)
    const after = l.sim.nowUs - crashAt;
    expect(after).toBeGreaterThanOrEqual(3.609375 * SEC - SEC);
    expect(after).toBeLessThanOrEqual(3.609375 * SEC + 1000);
    const t = takeovers(l);
    expect(t.map((e) => [e.node, e.peer, e.msg, e.a])).toEqual([[l.sim.net.node('lb-2')!.index, -1, -1, 1]]);
  });

  it('a restarted preferred dispatcher waits as backup, then takes the address back; a restarted backup just waits', () => {
    const l = lab({ redundantDispatcher: true });
    l.run(5);
    l.cmd({ type: 'crashNode', node: 'lb-1' });
    l.run(5);
    expect(l.snap().master).toEqual([false, true]);
    l.cmd({ type: 'restartNode', node: 'lb-1' });
    l.run(1);
    expect(l.snap().master).toEqual([false, true]);
    l.run(5);
    expect(l.snap().master).toEqual([true, false]);
    const lb1 = l.sim.net.node('lb-1')!.index;
    const lb2 = l.sim.net.node('lb-2')!.index;
    // the backup took over, then the preferred one preempted it, and the backup yielded on its advert
    expect(takeovers(l).map((e) => [e.node, e.peer, e.a])).toEqual([
      [lb2, -1, 1],
      [lb1, -1, 0],
      [lb1, lb2, 0],
    ]);
    // the backup's crash changes nothing for the service
    const before = l.model.d.backends.map((b) => b.active);
    l.cmd({ type: 'crashNode', node: 'lb-2' });
    expect(l.model.d.backends.map((b) => b.active)).toEqual(before);
    l.run(5);
    l.cmd({ type: 'restartNode', node: 'lb-2' });
    l.run(6);
    expect(l.snap().master).toEqual([true, false]);
    expect(takeovers(l)).toHaveLength(3);
  });

  it('a lone dispatcher that restarts is master at once, and the service answers again', () => {
    const l = lab();
    l.run(5);
    l.cmd({ type: 'crashNode', node: 'lb-1' });
    l.run(3);
    l.cmd({ type: 'restartNode', node: 'lb-1' });
    expect(l.snap().master).toEqual([true]);
    const before = l.stats().requestsCompleted!;
    l.run(2);
    expect(l.stats().requestsCompleted! - before).toBeGreaterThan(100);
  });

  it('a node is marked down after exactly `fall` failed checks and up after exactly `rise` good ones; a crashed service node leaves the others’ connections alone', () => {
    const l = lab({ algorithm: 'roundrobin' });
    l.run(10);
    l.cmd({ type: 'crashNode', node: 'web-2' });
    // round robin saturates the slow nodes: they always have requests open
    expect(l.model.d.backends[3]!.active).toBeGreaterThan(0);
    const b = l.model.d.backends[1]!;
    while (b.healthy && l.sim.step());
    expect(b.failRun).toBe(3);
    l.cmd({ type: 'restartNode', node: 'web-2' });
    while (!b.healthy && l.sim.step());
    expect(b.okRun).toBe(2);
    // a web node's restart does not touch the dispatcher's role
    expect(l.snap().master).toEqual([true]);
    expect(takeovers(l)).toEqual([]);
  });

  it('a node added while it runs shows checking, then up, and down (not checking) once it fails', () => {
    const l = lab({ algorithm: 'leastconn' });
    l.run(2);
    l.cmd({ type: 'addServer' });
    const b = l.model.d.backends[4]!;
    expect(stateOf(l.snap().backends[4]!.state)).toBe('checking');
    while (!b.healthy && l.sim.step());
    expect(stateOf(l.snap().backends[4]!.state)).toBe('up');
    l.cmd({ type: 'crashNode', node: 'web-5' });
    while (b.healthy && l.sim.step());
    expect(stateOf(l.snap().backends[4]!.state)).toBe('down');
  });

  it('consistent hashing through the dispatcher still spreads the clients over the nodes', () => {
    const l = lab({ algorithm: 'chash' });
    l.run(5);
    expect(l.snap().backends.filter((b) => b.served > 0).length).toBeGreaterThanOrEqual(3);
  });

  it('keeps the latest 200 epochs', () => {
    const l = lab();
    for (let k = 0; k < 110; k++) {
      l.cmd({ type: 'drainServer', node: 'web-1', on: true });
      l.cmd({ type: 'drainServer', node: 'web-1', on: false });
    }
    const e = l.snap().epochs;
    expect(e).toHaveLength(200);
    expect(e.at(-1)!.servers).toBe(4);
  });
});

describe('the balanced world', () => {
  it('has clients of every platform in turn, a data server only with an interconnect, and room for nodes up to the limit', () => {
    const sim = createSimulation(balancedWorld({ clients: 6 }), 1);
    expect(['client-1', 'client-2', 'client-3', 'client-4'].map((id) => sim.net.node(id)!.platform)).toEqual(['linux-ws', 'mac', 'windows-pc', 'linux-ws']);
    expect(sim.net.node('store')).toBeUndefined();
    expect(sim.net.node('ic')).toBeUndefined();
    // internet, lan, a router, a dispatcher and 4 service nodes: 8 besides the clients
    const full = createSimulation(balancedWorld({ clients: 10_000 - 8 - 1 }), 1);
    expect(applyCommand(full, { type: 'addServer' })).toBeNull();
    expect(applyCommand(full, { type: 'addServer' })).toEqual({ code: 'tooManyNodes', params: { max: 10_000 } });
  });

  it('settings changes name no node', () => {
    const l = lab({ interconnectBps: 1e9 });
    l.cmd({ type: 'setAlgorithm', algorithm: 'swrr' });
    l.cmd({ type: 'setInterconnect', bps: 2e8 });
    l.cmd({ type: 'addServer' });
    l.keep();
    for (const e of l.events.filter((x) => x.type === 'settingChanged' || x.type === 'serverAdded')) {
      expect([e.peer, e.msg], e.type).toEqual([-1, -1]);
      if (e.type === 'settingChanged') expect(e.node).toBe(-1);
    }
    l.cmd({ type: 'setWeight', node: 'web-1', weight: 3 });
    l.cmd({ type: 'drainServer', node: 'web-1', on: true });
    l.keep();
    for (const e of l.events.filter((x) => x.type === 'serverDrained' || x.b === SETTING.weight)) expect([e.node, e.peer, e.msg]).toEqual([l.sim.net.node('web-1')!.index, -1, -1]);
  });
});

describe('the balancer, more precisely', () => {
  it('draws each machine of the world as what it is, under its name', () => {
    const sim = createSimulation(balancedWorld({ redundantGateway: true, redundantDispatcher: true, interconnectBps: 1e9 }), 1);
    const nodes = Object.fromEntries(topologyView(sim).nodes.map((n) => [n.id, [n.kind, n.label, n.platform]]));
    expect(nodes.internet).toEqual(['switch', 'internet', 'network']);
    expect(nodes.lan).toEqual(['switch', 'lan', 'network']);
    expect(nodes['gw-2']).toEqual(['switch', 'gw-2', 'network']);
    expect(nodes['lb-2']).toEqual(['server', 'lb-2', 'linux-server']);
    expect(nodes.ic).toEqual(['switch', 'interconnect', 'network']);
    expect(nodes.store).toEqual(['db', 'data', 'linux-server']);
    expect(nodes['web-3']).toEqual(['server', 'web-3', 'linux-server']);
    expect(nodes['client-1']).toEqual(['client', 'pc-01', 'linux-ws']);
    expect(Object.keys(worldView(sim).models)).toContain('balancer');
    expect(applyCommand(sim, { type: 'addServer' })).toBeNull();
    const added = topologyView(sim).nodes.find((n) => n.id === 'web-5')!;
    expect([added.kind, added.platform]).toEqual(['server', 'linux-server']);
    const b = (sim.models[0] as BalancerModel).snapshot().backends as { id: string; weight: number }[];
    expect(b.find((x) => x.id === 'web-5')!.weight).toBe(1);
  });

  it('says what was refused and why', () => {
    const l = lab();
    expect(applyCommand(l.sim, { type: 'setAlgorithm', algorithm: 'fastest' as never })).toEqual({ code: 'outOfRange', params: { field: 'algorithm', value: 'fastest', min: 0, max: 0 } });
    expect(applyCommand(l.sim, { type: 'drainServer', node: 'nope', on: true })).toEqual({ code: 'unknownNode', params: { id: 'nope' } });
    expect(applyCommand(l.sim, { type: 'setWeight', node: 'nope', weight: 2 })).toEqual({ code: 'unknownNode', params: { id: 'nope' } });
    expect(applyCommand(l.sim, { type: 'setWeight', node: 'web-1', weight: 300 })).toEqual({ code: 'outOfRange', params: { field: 'weight', value: '300', min: 1, max: 256 } });
    expect(applyCommand(l.sim, { type: 'setInterconnect', bps: 5 })).toEqual({ code: 'outOfRange', params: { field: 'bandwidthBps', value: '5', min: 1_000, max: 100_000_000_000 } });
  });

  it('a client added while it runs sends requests too', () => {
    const l = lab();
    l.run(1);
    l.cmd({ type: 'addClient' });
    const id = l.sim.net.nodes.at(-1)!.index;
    l.sim.trace.drain();
    let sent = 0;
    for (let k = 0; k < 20; k++) {
      l.sim.runUntil(l.sim.nowUs + SEC / 10);
      sent += l.sim.trace.drain().events.filter((e) => e.type === 'requestStarted' && e.node === id).length;
    }
    expect(sent).toBeGreaterThan(5);
  });

  it('service nodes answer the health checks themselves, and adverts are described without a round or a request', () => {
    const l = lab({ redundantDispatcher: true });
    const webs = new Set(['web-1', 'web-2', 'web-3', 'web-4'].map((id) => l.sim.net.node(id)!.index));
    let answers = 0;
    let advert: Record<string, string | number> | null = null;
    while (l.sim.nowUs < 5 * SEC && l.sim.step()) {
      for (const m of l.sim.inFlight) {
        if (m.kind === BL_MSG.check && webs.has(m.src)) answers++;
        if (m.kind === BL_MSG.advert && !advert) advert = l.sim.describeMessage(m.id);
      }
    }
    expect(answers).toBeGreaterThan(0);
    expect(Object.keys(advert!).sort()).toEqual(['bytes', 'dst', 'id', 'kind', 'src']);
  });

  it('the dispatcher frees the slots of requests a crashed node never answered; the clients count them failed, not refused', () => {
    const l = lab({ algorithm: 'leastconn' });
    l.run(5);
    l.cmd({ type: 'crashNode', node: 'web-2' });
    expect(l.model.d.backends[1]!.active).toBeGreaterThan(0);
    // marked down within fall × interval + timeout (7 s), then each slot frees at the dispatcher's 3 s timeout
    l.run(10.5);
    expect(l.model.d.backends[1]!.healthy).toBe(false);
    expect(l.model.d.backends[1]!.active).toBe(0);
    const s = l.stats();
    expect(s.requestsFailed).toBeGreaterThan(0);
    expect(s.requestsRefused).toBe(0);
  });

  it('each answer names the node that served it; a failure names none', () => {
    const l = lab({ algorithm: 'leastconn' });
    l.run(3);
    l.cmd({ type: 'crashNode', node: 'web-2' });
    l.sim.trace.drain();
    const webs = ['web-1', 'web-2', 'web-3', 'web-4'].map((id) => l.sim.net.node(id)!.index);
    const ev: TraceEvent[] = [];
    for (let k = 0; k < 40; k++) {
      l.sim.runUntil(l.sim.nowUs + SEC / 10);
      ev.push(...l.sim.trace.drain().events.filter((e) => e.type === 'requestCompleted' || e.type === 'requestFailed'));
    }
    const done = ev.filter((e) => e.type === 'requestCompleted');
    expect(done.length).toBeGreaterThan(0);
    for (const e of done) expect(webs).toContain(e.peer);
    const failed = ev.filter((e) => e.type === 'requestFailed');
    expect(failed.length).toBeGreaterThan(0);
    for (const e of failed) expect(e.peer).toBe(-1);
  });

  it('the interconnect’s load: 0 at the start, a small share of a fast link, and no fetch at all when requests need no data', () => {
    const fast = lab({ interconnectBps: 1e9, fetchBytes: 20_000 });
    expect(fast.stats().interconnectUtil).toBe(0);
    fast.run(6);
    expect(fast.stats().interconnectUtil).toBeGreaterThan(0);
    expect(fast.stats().interconnectUtil).toBeLessThan(0.5);
    const none = lab({ interconnectBps: 1e9, fetchBytes: 0 });
    let fetches = 0;
    while (none.sim.nowUs < 3 * SEC && none.sim.step()) fetches += none.sim.inFlight.filter((m) => m.kind === BL_MSG.fetch).length;
    expect(fetches).toBe(0);
    expect(none.stats().requestsCompleted).toBeGreaterThan(0);
  });

  it('the backup’s skew: it takes over 3 adverts plus (256 − 100)/256 advert after the last one it heard', () => {
    const l = lab({ redundantDispatcher: true });
    l.run(10);
    // adverts go out on the whole second; crash half-way to the next
    l.sim.runUntil(10.5 * SEC);
    l.cmd({ type: 'crashNode', node: 'lb-1' });
    while (!l.model.d.master[1] && l.sim.step());
    expect(l.sim.nowUs - 10 * SEC).toBeGreaterThanOrEqual(3.609375 * SEC);
    expect(l.sim.nowUs - 10 * SEC).toBeLessThan(3.609375 * SEC + 1000);
  });
});
