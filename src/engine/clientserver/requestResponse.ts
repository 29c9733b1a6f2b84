import type { Message, Model, ModelContext } from '../model';
import type { WorkloadSpec } from '../types';

/** Message kinds of this model, in the order the renderer colours them. */
export const CS_MSG = { request: 0, query: 1, result: 2, response: 3 } as const;

const THINK = 0;
const TIMEOUT = 1;
const APP_IN = 0;
const DB_WORK = 1;
const APP_OUT = 2;

/** Why a request failed: the `a` field of requestFailed. */
export const FAIL = { timeout: 0 } as const;

interface Req {
  client: number;
  req: number;
  /** The server's epoch when it took the request: work from before a crash is void. */
  serverEpoch: number;
}

const LATENCY_WINDOW = 2048;

/** The figures this model reports (latency over the last LATENCY_WINDOW completions). */
export type CsStats = { requestsCompleted: number; requestsFailed: number; latencyP50Us: number; latencyP95Us: number };

/**
 * Users at client machines run transactions against an application server
 * that queries a database server (a closed loop: think, ask, wait for the
 * answer or the timeout, think again). A reply that arrives after its
 * timeout is ignored, as a real client that gave up would.
 */
export class RequestResponseModel implements Model {
  readonly name = 'clientserver';
  private server = -1;
  private db = -1;
  /** Per node: the outstanding request id and when it started (closed loop: at most one). */
  private pending: number[] = [];
  private startedUs: number[] = [];
  private nextReq = 1;
  completed = 0;
  failed = 0;
  private readonly latencies = new Float64Array(LATENCY_WINDOW);
  private latencyCount = 0;

  constructor(private readonly w: WorkloadSpec) {}

  init(ctx: ModelContext): void {
    this.server = ctx.net.node(this.w.server)?.index ?? -1;
    this.db = ctx.net.node(this.w.db)?.index ?? -1;
    for (const n of ctx.net.nodes) this.onNodeAdded(ctx, n.index);
  }

  onNodeAdded(ctx: ModelContext, node: number): void {
    this.pending[node] = 0;
    this.startedUs[node] = 0;
    if (ctx.net.nodes[node]!.kind === 'client') this.think(ctx, node);
  }

  private think(ctx: ModelContext, client: number): void {
    ctx.setTimer(client, ctx.rng.exp(this.w.thinkTimeMeanUs), THINK);
  }

  onTimer(ctx: ModelContext, node: number, tag: number, data: unknown): void {
    if (tag === THINK) {
      if (this.server < 0) return;
      const req = this.nextReq++;
      this.pending[node] = req;
      this.startedUs[node] = ctx.nowUs;
      ctx.emit('requestStarted', node, this.server, req);
      ctx.send(node, this.server, CS_MSG.request, this.w.requestBytes, { client: node, req, serverEpoch: -1 } satisfies Req);
      ctx.setTimer(node, this.w.timeoutUs, TIMEOUT, req);
    } else if (tag === TIMEOUT && this.pending[node] === data) {
      this.pending[node] = 0;
      this.failed++;
      ctx.emit('requestFailed', node, this.server, data as number, FAIL.timeout);
      this.think(ctx, node);
    }
  }

  onMessage(ctx: ModelContext, node: number, msg: Message): void {
    const p = msg.payload as Req;
    switch (msg.kind) {
      case CS_MSG.request:
        ctx.work(node, this.w.appWorkUs, APP_IN, { ...p, serverEpoch: ctx.net.nodes[node]!.epoch });
        break;
      case CS_MSG.query:
        ctx.work(node, this.w.dbWorkUs, DB_WORK, p);
        break;
      case CS_MSG.result:
        if (p.serverEpoch === ctx.net.nodes[node]!.epoch) ctx.work(node, this.w.appReplyWorkUs, APP_OUT, p);
        break;
      case CS_MSG.response:
        if (this.pending[node] === p.req) this.complete(ctx, node, p.req);
        break;
    }
  }

  onWorkDone(ctx: ModelContext, node: number, tag: number, data: unknown): void {
    const p = data as Req;
    if (tag === APP_IN) ctx.send(node, this.db, CS_MSG.query, this.w.queryBytes, p);
    else if (tag === DB_WORK) ctx.send(node, this.server, CS_MSG.result, this.w.resultBytes, p);
    else if (tag === APP_OUT) ctx.send(node, p.client, CS_MSG.response, this.w.responseBytes, p);
  }

  private complete(ctx: ModelContext, node: number, req: number): void {
    const latency = ctx.nowUs - this.startedUs[node]!;
    this.pending[node] = 0;
    this.completed++;
    this.latencies[this.latencyCount++ % LATENCY_WINDOW] = latency;
    ctx.emit('requestCompleted', node, this.server, req, latency);
    this.think(ctx, node);
  }

  onNodeCrashed(_ctx: ModelContext, node: number): void {
    // a crashed client forgets its request; its users start over after the restart
    this.pending[node] = 0;
  }

  onNodeRestarted(ctx: ModelContext, node: number): void {
    if (ctx.net.nodes[node]!.kind === 'client') this.think(ctx, node);
  }

  stats(): CsStats {
    const n = Math.min(this.latencyCount, LATENCY_WINDOW);
    const sorted = this.latencies.slice(0, n).sort();
    const pct = (q: number): number => (n === 0 ? 0 : sorted[Math.min(n - 1, Math.floor(q * n))]!);
    return { requestsCompleted: this.completed, requestsFailed: this.failed, latencyP50Us: pct(0.5), latencyP95Us: pct(0.95) };
  }
}
