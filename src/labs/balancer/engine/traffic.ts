import { LatencyWindow } from '../../../engine/kernel/latencyWindow';
import type { Message, ModelContext } from '../../../engine/model';
import { countServed, type Dispatcher } from './dispatcher';
import { BL_MSG, BL_TIMER, type BalancerSpec } from './spec';

/** A request on its way: client → dispatcher → service node (→ data server) → dispatcher → client. */
export interface Req {
  id: number;
  client: number;
  startUs: number;
  /** Pool index of the node serving it, -1 before the dispatcher picks. */
  server: number;
  lb: number;
  /** The dispatcher has counted it closed (answered or timed out), so it is not counted twice. */
  closed: boolean;
  /** 503: the dispatcher had no node to send it to. */
  refused: boolean;
}

/** How long the data server's disk takes per fetch: small, so the interconnect is what limits. */
const DISK_US = 500;
/** Throughput is counted from this long after each change of node count, so the ramp-up does not count. */
export const WARMUP_US = 5_000_000;
/** The data server's recent transfers, for the interconnect's utilisation. */
const WINDOW_US = 5_000_000;

/** Throughput measured while the pool had a given number of nodes (CL-SCALE-INC). */
export interface ScaleEpoch {
  servers: number;
  /** The interconnect's bandwidth meanwhile (0 without one): figures under different ones are not comparable. */
  bps: number;
  startUs: number;
  completed: number;
}

/**
 * The traffic of the balanced service: Poisson arrivals from each client, the
 * dispatcher's forwarding, the service nodes' work (after fetching their data
 * over the interconnect when a data server is configured), and what users saw.
 */
export class Traffic {
  completed = 0;
  failed = 0;
  refused = 0;
  private nextId = 1;
  private outstanding: number[] = [];
  private readonly latencies = new LatencyWindow(2048);
  readonly epochs: ScaleEpoch[] = [];
  private transfers: { t: number; bytes: number }[] = [];

  constructor(
    private readonly spec: BalancerSpec,
    private readonly d: Dispatcher,
  ) {}

  startClient(ctx: ModelContext, node: number): void {
    if (ctx.net.nodes[node]?.kind !== 'client') return;
    this.outstanding[node] = 0;
    ctx.setTimer(node, ctx.rng.exp(this.spec.requestEveryUs), BL_TIMER.request);
  }

  /** Starts a new throughput epoch when the number of usable nodes changes. */
  markServers(nowUs: number, servers: number, bps = 0): void {
    const last = this.epochs[this.epochs.length - 1];
    if (last?.servers === servers && last.bps === bps) return;
    this.epochs.push({ servers, bps, startUs: nowUs, completed: 0 });
    if (this.epochs.length > 200) this.epochs.shift();
  }

  onTimer(ctx: ModelContext, node: number, tag: number, data: unknown): void {
    if (tag === BL_TIMER.request) {
      ctx.setTimer(node, ctx.rng.exp(this.spec.requestEveryUs), BL_TIMER.request);
      if (this.outstanding[node]! >= this.spec.maxOutstanding) return;
      const req: Req = { id: this.nextId++, client: node, startUs: ctx.nowUs, server: -1, lb: -1, closed: false, refused: false };
      this.outstanding[node]!++;
      const to = this.d.holder(ctx);
      ctx.emit('requestStarted', node, to, req.id);
      // nobody holds the service address: the request goes nowhere and times out
      if (to >= 0) ctx.send(node, to, BL_MSG.request, 400, req);
      ctx.setTimer(node, this.spec.requestTimeoutUs, BL_TIMER.timeout, req);
    } else if (tag === BL_TIMER.timeout) {
      const req = data as Req;
      if (node === req.client) this.finish(ctx, req, false);
      // the dispatcher's own timeout frees the connection slot of an unanswered request
      else if (!req.closed && req.server >= 0) this.close(req);
    }
  }

  private close(req: Req): void {
    req.closed = true;
    const b = this.d.backends[req.server]!;
    b.active = Math.max(0, b.active - 1);
  }

