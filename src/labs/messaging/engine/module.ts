import type { Message, ModelContext } from '../../../engine/model';
import type { AckEnv, DataEnv, Delivered, ModuleOwner, NodeModule, Out } from './moduleTypes';
import { TXF, type Diagram } from './diagram';
import type { Proc, Procs } from './procs';
import { MP_MSG, type MessagingSpec } from './spec';

export type { Delivered, ModuleOwner, NodeModule, Out };

export const ACK_BYTES = 40;
/** Header of a data message: sequence number, checksum, addresses. */
export const HEADER_BYTES = 40;
const TX_TIMER = 1;
const RTO_TIMER = 2;
export const MODULE_TIMERS = { tx: TX_TIMER, rto: RTO_TIMER } as const;

const pair = (from: number, to: number) => from * 4096 + to;
/** What a corrupted message looks like when nothing checks it. */
const garble = (s: string) => s.split('').map((c, i) => (i % 3 === 1 ? '#' : c)).join('');

export class Transport {
  readonly modules = new Map<number, NodeModule>();
  private nextUid = 0;
  /** Overhead figures per service: [transmissions, bytes, useful deliveries]. */
  readonly cost = { reliable: [0, 0, 0], unreliable: [0, 0, 0] };
  retransmissions = 0;
  corruptDiscarded = 0;
  duplicates = 0;
  failures = 0;
  /** Arrivals held in a reorder buffer because an earlier one was missing. */
  reordered = 0;

  constructor(
    readonly spec: MessagingSpec,
    private readonly diagram: Diagram,
    private readonly owner: ModuleOwner,
    private readonly procs: Procs,
  ) {}

  private procAt(i: number): Proc {
    return this.procs.list[i]!;
  }

  module(node: number): NodeModule {
    let m = this.modules.get(node);
    if (!m) {
      m = { queue: [], transmitting: false, unacked: [], nextSeq: new Map(), expected: new Map(), mailbox: new Map(), rtt: new Map() };
      this.modules.set(node, m);
    }
    return m;
  }

  /** Send(destination, message): queues it in the sender's module. */
  send(ctx: ModelContext, from: Proc, to: Proc, o: { kind: number; bytes: number; text: string; reliable: boolean; nocopy?: boolean; body?: unknown; layer?: number; call?: number }): Out {
    const m = this.module(from.node);
    const k = pair(from.index, to.index);
    const s = m.nextSeq.get(k) ?? { seq: 0, epoch: 0 };
    m.nextSeq.set(k, s);
    const out: Out = {
      uid: this.nextUid++, from, to, kind: o.kind, bytes: o.bytes, text: o.text, nocopy: o.nocopy ?? false, reliable: o.reliable,
      seq: o.reliable ? s.seq++ : -1, epoch: s.epoch, tries: 0, rtoUs: 0, firstTxUs: -1, body: o.body, layer: o.layer ?? 0, call: o.call ?? -1,
    };
    m.queue.push(out);
    if (!m.transmitting) {
      m.transmitting = true;
      ctx.setTimer(from.node, this.spec.moduleUs, TX_TIMER);
    }
    return out;
  }

  /** Takes the oldest message for `to` from `source` (or any), filling the receive buffer. */
  take(to: Proc, source: number): Delivered | undefined {
    const box = this.module(to.node).mailbox.get(to.index);
    if (!box) return undefined;
    const i = box.findIndex((d) => source < 0 || d.from === source);
    return i < 0 ? undefined : box.splice(i, 1)[0];
  }

  has(to: Proc, source: number, layer = 0): boolean {
    return (this.module(to.node).mailbox.get(to.index) ?? []).some((d) => d.layer === layer && (source < 0 || d.from === source));
  }

  onTimer(ctx: ModelContext, node: number, tag: number, data: unknown): boolean {
    if (tag === TX_TIMER) this.transmitHead(ctx, node);
    else if (tag === RTO_TIMER) this.timeout(ctx, node, data as { uid: number; tries: number });
    else return false;
    return true;
  }

  private transmitHead(ctx: ModelContext, node: number): void {
    const m = this.module(node);
    const out = m.queue.shift();
    if (out) {
      out.firstTxUs = ctx.nowUs;
      this.transmit(ctx, out);
      if (out.reliable) {
        m.unacked.push(out);
        out.rtoUs = this.rttOf(m, out.to.node).rto;
        ctx.setTimer(node, out.rtoUs, RTO_TIMER, { uid: out.uid, tries: 0 });
      }
      this.owner.transmitted(ctx, out);
    }
    m.transmitting = m.queue.length > 0;
    if (m.transmitting) ctx.setTimer(node, this.spec.moduleUs, TX_TIMER);
  }

