import type { ModelContext } from '../../../engine/model';
import type { Diagram } from './diagram';
import { PS, type ProcSpec, type RecvMode, type SendMode, type Service } from './spec';

/** One process: where it runs, its state and what its program is doing. */
export interface Proc {
  index: number;
  spec: ProcSpec;
  node: number;
  state: number;
  sinceUs: number;
  /** Time spent in each state (PS order), closed intervals only. */
  totals: number[];
  service: Service;
  sendMode: SendMode;
  copy: boolean;
  recvMode: RecvMode;
  /** The user's send buffer (what a no-copy send reads when the module transmits). */
  buffer: string;
  /** A no-copy send is still using the buffer. */
  bufferBusy: boolean;
  /** The message (uid) a no-copy send is reading from the buffer, -1 when none. */
  bufferOwner: number;
  /** The receive buffer: the last message taken. */
  recvBuf: string;
  /** Jobs of this process queued on or running in the CPU. */
  jobs: number;
  /** The program's own step (what to do when the current job or wait ends). */
  step: number;
  /** Messages sent / taken / failed / corrupted on arrival. */
  sent: number;
  received: number;
  failures: number;
  altered: number;
  /** Non-blocking receive: polls, polls that found nothing, CPU spent polling, interrupts taken, background work done. */
  polls: number;
  emptyPolls: number;
  pollUs: number;
  interrupts: number;
  backgroundUs: number;
  /** MP-NOSHM: its own copy of the semaphore, and whether it is in its critical section. */
  sem: number;
  inCritical: boolean;
  /** The program's pending flags (an interrupt arrived while busy, waiting to write the buffer...). */
  pending: number;
}

/** CPU jobs of processes run in FIFO order per node (as the kernel serves them), so the model knows whose job is running. */
export class Procs {
  readonly list: Proc[] = [];
  /** Per node: processes with a job queued, in CPU order. */
  private readonly cpu = new Map<number, number[]>();
  /** Times a blocked process was found running (must stay 0: the invariant). */
  blockedRan = 0;

  constructor(private readonly diagram: Diagram) {}

  add(spec: ProcSpec, node: number, d: { service: Service; sendMode: SendMode; copy: boolean; recvMode: RecvMode }): Proc {
    const p: Proc = {
      index: this.list.length, spec, node, state: PS.idle, sinceUs: 0, totals: [0, 0, 0, 0, 0, 0],
      service: spec.service ?? d.service, sendMode: spec.sendMode ?? d.sendMode, copy: spec.copy ?? d.copy, recvMode: spec.recvMode ?? d.recvMode,
      buffer: '', bufferBusy: false, bufferOwner: -1, recvBuf: '', jobs: 0, step: 0,
      sent: 0, received: 0, failures: 0, altered: 0, polls: 0, emptyPolls: 0, pollUs: 0, interrupts: 0, backgroundUs: 0,
      sem: 1, inCritical: false, pending: 0,
    };
    this.list.push(p);
    return p;
  }

  byId(id: string | undefined): Proc | undefined {
    return id === undefined ? undefined : this.list.find((p) => p.spec.id === id);
  }

  onNode(node: number): Proc[] {
    return this.list.filter((p) => p.node === node);
  }

  isBlocked(p: Proc): boolean {
    return p.state === PS.blockedSend || p.state === PS.blockedRecv;
  }

  setState(ctx: ModelContext, p: Proc, state: number): void {
    if (p.state === state) return;
    // a process on a crashed machine stays down whatever is still under way for it (a reply, a report) until it restarts
    if (!ctx.net.nodes[p.node]!.up && state !== PS.down) return;
    const blocked = state === PS.blockedSend || state === PS.blockedRecv;
    // the invariant: a process never blocks with a job in the CPU
    if (blocked && p.jobs > 0) this.blockedRan++;
    p.totals[p.state]! += ctx.nowUs - p.sinceUs;
    p.state = state;
    p.sinceUs = ctx.nowUs;
    this.diagram.state(p.index, state, ctx.nowUs, blocked);
    ctx.emit('processStateChanged', p.node, -1, p.index, state);
  }

  /** Queues CPU work for the process: running if the CPU is free, else ready. */
  work(ctx: ModelContext, p: Proc, us: number, tag: number): void {
    if (!ctx.net.nodes[p.node]!.up) return;
    const q = this.cpu.get(p.node) ?? [];
    this.cpu.set(p.node, q);
    q.push(p.index);
    p.jobs++;
    this.setState(ctx, p, q.length === 1 ? PS.running : PS.ready);
    ctx.work(p.node, us, tag, p.index);
  }

  /** A job finished: the next process in the node's CPU queue now runs. Returns the process whose job it was. */
  done(ctx: ModelContext, node: number, index: number): Proc {
    const p = this.list[index]!;
    const q = this.cpu.get(node) ?? [];
    const k = q.indexOf(index);
    if (k >= 0) q.splice(k, 1);
    p.jobs = Math.max(0, p.jobs - 1);
    if (this.isBlocked(p)) this.blockedRan++;
    const next = q[0];
    if (next !== undefined && next !== index) this.setState(ctx, this.list[next]!, PS.running);
    return p;
  }

  /** The machine crashed: its processes stop and lose their CPU jobs. */
  crashed(ctx: ModelContext, node: number): void {
    this.cpu.delete(node);
    for (const p of this.onNode(node)) {
      p.jobs = 0;
      p.bufferBusy = false;
      p.bufferOwner = -1;
      p.inCritical = false;
      p.pending = 0;
      this.setState(ctx, p, PS.down);
    }
  }

  /** Time in a state so far, including the open interval. */
  timeIn(p: Proc, state: number, nowUs: number): number {
    return p.totals[state]! + (p.state === state ? nowUs - p.sinceUs : 0);
  }
}
