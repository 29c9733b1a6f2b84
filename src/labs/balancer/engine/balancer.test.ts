import { describe, expect, it } from 'vitest';
import { applyCommand } from '../../../engine/commands';
import { createSimulation } from '../../../engine/createSimulation';
import type { EngineCommand } from '../../../engine/commands';
import type { BalancerModel } from './balancerModel';
import { balancedWorld, type BalancedOptions } from './world';

const SEC = 1_000_000;

function lab(o: BalancedOptions = {}, seed = 1) {
  const sim = createSimulation(balancedWorld(o), seed);
  const model = sim.models[0] as BalancerModel;
  const served = () => Object.fromEntries(model.d.backends.map((b) => [b.id, b.served]));
  const util = (id: string) => sim.net.node(id)!.utilization(sim.nowUs);
  const run = (sec: number) => sim.runUntil(sim.nowUs + sec * SEC);
  const cmd = (c: EngineCommand) => expect(applyCommand(sim, c)).toBeNull();
  const stats = () => model.stats(sim.nowUs) as Record<string, number> & { requestsCompleted: number; requestsFailed: number; latencyP95Us: number; serverUtil: number; interconnectUtil: number };
  return { sim, model, served, util, run, cmd, stats };
}

/** Requests answered by each node during the next `sec` seconds. */
function servedDuring(l: ReturnType<typeof lab>, sec: number): Record<string, number> {
  const before = l.served();
  l.run(sec);
  const after = l.served();
  return Object.fromEntries(Object.keys(after).map((k) => [k, after[k]! - (before[k] ?? 0)]));
}

describe('load balancing (CL-LB)', () => {
  it('round robin gives slow and fast nodes equal shares, so the slow ones saturate; weighted and least-connections follow capacity', () => {
    const rr = lab({ algorithm: 'roundrobin' });
    const rrShare = servedDuring(rr, 60);
    expect(Math.abs(rrShare['web-1']! - rrShare['web-4']!)).toBeLessThan(rrShare['web-1']! * 0.05);
    expect(rr.util('web-4')).toBeGreaterThan(0.95);
    for (const algorithm of ['swrr', 'leastconn'] as const) {
      const l = lab({ algorithm });
      const share = servedDuring(l, 60);
      // web-1 has twice web-4's speed and weight
      expect(share['web-1']! / share['web-4']!).toBeGreaterThan(1.5);
      expect(l.stats().latencyP95Us).toBeLessThan(rr.stats().latencyP95Us / 3);
    }
  });

  it('switching the algorithm while it runs changes the per-node load', () => {
    const l = lab({ algorithm: 'roundrobin' });
    l.run(20);
    const before = servedDuring(l, 20);
    l.cmd({ type: 'setAlgorithm', algorithm: 'swrr' });
    const after = servedDuring(l, 20);
    expect(before['web-1']! / before['web-4']!).toBeLessThan(1.1);
    expect(after['web-1']! / after['web-4']!).toBeGreaterThan(1.8);
  });

  it('a crashed node is marked down after `fall` failed checks (within fall × interval + timeout) and gets no new requests', () => {
    const l = lab({ algorithm: 'roundrobin' });
    l.run(10);
    const crashAt = l.sim.nowUs;
    l.cmd({ type: 'crashNode', node: 'web-2' });
    const b = l.model.d.backends[1]!;
    while (b.healthy && l.sim.step());
    const detection = l.sim.nowUs - crashAt;
    // HAProxy inter 2 s, fall 3, check timeout 1 s
    expect(detection).toBeGreaterThan(4 * SEC);
    expect(detection).toBeLessThanOrEqual(3 * 2 * SEC + 1 * SEC);
    l.run(3);
    const failedBefore = l.stats().requestsFailed;
    const share = servedDuring(l, 20);
    expect(share['web-2']).toBe(0);
    expect(l.stats().requestsFailed).toBe(failedBefore);
  });

  it('a drained node takes no new requests but is still checked; undrained, it takes its share again', () => {
    const l = lab({ algorithm: 'leastconn' });
    l.run(5);
    l.cmd({ type: 'drainServer', node: 'web-1', on: true });
    l.run(4);
    expect(servedDuring(l, 10)['web-1']).toBe(0);
    expect(l.model.d.backends[0]!.healthy).toBe(true);
    l.cmd({ type: 'drainServer', node: 'web-1', on: false });
    expect(servedDuring(l, 10)['web-1']).toBeGreaterThan(100);
  });

  it('a node added while it runs is used automatically once it passes `rise` health checks (CL-SCALE-INC)', () => {
    const l = lab({ algorithm: 'leastconn' });
    l.run(10);
    const addedAt = l.sim.nowUs;
    l.cmd({ type: 'addServer' });
    const b = l.model.d.backends[4]!;
    expect(b.id).toBe('web-5');
    expect(b.healthy).toBe(false);
    while (!b.healthy && l.sim.step());
    // rise 2 checks, one round every 2 s
    expect(l.sim.nowUs - addedAt).toBeLessThanOrEqual(2 * 2 * SEC + 1 * SEC);
    expect(servedDuring(l, 10)['web-5']).toBeGreaterThan(100);
  });

  it('refuses a weight out of range and an unknown node, and the run goes on', () => {
    const l = lab();
    l.run(2);
    expect(applyCommand(l.sim, { type: 'setWeight', node: 'web-1', weight: 999 })?.code).toBe('outOfRange');
    expect(applyCommand(l.sim, { type: 'drainServer', node: 'nope', on: true })?.code).toBe('unknownNode');
    l.run(5);
    expect(l.stats().requestsCompleted).toBeGreaterThan(500);
  });
});

