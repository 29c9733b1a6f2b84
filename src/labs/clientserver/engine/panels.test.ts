import { describe, expect, it } from 'vitest';
import { applyCommand } from '../../../engine/commands';
import type { TraceEvent } from '../../../engine/kernel/trace';
import type { Simulation } from '../../../engine/sim';
import { CLASSES, COST, CS_MSG, planTotals, type ProcessingClass } from './costModel';
import { FAIL, type TransactionModel } from './transactions';
import { clientServerWorld, mainframeWorld } from './world';
import { createSimulation } from '../../../engine/createSimulation';

// What the client/server panels, inspector and commands show a user.

const SEC = 1_000_000;
const figures = (sim: Simulation) => sim.models[0]!.stats(sim.nowUs);
const model = (sim: Simulation) => sim.models[0] as TransactionModel;
const anyQuery = { customer: 42, minTotal: 100, rows: 300, matched: 120 };

/** Runs to `untilUs` in small slices, keeping the trace events of the given types (the trace's ring keeps only the latest). */
function runKeeping(sim: Simulation, untilUs: number, types: string[], into: TraceEvent[] = []): TraceEvent[] {
  while (sim.nowUs < untilUs) {
    sim.runUntil(Math.min(untilUs, sim.nowUs + SEC / 5));
    into.push(...sim.trace.drain().events.filter((e) => types.includes(e.type)));
  }
  return into;
}

describe('client/server figures', () => {
  it('each class sends the messages its plan says, and the live figures add up', () => {
    for (const cls of CLASSES) {
      const world = cls === 'host' ? mainframeWorld(5) : clientServerWorld(5, undefined, cls);
      const sim = createSimulation(world, 3);
      sim.runUntil(20 * SEC);
      const at20 = figures(sim).requestsCompleted!;
      sim.runUntil(30 * SEC);
      const f = figures(sim);
      expect(f.messagesPerTx, cls).toBe(planTotals(cls, anyQuery).messages);
      expect(f.requestsStarted, cls).toBe(f.requestsCompleted! + f.requestsFailed! + model(sim).inProgress());
      expect(f.throughputPerS, cls).toBeCloseTo((f.requestsCompleted! - at20) / 10, 0);
      expect(f.throughputPerS, cls).toBeGreaterThan(1);
      expect(f.latencyP50Us, cls).toBeGreaterThan(0);
      expect(f.latencyP95Us, cls).toBeGreaterThanOrEqual(f.latencyP50Us!);
      expect(f.bytesPerTx, cls).toBeGreaterThan(COST.keystrokeBytes);
      expect(f.serverUtil, cls).toBe(Math.max(f.appUtil!, f.dbUtil!));
      const clients = sim.net.nodes.filter((n) => n.kind === 'client');
      expect(f.clientUtilMean, cls).toBeCloseTo(clients.reduce((s, n) => s + n.utilization(sim.nowUs), 0) / clients.length, 10);
      if (cls === 'host') {
        expect(f.dbUtil).toBe(f.appUtil);
        expect(f.clientCpuPerTxUs).toBe(0);
      } else expect(f.clientCpuPerTxUs, cls).toBeGreaterThan(0);
      expect(f.serverCpuPerTxUs, cls).toBeGreaterThan(0);
      const app = sim.net.node(cls === 'host' ? 'host' : 'app')!;
      expect(f.appUtil, cls).toBeCloseTo(app.utilization(sim.nowUs), 10);
    }
  });

  it('a transaction whose server is down fails at the timeout, with its reason; a crashed server counts as idle', () => {
    const sim = createSimulation(clientServerWorld(4), 5);
    sim.runUntil(3 * SEC);
    expect(applyCommand(sim, { type: 'crashNode', node: 'db' })).toBeNull();
    const crashAt = sim.nowUs;
    const events = runKeeping(sim, 15 * SEC, ['requestFailed', 'requestStarted']);
    const failed = events.filter((e) => e.type === 'requestFailed');
    expect(failed.length).toBeGreaterThan(0);
    const app = sim.net.node('app')!.index;
    for (const e of failed) {
      expect(e.a).toBe(FAIL.timeout);
      expect(e.peer).toBe(app);
      expect(e.t).toBeGreaterThanOrEqual(crashAt + 0);
    }
    // each failure comes 5 s after its transaction started
    const started = new Map(events.filter((e) => e.type === 'requestStarted').map((e) => [e.msg, e.t]));
    for (const e of failed) if (started.has(e.msg)) expect(e.t - started.get(e.msg)!).toBe(5 * SEC);
    expect(figures(sim).dbUtil).toBe(0);
    expect(figures(sim).requestsFailed).toBe(failed.length);
  });

  it('a crashed client forgets its transaction and its user starts over after the restart', () => {
    const sim = createSimulation(clientServerWorld(3), 6);
    const c1 = sim.net.node('client-1')!.index;
    sim.runUntil(2 * SEC);
    while (model(sim).inProgress() < 3 && sim.step());
    expect(applyCommand(sim, { type: 'crashNode', node: 'client-1' })).toBeNull();
    expect(model(sim).inProgress()).toBe(2);
    sim.trace.drain();
    const down = runKeeping(sim, sim.nowUs + 10 * SEC, ['requestStarted', 'requestFailed']);
    expect(down.filter((e) => e.node === c1)).toEqual([]);
    expect(applyCommand(sim, { type: 'restartNode', node: 'client-1' })).toBeNull();
    const up = runKeeping(sim, sim.nowUs + 10 * SEC, ['requestStarted']);
    expect(up.filter((e) => e.node === c1).length).toBeGreaterThan(2);
  });
});

