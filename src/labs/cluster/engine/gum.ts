import type { ModelContext } from '../../../engine/model';
import type { ClusterModel } from './clusterModel';
import { CL_MSG } from './spec';
import { TIMER } from './timers';

/** One change to the cluster database: a group's owner and what the failover manager keeps about it. */
export interface Update {
  id: number;
  /** The view it is made in (its ballot) and its place in that view's sequence. */
  era: number;
  seq: number;
  g: number;
  owner: number;
  /** A failover to record for FailoverThreshold (its time), or -1. */
  failoverAt: number;
  blocked: boolean;
  displaced: boolean;
  notBefore: number;
  /** Who applies it, in order (the old owner first, the new owner last); `at` is whose turn it is. */
  order: number[];
  at: number;
  tries: number;
  /** The leader that sends it (acknowledgements go back there). */
  leader: number;
  /** Why (for the trace): 0 failover, 1 failback, 2 move by hand, 3 restart threshold, 4 held (FailoverThreshold). */
  why: number;
}

export type GumMsg =
  | { op: 'update'; from: number; u: Update }
  | { op: 'ack'; from: number; id: number; seq: number; ok: boolean }
  | { op: 'failAway'; from: number; g: number };

/** Tries per member before the update gives up on it and the member is evicted. */
const TRIES = 5;

/**
 * The global update manager (WCS-CONFIGDB, SEMANTICS §1 "Cluster DB /
 * GUM"): the leader of the view (the locker) sends each update to every
 * member in turn, one update at a time, so all apply the same updates in
 * the same order. A member applies an update only in the view it was made
 * in and acknowledges it once its own copy of the group agrees (a node that
 * loses the group first takes it offline). A member that does not apply it
 * is evicted: a regroup leaves it out, and the update goes on in the new
 * view. Updates from an older view are refused, so a leader that was cut
 * off cannot move anything.
 */
export class Gum {
  /** Updates waiting at each node while it leads, and the one under way. */
  private queue: Update[][] = [];
  private live: (Update | null)[] = [];
  /** Acknowledgements a member holds back until its copy of the group is offline. */
  private held: (Update | null)[][] = [];
  /**
   * An update that takes a group away from this member, waiting until the
   * member has the group offline: only then does it apply it (so a regroup
   * in between never sees the new owner while the old one still runs it).
   */
  private releasing: (Update | null)[][] = [];
  /** The view in which a leader's update was called off: it makes no more updates in it (some members may have applied that one), a regroup resynchronises them. */
  private spoiled: number[] = [];
  private nextId = 1;

  constructor(private readonly c: ClusterModel) {}

  init(): void {
    this.c.nodes.forEach((_, m) => {
      this.queue[m] = [];
      this.live[m] = null;
      this.held[m] = this.c.spec.groups.map(() => null);
      this.releasing[m] = this.c.spec.groups.map(() => null);
    });
  }

  busy(m: number, g?: number): boolean {
    if (this.spoiledNow(m)) return true;
    const all = [...this.queue[m]!, ...(this.live[m] ? [this.live[m]!] : [])];
    return g === undefined ? all.length > 0 : all.some((u) => u.g === g);
  }

  /** Queues a change at leader m; `order` says who applies it (the old owner first, the new owner last). */
  submit(ctx: ModelContext, m: number, change: Omit<Update, 'id' | 'era' | 'seq' | 'at' | 'tries' | 'leader'>): void {
    this.queue[m]!.push({ ...change, id: this.nextId++, era: -1, seq: -1, at: -1, tries: 0, leader: m });
    if (!this.live[m]) this.next(ctx, m);
  }

  /** Leader m's view changed or it stopped leading: what was queued or under way is dropped (and returned: placement starts again). */
  reset(m: number): Update[] {
    const dropped = [...(this.live[m] ? [this.live[m]!] : []), ...this.queue[m]!];
    this.queue[m] = [];
    this.live[m] = null;
    return dropped;
  }

  private next(ctx: ModelContext, m: number): void {
    const s = this.c.members.state[m]!;
    if (this.spoiled[m] === s.committed.ballot) {
      this.reset(m);
      return;
    }
    const u = this.queue[m]!.shift();
    this.live[m] = u ?? null;
    if (!u) {
      this.c.leader.drained(ctx, m);
      return;
    }
    u.era = s.committed.ballot;
    u.seq = s.replica.seq + 1;
    const members = s.committed.members;
    u.order = u.order.filter((o) => members.includes(o));
    u.at = -1;
    this.advance(ctx, m, u);
  }

  private advance(ctx: ModelContext, m: number, u: Update): void {
    u.at++;
    u.tries = 0;
    if (u.at >= u.order.length) {
      ctx.emit('groupMoved', this.c.nodes[u.owner] ?? -1, this.c.nodes[m]!, u.g, u.seq, u.why);
      this.next(ctx, m);
      return;
    }
    this.deliver(ctx, m, u);
  }

  private deliver(ctx: ModelContext, m: number, u: Update): void {
    const to = u.order[u.at]!;
    u.tries++;
    if (to === m) this.apply(ctx, m, u);
    else ctx.send(this.c.nodes[m]!, this.c.nodes[to]!, CL_MSG.gumUpdate, 128, { op: 'update', from: m, u: { ...u } } satisfies GumMsg, this.c.beats.bestNet(m, to));
    ctx.setTimer(this.c.nodes[m]!, this.c.spec.regroupUs, TIMER.gumTimeout, [u.id, u.at, u.tries]);
  }