  private rttOf(m: NodeModule, dst: number) {
    let r = m.rtt.get(dst);
    if (!r) {
      r = { srtt: -1, rttvar: 0, rto: this.spec.rtoInitUs };
      m.rtt.set(dst, r);
    }
    return r;
  }

  /** Puts one copy on the wire; a no-copy send reads the sender's buffer now. */
  private transmit(ctx: ModelContext, out: Out): void {
    const bad = this.spec.corruptRate > 0 && ctx.rng.chance(this.spec.corruptRate);
    const text = out.nocopy ? out.from.buffer : out.text;
    const flags = (out.tries > 0 ? TXF.retransmit : 0) | (out.reliable ? 0 : TXF.unreliable);
    const tx = this.diagram.send(out.kind, out.from.index, out.to.index, ctx.nowUs, ctx.nowUs + this.oneWayUs(ctx, out.from.node, out.to.node, out.bytes), flags, out.call);
    const env: DataEnv = { mp: 'data', tx, uid: out.uid, from: out.from.index, to: out.to.index, seq: out.seq, epoch: out.epoch, reliable: out.reliable, bad, text, nocopy: out.nocopy, orig: out.text, body: out.body, layer: out.layer };
    this.count(out.reliable, out.bytes + HEADER_BYTES);
    ctx.send(out.from.node, out.to.node, out.kind, out.bytes + HEADER_BYTES, env);
  }

  private count(reliable: boolean, bytes: number): void {
    const c = reliable ? this.cost.reliable : this.cost.unreliable;
    c[0]!++;
    c[1]! += bytes;
  }

  /** Expected one-way time along the current route (for drawing arrows still in flight). */
  oneWayUs(ctx: ModelContext, from: number, to: number, bytes: number): number {
    let at = from;
    let t = 0;
    for (let hop = 0; hop < 16 && at !== to; hop++) {
      const li = ctx.net.nextLink(at, to);
      if (li < 0) break;
      const l = ctx.net.links[li]!;
      t += l.latencyUs + l.jitterUs / 2 + l.txTimeUs(bytes);
      at = l.other(at);
    }
    return Math.max(1, Math.round(t));
  }

  private timeout(ctx: ModelContext, node: number, d: { uid: number; tries: number }): void {
    const m = this.module(node);
    const out = m.unacked.find((o) => o.uid === d.uid);
    if (!out || out.tries !== d.tries) return;
    if (out.tries >= this.spec.maxRetries) {
      this.fail(ctx, m, out);
      return;
    }
    out.tries++;
    // back-off: each timeout doubles the timer (RFC 6298 §5.5), up to the cap
    out.rtoUs = Math.min(this.spec.rtoMaxUs, out.rtoUs * 2);
    this.retransmissions++;
    ctx.emit('retransmitted', node, out.to.node, out.uid, out.seq, out.tries, Math.round(out.rtoUs / 1000));
    this.transmit(ctx, out);
    ctx.setTimer(node, out.rtoUs, RTO_TIMER, { uid: out.uid, tries: out.tries });
  }

  /** Persistent failure: the sender is told, and the connection to that process is reset (later messages start a new epoch). */
  private fail(ctx: ModelContext, m: NodeModule, out: Out): void {
    const k = pair(out.from.index, out.to.index);
    const doomed = m.unacked.filter((o) => pair(o.from.index, o.to.index) === k && o.epoch === out.epoch);
    m.unacked = m.unacked.filter((o) => !doomed.includes(o));
    const s = m.nextSeq.get(k)!;
    s.epoch++;
    s.seq = 0;
    // messages still queued belong to the new connection
    for (const q of m.queue) {
      if (!q.reliable || pair(q.from.index, q.to.index) !== k) continue;
      q.epoch = s.epoch;
      q.seq = s.seq++;
    }
    for (const o of doomed) {
      this.failures++;
      ctx.emit('deliveryFailed', out.from.node, out.to.node, o.uid, o.seq, o.tries);
      this.owner.failed(ctx, o);
    }
  }

