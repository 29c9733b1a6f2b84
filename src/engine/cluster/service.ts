import type { Message, ModelContext } from '../model';
import type { ClusterModel } from './clusterModel';
import { CL_MSG } from './spec';

const REQUEST = 40;
const TIMEOUT = 41;
/** Bringing the groups online at start takes about five seconds. */
const BOOT_US = 6_000_000;

interface Req {
  client: number;
  id: number;
  g: number;
  startUs: number;
}

/**
 * The clustered service as its users see it (CL-HA): clients send requests to
 * a group's virtual IP address, which reaches whichever node has the group's
 * service online; no answer in time is a failed request. Downtime is the time
 * a group is online nowhere.
 */
export class ClusterService {
  completed = 0;
  failed = 0;
  private nextId = 1;
  private pending: number[] = [];
  private downSince: number[] = [];
  private downtimeUs: number[] = [];
  private wasUp: boolean[] = [];
  private readonly latencies: number[] = [];

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

  onTimer(ctx: ModelContext, node: number, tag: number, data: unknown): void {
    if (tag === REQUEST) {
      ctx.setTimer(node, ctx.rng.exp(this.c.spec.requestEveryUs), REQUEST);
      if (this.pending[node]) return;
      const g = node % this.c.spec.groups.length;
      const req: Req = { client: node, id: this.nextId++, g, startUs: ctx.nowUs };
      this.pending[node] = req.id;
      ctx.emit('requestStarted', node, -1, req.id, g);
      const to = this.target(g);
      // nobody holds the address: the request goes nowhere and times out
      if (to >= 0) ctx.send(node, to, CL_MSG.request, 300, req);
      ctx.setTimer(node, this.c.spec.requestTimeoutUs, TIMEOUT, req);
    } else if (tag === TIMEOUT) {
      const req = data as Req;
      if (this.pending[node] !== req.id) return;
      this.pending[node] = 0;
      this.failed++;
      ctx.emit('requestFailed', node, -1, req.id, 0);
    }
  }

  onMessage(ctx: ModelContext, node: number, msg: Message): void {
    const req = msg.payload as Req;
    if (msg.kind === CL_MSG.request) {
      const m = this.c.modelIndex(node);
      const svc = this.c.spec.groups[req.g]!.resources.length - 1;
      if (m >= 0 && this.c.table.state[m]![req.g]![svc] === 'online') ctx.work(node, this.c.spec.serviceWorkUs, 0, req);
    } else if (msg.kind === CL_MSG.reply && this.pending[node] === req.id) {
      this.pending[node] = 0;
      this.completed++;
      const latency = ctx.nowUs - req.startUs;
      this.latencies.push(latency);
      if (this.latencies.length > 1024) this.latencies.shift();
      ctx.emit('requestCompleted', node, msg.src, req.id, latency);
    }
  }

  onWorkDone(ctx: ModelContext, node: number, data: unknown): void {
    const req = data as Req;
    ctx.send(node, req.client, CL_MSG.reply, 1_000, req);
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

  stats(nowUs: number): Record<string, number> {
    let down = 0;
    this.downtimeUs.forEach((d, g) => (down += d + (this.downSince[g]! >= 0 ? nowUs - this.downSince[g]! : 0)));
    const sorted = [...this.latencies].sort((a, b) => a - b);
    const pct = (q: number) => (sorted.length ? sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]! : 0);
    const groups = this.c.spec.groups.length;
    return {
      requestsCompleted: this.completed,
      requestsFailed: this.failed,
      latencyP50Us: pct(0.5),
      latencyP95Us: pct(0.95),
      downtimeUs: down,
      availability: nowUs > 0 ? 1 - down / (groups * nowUs) : 1,
    };
  }
}
