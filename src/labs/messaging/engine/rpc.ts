import type { ModelContext } from '../../../engine/model';
import type { Diagram } from './diagram';
import type { Delivered, Out, Transport } from './module';
import type { Proc, Procs } from './procs';
import { MP_MSG, PROC_P, PS, type Binding, type RpcSpec } from './spec';
import { encodeCall, RPC_STEP, type Call, type CallBody, type RpcBody, type ServerState } from './rpcTypes';
import { RpcServer, SERVER_WORK_TAG } from './rpcServer';
import { Binder } from './binding';

export const RPC_TAG = { work: SERVER_WORK_TAG, think: 23 } as const;

interface ClientState {
  calls: Call[];
  cur: number;
  phase: 'marshal' | 'waitReply' | 'unmarshal' | 'work' | 'collect' | 'think';
  async: boolean;
  batch: number;
  t0: number;
}


/**
 * Remote procedure calls over the message-passing module (RPC-CALL,
 * RPC-STUBS): the client stub marshals CALL P(X, Y) into a message, binds
 * (a handshake per call or one persistent connection), sends it reliably
 * and blocks (sync) or goes on (async); the server stub unmarshals, fetches
 * Y through the caller if passed by reference, runs P and replies. With a
 * broker (RPC-ORB) the client asks the broker, which looks the object up in
 * its directory and forwards the call, or answers with an error.
 */
export class Rpc {
  readonly calls: Call[] = [];
  readonly clients = new Map<number, ClientState>();
  readonly servers = new Map<number, ServerState>();
  readonly binder: Binder;
  completed = 0;
  errors = 0;
  failed = 0;
  /** Totals over finished calls: messages, bytes and time (for cost per call). */
  readonly cost = { msgs: 0, bytes: 0, us: 0, n: 0 };
  /** The same figures per way of calling (by value/reference × binding × sync/async). */
  readonly costs = new Map<string, { byRef: boolean; binding: Binding; async: boolean; n: number; msgs: number; bytes: number; us: number; handshakes: number }>();
  /** Finished batches: mode (0 sync, 1 async), calls, total time. */
  readonly batches: { async: boolean; n: number; us: number }[] = [];
  private nextCall = 0;
  private readonly server: RpcServer;

  constructor(
    readonly spec: RpcSpec,
    private readonly procs: Procs,
    private readonly transport: Transport,
    private readonly diagram: Diagram,
  ) {
    this.binder = new Binder(spec, procs, transport, diagram, this);
    this.server = new RpcServer(spec, procs, transport, this.servers, this);
  }

  start(ctx: ModelContext, p: Proc): void {
    if (p.spec.program === 'rpcClient') {
      this.clients.set(p.index, { calls: [], cur: 0, phase: 'think', async: false, batch: 0, t0: 0 });
      this.think(ctx, p, 200_000);
    } else if (p.spec.program === 'rpcServer' || p.spec.program === 'broker') {
      this.servers.set(p.index, { queue: [], cur: null, phase: 'idle', forwarded: new Map() });
      this.procs.setState(ctx, p, PS.idle);
    }
  }

  private think(ctx: ModelContext, p: Proc, us: number): void {
    this.clients.get(p.index)!.phase = 'think';
    this.procs.setState(ctx, p, PS.idle);
    ctx.setTimer(p.node, us, RPC_TAG.think, p.index);
  }

  step(ctx: ModelContext, c: Call, s: number, node: number, peer = -1): void {
    c.step = s;
    ctx.emit('rpcStep', node, peer, c.id, s);
  }

  /** A step of a call seen by a server or broker (the call may be another client's). */
  stepById(ctx: ModelContext, id: number, s: number, node: number, peer: number): void {
    const c = this.calls.find((x) => x.id === id);
    if (c) this.step(ctx, c, s, node, peer);
    else ctx.emit('rpcStep', node, peer, id, s);
  }

  onTimer(ctx: ModelContext, tag: number, data: unknown): boolean {
    if (tag !== RPC_TAG.think) return this.binder.onTimer(ctx, tag, data);
    this.startBatch(ctx, this.procs.list[data as number]!);
    return true;
  }

