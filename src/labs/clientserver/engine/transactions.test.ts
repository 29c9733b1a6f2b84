import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { applyCommand } from '../../../engine/commands';
import type { Simulation } from '../../../engine/sim';
import { CLASSES, CS_MSG } from './costModel';
import type { TransactionModel } from './transactions';
import { clientServerWorld, databaseWorld, mainframeWorld } from './world';
import { createSimulation } from '../../../engine/createSimulation';
import { runs } from '../../../engine/testRuns';

const SEC = 1_000_000;
const figures = (sim: Simulation) => sim.models[0]!.stats(sim.nowUs) as Record<string, number>;
const model = (sim: Simulation) => sim.models[0] as TransactionModel;

describe('classes of processing, live (CS-FAT-THIN, CS-BOTTLENECK)', () => {
  it('switching fat → thin raises the server utilisation within a few simulated seconds', () => {
    const sim = createSimulation(clientServerWorld(100, undefined, 'client'), 1);
    sim.runUntil(10 * SEC);
    const fat = figures(sim);
    expect(applyCommand(sim, { type: 'setClass', cls: 'server' })).toBeNull();
    sim.runUntil(15 * SEC);
    const thin = figures(sim);
    expect(thin.appUtil).toBeGreaterThan(fat.appUtil! + 0.2);
    expect(thin.clientUtilMean).toBeLessThan(fat.clientUtilMean!);
    expect(thin.serverCpuPerTxUs).toBeGreaterThan(fat.serverCpuPerTxUs!);
  });

  it('with 500 thin clients the application server saturates and queues; fat clients leave it idle', () => {
    const thin = createSimulation(clientServerWorld(500, undefined, 'server'), 2);
    thin.runUntil(20 * SEC);
    const app = thin.net.node('app')!;
    expect(figures(thin).appUtil).toBeGreaterThan(0.95);
    expect(app.queueLength).toBeGreaterThan(50);
    const fat = createSimulation(clientServerWorld(500, undefined, 'client'), 2);
    fat.runUntil(20 * SEC);
    expect(figures(fat).appUtil).toBeLessThan(0.1);
    expect(figures(fat).latencyP95Us).toBeLessThan(figures(thin).latencyP95Us!);
  });

  it('one client can be switched on its own', () => {
    const sim = createSimulation(clientServerWorld(4), 3);
    expect(applyCommand(sim, { type: 'setClass', cls: 'client', node: 'client-2' })).toBeNull();
    const classes = model(sim).snapshot().classes as number[];
    expect(classes[sim.net.node('client-2')!.index]).toBe(CLASSES.indexOf('client'));
    expect(classes[sim.net.node('client-1')!.index]).toBe(CLASSES.indexOf('server'));
  });

  it('a selected SQL message tells its text, and a result its rows (CS-DB)', () => {
    const sim = createSimulation(databaseWorld(3), 4);
    let sql: Record<string, string | number> | null = null;
    while (!sql && sim.step()) {
      const m = [...sim.inFlight].find((x) => x.kind === CS_MSG.query);
      if (m) sql = sim.describeMessage(m.id);
    }
    expect(String(sql?.sql)).toMatch(/^SELECT id, order_date, total FROM orders WHERE customer_id = \d+$/);
    expect(sql?.processing).toBe('client');
  });

  it('terminals type key by key and the host echoes each one (CS-HOST)', () => {
    const sim = createSimulation(mainframeWorld(4), 5);
    sim.runUntil(20 * SEC);
    const f = figures(sim);
    expect(f.requestsCompleted).toBeGreaterThan(10);
    expect(f.messagesPerTx).toBeGreaterThanOrEqual(27);
    expect(f.clientCpuPerTxUs).toBe(0);
  });
});

describe('fat-client costs (CS-FAT-COST, CS-THIN-MIGR)', () => {
  it('a heavier feature saturates the weak fat clients, while thin clients do not care', () => {
    const pcUtil = (sim: Simulation) => sim.net.node('client-1')!.utilization(sim.nowUs);
    for (const [cls, grows] of [['client', true], ['server', false]] as const) {
      const sim = createSimulation(clientServerWorld(10, undefined, cls), 6);
      sim.runUntil(10 * SEC);
      const before = figures(sim).clientCpuPerTxUs!;
      for (let i = 0; i < 5; i++) applyCommand(sim, { type: 'addFeature' });
      // the mean covers the last 256 transactions: let them all be after the change
      sim.runUntil(200 * SEC);
      const after = figures(sim).clientCpuPerTxUs!;
      if (grows) {
        expect(after).toBeGreaterThan(10 * before);
        expect(pcUtil(sim)).toBeGreaterThan(0.5);
      } else {
        expect(Math.abs(after - before) / before).toBeLessThan(0.15);
        expect(pcUtil(sim)).toBeLessThan(0.05);
      }
    }
  });

  it('deploying a new version touches every fat client, but only the server for thin clients', () => {
    const fat = createSimulation(clientServerWorld(6, undefined, 'client'), 7);
    fat.runUntil(2 * SEC);
    expect(applyCommand(fat, { type: 'deploy' })).toBeNull();
    expect(applyCommand(fat, { type: 'deploy' })?.code).toBe('deployRunning');
    fat.runUntil(300 * SEC);
    const f = figures(fat);
    expect(f.deployTouched).toBe(7);
    expect(f.deployBytes).toBe(6 * 25_000_000);
    expect(f.deployPending).toBe(0);
    const thin = createSimulation(clientServerWorld(6, undefined, 'server'), 7);
    thin.runUntil(2 * SEC);
    applyCommand(thin, { type: 'deploy' });
    thin.runUntil(300 * SEC);
    const t = figures(thin);
    expect(t.deployTouched).toBe(1);
    expect(t.deployBytes).toBe(0);
    expect(t.deployDurationUs).toBeLessThan(f.deployDurationUs!);
  });

  it('upgrading desktops halves the fat clients’ CPU time per transaction', () => {
    const sim = createSimulation(clientServerWorld(5, undefined, 'client'), 8);
    sim.runUntil(10 * SEC);
    const before = figures(sim).clientCpuPerTxUs!;
    applyCommand(sim, { type: 'upgradeClients' });
    // the mean covers the last 256 transactions: run long enough for all of them to be after the upgrade
    sim.runUntil(100 * SEC);
    const after = figures(sim).clientCpuPerTxUs!;
    expect(after).toBeGreaterThan(before * 0.4);
    expect(after).toBeLessThan(before * 0.6);
  });
});

describe('accounting (property)', () => {
  it('every transaction completes or fails with a reason, and the counts add up, under any class, size and crash', () => {
    fc.assert(
      fc.property(fc.constantFrom(...CLASSES), fc.integer({ min: 1, max: 40 }), fc.integer({ min: 0, max: 1e6 }), fc.boolean(), (cls, clients, seed, crash) => {
        const sim = createSimulation(clientServerWorld(clients, undefined, cls), seed);
        sim.runUntil(5 * SEC);
        if (crash) applyCommand(sim, { type: 'crashNode', node: cls === 'client' ? 'db' : 'app' });
        sim.runUntil(20 * SEC);
        const f = figures(sim);
        const open = model(sim).inProgress();
        expect(f.requestsStarted).toBe(f.requestsCompleted! + f.requestsFailed! + open);
        expect(open).toBeLessThanOrEqual(clients);
        if (crash) expect(f.requestsFailed).toBeGreaterThan(0);
      }),
      { numRuns: runs(30) },
    );
  });
});