  onMessage(ctx: ModelContext, node: number, msg: Message): void {
    const env = msg.payload as DataEnv | AckEnv;
    if (env.mp === 'ack') return this.onAck(ctx, node, env, msg);
    const to = this.procAt(env.to);
    if (to.node !== node) return;
    // no copy: the module streams the user's buffer until the send completes, so a change made while the
    // message is in transit is what arrives (the buffer is the sender's until its "buffer free" signal)
    const from = this.procAt(env.from);
    if (env.nocopy && from.bufferOwner === env.uid) env.text = from.buffer;
    if (env.reliable && env.bad) {
      // the checksum does not match: discard silently, the sender will retransmit
      this.corruptDiscarded++;
      this.diagram.arrived(env.tx, ctx.nowUs, msg.id, TXF.corrupt);
      ctx.emit('messageDiscarded', node, msg.src, env.uid, 0, env.seq);
      return;
    }
    if (!env.reliable) {
      this.diagram.arrived(env.tx, ctx.nowUs, msg.id, env.bad ? TXF.corrupt : 0);
      this.cost.unreliable[2]!++;
      this.deliver(ctx, to, env, env.bad);
      return;
    }
    const k = pair(env.from, env.to);
    const m = this.module(node);
    let st = m.expected.get(k);
    if (!st || env.epoch > st.epoch) {
      st = { seq: 0, epoch: env.epoch, reorder: new Map() };
      m.expected.set(k, st);
    }
    const dup = env.epoch < st.epoch || env.seq < st.seq || st.reorder.has(env.seq);
    this.diagram.arrived(env.tx, ctx.nowUs, msg.id, dup ? TXF.duplicate : 0);
    if (dup) {
      this.duplicates++;
      ctx.emit('messageDiscarded', node, msg.src, env.uid, 1, env.seq);
      // acknowledge again: the first ack may be what was lost
      if (env.epoch === st.epoch && env.seq < st.seq) this.ack(ctx, env);
      return;
    }
    if (env.seq > st.seq) {
      // out of order: held (unacknowledged) in the reorder buffer until the gap fills
      st.reorder.set(env.seq, env);
      this.reordered++;
      return;
    }
    for (let e: DataEnv | undefined = env; e; e = st.reorder.get(st.seq)) {
      st.reorder.delete(e.seq);
      st.seq++;
      this.ack(ctx, e);
      this.cost.reliable[2]!++;
      this.deliver(ctx, to, e, false);
    }
  }

  private ack(ctx: ModelContext, env: DataEnv): void {
    const from = this.procAt(env.to);
    const to = this.procAt(env.from);
    const tx = this.diagram.send(MP_MSG.ack, from.index, to.index, ctx.nowUs, ctx.nowUs + this.oneWayUs(ctx, from.node, to.node, ACK_BYTES), 0, -1);
    const a: AckEnv = { mp: 'ack', tx, uid: env.uid, epoch: env.epoch };
    this.count(true, ACK_BYTES);
    ctx.send(from.node, to.node, MP_MSG.ack, ACK_BYTES, a);
  }

  private onAck(ctx: ModelContext, node: number, a: AckEnv, msg: Message): void {
    this.diagram.arrived(a.tx, ctx.nowUs, msg.id, 0);
    const m = this.module(node);
    const i = m.unacked.findIndex((o) => o.uid === a.uid && o.epoch === a.epoch);
    if (i < 0) return;
    const out = m.unacked.splice(i, 1)[0]!;
    if (out.tries === 0) this.sample(m, out.to.node, ctx.nowUs - out.firstTxUs);
    this.owner.acked(ctx, out);
  }

  /** RFC 6298 §2: SRTT/RTTVAR from a fresh sample (never from a retransmitted message: Karn); the floor is Linux's 200 ms, not the RFC's 1 s (see RTO). */
  private sample(m: NodeModule, dst: number, r: number): void {
    const e = this.rttOf(m, dst);
    if (e.srtt < 0) {
      e.srtt = r;
      e.rttvar = r / 2;
    } else {
      e.rttvar = 0.75 * e.rttvar + 0.25 * Math.abs(e.srtt - r);
      e.srtt = 0.875 * e.srtt + 0.125 * r;
    }
    e.rto = Math.min(this.spec.rtoMaxUs, Math.max(this.spec.rtoMinUs, Math.round(e.srtt + Math.max(1000, 4 * e.rttvar))));
  }

  private deliver(ctx: ModelContext, to: Proc, e: DataEnv, corrupted: boolean): void {
    const d: Delivered = { uid: e.uid, from: e.from, kind: -1, text: corrupted ? garble(e.text) : e.text, body: e.body, layer: e.layer, corrupted, changed: e.text !== e.orig };
    // the process's own messages wait in its receive buffer; RPC stubs take theirs at once
    if (e.layer === 0) {
      const box = this.module(to.node).mailbox;
      box.set(to.index, [...(box.get(to.index) ?? []), d]);
    }
    this.owner.arrived(ctx, to, d);
  }

  /** A crash wipes the node's module. */
  crashed(node: number): void {
    this.modules.delete(node);
  }
}
