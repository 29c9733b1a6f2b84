import type { ModelContext } from '../../../engine/model';
import type { Job, JobRunner, ParMsg } from './jobs';
import { PAR_MSG, type ParallelSpec } from './spec';

/** Work tag of a process slice. */
export const PROC_SLICE = 4;

/** A process's payload: what is left of its work. */
export interface ProcMsg extends ParMsg {
  leftUs: number;
  migrated?: boolean;
}

/**
 * Process migration (CL-MIGRATION): processes run in slices; between two
 * slices a process on a node with at least two more processes than the
 * least loaded node moves there, its state travelling over the Ethernet.
 */
export class Migrator {
  migrations = 0;

  constructor(
    private readonly spec: ParallelSpec,
    private readonly runner: JobRunner,
  ) {}

  /** Starts the job's processes on its first two nodes, as users who all logged into the same machines would. */
  start(ctx: ModelContext, job: Job, head: number): void {
    job.tasks = this.spec.procCount;
    const homes = job.workers.slice(0, Math.min(2, job.workers.length));
    for (let i = 0; i < this.spec.procCount; i++) {
      const w = homes[i % homes.length]!;
      const pid = this.runner.newProc(ctx, job, w, i);
      this.runner.send(ctx, head, w, PAR_MSG.spawn, 2_000, { job: job.id, pid, task: i, workUs: this.spec.procWorkUs, leftUs: this.spec.procWorkUs } satisfies ProcMsg);
    }
  }

  /** Runs the next slice of a process on node w. */
  slice(ctx: ModelContext, w: number, p: ProcMsg): void {
    ctx.work(w, Math.min(this.spec.procSliceUs, p.leftUs), PROC_SLICE, p);
  }

  /** After a slice: move the process if its node is crowded; returns true when it left. */
  maybeMove(ctx: ModelContext, job: Job, w: number, p: ProcMsg): boolean {
    if (!this.spec.migration) return false;
    const load = new Map<number, number>(job.workers.filter((n) => ctx.net.nodes[n]!.up).map((n) => [n, 0]));
    for (const proc of this.runner.procs.values()) if (proc.job === job.id && proc.state === 'running' && load.has(proc.node)) load.set(proc.node, load.get(proc.node)! + 1);
    let target = -1;
    for (const [n, l] of load) if (target < 0 || l < load.get(target)!) target = n;
    if (target < 0 || (load.get(w) ?? 0) - load.get(target)! < 2) return false;
    const proc = this.runner.procs.get(p.pid);
    if (proc) proc.node = target;
    this.migrations++;
    ctx.emit('processMigrated', w, target, p.pid, p.leftUs);
    this.runner.send(ctx, w, target, PAR_MSG.spawn, this.spec.migrateBytes, { ...p, migrated: true });
    return true;
  }
}