  /** The client's view: first answer or timeout wins. */
  private finish(ctx: ModelContext, req: Req, ok: boolean): void {
    if (req.startUs < 0) return;
    const latency = ctx.nowUs - req.startUs;
    req.startUs = -1;
    this.outstanding[req.client] = Math.max(0, this.outstanding[req.client]! - 1);
    if (ok) {
      this.completed++;
      const e = this.epochs[this.epochs.length - 1];
      if (e && ctx.nowUs >= e.startUs + WARMUP_US) e.completed++;
      this.latencies.push(latency);
      ctx.emit('requestCompleted', req.client, this.d.backends[req.server]?.node ?? -1, req.id, latency);
    } else {
      this.failed++;
      if (req.refused) this.refused++;
      ctx.emit(req.refused ? 'requestRefused' : 'requestFailed', req.client, -1, req.id);
    }
  }

  onMessage(ctx: ModelContext, node: number, msg: Message): void {
    const req = msg.payload as Req;
    switch (msg.kind) {
      case BL_MSG.request: {
        // a dispatcher that lost the address no longer answers for it
        if (this.d.holder(ctx) !== node) return;
        const s = this.d.pick(ctx, String(ctx.net.nodes[req.client]?.id));
        req.lb = node;
        if (s < 0) {
          req.refused = true;
          ctx.send(node, req.client, BL_MSG.reply, 200, req);
          return;
        }
        req.server = s;
        this.d.backends[s]!.active++;
        ctx.send(node, this.d.backends[s]!.node, BL_MSG.forward, 400, req);
        ctx.setTimer(node, this.spec.requestTimeoutUs, BL_TIMER.timeout, req);
        return;
      }
      case BL_MSG.forward: {
        const store = this.spec.storage ? ctx.net.node(this.spec.storage)?.index : undefined;
        if (store !== undefined && this.spec.fetchBytes > 0) ctx.send(node, store, BL_MSG.fetch, 200, req);
        else ctx.work(node, this.spec.workUs, 0, req);
        return;
      }
      case BL_MSG.fetch:
        ctx.work(node, DISK_US, 1, { req, to: msg.src });
        return;
      case BL_MSG.data:
        this.transfers.push({ t: ctx.nowUs, bytes: msg.bytes });
        this.trimTransfers(ctx.nowUs);
        ctx.work(node, this.spec.workUs, 0, req);
        return;
      case BL_MSG.response:
        if (!req.closed) {
          this.close(req);
          countServed(this.d.backends[req.server]!, ctx.nowUs);
        }
        ctx.send(node, req.client, BL_MSG.reply, 2_000, req);
        return;
      case BL_MSG.reply:
        this.finish(ctx, req, !req.refused);
        return;
    }
  }

  onWorkDone(ctx: ModelContext, node: number, tag: number, data: unknown): void {
    if (tag === 1) {
      const { req, to } = data as { req: Req; to: number };
      ctx.send(node, to, BL_MSG.data, this.spec.fetchBytes, req);
    } else {
      const req = data as Req;
      ctx.send(node, req.lb, BL_MSG.response, 2_000, req);
    }
  }

  /** Share of the interconnect's capacity the data transfers used over the last few seconds. */
  interconnectUtil(nowUs: number, bps: number): number {
    if (!bps || nowUs <= 0) return 0;
    const bytes = this.transfers.reduce((s, x) => (x.t >= nowUs - WINDOW_US ? s + x.bytes : s), 0);
    return Math.min(1, (bytes * 8) / (bps * (Math.min(nowUs, WINDOW_US) / 1e6)));
  }

  private trimTransfers(nowUs: number): void {
    let k = 0;
    while (k < this.transfers.length && this.transfers[k]!.t < nowUs - WINDOW_US) k++;
    if (k) this.transfers.splice(0, k);
  }

  /** p50 and p95 of the recent requests, from one sort. */
  latencyQuantiles(): { p50: number; p95: number } {
    return this.latencies.quantiles();
  }
}