describe('client/server commands', () => {
  it('sets the class of every client (and of clients added later) or of one, and says so', () => {
    const sim = createSimulation(clientServerWorld(3), 1);
    expect(applyCommand(sim, { type: 'setClass', cls: 'coop', node: 'nope' })?.code).toBe('unknownNode');
    expect(applyCommand(sim, { type: 'setClass', cls: 'coop' })).toBeNull();
    let last = sim.trace.recentInOrder().at(-1)!;
    expect([last.type, last.node, last.a]).toEqual(['classChanged', -1, CLASSES.indexOf('coop')]);
    expect(model(sim).snapshot().defaultClass).toBe(CLASSES.indexOf('coop'));
    expect(applyCommand(sim, { type: 'setClass', cls: 'client', node: 'client-3' })).toBeNull();
    last = sim.trace.recentInOrder().at(-1)!;
    expect([last.type, last.node, last.a]).toEqual(['classChanged', sim.net.node('client-3')!.index, CLASSES.indexOf('client')]);
    expect(model(sim).snapshot().defaultClass).toBe(CLASSES.indexOf('coop'));
    expect(applyCommand(sim, { type: 'addClient' })).toBeNull();
    const classes = model(sim).snapshot().classes as number[];
    const idx = (id: string) => sim.net.node(id)!.index;
    expect(classes[idx('client-4')]).toBe(CLASSES.indexOf('coop'));
    expect(classes[idx('client-3')]).toBe(CLASSES.indexOf('client'));
    expect(classes[idx('app')]).toBe(-1);
    expect(model(sim).classOf(idx('client-1'))).toBe('coop');
  });

  it('think time, heavier features and faster desktops show in the figures and the trace', () => {
    const sim = createSimulation(clientServerWorld(3), 2);
    expect(applyCommand(sim, { type: 'setThinkTime', thinkTimeUs: 2 * SEC })).toBeNull();
    expect(figures(sim).thinkTimeUs).toBe(2 * SEC);
    let last = sim.trace.recentInOrder().at(-1)!;
    expect([last.type, last.a]).toEqual(['settingChanged', 2 * SEC]);
    applyCommand(sim, { type: 'addFeature' });
    applyCommand(sim, { type: 'addFeature' });
    expect(figures(sim).feature).toBe(4);
    last = sim.trace.recentInOrder().at(-1)!;
    expect([last.type, last.a]).toEqual(['featureAdded', 4]);
    const clients = ['client-1', 'client-2', 'client-3'].map((id) => sim.net.node(id)!.index);
    const speeds = () => clients.map((i) => sim.net.nodes[i]!.cpuSpeed);
    expect(applyCommand(sim, { type: 'removeNode', node: 'client-3' })).toBeNull();
    const before = speeds();
    applyCommand(sim, { type: 'upgradeClients' });
    expect(speeds()).toEqual([before[0]! * 2, before[1]! * 2, before[2]]);
    expect(sim.net.node('app')!.cpuSpeed).toBe(8);
    expect(figures(sim).clientUpgrades).toBe(1);
    last = sim.trace.recentInOrder().at(-1)!;
    expect([last.type, last.a]).toEqual(['clientsUpgraded', 1]);
  });

  it('a deployment goes to the fat clients that are up, reports its progress, and needs its server up', () => {
    const sim = createSimulation(clientServerWorld(4, undefined, 'client'), 3);
    sim.runUntil(SEC);
    expect(applyCommand(sim, { type: 'crashNode', node: 'client-4' })).toBeNull();
    expect(applyCommand(sim, { type: 'deploy' })).toBeNull();
    const started = sim.trace.recentInOrder().at(-1)!;
    expect([started.type, started.node, started.a, started.b]).toEqual(['deployStarted', sim.net.node('app')!.index, 4, 3 * COST.packageBytes]);
    expect(figures(sim).deployPending).toBe(4);
    expect(figures(sim).deployRounds).toBe(1);
    const events = runKeeping(sim, 200 * SEC, ['deployInstalled', 'deployFinished']);
    expect(events.filter((e) => e.type === 'deployInstalled')).toHaveLength(4);
    const done = events.filter((e) => e.type === 'deployFinished');
    expect(done).toHaveLength(1);
    const f = figures(sim);
    expect([done[0]!.a, done[0]!.b, done[0]!.c]).toEqual([f.deployDurationUs, 4, 3 * COST.packageBytes]);
    // the server installs in 8 s; each client downloads 25 MB over 10 Mb/s first
    expect(f.deployDurationUs).toBeGreaterThan(20 * SEC);
    expect(f.deployPending).toBe(0);
    expect(applyCommand(sim, { type: 'crashNode', node: 'app' })).toBeNull();
    expect(applyCommand(sim, { type: 'deploy' })).toEqual({ code: 'alreadyDown', params: { id: 'app' } });
    expect(figures(sim).deployRounds).toBe(1);
  });
});