  /** A batch of `calls` calls to P; with mode 'alternate' sync and async batches take turns. */
  private startBatch(ctx: ModelContext, p: Proc): void {
    const cs = this.clients.get(p.index)!;
    const target = this.procs.byId(p.spec.peer);
    if (!target) return;
    cs.async = this.spec.mode === 'async' || (this.spec.mode === 'alternate' && cs.batch % 2 === 1);
    cs.batch++;
    cs.t0 = ctx.nowUs;
    cs.cur = 0;
    cs.calls = [];
    for (let k = 0; k < this.spec.calls; k++) {
      const id = this.nextCall++;
      const object = this.spec.objects?.[id % this.spec.objects.length];
      const x = 40 + (id % 10);
      const c: Call = { id, client: p.index, target: target.index, object, x, y: [id, id + 1, id + 2, id + 3], async: cs.async, t0: -1, step: -1, bracket: -1, msgs: 0, bytes: 0, result: NaN, error: '', conn: '', mode: '', byRef: false, binding: this.spec.binding, encoded: '', replied: false };
      cs.calls.push(c);
      this.calls.push(c);
    }
    if (this.calls.length > 60) this.calls.splice(0, this.calls.length - 60);
    this.marshal(ctx, p, cs);
  }

  /** The client stub builds the call message (procedure id, then the parameters): CPU work on the caller. */
  private marshal(ctx: ModelContext, p: Proc, cs: ClientState): void {
    const c = cs.calls[cs.cur]!;
    c.t0 = ctx.nowUs;
    c.bracket = this.diagram.callStarted(p.index, c.target, c.id, ctx.nowUs, c.async);
    this.step(ctx, c, RPC_STEP.call, p.node);
    // Y is arrayBytes/4 integers (what the message is charged for); the first four are shown
    c.encoded = encodeCall(PROC_P, c.x, c.y, this.spec.byRef, p.node, this.spec.arrayBytes / 4);
    c.byRef = this.spec.byRef;
    c.binding = this.spec.binding;
    c.mode = `${c.byRef ? 'ref' : 'val'}|${c.binding}|${c.async ? 'async' : 'sync'}`;
    this.step(ctx, c, RPC_STEP.marshal, p.node);
    cs.phase = 'marshal';
    this.procs.work(ctx, p, this.spec.marshalUs, RPC_TAG.work);
  }

  onWorkDone(ctx: ModelContext, p: Proc): void {
    const cs = this.clients.get(p.index);
    if (cs) return this.clientWorkDone(ctx, p, cs);
    const ss = this.servers.get(p.index);
    if (ss) this.serverWorkDone(ctx, p, ss);
  }

  private clientWorkDone(ctx: ModelContext, p: Proc, cs: ClientState): void {
    const c = cs.calls[cs.cur];
    if (cs.phase === 'marshal' && c) {
      const before = this.binder.handshakes;
      this.binder.bind(ctx, p, c);
      if (this.binder.handshakes > before) this.costOf(c).handshakes++;
      if (!cs.async) {
        cs.phase = 'waitReply';
        return this.procs.setState(ctx, p, PS.blockedRecv);
      }
      if (++cs.cur < cs.calls.length) return this.marshal(ctx, p, cs);
      // async: every call is out; the caller does its own work meanwhile
      cs.phase = 'work';
      return this.procs.work(ctx, p, this.spec.clientWorkUs * cs.calls.length, RPC_TAG.work);
    }
    if (cs.phase === 'unmarshal') {
      const done = cs.async ? cs.calls : [c!];
      for (const d of done) this.finishCall(ctx, p, d);
      if (cs.async) return this.finishBatch(ctx, p, cs);
      cs.phase = 'work';
      return this.procs.work(ctx, p, this.spec.clientWorkUs, RPC_TAG.work);
    }
    if (cs.phase === 'work') {
      if (cs.async) return this.collect(ctx, p, cs);
      if (++cs.cur < cs.calls.length) return this.marshal(ctx, p, cs);
      this.finishBatch(ctx, p, cs);
    }
  }

  /** Async: collect the replies, waiting for the ones not in yet. */
  private collect(ctx: ModelContext, p: Proc, cs: ClientState): void {
    if (cs.calls.every((c) => c.replied)) {
      cs.phase = 'unmarshal';
      for (const c of cs.calls) this.step(ctx, c, RPC_STEP.unmarshalReply, p.node);
      return this.procs.work(ctx, p, this.spec.marshalUs * cs.calls.length, RPC_TAG.work);
    }
    cs.phase = 'collect';
    this.procs.setState(ctx, p, PS.blockedRecv);
  }

  private finishCall(ctx: ModelContext, p: Proc, c: Call): void {
    const outcome = c.error === 'failed' ? 2 : c.error ? 1 : 0;
    this.step(ctx, c, c.error ? RPC_STEP.error : RPC_STEP.returned, p.node);
    this.diagram.callEnded(c.bracket, ctx.nowUs, outcome);
    if (outcome === 0) this.completed++;
    else if (outcome === 1) this.errors++;
    else this.failed++;
    this.cost.msgs += c.msgs;
    this.cost.bytes += c.bytes;
    this.cost.us += ctx.nowUs - c.t0;
    this.cost.n++;
    const k = this.costOf(c);
    k.msgs += c.msgs;
    k.bytes += c.bytes;
    k.us += ctx.nowUs - c.t0;
    k.n++;
    this.binder.release(ctx, c);
  }

