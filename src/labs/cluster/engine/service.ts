import { LatencyWindow } from '../../../engine/kernel/latencyWindow';
import type { Message, ModelContext } from '../../../engine/model';
import type { ClusterModel } from './clusterModel';
import { CL_DATA_MSG, CL_MSG } from './spec';
import { TIMER } from './timers';

const REQUEST = TIMER.request;
const TIMEOUT = TIMER.requestTimeout;
const STEP = TIMER.step;
/** Bringing the groups online at start takes about five seconds. */
const BOOT_US = 6_000_000;

interface Req {
  client: number;
  /** This attempt's id (a retried transaction gets a new one). */
  id: number;
  g: number;
  startUs: number;
  /** Step of the transaction: 0..txSteps-2 write, txSteps-1 commit. */
  step: number;
  attempt: number;
  /** The commit's number in its group's data, on the reply to a commit. */
  seq?: number;
}

/** A client retries a transaction cut off by a failure this many times (HA: retried on another node). */
const RETRIES = 3;

/**
 * The clustered service as its users see it (CL-HA): clients send requests to
 * a group's virtual IP address, which reaches whichever node has the group's
 * service online; no answer in time is a failed request. Downtime is the time
 * a group is online nowhere.
 */
export class ClusterService {
  completed = 0;
  failed = 0;
  retried = 0;
  private nextId = 1;
  private pending: number[] = [];
  private downSince: number[] = [];
  private downtimeUs: number[] = [];
  private wasUp: boolean[] = [];
  private readonly latencies = new LatencyWindow(1024);

  constructor(private readonly c: ClusterModel) {}

  init(ctx: ModelContext): void {
    // downtime counts from the first time a group is up: booting is not an outage
    this.c.spec.groups.forEach((_, g) => {
      this.downSince[g] = -1;
      this.downtimeUs[g] = 0;
      this.wasUp[g] = false;
    });
    // users arrive once the cluster has booted and brought its groups online
    for (const n of ctx.net.nodes) if (n.kind === 'client') ctx.setTimer(n.index, BOOT_US + ctx.rng.exp(this.c.spec.requestEveryUs), REQUEST);
  }

  onClientRestarted(ctx: ModelContext, node: number): void {
    if (ctx.net.nodes[node]?.kind !== 'client') return;
    this.pending[node] = 0;
    ctx.setTimer(node, ctx.rng.exp(this.c.spec.requestEveryUs), REQUEST);
  }

  /** The node answering for group g's IP address: where its service resource is online (the lowest, if split). */
  private target(g: number): number {
    const svc = this.c.spec.groups[g]!.resources.length - 1;
    const m = this.c.nodes.findIndex((_, i) => this.c.table.state[i]![g]![svc] === 'online');
    return m < 0 ? -1 : this.c.nodes[m]!;
  }

  /** Starts (or restarts) a transaction of `client` on group g. */
  private begin(ctx: ModelContext, client: number, g: number, startUs: number, attempt: number): void {
    const req: Req = { client, id: this.nextId++, g, startUs, step: 0, attempt };
    ctx.emit('requestStarted', client, this.target(g), req.id, g);
    this.sendStep(ctx, req);
  }

  private sendStep(ctx: ModelContext, req: Req): void {
    this.pending[req.client] = req.id;
    const to = this.target(req.g);
    // nobody holds the address: the request goes nowhere and times out
    if (to >= 0) ctx.send(req.client, to, CL_MSG.request, 300, req);
    ctx.setTimer(req.client, this.c.spec.requestTimeoutUs, TIMEOUT, req);
  }

  onTimer(ctx: ModelContext, node: number, tag: number, data: unknown): void {
    if (tag === REQUEST) {
      ctx.setTimer(node, ctx.rng.exp(this.c.spec.requestEveryUs), REQUEST);
      if (this.pending[node]) return;
      this.begin(ctx, node, node % this.c.spec.groups.length, ctx.nowUs, 0);
    } else if (tag === STEP) {
      const req = data as Req;
      if (this.pending[node] === req.id) this.sendStep(ctx, req);
    } else if (tag === TIMEOUT) {
      const req = data as Req;
      if (this.pending[node] !== req.id) return;
      this.pending[node] = 0;
      this.failed++;
      ctx.emit('requestFailed', node, -1, req.id, 0);
      // a transaction cut off part-way starts again from its first step, wherever the group now is
      if (this.c.spec.txSteps > 1 && req.attempt < RETRIES) {
        this.retried++;
        this.begin(ctx, node, req.g, req.startUs, req.attempt + 1);
      }
    }
  }

