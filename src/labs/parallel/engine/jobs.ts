import type { ModelContext } from '../../../engine/model';
import { JOB_KINDS, PAR_MSG, PAR_TIMER, type JobKind, type ParallelSpec } from './spec';

/** A process started from the head on a compute node (BProc): it shows in the head's process table. */
export interface Proc {
  pid: number;
  node: number;
  job: number;
  /** Which piece of the job it computes (run number, chunk, or the long job itself). */
  task: number;
  state: 'running' | 'done' | 'killed' | 'lost';
  startUs: number;
}

export interface Job {
  id: number;
  kind: JobKind;
  workers: number[];
  smp: boolean;
  startUs: number;
  endUs: number;
  /** Tasks waiting for a node (a failed node's tasks come back here). */
  queue: { task: number; workUs: number; fromUs?: number }[];
  tasks: number;
  done: number;
  requeued: number;
  busy: Map<number, number>;
  suspect: Set<number>;
  /** Distributed sum: arrivals at the current barrier, iteration, and CPU time on the critical path. */
  arrived: number;
  iteration: number;
  compUs: number;
  /** Checkpointed job: progress saved at the head, work lost to crashes, restarts. */
  savedUs: number;
  lostUs: number;
}

/** What a message of the Beowulf model carries. */
export interface ParMsg {
  job: number;
  pid: number;
  task: number;
  workUs: number;
  killed?: boolean;
}

/** Runs jobs for the model: farming tasks to nodes, barriers, checkpoints. */
export class JobRunner {
  readonly procs = new Map<number, Proc>();
  private nextPid = 100;
  /** When a compute node started the slice it is on, for measuring work lost to a crash. */
  readonly sliceStart = new Map<number, number>();

  // the model itself rather than a callback: a simulation holding closures cannot be copied for a keyframe
  constructor(
    private readonly spec: ParallelSpec,
    private readonly owner: { readonly headNode: number; send(ctx: ModelContext, src: number, dst: number, kind: number, bytes: number, payload: unknown): void },
  ) {}

  private head(): number {
    return this.owner.headNode;
  }

  start(ctx: ModelContext, job: Job): void {
    const k = job.workers.length;
    const s = this.spec;
    ctx.emit('jobStarted', this.head(), -1, job.id, k, JOB_KINDS.indexOf(job.kind));
    if (job.kind === 'parametric') {
      job.tasks = s.runs;
      for (let r = 0; r < s.runs; r++) job.queue.push({ task: r, workUs: s.runWorkUs });
      this.fill(ctx, job);
    } else if (job.kind === 'loop') {
      // the serial part runs on the head before the loop's chunks can start (Amdahl)
      ctx.work(this.head(), s.loopWorkUs * s.serialFraction, PAR_TIMER.serialDone, job.id);
    } else if (job.kind === 'sum') {
      job.tasks = k;
      const bytes = Math.ceil(s.sumBytes / k);
      for (const w of job.workers) this.spawn(ctx, job, w, w, 0, PAR_MSG.data, bytes);
    } else if (job.kind === 'checkpoint') {
      job.tasks = 1;
      job.queue.push({ task: 0, workUs: s.longWorkUs, fromUs: 0 });
      this.fill(ctx, job);
    }
  }

  /** The serial part of a loop is done: its parallel part becomes one chunk per node. */
  afterSerial(ctx: ModelContext, job: Job): void {
    const k = job.workers.length;
    job.tasks = k;
    const chunk = (this.spec.loopWorkUs * (1 - this.spec.serialFraction)) / k;
    for (let c = 0; c < k; c++) job.queue.push({ task: c, workUs: chunk });
    this.fill(ctx, job);
  }

  /** Gives queued tasks to idle, trusted, running nodes. */
  fill(ctx: ModelContext, job: Job): void {
    for (const w of job.workers) {
      if (job.queue.length === 0) return;
      if (job.busy.has(w) || job.suspect.has(w) || !ctx.net.nodes[w]!.up) continue;
      const t = job.queue.shift()!;
      const kind = job.kind === 'checkpoint' ? PAR_MSG.checkpoint : job.kind === 'loop' ? PAR_MSG.chunk : PAR_MSG.spawn;
      this.spawn(ctx, job, w, t.task, job.kind === 'checkpoint' ? (t.fromUs ?? 0) : t.workUs, kind, job.kind === 'checkpoint' ? this.spec.checkpointBytes : 2_000);
    }
  }

  /** Sends over the Ethernet, through the sender's bond (Ethernet.send). */
  send(ctx: ModelContext, src: number, dst: number, kind: number, bytes: number, payload: unknown): void {
    this.owner.send(ctx, src, dst, kind, bytes, payload);
  }

  /** A new entry in the head's process table (cluster-wide pid). */
  newProc(ctx: ModelContext, job: Job, w: number, task: number): number {
    const pid = this.nextPid++;
    this.procs.set(pid, { pid, node: w, job: job.id, task, state: 'running', startUs: ctx.nowUs });
    this.trim();
    return pid;
  }

  private spawn(ctx: ModelContext, job: Job, w: number, task: number, workUs: number, kind: number, bytes: number): void {
    const pid = this.newProc(ctx, job, w, task);
    job.busy.set(w, pid);
    this.send(ctx, this.head(), w, kind, bytes, { job: job.id, pid, task, workUs } satisfies ParMsg);
    this.armDeadline(ctx, job, pid);
  }

  /** A task not heard of in time is presumed lost with its node, and requeued. */
  armDeadline(ctx: ModelContext, job: Job, pid: number): void {
    const s = this.spec;
    // (independent processes may wait behind all the others on a crowded node)
    const span = job.kind === 'checkpoint' ? s.checkpointEveryUs : job.kind === 'parametric' ? s.runWorkUs : job.kind === 'loop' ? s.loopWorkUs : job.kind === 'procs' ? s.procCount * s.procWorkUs : (s.sumBytes / 1000) * s.sumUsPerKB;
    ctx.setTimer(this.head(), 3 * span + 2_000_000, PAR_TIMER.deadline, { job: job.id, pid, at: ctx.nowUs });
  }

  /** Keeps the process table bounded: finished processes beyond the newest 300 are forgotten. */
  private trim(): void {
    if (this.procs.size <= 400) return;
    for (const [pid, p] of this.procs) {
      if (this.procs.size <= 300) break;
      if (p.state !== 'running') this.procs.delete(pid);
    }
  }
}
