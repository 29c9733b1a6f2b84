import type { CommandError, EngineCommand } from '../../../engine/commands';
import type { Message, Model, ModelContext } from '../../../engine/model';
import { JobRunner, type Job, type ParMsg } from './jobs';
import { Ethernet } from './ethernet';
import { Migrator, PROC_SLICE, type ProcMsg } from './migration';
import { JOB_KINDS, PAR_MSG, PAR_TIMER, smpSpeed, type JobKind, type ParallelSpec } from './spec';
import type { ParallelSnapshot } from './snapshot';
import { SETTING } from '../../../engine/kernel/trace';

/** Work tags on the compute nodes. */
const WORK = { task: 1, iteration: 2, slice: 3 } as const;

/** A finished job, for the speed-up table. */
export interface JobResult {
  kind: JobKind;
  /** Ran on the symmetric multiprocessor rather than the cluster's nodes. */
  smp: boolean;
  nodes: number;
  timeUs: number;
  compUs: number;
  requeued: number;
  /** Work lost to crashes: the runs in progress on a failed machine (from their start to the crash). */
  lostUs: number;
  failed: boolean;
  /** Tasks done of the job's tasks (a failed job's are fewer). */
  done: number;
  tasks: number;
}

/**
 * A Beowulf cluster running jobs from its head node (BEO-*, CL-PARAMETRIC,
 * CL-PAR-COMPILER, CL-PAR-APP, CL-CHECKPOINT): processes started remotely and
 * listed in the head's table, signals forwarded, a farm of parametric runs
 * that requeues a failed node's runs, a compile-time split loop (Amdahl), a
 * distributed sum with barriers, and a checkpointed long job.
 */
export class ParallelModel implements Model {
  readonly name = 'parallel';
  private head = -1;
  private smp = -1;
  private workers: number[] = [];
  readonly ethernet: Ethernet;
  readonly runner: JobRunner;
  readonly migrator: Migrator;
  /** The running job, and the jobs waiting for it (in order; an SMP job waits for the SMP to be up). */
  private current: Job | undefined;
  private jobs: Job[] = [];
  private nextJob = 1;
  readonly results: JobResult[] = [];
  private news = new Map<number, number>();
  /** Processes a compute node has killed on a signal, until their work would have ended. */
  private killed = new Set<number>();
  /** The SMP is crashed (the panel says why its jobs wait). */
  private smpDown = false;
  /** Runs, chunks, barrier rounds and checkpoints the head has received. */
  private tasksCompleted = 0;

  constructor(readonly spec: ParallelSpec) {
    this.ethernet = new Ethernet(spec);
    this.runner = new JobRunner(spec, this);
    this.migrator = new Migrator(spec, this.runner);
  }

  get headNode(): number {
    return this.head;
  }

  init(ctx: ModelContext): void {
    this.head = ctx.net.node(this.spec.head)?.index ?? -1;
    this.smp = this.spec.smp ? (ctx.net.node(this.spec.smp)?.index ?? -1) : -1;
    this.workers = this.spec.workers.map((id) => ctx.net.node(id)?.index ?? -1).filter((i) => i >= 0);
    // the head is on the same Ethernet, bonded like the rest
    this.ethernet.init(ctx, this.head, this.workers);
    if (this.spec.autoJob) this.enqueue(ctx, this.spec.autoJob.kind, this.spec.autoJob.nodes);
  }

  private get active(): Job | undefined {
    return this.current;
  }

  /** The head's sends go out through its bond, like the compute nodes' (see Ethernet.send). */
  send(ctx: ModelContext, src: number, dst: number, kind: number, bytes: number, payload: unknown): void {
    this.ethernet.send(ctx, src, dst, kind, bytes, payload);
  }

  private enqueue(ctx: ModelContext, kind: JobKind, nodes: number, smp = false): void {
    const job: Job = {
      id: this.nextJob++, kind, workers: smp ? [this.smp] : this.workers.slice(0, nodes), smp, startUs: ctx.nowUs, endUs: -1, queue: [], tasks: 0, done: 0,
      requeued: 0, busy: new Map(), suspect: new Set(), arrived: 0, iteration: 0, compUs: 0, savedUs: 0, lostUs: 0,
    };
    this.jobs.push(job);
    if (!this.current) this.startNext(ctx);
  }

  /** An SMP job can start only while the SMP is up: one machine, nowhere else to run it. */
  private canStart(ctx: ModelContext, job: Job): boolean {
    return !job.smp || ctx.net.nodes[this.smp]!.up;
  }

