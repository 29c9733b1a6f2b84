import { describe, expect, it } from 'vitest';
import { applyCommand, type EngineCommand } from '../../../engine/commands';
import { createSimulation } from '../../../engine/createSimulation';
import type { ParallelModel } from './parallelModel';
import { smpSpeed } from './spec';
import { beowulfWorld } from './world';

const SEC = 1_000_000;

function cluster(script: EngineCommand[]) {
  const sim = createSimulation(beowulfWorld({ nodes: 8, smp: 8 }), 1);
  const model = sim.models.find((m) => m.name === 'parallel') as ParallelModel;
  const cmd = (c: EngineCommand) => expect(applyCommand(sim, c)).toBeNull();
  script.forEach(cmd);
  const snap = () => model.snapshot() as { job: { id: number; smp?: boolean } | null; queuedJobs: { smp: boolean }[]; smpDown: boolean };
  return { sim, model, cmd, snap };
}

const smpJob: EngineCommand = { type: 'runJob', kind: 'parametric', nodes: 1, smp: true };
const clusterJob: EngineCommand = { type: 'runJob', kind: 'parametric', nodes: 8 };

describe('the failure side of cluster vs SMP (CL-VS-SMP, CL-HA)', () => {
  it('a crash of the SMP fails its running job: the run in progress is lost and the rest can go nowhere', () => {
    const c = cluster([smpJob]);
    c.sim.runUntil(5 * SEC);
    c.cmd({ type: 'crashNode', node: 'smp' });
    c.sim.runUntil(30 * SEC);
    const [r] = c.model.results;
    expect(r!.failed).toBe(true);
    expect(r!.smp).toBe(true);
    expect(r!.done).toBeGreaterThan(0);
    expect(r!.done).toBeLessThan(r!.tasks);
    // at most one run was in progress: 2 s of one node's work at the SMP's ×5.1
    expect(r!.lostUs).toBeGreaterThan(0);
    expect(r!.lostUs).toBeLessThanOrEqual(2 * SEC / smpSpeed(8) + 10_000);
    expect(r!.requeued).toBe(0);
    expect(c.sim.trace.recentInOrder().some((e) => e.type === 'jobFailed')).toBe(true);
    expect(c.model.stats().jobsFailed).toBe(1);
  });

  it('the next SMP job waits while the SMP is down and runs once it is back', () => {
    const c = cluster([smpJob, smpJob]);
    c.sim.runUntil(5 * SEC);
    c.cmd({ type: 'crashNode', node: 'smp' });
    c.sim.runUntil(60 * SEC);
    expect(c.model.results).toHaveLength(1);
    expect(c.snap().job).toBeNull();
    expect(c.snap().queuedJobs).toEqual([expect.objectContaining({ smp: true })]);
    expect(c.snap().smpDown).toBe(true);
    expect(c.model.stats().jobsQueued).toBe(1);
    c.cmd({ type: 'restartNode', node: 'smp' });
    while (c.model.results.length < 2 && c.sim.nowUs < 200 * SEC && c.sim.step());
    const second = c.model.results[1]!;
    expect(second.failed).toBe(false);
    expect(second.done).toBe(second.tasks);
    // timed from its start after the restart, not from when it was queued
    expect(second.timeUs).toBeLessThan(40 * SEC);
  });

  it('a cluster job queued behind a waiting SMP job does not wait for the SMP', () => {
    const c = cluster([smpJob, smpJob, clusterJob]);
    c.sim.runUntil(5 * SEC);
    c.cmd({ type: 'crashNode', node: 'smp' });
    while (c.model.results.length < 2 && c.sim.nowUs < 200 * SEC && c.sim.step());
    expect(c.model.results.map((r) => [r.smp, r.failed])).toEqual([[true, true], [false, false]]);
    expect(c.snap().queuedJobs).toHaveLength(1);
  });

  it('the same crash of one cluster node only requeues that node’s run: the job completes, losing one run in progress', () => {
    const c = cluster([clusterJob]);
    c.sim.runUntil(5 * SEC);
    c.cmd({ type: 'crashNode', node: 'n05' });
    while (c.model.results.length < 1 && c.sim.nowUs < 300 * SEC && c.sim.step());
    const [r] = c.model.results;
    expect(r!.failed).toBe(false);
    expect(r!.done).toBe(r!.tasks);
    expect(r!.requeued).toBe(1);
    expect(r!.lostUs).toBeGreaterThan(0);
    expect(r!.lostUs).toBeLessThanOrEqual(2 * SEC);
  });
});