  onMessage(ctx: ModelContext, node: number, msg: Message): void {
    const req = msg.payload as Req;
    if (msg.kind === CL_MSG.request) {
      const m = this.c.modelIndex(node);
      const svc = this.c.spec.groups[req.g]!.resources.length - 1;
      if (m >= 0 && this.c.table.state[m]![req.g]![svc] === 'online') ctx.work(node, this.c.spec.serviceWorkUs, 0, req);
    } else if (msg.kind === CL_MSG.reply && this.pending[node] === req.id && req.step < this.c.spec.txSteps - 1) {
      // the write is done: the user fills in the next part, then the same transaction goes on
      const next = { ...req, step: req.step + 1 };
      this.pending[node] = next.id;
      ctx.setTimer(node, this.c.spec.stepGapUs, STEP, next);
    } else if (msg.kind === CL_MSG.reply && this.pending[node] === req.id) {
      this.pending[node] = 0;
      this.completed++;
      if (req.seq !== undefined) this.c.tx.acknowledged(req.g, req.seq);
      const latency = ctx.nowUs - req.startUs;
      this.latencies.push(latency);
      ctx.emit('requestCompleted', node, msg.src, req.id, latency);
    }
  }

  onWorkDone(ctx: ModelContext, node: number, data: unknown): void {
    const req = data as Req;
    const m = this.c.modelIndex(node);
    // the group left this node while it worked: nothing is written, nobody is answered
    if (m < 0 || !this.serving(m, req.g)) return;
    if (req.step < this.c.spec.txSteps - 1) this.c.tx.write(req.id, req.g, m);
    else if (this.c.spec.txSteps > 1 && this.c.spec.storage === 'shared' && this.c.tx.lockManager(m) !== node) {
      // shared disks: the commit needs the lock manager's grant first (a node alone is its own lock manager)
      this.c.tx.noteLock();
      ctx.send(node, this.c.tx.lockManager(m), CL_DATA_MSG.lock, 100, req);
      return;
    } else if (this.c.spec.txSteps > 1) return this.commit(ctx, node, m, req);
    ctx.send(node, req.client, CL_MSG.reply, 1_000, req);
  }

  private serving(m: number, g: number): boolean {
    const svc = this.c.spec.groups[g]!.resources.length - 1;
    return this.c.table.state[m]![g]![svc] === 'online';
  }

  private commit(ctx: ModelContext, node: number, m: number, req: Req): void {
    this.c.tx.commit(ctx, node, m, req.id, req.g, req.client, (seq) => ({ ...req, seq }));
  }

  /** The lock manager grants at once; the owner then commits and answers. */
  onLock(ctx: ModelContext, node: number, msg: Message): void {
    const req = msg.payload as Req;
    if (msg.kind === CL_DATA_MSG.lock) ctx.send(node, msg.src, CL_DATA_MSG.lockGrant, 100, req);
    else {
      const m = this.c.modelIndex(node);
      if (m >= 0 && this.serving(m, req.g)) this.commit(ctx, node, m, req);
    }
  }

  /** Opens or closes group g's downtime interval after a resource change. */
  trackDowntime(nowUs: number, g: number): void {
    const up = this.target(g) >= 0;
    if (up) this.wasUp[g] = true;
    if (!up && this.wasUp[g] && this.downSince[g]! < 0) this.downSince[g] = nowUs;
    else if (up && this.downSince[g]! >= 0) {
      this.downtimeUs[g]! += nowUs - this.downSince[g]!;
      this.downSince[g] = -1;
    }
  }

  stats(nowUs: number) {
    let down = 0;
    this.downtimeUs.forEach((d, g) => (down += d + (this.downSince[g]! >= 0 ? nowUs - this.downSince[g]! : 0)));
    const groups = this.c.spec.groups.length;
    const { p50, p95 } = this.latencies.quantiles();
    return {
      requestsCompleted: this.completed,
      requestsFailed: this.failed,
      latencyP50Us: p50,
      latencyP95Us: p95,
      downtimeUs: down,
      availability: nowUs > 0 ? 1 - down / (groups * nowUs) : 1,
      txRetried: this.retried,
    };
  }
}