  /**
   * Starts the first waiting job that can start. An SMP job whose machine is
   * down waits for its restart (as a batch queue holds a job for a machine
   * that is down); jobs for the cluster behind it go ahead meanwhile.
   */
  private startNext(ctx: ModelContext): void {
    const i = this.jobs.findIndex((j) => this.canStart(ctx, j));
    if (i < 0) return;
    const [job] = this.jobs.splice(i, 1);
    this.current = job!;
    job!.startUs = ctx.nowUs;
    this.runner.start(ctx, job!);
    if (job!.kind === 'procs') this.migrator.start(ctx, job!, this.head);
  }

  private finish(ctx: ModelContext, job: Job, failed = false): void {
    job.endUs = ctx.nowUs;
    const timeUs = job.endUs - job.startUs;
    this.results.push({
      kind: job.kind, smp: job.smp, nodes: job.smp ? this.spec.smpProcessors : job.workers.length, timeUs, compUs: job.compUs, requeued: job.requeued, lostUs: job.lostUs, failed,
      done: job.done, tasks: job.tasks,
    });
    if (this.results.length > 200) this.results.shift();
    ctx.emit(failed ? 'jobFailed' : 'jobFinished', this.head, -1, job.id, timeUs, job.workers.length);
    this.current = undefined;
    this.startNext(ctx);
  }

  onMessage(ctx: ModelContext, node: number, msg: Message): void {
    const p = msg.payload as ParMsg & { iteration?: number; progressUs?: number };
    const job = this.active;
    if ((msg.payload as { stream?: number }).stream !== undefined) return this.ethernet.onStream(ctx, msg.payload as { stream: number });
    if (node !== this.head) return this.onWorker(ctx, node, msg.kind, p);
    // the head heard from this process: its deadline starts again
    this.news.set(p.pid, ctx.nowUs);
    if (!job || job.id !== p.job) return;
    const proc = this.runner.procs.get(p.pid);
    if (msg.kind === PAR_MSG.result) {
      if (!proc || proc.state !== 'running') return;
      proc.state = p.killed ? 'killed' : 'done';
      this.news.delete(p.pid);
      job.busy.delete(proc.node);
      if (p.killed) {
        job.requeued++;
        job.queue.push({ task: p.task, workUs: p.workUs, fromUs: job.savedUs });
      } else {
        job.done++;
        this.tasksCompleted++;
      }
      if (job.done >= job.tasks) return this.finish(ctx, job);
      this.runner.fill(ctx, job);
    } else if (msg.kind === PAR_MSG.arrive) {
      // the barrier (BEO-PVMSYNC): nobody goes on until every process has arrived
      if (++job.arrived < job.workers.length) return;
      job.arrived = 0;
      job.iteration++;
      this.tasksCompleted++;
      job.compUs += this.iterationUs(job);
      for (const w of job.workers) this.send(ctx, this.head, w, PAR_MSG.release, 64, { ...p, pid: job.busy.get(w) ?? -1, iteration: job.iteration });
    } else if (msg.kind === PAR_MSG.checkpoint && p.progressUs !== undefined) {
      job.savedUs = p.progressUs;
      this.tasksCompleted++;
      this.runner.armDeadline(ctx, job, p.pid);
    }
  }

  /** CPU time of one iteration of the distributed sum on each node. */
  private iterationUs(job: Job): number {
    const s = this.spec;
    return (s.sumBytes / job.workers.length / 1000) * s.sumUsPerKB / s.sumIterations;
  }

  private onWorker(ctx: ModelContext, w: number, kind: number, p: ParMsg & { iteration?: number }): void {
    const job = this.active;
    if (kind === PAR_MSG.signal) {
      // BProc forwards the head's signal to the process where it runs
      // (the worker keeps its own record: the head's table changes only when the head hears back)
      const proc = this.runner.procs.get(p.pid);
      if (proc?.state === 'running' && proc.node === w && !this.killed.has(p.pid)) {
        this.killed.add(p.pid);
        this.send(ctx, w, this.head, PAR_MSG.result, 200, { ...p, job: proc.job, task: proc.task, killed: true });
      }
      return;
    }
    if (!job || job.id !== p.job) return;
    if (kind === PAR_MSG.spawn && job.kind === 'procs') this.migrator.slice(ctx, w, p as ProcMsg);
    else if (kind === PAR_MSG.spawn || kind === PAR_MSG.chunk) ctx.work(w, p.workUs, WORK.task, p);
    else if (kind === PAR_MSG.data || (kind === PAR_MSG.release && (p.iteration ?? 0) < this.spec.sumIterations)) ctx.work(w, this.iterationUs(job), WORK.iteration, p);
    else if (kind === PAR_MSG.release) this.send(ctx, w, this.head, PAR_MSG.result, 200, p);
    else if (kind === PAR_MSG.checkpoint) this.slice(ctx, w, p, p.workUs);
  }

