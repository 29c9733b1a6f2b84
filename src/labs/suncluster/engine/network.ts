import type { ModelContext } from '../../../engine/model';
import type { NetPacket } from './idl';
import { SUN_MSG, SUN_WORK, type SunSpec } from './spec';

/** An entry of the network configuration database: which node has a connection (SUN-NET-FILTER). */
export interface ConnEntry {
  conn: number;
  client: number;
  /** The node that owns the connection's TCP state (packet filter, one address per node), or runs its application (single node). */
  node: number;
  requests: number;
  openedUs: number;
}

/** What the networking part needs from the model: the nodes, the membership, the current design. */
export interface SunCore {
  readonly spec: SunSpec;
  readonly nodes: number[];
  readonly members: Set<number>;
  iface: number;
}

/**
 * The cluster's side of the networking (SUN-NET-OPTIONS, SUN-NET-FILTER):
 * the three designs for one public address, the TCP state each node
 * holds, the network configuration database, and what a node's failure does
 * to the connections.
 */
export class SunNetwork {
  /** The network configuration database: connection -> node. */
  readonly table = new Map<number, ConnEntry>();
  /** TCP connection state each node holds (lost when the node crashes). */
  readonly tcp = new Map<number, Set<number>>();
  /** One address per node: where the application of a failed node went (its address is not the one clients know). */
  readonly movedTo = new Map<number, number>();
  opened = 0;
  /** Requests served per node (index into the nodes). */
  served: number[] = [];
  /** What happened to the connections and the address lately, for the panel and the lessons (newest last). */
  readonly log: { atUs: number; what: 'reset' | 'takeover' | 'moved' | 'left'; node: number; peer: number; conn: number }[] = [];

  constructor(private readonly core: SunCore) {}

  note(atUs: number, what: SunNetwork['log'][number]['what'], node: number, peer: number, conn = -1): void {
    this.log.push({ atUs, what, node, peer, conn });
    if (this.log.length > 400) this.log.splice(0, 100);
  }

  private get spec(): SunSpec {
    return this.core.spec;
  }

  stateOf(node: number): Set<number> {
    let s = this.tcp.get(node);
    if (!s) this.tcp.set(node, (s = new Set()));
    return s;
  }

  /** Starts counting requests per node. */
  init(): void {
    this.served = this.core.nodes.map(() => 0);
  }

  /** Forgets a connection everywhere (closed, reset or given up). */
  drop(conn: number): void {
    const e = this.table.get(conn);
    if (e) this.stateOf(e.node).delete(conn);
    this.stateOf(this.core.iface).delete(conn);
    this.table.delete(conn);
  }

  /** Picks a node for a new connection: each member gets about its weight's share (Lb_weighted is statistical, not round robin). */
  private choose(ctx: ModelContext): number {
    const live = this.core.nodes.map((n, i) => ({ n, w: this.spec.weights[i] ?? 1 })).filter((x) => this.core.members.has(x.n) && ctx.net.nodes[x.n]!.up && x.w > 0);
    const total = live.reduce((a, x) => a + x.w, 0);
    let r = ctx.rng.next() * total;
    for (const x of live) if ((r -= x.w) < 0) return x.n;
    return live[live.length - 1]?.n ?? this.core.iface;
  }

  private open(ctx: ModelContext, p: NetPacket, node: number): void {
    this.table.set(p.conn, { conn: p.conn, client: p.client, node, requests: 0, openedUs: ctx.nowUs });
    this.opened++;
    ctx.emit('sunConnOpened', node, p.client, -1, p.conn);
  }

  /** A client's packet reaches the node its address points to. */
  onPacket(ctx: ModelContext, node: number, p: NetPacket): void {
    const d = this.spec.design;
    if (d === 'single') ctx.work(node, this.spec.protoUs, SUN_WORK.protoIn, p);
    else if (d === 'filter') ctx.work(node, this.spec.filterUs, SUN_WORK.filterIn, p);
    else this.serve(ctx, node, p);
  }

  /** A forwarded packet reaches the node that owns its connection (or runs its application). */
  onForward(ctx: ModelContext, node: number, p: NetPacket): void {
    if (this.spec.design === 'single') ctx.work(node, this.spec.appUs, SUN_WORK.app, p);
    else this.serve(ctx, node, p);
  }

  /** Outgoing data reaches the node with the public interface. */
  onOutbound(ctx: ModelContext, node: number, p: NetPacket): void {
    if (p.rst) ctx.send(node, p.client, SUN_MSG.reset, 60, p);
    else if (this.spec.design === 'single') ctx.work(node, this.spec.protoUs, SUN_WORK.protoOut, p);
    else ctx.work(node, this.spec.filterUs, SUN_WORK.filterOut, p);
  }

