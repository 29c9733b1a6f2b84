import type { ModelContext } from '../../../engine/model';
import type { Transport } from './module';
import type { Proc, Procs } from './procs';
import { MP_MSG, PS, type RpcSpec } from './spec';
import { procedureP, RPC_STEP, type RpcBody, type ServerState } from './rpcTypes';

export const SERVER_WORK_TAG = 20;

/** Who records a call's steps (the RPC layer). */
interface StepSink {
  stepById(ctx: ModelContext, id: number, step: number, node: number, peer: number): void;
}

/**
 * The server stub and the broker (RPC-STUBS, RPC-BYREF, RPC-ORB). A server
 * serves one call at a time: unmarshal, fetch Y through the caller's stub
 * when it came by reference, run P locally, write Y back, marshal and send
 * the reply. A broker looks the object up in its directory and forwards the
 * call (or answers with an error), then relays the object's reply.
 */
export class RpcServer {
  constructor(
    private readonly spec: RpcSpec,
    private readonly procs: Procs,
    private readonly transport: Transport,
    private readonly servers: Map<number, ServerState>,
    private readonly sink: StepSink,
  ) {}

  private send(ctx: ModelContext, from: Proc, to: number, kind: number, bytes: number, text: string, body: RpcBody, call: number): void {
    this.transport.send(ctx, from, this.procs.list[to]!, { kind, bytes, text, reliable: true, body, layer: 1, call });
  }

  arrived(ctx: ModelContext, p: Proc, from: number, b: RpcBody): void {
    const ss = this.servers.get(p.index);
    if (!ss) return;
    if (b.rpc === 'call') {
      ss.queue.push({ call: b, from });
      if (!ss.cur) this.next(ctx, p, ss);
      return;
    }
    if (b.rpc !== 'derefReply' || ss.cur?.call.id !== b.id) return;
    if (b.op === 'read' && ss.phase === 'deref') {
      ss.phase = 'exec';
      this.sink.stepById(ctx, b.id, RPC_STEP.execute, p.node, -1);
      this.procs.work(ctx, p, this.spec.execUs, SERVER_WORK_TAG);
    } else if (b.op === 'write' && ss.phase === 'writeBack') this.marshalReply(ctx, p, ss);
  }

  private next(ctx: ModelContext, p: Proc, ss: ServerState): void {
    ss.cur = ss.queue.shift() ?? null;
    if (!ss.cur) {
      ss.phase = 'idle';
      return this.procs.setState(ctx, p, PS.idle);
    }
    const broker = p.spec.program === 'broker';
    ss.phase = broker ? 'lookup' : 'unmarshal';
    this.sink.stepById(ctx, ss.cur.call.id, broker ? RPC_STEP.lookup : RPC_STEP.unmarshal, p.node, -1);
    this.procs.work(ctx, p, this.spec.marshalUs, SERVER_WORK_TAG);
  }

  private marshalReply(ctx: ModelContext, p: Proc, ss: ServerState): void {
    ss.phase = 'reply';
    this.sink.stepById(ctx, ss.cur!.call.id, RPC_STEP.reply, p.node, -1);
    this.procs.work(ctx, p, this.spec.marshalUs, SERVER_WORK_TAG);
  }

  workDone(ctx: ModelContext, p: Proc, ss: ServerState): void {
    const cur = ss.cur;
    if (!cur) return;
    const c = cur.call;
    switch (ss.phase) {
      case 'lookup': {
        const target = c.object !== undefined ? this.spec.directory?.[c.object] : undefined;
        const server = this.procs.byId(target);
        if (!server) {
          // a clear error reply: the directory has no such object
          this.sink.stepById(ctx, c.id, RPC_STEP.error, p.node, -1);
          this.send(ctx, p, cur.from, MP_MSG.reply, 48, `error: no object ${c.object ?? '?'}`, { rpc: 'reply', id: c.id, result: NaN, error: 'noSuchObject' }, c.id);
        } else {
          ss.forwarded.set(c.id, cur.from);
          this.sink.stepById(ctx, c.id, RPC_STEP.forward, p.node, server.node);
          this.send(ctx, p, server.index, MP_MSG.call, 16 + (c.byRef ? 8 : this.spec.arrayBytes), `CALL ${c.object}.P(${c.x}, Y)`, c, c.id);
        }
        return this.next(ctx, p, ss);
      }
      case 'unmarshal':
        if (c.byRef) {
          // Y is only a pointer: ask the caller's stub for its contents (an extra round trip)
          ss.phase = 'deref';
          this.sink.stepById(ctx, c.id, RPC_STEP.deref, p.node, this.procs.list[c.client]!.node);
          this.send(ctx, p, c.client, MP_MSG.deref, 16, 'read *Y', { rpc: 'deref', id: c.id, op: 'read' }, c.id);
          return this.procs.setState(ctx, p, PS.blockedRecv);
        }
        ss.phase = 'exec';
        this.sink.stepById(ctx, c.id, RPC_STEP.execute, p.node, -1);
        return this.procs.work(ctx, p, this.spec.execUs, SERVER_WORK_TAG);
      case 'exec':
        (cur as { result?: number }).result = procedureP(c.x, c.y, this.spec.arrayBytes / 4);
        if (c.byRef) {
          // P changed Y: write it back through the pointer (another round trip)
          ss.phase = 'writeBack';
          this.sink.stepById(ctx, c.id, RPC_STEP.writeBack, p.node, this.procs.list[c.client]!.node);
          this.send(ctx, p, c.client, MP_MSG.deref, this.spec.arrayBytes, 'write *Y', { rpc: 'deref', id: c.id, op: 'write' }, c.id);
          return this.procs.setState(ctx, p, PS.blockedRecv);
        }
        return this.marshalReply(ctx, p, ss);
      case 'reply': {
        const result = (cur as { result?: number }).result ?? NaN;
        this.send(ctx, p, cur.from, MP_MSG.reply, 16, `result = ${result}`, { rpc: 'reply', id: c.id, result }, c.id);
        return this.next(ctx, p, ss);
      }
    }
  }

  /** Broker: the object's reply goes back to the client that asked. */
  replyFromObject(ctx: ModelContext, broker: Proc, b: RpcBody): void {
    if (b.rpc !== 'reply') return;
    const client = this.servers.get(broker.index)?.forwarded.get(b.id);
    if (client === undefined) return;
    this.servers.get(broker.index)!.forwarded.delete(b.id);
    this.send(ctx, broker, client, MP_MSG.reply, 16, `result = ${b.result}`, b, b.id);
  }
}