  /** The long job computes one checkpoint interval, saves, and goes on (CL-CHECKPOINT). */
  private slice(ctx: ModelContext, w: number, p: ParMsg, fromUs: number): void {
    const len = Math.min(this.spec.checkpointEveryUs, this.spec.longWorkUs - fromUs);
    this.runner.sliceStart.set(w, ctx.nowUs);
    ctx.work(w, len, WORK.slice, { ...p, workUs: fromUs + len });
  }

  onWorkDone(ctx: ModelContext, node: number, tag: number, data: unknown): void {
    const job = this.active;
    if (tag === PAR_TIMER.serialDone) {
      if (job && job.id === data) this.runner.afterSerial(ctx, job);
      return;
    }
    const p = data as ParMsg;
    if (this.killed.delete(p.pid)) return;
    if (tag === PROC_SLICE && job) {
      const q = data as ProcMsg;
      const left = q.leftUs - Math.min(this.spec.procSliceUs, q.leftUs);
      if (left <= 0) this.send(ctx, node, this.head, PAR_MSG.result, 1_000, q);
      else if (!this.migrator.maybeMove(ctx, job, node, { ...q, leftUs: left })) this.migrator.slice(ctx, node, { ...q, leftUs: left });
      return;
    }
    if (tag === WORK.task) this.send(ctx, node, this.head, PAR_MSG.result, 1_000, p);
    else if (tag === WORK.iteration) this.send(ctx, node, this.head, PAR_MSG.arrive, 64, p);
    else if (tag === WORK.slice) {
      this.runner.sliceStart.delete(node);
      this.send(ctx, node, this.head, PAR_MSG.checkpoint, this.spec.checkpointBytes, { ...p, progressUs: p.workUs });
      if (p.workUs >= this.spec.longWorkUs) this.send(ctx, node, this.head, PAR_MSG.result, 200, p);
      else this.slice(ctx, node, p, p.workUs);
    }
  }

  onTimer(ctx: ModelContext, node: number, tag: number, data: unknown): void {
    if (tag === PAR_TIMER.background) return this.ethernet.background(ctx, node, this.workers);
    if (tag === PAR_TIMER.resend || tag === PAR_TIMER.miimon || tag === PAR_TIMER.stream) return this.ethernet.onTimer(ctx, node, tag, data);
    const job = this.active;
    if (tag === PAR_TIMER.deadline && job) {
      const d = data as { job: number; pid: number; at: number };
      const proc = this.runner.procs.get(d.pid);
      if (d.job !== job.id || proc?.state !== 'running' || (this.news.get(d.pid) ?? 0) > d.at) return;
      proc.state = 'lost';
      this.news.delete(d.pid);
      job.busy.delete(proc.node);
      job.suspect.add(proc.node);
      ctx.emit('taskRequeued', proc.node, this.head, proc.pid, proc.task);
      // a distributed sum needs every one of its processes: losing one fails the job;
      // and an SMP is one machine: there is no other node to give its runs to
      if (job.kind === 'sum' || job.smp) return this.finish(ctx, job, true);
      job.requeued++;
      job.queue.push({ task: proc.task, workUs: job.kind === 'checkpoint' ? job.savedUs : this.taskWork(job), fromUs: job.savedUs });
      this.runner.fill(ctx, job);
    }
  }

  private taskWork(job: Job): number {
    return job.kind === 'loop' ? (this.spec.loopWorkUs * (1 - this.spec.serialFraction)) / job.workers.length : this.spec.runWorkUs;
  }

  onNodeCrashed(ctx: ModelContext, node: number): void {
    if (node === this.smp) this.smpDown = true;
    const job = this.active;
    if (!job) return;
    const from = this.runner.sliceStart.get(node);
    if (job.kind === 'checkpoint' && from !== undefined) {
      // the work since the last checkpoint is gone with the node
      job.lostUs += ctx.nowUs - from;
      this.runner.sliceStart.delete(node);
    } else if (job.kind !== 'procs' && job.kind !== 'checkpoint') {
      // the run (chunk, share of the sum) the node was computing is gone with it
      const proc = this.runner.procs.get(job.busy.get(node) ?? -1);
      if (proc?.state === 'running' && !this.killed.has(proc.pid)) job.lostUs += ctx.nowUs - proc.startUs;
    }
  }