describe('the client/server inspector', () => {
  /** The description of the first message of each kind seen in flight. */
  function firstOfEachKind(cls: ProcessingClass, seed: number): Map<number, Record<string, string | number>> {
    const sim = createSimulation(clientServerWorld(6, undefined, cls), seed);
    const seen = new Map<number, Record<string, string | number>>();
    while (seen.size < 4 && sim.nowUs < 30 * SEC && sim.step()) {
      for (const m of sim.inFlight) if (!seen.has(m.kind)) seen.set(m.kind, sim.describeMessage(m.id)!);
    }
    return seen;
  }

  it('shows the request, the SQL, and the rows a result and a page carry, with the transaction’s query', () => {
    const thin = firstOfEachKind('server', 4);
    const req = thin.get(CS_MSG.request)!;
    expect(req.request).toBe(`GET /orders?customer=${req.customer}&over=${req.minTotal}`);
    expect(req.processing).toBe('server');
    expect(req.transaction).toBeGreaterThan(0);
    expect(req.bytes).toBe(COST.requestBytes);
    expect(String(thin.get(CS_MSG.query)!.sql)).toMatch(/ AND total > \d+$/);
    const result = thin.get(CS_MSG.result)!;
    expect(result.bytes).toBe(COST.headerBytes + COST.rowBytes * Number(result.rows));
    const page = thin.get(CS_MSG.response)!;
    expect(page.rows).toBeLessThanOrEqual(COST.pageRows);
    expect(page.bytes).toBe(COST.pageBaseBytes + COST.pageRowBytes * Number(page.rows));

    const fat = firstOfEachKind('client', 4);
    const all = fat.get(CS_MSG.result)!;
    // a fat client gets every order of the customer (100 to 600), not the filtered ones
    expect(all.bytes).toBe(COST.headerBytes + COST.rowBytes * Number(all.rows));
    expect(Number(all.rows)).toBeGreaterThanOrEqual(100);

    const coop = firstOfEachKind('coop', 4);
    const call = coop.get(CS_MSG.request)!;
    expect(call.request).toBe(`CALL orders_over(${call.customer}, ${call.minTotal})`);
    const compact = coop.get(CS_MSG.response)!;
    expect(compact.bytes).toBe(COST.headerBytes + COST.compactRowBytes * Number(compact.rows));
  });

  it('shows a deployment package as such', () => {
    const sim = createSimulation(clientServerWorld(2, undefined, 'client'), 1);
    sim.runUntil(SEC);
    expect(applyCommand(sim, { type: 'deploy' })).toBeNull();
    sim.runUntil(sim.nowUs + 1000);
    const pkg = sim.inFlight.find((m) => m.kind === CS_MSG.package)!;
    expect(sim.describeMessage(pkg.id)).toMatchObject({ content: 'package', bytes: COST.packageBytes });
  });
});
