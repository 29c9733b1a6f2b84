import type { ModelContext } from '../../../engine/model';
import { MARK_TYPE, type Diagram } from './diagram';
import type { Transport } from './module';
import type { Proc, Procs } from './procs';
import { MP_MSG, type RpcSpec } from './spec';
import { RPC_STEP, type Call, type Conn, type RpcBody } from './rpcTypes';

export const BIND_TAG = { idle: 21, connectRetry: 22 } as const;

/** A connection opened for one call (non-persistent binding). */
const perCall = (conn: Conn) => conn.key.startsWith('call-');

interface BinderHooks {
  step(ctx: ModelContext, c: Call, step: number, node: number): void;
  charge(c: Call, bytes: number): void;
  sendCall(ctx: ModelContext, p: Proc, c: Call): void;
}

/**
 * Binding (RPC-BIND-TRANS, RPC-BIND-PERSIST): a connection is opened with a
 * handshake (connect → accept) before a call can go. Non-persistent binding
 * opens one per call and closes it after the reply; persistent binding
 * opens one, reuses it, and closes it after the idle timeout.
 */
export class Binder {
  readonly conns = new Map<string, Conn>();
  handshakes = 0;

  constructor(
    private readonly spec: RpcSpec,
    private readonly procs: Procs,
    private readonly transport: Transport,
    private readonly diagram: Diagram,
    private readonly hooks: BinderHooks,
  ) {}

  private key(c: Call): string {
    return this.spec.binding === 'transient' ? `call-${c.id}` : `${c.client}-${c.target}`;
  }

  bind(ctx: ModelContext, p: Proc, c: Call): void {
    const key = this.key(c);
    c.conn = key;
    let conn = this.conns.get(key);
    if (!conn) {
      conn = { key, client: c.client, server: c.target, state: 'closed', waiting: [], gen: 0, active: 0, opened: 0 };
      this.conns.set(key, conn);
    }
    conn.active++;
    conn.gen++;
    if (conn.state === 'open') return this.hooks.sendCall(ctx, p, c);
    conn.waiting.push(c);
    if (conn.state === 'closed') {
      conn.state = 'connecting';
      this.handshakes++;
      this.hooks.step(ctx, c, RPC_STEP.bind, p.node);
      this.sendConnect(ctx, conn);
    }
  }

  private sendConnect(ctx: ModelContext, conn: Conn): void {
    const from = this.procs.list[conn.client]!;
    const to = this.procs.list[conn.server]!;
    this.diagram.mark(from.index, MARK_TYPE.handshake, ctx.nowUs);
    const out = this.transport.send(ctx, from, to, { kind: MP_MSG.connect, bytes: 60, text: 'connect', reliable: false, body: { rpc: 'connect', key: conn.key } satisfies RpcBody, layer: 1 });
    for (const c of conn.waiting) this.hooks.charge(c, out.bytes);
    // like TCP's SYN: sent again if no answer within the initial RTO
    ctx.setTimer(from.node, this.transport.spec.rtoInitUs, BIND_TAG.connectRetry, conn.key);
  }

  onTimer(ctx: ModelContext, tag: number, data: unknown): boolean {
    if (tag === BIND_TAG.idle) {
      const d = data as { key: string; gen: number };
      const conn = this.conns.get(d.key);
      if (conn && conn.gen === d.gen && conn.active === 0 && conn.state === 'open') this.close(ctx, conn, 1);
    } else if (tag === BIND_TAG.connectRetry) {
      const conn = this.conns.get(data as string);
      if (conn?.state === 'connecting') this.sendConnect(ctx, conn);
    } else return false;
    return true;
  }

  /** The server's side of the handshake: accept. */
  connect(ctx: ModelContext, server: Proc, client: Proc, key: string): void {
    this.transport.send(ctx, server, client, { kind: MP_MSG.accept, bytes: 60, text: 'accept', reliable: false, body: { rpc: 'accept', key }, layer: 1 });
  }

  accepted(ctx: ModelContext, client: Proc, server: Proc, key: string): void {
    const conn = this.conns.get(key);
    if (conn?.state !== 'connecting') return;
    conn.state = 'open';
    conn.opened = ctx.nowUs;
    ctx.emit('connectionOpened', client.node, server.node);
    for (const c of conn.waiting.splice(0)) this.hooks.sendCall(ctx, client, c);
  }

  /** After a call: a per-call connection closes; a persistent one starts its idle timer. */
  release(ctx: ModelContext, c: Call): void {
    // the connection the call was bound to (the binding may have changed since)
    const conn = this.conns.get(c.conn);
    if (!conn) return;
    conn.active = Math.max(0, conn.active - 1);
    if (perCall(conn)) return this.close(ctx, conn, 0);
    if (conn.active === 0) ctx.setTimer(this.procs.list[conn.client]!.node, this.spec.idleTimeoutUs, BIND_TAG.idle, { key: conn.key, gen: conn.gen });
  }

  private close(ctx: ModelContext, conn: Conn, reason: number): void {
    const from = this.procs.list[conn.client]!;
    const to = this.procs.list[conn.server]!;
    conn.state = 'closed';
    this.diagram.mark(from.index, MARK_TYPE.close, ctx.nowUs, reason);
    ctx.emit('connectionClosed', from.node, to.node, -1, reason);
    this.transport.send(ctx, from, to, { kind: MP_MSG.close, bytes: 40, text: 'close', reliable: false, body: { rpc: 'close', key: conn.key } satisfies RpcBody, layer: 1 });
    if (perCall(conn)) this.conns.delete(conn.key);
  }
}