describe('single points of failure (CL-SPOF)', () => {
  it('with one dispatcher, crashing it stops the whole service; with a VRRP pair the backup takes over within 3 adverts plus skew', () => {
    const single = lab({ algorithm: 'leastconn' });
    single.run(10);
    single.cmd({ type: 'crashNode', node: 'lb-1' });
    single.run(5);
    const done = single.stats().requestsCompleted;
    single.run(20);
    expect(single.stats().requestsCompleted).toBe(done);

    const pair = lab({ algorithm: 'leastconn', redundantDispatcher: true });
    pair.run(10);
    const crashAt = pair.sim.nowUs;
    pair.cmd({ type: 'crashNode', node: 'lb-1' });
    while (!pair.model.d.master[1] && pair.sim.step());
    // keepalived: advert 1 s, master down = 3 × 1 s + (256 − 100)/256 s
    expect(pair.sim.nowUs - crashAt).toBeLessThanOrEqual(3.7 * SEC);
    pair.run(5);
    const before = pair.stats().requestsCompleted;
    pair.run(20);
    expect(pair.stats().requestsCompleted - before).toBeGreaterThan(2000);
    // the preferred dispatcher takes the address back when it returns (preempt)
    pair.cmd({ type: 'restartNode', node: 'lb-1' });
    pair.run(6);
    expect(pair.model.d.master).toEqual([true, false]);
  });

  it('with one router to the outside, crashing it cuts every client off; with two, the service keeps answering', () => {
    for (const redundantGateway of [false, true]) {
      const l = lab({ algorithm: 'leastconn', redundantGateway });
      l.run(10);
      l.cmd({ type: 'crashNode', node: 'gw-1' });
      l.run(5);
      const before = l.stats().requestsCompleted;
      l.run(20);
      const answered = l.stats().requestsCompleted - before;
      if (redundantGateway) expect(answered).toBeGreaterThan(2000);
      else expect(answered).toBe(0);
    }
  });
});

describe('interconnect bottleneck and scaling (CL-NET-BOTTLENECK, CL-SCALE-INC, CL-SCALE-ABS)', () => {
  /** Throughput per node count, adding a node every 30 s, on an interconnect of `bps`. */
  function scaleOut(bps: number): { perNodes: number[]; serverUtil: number; icUtil: number } {
    const l = lab({ interconnectBps: bps, algorithm: 'leastconn', clients: 60, speeds: [1, 1], fetchBytes: 40_000, requestEveryUs: 50_000, maxOutstanding: 1 });
    for (let k = 0; k < 4; k++) {
      l.run(30);
      if (k < 3) l.cmd({ type: 'addServer' });
    }
    const epochs = l.model.traffic.epochs;
    const perNodes = epochs.map((e, i) => e.completed / (((epochs[i + 1]?.startUs ?? l.sim.nowUs) - e.startUs - 5 * SEC) / SEC));
    const s = l.stats();
    return { perNodes, serverUtil: s.serverUtil!, icUtil: s.interconnectUtil! };
  }

  it('on a 1 Gb/s interconnect throughput grows with every node added', () => {
    const { perNodes } = scaleOut(1e9);
    expect(perNodes).toHaveLength(4);
    for (let i = 1; i < perNodes.length; i++) expect(perNodes[i]!).toBeGreaterThan(perNodes[i - 1]! * 1.2);
  });

  it('on a 10 Mb/s interconnect adding nodes adds nothing: the link is saturated and the servers sit idle', () => {
    const { perNodes, serverUtil, icUtil } = scaleOut(10e6);
    expect(perNodes[3]!).toBeLessThan(perNodes[0]! * 1.05);
    expect(icUtil).toBeGreaterThan(0.95);
    expect(serverUtil).toBeLessThan(0.2);
  });

  it('raising the interconnect to 100 Mb/s while it runs lifts the ceiling', () => {
    const l = lab({ interconnectBps: 10e6, algorithm: 'leastconn', clients: 60, speeds: [1, 1], fetchBytes: 40_000, requestEveryUs: 50_000, maxOutstanding: 1 });
    l.run(20);
    const slow = l.stats().requestsCompleted;
    l.cmd({ type: 'setInterconnect', bps: 100e6 });
    l.run(20);
    expect(l.stats().requestsCompleted - slow).toBeGreaterThan(2 * slow);
  });
});