  onMessage(ctx: ModelContext, o: number, p: GumMsg): void {
    if (p.op === 'update') this.apply(ctx, o, p.u);
    else if (p.op === 'ack') this.onAck(ctx, o, p.from, p.id, p.ok);
    else this.c.leader.failAway(ctx, o, p.g, p.from);
  }

  /** Member o applies an update (if it is for the view o is in, and the next in order). */
  private apply(ctx: ModelContext, o: number, u: Update): void {
    const s = this.c.members.state[o]!;
    const r = s.replica;
    const ok = s.status === 'up' && u.era === s.committed.ballot && s.promised <= u.era && u.seq <= r.seq + 1;
    if (!ok) return this.ack(ctx, o, u, false);
    if (u.seq === r.seq + 1 && r.owner[u.g] === o && u.owner !== o && this.c.table.groupState(o, u.g) !== 'offline') {
      // the group leaves this node: offline first, then the update
      this.releasing[o]![u.g] = u;
      this.c.settle(ctx, o, u.g);
      return;
    }
    if (u.seq === r.seq + 1) {
      this.c.ledger.applied(u.era, u.seq, `${u.g}/${u.owner}/${u.blocked}/${u.displaced}/${u.notBefore}/${u.failoverAt}`);
      r.seq = u.seq;
      r.owner[u.g] = u.owner;
      if (u.failoverAt >= 0) r.failovers[u.g] = [...r.failovers[u.g]!.filter((t) => t > u.failoverAt - this.c.spec.failoverPeriodUs), u.failoverAt];
      r.blocked[u.g] = u.blocked;
      r.displaced[u.g] = u.displaced;
      r.notBefore[u.g] = u.notBefore;
      ctx.emit('configUpdated', this.c.nodes[o]!, -1, u.g, u.seq, u.owner);
      if (this.c.witness.holds(ctx, o)) this.c.witness.record(r);
    }
    this.held[o]![u.g] = u;
    this.c.settle(ctx, o, u.g);
    this.release(ctx, o, u.g);
  }

  /** Member o is taking group g offline for an update that moves it away. */
  isReleasing(o: number, g: number): boolean {
    return this.releasing[o]?.[g] != null;
  }

  /** A new view reached member o: an update it was taking a group offline for is void (the view's database decides). */
  onInstall(o: number): void {
    this.releasing[o]?.fill(null);
  }

  /** After any change to o's copy of group g: a held acknowledgement goes once the copy agrees with the database. */
  release(ctx: ModelContext, o: number, g: number): void {
    const pending = this.releasing[o]?.[g];
    if (pending && this.c.table.groupState(o, g) === 'offline') {
      this.releasing[o]![g] = null;
      this.apply(ctx, o, pending);
      return;
    }
    const u = this.held[o]?.[g];
    if (!u || (u.owner !== o && this.c.table.groupState(o, g) !== 'offline' && !this.c.heldFailed(o, g))) return;
    this.held[o]![g] = null;
    this.ack(ctx, o, u, true);
  }

  private ack(ctx: ModelContext, o: number, u: Update, ok: boolean): void {
    const to = u.leader;
    if (to === o) this.onAck(ctx, o, o, u.id, ok);
    else ctx.send(this.c.nodes[o]!, this.c.nodes[to]!, CL_MSG.gumAck, 48, { op: 'ack', from: o, id: u.id, seq: u.seq, ok } satisfies GumMsg, this.c.beats.bestNet(o, to));
  }

  private onAck(ctx: ModelContext, m: number, from: number, id: number, ok: boolean): void {
    const u = this.live[m];
    if (!u || u.id !== id || u.order[u.at] !== from) return;
    if (ok) return this.advance(ctx, m, u);
    // refused: the member is in another view, regrouping, or out; a regroup brings everyone to one database again
    ctx.emit('updateAborted', this.c.nodes[m]!, this.c.nodes[from]!, u.g, u.seq);
    this.spoil(ctx, m, []);
  }

  /** Leader m called an update off in the view it leads (it waits for the next view). */
  spoiledNow(m: number): boolean {
    return this.spoiled[m] === this.c.members.state[m]?.committed.ballot;
  }

  /** Leader m's update was called off: no more updates in this view, and a regroup (leaving out `evict`) starts the next. */
  private spoil(ctx: ModelContext, m: number, evict: number[]): void {
    this.spoiled[m] = this.c.members.state[m]!.committed.ballot;
    this.reset(m);
    this.c.regroup.propose(ctx, m, evict);
  }

  onTimeout(ctx: ModelContext, m: number, data: [number, number, number]): void {
    const u = this.live[m];
    const [id, at, tries] = data;
    if (!u || u.id !== id || u.at !== at || u.tries !== tries) return;
    if (u.tries < TRIES) return this.deliver(ctx, m, u);
    // the member did not apply it: the global update manager evicts it
    const member = u.order[u.at]!;
    ctx.emit('updateAborted', this.c.nodes[m]!, this.c.nodes[member]!, u.g, u.seq, 1);
    this.spoil(ctx, m, [member]);
  }
}
