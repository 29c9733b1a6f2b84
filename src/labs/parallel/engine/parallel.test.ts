import { describe, expect, it } from 'vitest';
import { applyCommand, type EngineCommand } from '../../../engine/commands';
import { createSimulation } from '../../../engine/createSimulation';
import type { ParallelModel } from './parallelModel';
import { amdahl, type JobKind } from './spec';
import { beowulfWorld, type BeowulfOptions } from './world';

const SEC = 1_000_000;

function beowulf(o: BeowulfOptions = {}, seed = 1) {
  const sim = createSimulation(beowulfWorld(o), seed);
  const model = sim.models.find((m) => m.name === 'parallel') as ParallelModel;
  const cmd = (c: EngineCommand) => expect(applyCommand(sim, c)).toBeNull();
  /** Runs until `count` jobs have finished (or failed), within a limit. */
  const until = (count: number, limitUs = 3600 * SEC) => {
    while (model.results.length < count && sim.nowUs < limitUs && sim.step());
    return model.results;
  };
  return { sim, model, cmd, until };
}

function timeOn(kind: JobKind, nodes: number, o: BeowulfOptions = {}): number {
  const b = beowulf({ ...o, autoJob: { kind, nodes } });
  const [r] = b.until(1);
  expect(r!.failed).toBe(false);
  return r!.timeUs;
}

describe('Beowulf: parametric computing (BEO-ENFUZION, CL-PARAMETRIC)', () => {
  it('farming 64 runs over more nodes finishes sooner, with efficiency near 1 while the network is not the limit', () => {
    const t1 = timeOn('parametric', 1);
    const t8 = timeOn('parametric', 8);
    const speedup = t1 / t8;
    expect(speedup).toBeGreaterThan(7);
    expect(speedup / 8).toBeGreaterThan(0.9);
  });

  it('a node that fails mid-job has its runs requeued on the others, and the job still completes', () => {
    const b = beowulf({ autoJob: { kind: 'parametric', nodes: 4 } });
    b.sim.runUntil(5 * SEC);
    b.cmd({ type: 'crashNode', node: 'n02' });
    const [r] = b.until(1);
    expect(r!.failed).toBe(false);
    expect(r!.requeued).toBeGreaterThan(0);
    expect(b.model.stats().tasksRequeued).toBeGreaterThan(0);
  });
});

describe('parallel programs (CL-PAR-COMPILER, CL-PAR-APP, BEO-PVMSYNC)', () => {
  it('a loop split at compile time speeds up no more than Amdahl’s law allows for its serial part', () => {
    const t1 = timeOn('loop', 1);
    for (const n of [2, 4, 8]) {
      const s = t1 / timeOn('loop', n);
      expect(s).toBeLessThanOrEqual(amdahl(0.1, n) * 1.01);
      expect(s).toBeGreaterThan(amdahl(0.1, n) * 0.9);
    }
  });

  it('a distributed sum with a barrier per iteration: on 10 Mb/s Ethernet the scatter stays while the computing shrinks, so efficiency falls', () => {
    const slow = (n: number) => timeOn('sum', n, { nicBps: 10_000_000 });
    const fast = (n: number) => timeOn('sum', n, { nicBps: 1_000_000_000 });
    // efficiency = speed-up / nodes
    expect(fast(1) / fast(8) / 8).toBeGreaterThan(0.9);
    expect(slow(1) / slow(8) / 8).toBeLessThan(0.5);
    // every iteration waits for all processes: the barrier's messages are in the trace
    const b = beowulf({ autoJob: { kind: 'sum', nodes: 4 } });
    b.until(1);
    const releases = b.sim.trace.recentInOrder().filter((e) => e.type === 'messageSent' && e.b === 41).length;
    expect(releases).toBe(4 * 4);
  });

  it('losing a node fails a distributed sum: every process is needed', () => {
    const b = beowulf({ autoJob: { kind: 'sum', nodes: 4 }, nicBps: 10_000_000 });
    b.sim.runUntil(2 * SEC);
    b.cmd({ type: 'crashNode', node: 'n03' });
    const [r] = b.until(1);
    expect(r!.failed).toBe(true);
  });
});

describe('checkpointing (CL-CHECKPOINT)', () => {
  it('a long job whose node crashes resumes elsewhere from its last checkpoint, losing at most one interval of work', () => {
    const b = beowulf({ autoJob: { kind: 'checkpoint', nodes: 2 } });
    b.sim.runUntil(35 * SEC);
    b.cmd({ type: 'crashNode', node: 'n01' });
    const [r] = b.until(1);
    expect(r!.failed).toBe(false);
    expect(r!.requeued).toBe(1);
    expect(r!.lostUs).toBeGreaterThan(0);
    expect(r!.lostUs).toBeLessThanOrEqual(b.model.spec.checkpointEveryUs);
    // finished on the other node: total time = the work + what was lost + detection
    expect(r!.timeUs).toBeGreaterThan(b.model.spec.longWorkUs + r!.lostUs);
  });
});