  /** TCP/IP and the application on the node that owns the connection (packet filter, one address per node). */
  private serve(ctx: ModelContext, node: number, p: NetPacket): void {
    const state = this.stateOf(node);
    if (p.syn && !state.has(p.conn)) {
      state.add(p.conn);
      if (this.spec.design === 'perNode') this.open(ctx, p, node);
    }
    if (!state.has(p.conn)) return this.back(ctx, node, { ...p, rst: true });
    ctx.work(node, 2 * this.spec.protoUs + this.spec.appUs, SUN_WORK.serve, p);
  }

  /** Sends an answer out the way the design says: straight to the client, or through the interface node. */
  private back(ctx: ModelContext, node: number, p: NetPacket): void {
    if (this.spec.design === 'perNode' || node === this.core.iface) {
      if (p.rst) ctx.send(node, p.client, SUN_MSG.reset, 60, p);
      else if (this.spec.design === 'filter') ctx.work(node, this.spec.filterUs, SUN_WORK.filterOut, p);
      else ctx.send(node, p.client, SUN_MSG.reply, 1_500, p);
    } else ctx.send(node, this.core.iface, SUN_MSG.outbound, p.rst ? 60 : 1_500, p);
  }

  /** A request answered: count it, close the connection after its last request. */
  private done(node: number, p: NetPacket): void {
    const e = this.table.get(p.conn);
    if (e) e.requests++;
    const i = this.core.nodes.indexOf(node);
    if (i >= 0) this.served[i]!++;
    if (p.last) this.drop(p.conn);
  }

  onWorkDone(ctx: ModelContext, node: number, tag: number, p: NetPacket): void {
    const g = this.core.iface;
    switch (tag) {
      case SUN_WORK.protoIn: {
        // all protocol processing here: this node holds every connection's TCP state
        const state = this.stateOf(node);
        if (p.syn && !state.has(p.conn)) {
          state.add(p.conn);
          this.open(ctx, p, this.choose(ctx));
        }
        const e = this.table.get(p.conn);
        if (!state.has(p.conn) || !e) return void ctx.send(node, p.client, SUN_MSG.reset, 60, p);
        if (e.node === node) ctx.work(node, this.spec.appUs, SUN_WORK.app, p);
        else ctx.send(node, e.node, SUN_MSG.forward, 1_400, p);
        return;
      }
      case SUN_WORK.app:
        this.done(node, p);
        if (node === g) ctx.work(node, this.spec.protoUs, SUN_WORK.protoOut, p);
        else ctx.send(node, g, SUN_MSG.outbound, 1_400, p);
        return;
      case SUN_WORK.protoOut:
      case SUN_WORK.filterOut:
        ctx.send(node, p.client, SUN_MSG.reply, 1_500, p);
        return;
      case SUN_WORK.filterIn: {
        // the packet filter: a new connection is given to a node; the others go where the database says
        if (p.syn && !this.table.has(p.conn)) this.open(ctx, p, this.choose(ctx));
        const e = this.table.get(p.conn);
        if (!e) return void ctx.send(node, p.client, SUN_MSG.reset, 60, p);
        if (e.node === node) this.serve(ctx, node, p);
        else ctx.send(node, e.node, SUN_MSG.forward, 1_400, p);
        return;
      }
      case SUN_WORK.serve:
        this.done(node, p);
        this.back(ctx, node, p);
        return;
    }
  }

  /** A node crashed: the TCP state it held is gone with it. */
  onCrash(node: number): void {
    this.tcp.delete(node);
  }

  /**
   * The membership has noticed a node is gone. Packet filter: its connections
   * are lost, the others live on, and if it had the public interface another
   * node takes the address over. Single node: losing the protocol node loses
   * every connection. One address per node: its application moves to another
   * node, whose address its clients do not know.
   */
  onNodeLeft(ctx: ModelContext, node: number): void {
    const d = this.spec.design;
    const live = this.core.nodes.filter((n) => this.core.members.has(n));
    for (const e of [...this.table.values()]) {
      if (d === 'single' && node === this.core.iface) this.table.delete(e.conn);
      else if (e.node === node) {
        if (d === 'single' && live.length > 0) e.node = live[e.conn % live.length]!;
        else this.table.delete(e.conn);
      }
    }
    if (d === 'perNode' && live.length > 0) {
      const to = live[0]!;
      this.movedTo.set(node, to);
      ctx.emit('sunAddressMoved', to, node);
      this.note(ctx.nowUs, 'moved', to, node);
    }
    if (node === this.core.iface && live.length > 0) {
      this.core.iface = live[0]!;
      ctx.emit('sunTakeover', live[0]!, node);
      this.note(ctx.nowUs, 'takeover', live[0]!, node);
    }
  }

  onNodeBack(node: number): void {
    this.movedTo.delete(node);
    this.tcp.set(node, new Set());
  }

  /** A design change starts every connection afresh. */
  reset(): void {
    this.table.clear();
    this.tcp.clear();
    this.movedTo.clear();
  }

}
