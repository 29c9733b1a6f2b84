import type { ModelContext } from '../../../engine/model';
import type { ClusterModel } from './clusterModel';
import { Reservation } from './reservation';
import { TIMER } from './timers';
import { copyReplica, copyView, type Replica, type View } from './views';

/**
 * The witness (SEMANTICS §1 "Quorum"): one more vote, held by whichever node
 * holds its reservation. A disk witness sits on the shared bus and keeps a
 * copy of the cluster database; a file-share witness is a file on a server
 * of the public network and keeps only the version of the database it last
 * saw (witness.log), so a node with an older database cannot use its vote
 * (no "partition in time"). In the regroup it answers like one more node:
 * it promises a ballot and accepts a view, through its holder.
 *
 * Simplification: the file server is reached when a route to it exists
 * over the public network (its SMB traffic is not drawn).
 */
export class Witness {
  readonly res = new Reservation();
  promised = 0;
  accepted: View | null = null;
  /** The database version it last recorded, and (disk only) the database itself. */
  version: [number, number] = [0, 0];
  replica: Replica | null = null;
  /** Network index of the public network and the file server's node (share witness). */
  private pub = -1;
  private host = -1;

  constructor(private readonly c: ClusterModel) {}

  get kind() {
    return this.c.spec.witness;
  }

  init(ctx: ModelContext, genesis: View): void {
    if (this.kind === 'none') return;
    this.pub = ctx.net.netIndex(this.c.spec.networks[this.c.spec.networks.length - 1] ?? 'pub');
    this.host = this.c.spec.witnessHost ? (ctx.net.node(this.c.spec.witnessHost)?.index ?? -1) : -1;
    this.accepted = copyView(genesis);
    this.replica = this.kind === 'disk' ? copyReplica(genesis.replica) : null;
    // the first node reserves it when the cluster forms
    this.res.reserve(0, ctx.nowUs);
    ctx.setTimer(this.c.nodes[0]!, this.c.spec.defendUs, TIMER.witnessDefend, 0);
  }

  /** Whether node m can reach the witness: the shared bus always; the file share only over a route of the public network. */
  reachable(ctx: ModelContext, m: number): boolean {
    if (this.kind === 'disk') return true;
    if (this.kind !== 'share' || this.host < 0 || !ctx.net.nodes[this.host]!.up) return false;
    return ctx.net.nextLink(this.c.nodes[m]!, this.host, this.pub) >= 0;
  }

  /** Node m holds the witness and defended it recently enough to count its vote now. */
  holds(ctx: ModelContext, m: number): boolean {
    return this.kind !== 'none' && this.res.holder === m && ctx.nowUs - this.res.lastDefendUs <= this.c.spec.leaseUs;
  }

  /**
   * Nobody holds the witness in use: its holder stopped defending it (a live
   * holder defends every DiskArbInterval, exactly). Its vote would go to
   * whoever arbitrates for it now, so node m may count it while it keeps
   * running; to use it in a regroup, m must still win it.
   */
  free(ctx: ModelContext, m: number): boolean {
    if (this.kind === 'none' || !this.reachable(ctx, m)) return false;
    return this.res.holder < 0 || ctx.nowUs - this.res.lastDefendUs > this.c.spec.defendUs + this.c.spec.heartbeatUs / 2;
  }

  /** Promise a ballot through its holder m; null when m cannot (does not hold it or cannot reach it) or the ballot is old. */
  prepare(ctx: ModelContext, m: number, ballot: number): { accepted: View | null; version: [number, number]; replica: Replica | null } | null {
    if (!this.holds(ctx, m) || !this.reachable(ctx, m) || ballot <= this.promised) return null;
    this.promised = ballot;
    return { accepted: this.accepted, version: this.version, replica: this.replica };
  }

  /** Accept a view through its holder m. */
  accept(ctx: ModelContext, m: number, view: View): boolean {
    if (!this.holds(ctx, m) || !this.reachable(ctx, m) || view.ballot < this.promised) return false;
    this.promised = view.ballot;
    this.accepted = view;
    this.record(view.replica);
    return true;
  }

  /** The holder applied a global update: the disk keeps the database, the share its version. */
  record(r: Replica): void {
    this.version = [r.era, r.seq];
    if (this.kind === 'disk') this.replica = copyReplica(r);
  }

  /**
   * Node m wants the witness: a free one is reserved at once; a file share
   * whose holder stopped renewing is given over; a disk held by another is
   * challenged (bus reset, then TIMER.witnessChallenge decides). Returns
   * true when m holds it now, false when it must wait or cannot.
   */
  acquire(ctx: ModelContext, m: number): boolean {
    if (this.kind === 'none' || !this.reachable(ctx, m)) return false;
    if (this.res.holder === m) return this.res.defend(m, ctx.nowUs);
    const got = this.kind === 'share' ? this.res.takeExpired(m, ctx.nowUs, this.c.spec.challengeUs) : this.res.reserve(m, ctx.nowUs);
    if (got) {
      ctx.emit('witnessReserved', this.c.nodes[m]!);
      ctx.setTimer(this.c.nodes[m]!, this.c.spec.defendUs, TIMER.witnessDefend, m);
      return true;
    }
    if (this.kind === 'disk') {
      ctx.emit('witnessChallenged', this.c.nodes[m]!, this.res.holder >= 0 ? this.c.nodes[this.res.holder]! : -1);
      ctx.setTimer(this.c.nodes[m]!, this.c.spec.challengeUs, TIMER.witnessChallenge, this.res.challenge());
    }
    return false;
  }

  /** The challenge's wait is over: true if node m now holds the disk. */
  finishChallenge(ctx: ModelContext, m: number, token: number): boolean {
    if (!this.res.finishChallenge(m, token, ctx.nowUs)) {
      ctx.emit('witnessDefended', this.res.holder >= 0 ? this.c.nodes[this.res.holder]! : -1, this.c.nodes[m]!);
      return false;
    }
    ctx.emit('witnessReserved', this.c.nodes[m]!);
    ctx.setTimer(this.c.nodes[m]!, this.c.spec.defendUs, TIMER.witnessDefend, m);
    return true;
  }

  /** The holder's periodic defence, while its cluster service runs; it lets go when the service stops. */
  defend(ctx: ModelContext, m: number): void {
    if (this.res.holder !== m) return;
    if (this.c.members.state[m]!.status !== 'up') {
      this.res.release(m);
      return;
    }
    if (this.reachable(ctx, m)) this.res.defend(m, ctx.nowUs);
    ctx.setTimer(this.c.nodes[m]!, this.c.spec.defendUs, TIMER.witnessDefend, m);
  }

  /** The holder's service stopped cleanly (quorum lost): the reservation is released for the others. */
  release(m: number): void {
    this.res.release(m);
  }
}