  onNodeRestarted(ctx: ModelContext, node: number): void {
    if (node === this.smp) this.smpDown = false;
    this.ethernet.onRestarted(ctx, node);
    const job = this.active;
    if (!job) return this.startNext(ctx);
    job.suspect.delete(node);
    this.runner.fill(ctx, job);
  }

  onNodeAdded(): void {}

  command(ctx: ModelContext, cmd: EngineCommand): CommandError | null | undefined {
    switch (cmd.type) {
      case 'setMigration':
        this.spec.migration = cmd.on;
        ctx.emit('settingChanged', -1, -1, -1, cmd.on ? 1 : 0, SETTING.migration);
        return null;
      case 'runJob':
        if (cmd.smp && this.smp < 0) return { code: 'unknownNode', params: { id: 'smp' } };
        if (!JOB_KINDS.includes(cmd.kind) || !Number.isInteger(cmd.nodes) || cmd.nodes < 1 || cmd.nodes > this.workers.length)
          return { code: 'outOfRange', params: { field: 'nodes', value: String(cmd.nodes), min: 1, max: this.workers.length } };
        this.enqueue(ctx, cmd.kind, cmd.nodes, cmd.smp ?? false);
        return null;
      case 'setSmp': {
        const n = ctx.net.nodes[this.smp];
        if (!n) return { code: 'unknownNode', params: { id: 'smp' } };
        if (!Number.isInteger(cmd.processors) || cmd.processors < 1 || cmd.processors > 64) return { code: 'outOfRange', params: { field: 'processors', value: String(cmd.processors), min: 1, max: 64 } };
        this.spec.smpProcessors = cmd.processors;
        ctx.setCpuSpeed(n.index, smpSpeed(cmd.processors));
        ctx.emit('settingChanged', this.smp, -1, -1, cmd.processors, SETTING.smp);
        return null;
      }
      case 'sweep':
        for (let n = 1; n <= this.workers.length; n *= 2) this.enqueue(ctx, cmd.kind, n);
        return null;
      case 'killProcess': {
        const proc = this.runner.procs.get(cmd.pid);
        if (!proc || proc.state !== 'running') return { code: 'unknownProcess', params: { id: String(cmd.pid) } };
        this.send(ctx, this.head, proc.node, PAR_MSG.signal, 64, { job: proc.job, pid: proc.pid, task: proc.task, workUs: 0 } satisfies ParMsg);
        return null;
      }
      default:
        return this.ethernet.command(ctx, cmd);
    }
  }

  stats() {
    const job = this.active;
    return {
      jobsDone: this.results.filter((r) => !r.failed).length,
      jobsFailed: this.results.filter((r) => r.failed).length,
      jobsQueued: this.jobs.length + (job ? 1 : 0),
      tasksCompleted: this.tasksCompleted,
      migrations: this.migrator.migrations,
      tasksRequeued: this.results.reduce((s, r) => s + r.requeued, 0) + (job?.requeued ?? 0),
    };
  }

  snapshot(): ParallelSnapshot {
    const job = this.active;
    return {
      head: this.head,
      workers: this.workers,
      nics: this.workers.map((w) => this.ethernet.nicsOf(w)),
      deadNics: this.workers.map((w) => this.ethernet.deadOf(w)),
      bondNics: this.spec.nics,
      headNics: this.ethernet.nicsOf(this.head),
      framesLost: this.ethernet.framesLost,
      resent: this.ethernet.resent,
      stream: this.ethernet.lastStream,
      nicBps: this.spec.nicBps,
      serialFraction: this.spec.serialFraction,
      migration: this.spec.migration,
      sharedNetwork: this.spec.sharedNetwork,
      smp: this.smp,
      smpProcessors: this.spec.smpProcessors,
      job: job ? { id: job.id, kind: job.kind, smp: job.smp, nodes: job.workers.length, done: job.done, tasks: job.tasks, queued: job.queue.length, requeued: job.requeued, iteration: job.iteration, savedUs: job.savedUs, lostUs: job.lostUs, startUs: job.startUs } : null,
      queuedJobs: this.jobs.map((j) => ({ kind: j.kind, nodes: j.workers.length, smp: j.smp })),
      smpDown: this.smpDown,
      results: this.results.slice(-40),
      procs: [...this.runner.procs.values()].slice(-60),
    };
  }
}