  private costOf(c: Call) {
    let k = this.costs.get(c.mode);
    if (!k) {
      k = { byRef: c.byRef, binding: c.binding, async: c.async, n: 0, msgs: 0, bytes: 0, us: 0, handshakes: 0 };
      this.costs.set(c.mode, k);
    }
    return k;
  }

  private finishBatch(ctx: ModelContext, p: Proc, cs: ClientState): void {
    this.batches.push({ async: cs.async, n: cs.calls.length, us: ctx.nowUs - cs.t0 });
    if (this.batches.length > 20) this.batches.shift();
    this.think(ctx, p, this.spec.thinkUs);
  }

  charge(c: Call, bytes: number): void {
    c.msgs++;
    c.bytes += bytes;
  }

  sendCall(ctx: ModelContext, p: Proc, c: Call): void {
    const to = this.procs.list[c.target]!;
    const bytes = 4 + 4 + (this.spec.byRef ? 8 : this.spec.arrayBytes) + (c.object ? c.object.length : 0);
    const body: CallBody = { rpc: 'call', id: c.id, client: c.client, object: c.object, x: c.x, y: c.y, byRef: this.spec.byRef, encoded: c.encoded };
    this.step(ctx, c, RPC_STEP.send, p.node, to.node);
    this.transport.send(ctx, p, to, { kind: MP_MSG.call, bytes, text: `CALL P(${c.x}, Y)`, reliable: true, body, layer: 1, call: c.id });
  }

  // ---- arrivals ---------------------------------------------------------

  arrived(ctx: ModelContext, to: Proc, d: Delivered): void {
    const b = d.body as RpcBody;
    const from = this.procs.list[d.from]!;
    if (b.rpc === 'connect') this.binder.connect(ctx, to, from, b.key);
    else if (b.rpc === 'accept') this.binder.accepted(ctx, to, from, b.key);
    else if (b.rpc === 'call' || b.rpc === 'derefReply') this.serverArrived(ctx, to, d.from, b);
    else if (b.rpc === 'reply') {
      if (this.servers.has(to.index)) this.serverArrived(ctx, to, d.from, b);
      else this.replyArrived(ctx, to, b.id, b.result, b.error);
    }
    else if (b.rpc === 'deref') {
      // the caller's stub answers through the system-wide pointer: read sends Y's bytes, write takes them
      const bytes = b.op === 'read' ? this.spec.arrayBytes : 8;
      this.transport.send(ctx, to, from, { kind: MP_MSG.derefReply, bytes, text: b.op === 'read' ? 'Y[…]' : 'ok', reliable: true, body: { rpc: 'derefReply', id: b.id, op: b.op }, layer: 1, call: b.id });
    }
  }

  private replyArrived(ctx: ModelContext, p: Proc, id: number, result: number, error: string | undefined): void {
    const cs = this.clients.get(p.index);
    const c = cs?.calls.find((x) => x.id === id);
    if (!cs || !c || c.replied) return;
    this.setReply(c, result, error ?? '');
    if (!cs.async && cs.phase === 'waitReply' && cs.calls[cs.cur] === c) {
      cs.phase = 'unmarshal';
      this.step(ctx, c, RPC_STEP.unmarshalReply, p.node);
      this.procs.work(ctx, p, this.spec.marshalUs, RPC_TAG.work);
    } else if (cs.async && cs.phase === 'collect') this.collect(ctx, p, cs);
  }

  private setReply(c: Call, result: number, error: string): void {
    c.replied = true;
    c.result = result;
    c.error = error;
  }

  /** The module gave up on an RPC message: the call fails (the caller is told). */
  failedOut(ctx: ModelContext, out: Out): void {
    const c = this.calls.find((x) => x.id === out.call);
    if (!c || c.replied) return;
    const p = this.procs.list[c.client]!;
    this.replyArrived(ctx, p, c.id, NaN, 'failed');
  }

  transmitted(out: Out): void {
    const c = out.call >= 0 ? this.calls.find((x) => x.id === out.call) : undefined;
    if (c) this.charge(c, out.bytes);
  }

  private serverArrived(ctx: ModelContext, p: Proc, from: number, b: RpcBody): void {
    if (b.rpc === 'reply' && this.servers.has(p.index)) return this.server.replyFromObject(ctx, p, b);
    this.server.arrived(ctx, p, from, b);
  }

  private serverWorkDone(ctx: ModelContext, p: Proc, ss: ServerState): void {
    this.server.workDone(ctx, p, ss);
  }
}