describe('BProc, bonding and the Ethernet (BEO-BPROC, BEO-BONDING, BEO-ETHERNET)', () => {
  it('processes started from the head appear in its process table, and a signal from the head reaches the remote process', () => {
    const b = beowulf({ autoJob: { kind: 'parametric', nodes: 4 } });
    b.sim.runUntil(1 * SEC);
    const running = [...b.model.runner.procs.values()].filter((p) => p.state === 'running');
    expect(running).toHaveLength(4);
    expect(new Set(running.map((p) => p.node)).size).toBe(4);
    b.cmd({ type: 'killProcess', pid: running[0]!.pid });
    b.sim.runUntil(1.2 * SEC);
    expect(b.model.runner.procs.get(running[0]!.pid)!.state).toBe('killed');
    const [r] = b.until(1);
    expect(r!.failed).toBe(false);
  });

  it('bonded NICs speed up the scatter, by less than their number (balance-rr, see bond.test.ts); a failed one leaves the node on the rest once the monitor notices', () => {
    const one = timeOn('sum', 4, { nicBps: 10_000_000, nics: 1 });
    const four = timeOn('sum', 4, { nicBps: 10_000_000, nics: 4 });
    expect(four).toBeLessThan(one * 0.7);
    expect(four).toBeGreaterThan(one / 4);
    const b = beowulf({ nics: 2 });
    b.cmd({ type: 'failNic', node: 'n01' });
    b.sim.runUntil(0.1 * SEC);
    expect(b.sim.net.link('n01~eth')!.bandwidthBps).toBe(100_000_000);
    expect(applyCommand(b.sim, { type: 'failNic', node: 'n01' })?.code).toBe('lastNic');
  });

  it('a faster Ethernet while it runs shortens the scatter', () => {
    const b = beowulf({ nicBps: 10_000_000 });
    b.cmd({ type: 'setEthernet', bps: 1_000_000_000 });
    b.cmd({ type: 'runJob', kind: 'sum', nodes: 4 });
    const [r] = b.until(1);
    expect(r!.timeUs).toBeLessThan(timeOn('sum', 4, { nicBps: 10_000_000 }));
  });

  it('a sweep runs the job on 1, 2, 4 and 8 nodes in turn', () => {
    const b = beowulf();
    b.cmd({ type: 'sweep', kind: 'parametric' });
    expect(b.until(4).map((r) => r.nodes)).toEqual([1, 2, 4, 8]);
  });
});

describe('process migration (CL-MIGRATION)', () => {
  it('processes piled on two nodes spread to idle ones between slices, finishing far sooner than without migration', () => {
    const run = (migration: boolean) => {
      const b = beowulf({ autoJob: { kind: 'procs', nodes: 8 }, overrides: { migration } });
      const [r] = b.until(1);
      return { r: r!, moved: b.model.migrator.migrations, nodes: new Set([...b.model.runner.procs.values()].map((p) => p.node)).size };
    };
    const off = run(false);
    const on = run(true);
    expect(off.moved).toBe(0);
    expect(off.nodes).toBe(2);
    expect(on.moved).toBeGreaterThan(5);
    expect(on.nodes).toBe(8);
    // 16 × 20 s on 2 nodes = 160 s; spread over 8 nodes, about 40 s plus the moves
    expect(off.r.timeUs).toBeGreaterThan(159 * SEC);
    expect(on.r.timeUs).toBeLessThan(off.r.timeUs / 2.5);
  });
});

describe('cluster vs symmetric multiprocessor (CL-VS-SMP)', () => {
  it('adding processors to one bus gives less and less; adding nodes keeps paying while the network keeps up', () => {
    const smpTime = (p: number) => {
      const b = beowulf({ smp: p });
      b.cmd({ type: 'runJob', kind: 'parametric', nodes: 1, smp: true });
      return b.until(1)[0]!.timeUs;
    };
    const s8 = smpTime(8);
    const s16 = smpTime(16);
    expect(s8 / s16).toBeLessThan(1.5);
    const c4 = timeOn('parametric', 4);
    const c8 = timeOn('parametric', 8);
    expect(c4 / c8).toBeGreaterThan(1.9);
    // 8 commodity nodes beat one 8-processor box
    expect(c8).toBeLessThan(s8);
  });
});

describe('what makes it a Beowulf (BEO-TRAITS)', () => {
  it('a shared public network instead of a dedicated one slows the cluster’s own communication', () => {
    const dedicated = timeOn('sum', 4, { nicBps: 10_000_000 });
    const shared = timeOn('sum', 4, { nicBps: 10_000_000, overrides: { sharedNetwork: true } });
    expect(shared).toBeGreaterThan(dedicated * 1.2);
    // switched while it runs: the cards lose the others' share at once
    const b = beowulf({ nicBps: 10_000_000 });
    b.cmd({ type: 'setSharedNetwork', on: true });
    expect(b.sim.net.link('n01~eth')!.bandwidthBps).toBe(6_000_000);
  });
});
