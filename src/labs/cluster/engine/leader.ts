import type { CommandError } from '../../../engine/commands';
import type { ModelContext } from '../../../engine/model';
import type { ClusterModel } from './clusterModel';
import type { Update } from './gum';
import { CL_MSG } from './spec';
import { TIMER } from './timers';
import { nextAfter, type View } from './views';
import { stepToward, targetVotes } from './votes';

const HOUR_US = 3_600_000_000;

/** Why an update is made, as the trace's groupMoved event says it (Update.why). */
export const WHY = { failover: 0, failback: 1, manual: 2, restarts: 3, held: 4 } as const;

/**
 * The failover manager of the view's leader (WCS-FAILOVER-MGR): after every
 * view, and whenever it is idle, it looks at each group. A group whose owner
 * left goes to the next node after it in the preferred-owner list, unless
 * the group already failed over FailoverThreshold times in FailoverPeriod
 * (then it stays where it is, failed). A group away from its preferred
 * owner goes back when the policy allows (immediately, or when the failback
 * window opens). Moves by hand and failovers on the restart threshold come
 * here too. Every change is a global update.
 */
export class Leader {
  /** The next failback-window opening a leader has a timer for. */
  private windowAt: number[] = [];

  constructor(private readonly c: ClusterModel) {}

  /** FailoverThreshold: the configured number, or nodes − 1 (the default). */
  threshold(): number {
    const t = this.c.spec.failoverThreshold;
    return t >= 0 ? t : Math.max(1, this.c.nodes.length - 1);
  }

  /** Node m may host group g: it is a possible owner and a member of the view. */
  private canHost(view: View, g: number, m: number): boolean {
    const possible = this.c.spec.groups[g]!.possibleOwners;
    return view.members.includes(m) && (!possible || possible.includes(this.c.spec.nodes[m]!));
  }

  /**
   * A new view at leader m: placement starts again from the database. A
   * move by hand that the regroup interrupted is made again in the new view
   * if its target is still a member; otherwise it is called off, and said so.
   */
  afterView(ctx: ModelContext, m: number): void {
    const s = this.c.members.state[m]!;
    for (const u of this.c.gum.reset(m)) {
      if (u.why !== WHY.manual) continue;
      const owner = s.replica.owner[u.g]!;
      if (owner === u.owner || !s.committed.members.includes(u.owner)) {
        if (owner !== u.owner) ctx.emit('updateAborted', this.c.nodes[m]!, this.c.nodes[u.owner]!, u.g, u.seq, 2);
        continue;
      }
      if (s.committed.members.includes(owner)) this.move(ctx, m, u.g, owner, u.owner, WHY.manual);
      else this.c.gum.submit(ctx, m, { ...u, notBefore: Math.max(s.replica.notBefore[u.g]!, this.fence(ctx, m, owner)), order: [...s.committed.members.filter((o) => o !== u.owner), u.owner] });
    }
    this.place(ctx, m);
  }

  /** The leader's queue ran dry, or a period passed: anything left to do? */
  drained(ctx: ModelContext, m: number): void {
    this.place(ctx, m);
  }

  tick(ctx: ModelContext, m: number): void {
    if (!this.c.members.isLeader(m)) return;
    // an update was called off in this view: the leader keeps calling regroups until a new view resynchronises the members
    if (this.c.gum.spoiledNow(m)) this.c.regroup.propose(ctx, m);
    else if (!this.c.gum.busy(m)) this.place(ctx, m);
  }

  /** Hour of the cluster's clock (the run starts at midnight). */
  private hour(nowUs: number): number {
    return Math.floor(nowUs / HOUR_US) % 24;
  }

  private windowOpen(g: number, nowUs: number): boolean {
    const spec = this.c.spec.groups[g]!;
    if (spec.failback === 'immediate') return true;
    if (spec.failback !== 'window') return false;
    const [start, end] = spec.failbackWindow;
    const h = this.hour(nowUs);
    // both hours included, as FailbackWindowStart/End are: 1–5 allows failback from 1:00 to 5:59
    return start <= end ? h >= start && h <= end : h >= start || h <= end;
  }

  /** When the failback window of group g next opens. */
  private nextOpening(g: number, nowUs: number): number {
    const start = this.c.spec.groups[g]!.failbackWindow[0];
    const day = Math.floor(nowUs / (24 * HOUR_US)) * 24 * HOUR_US;
    let t = day + start * HOUR_US;
    while (t <= nowUs) t += 24 * HOUR_US;
    return t;
  }

  private place(ctx: ModelContext, m: number): void {
    if (!this.c.members.isLeader(m) || this.c.gum.busy(m)) return;
    const s = this.c.members.state[m]!;
    const view = s.committed;
    const r = s.replica;
    const members = view.members;
    this.c.spec.groups.forEach((spec, g) => {
      if (r.blocked[g]) return;
      const owner = r.owner[g]!;
      const order = this.c.members.preferred(g);
      if (owner < 0 || !members.includes(owner)) {
        const target = nextAfter(order, owner, (o) => this.canHost(view, g, o));
        if (target < 0) return;
        if (this.overThreshold(ctx, r.failovers[g]!)) return this.hold(ctx, m, g, owner);
        const fence = this.fence(ctx, m, owner);
        ctx.emit('groupFailover', this.c.nodes[target]!, owner < 0 ? -1 : this.c.nodes[owner]!, g);
        this.c.gum.submit(ctx, m, { g, owner: target, failoverAt: ctx.nowUs, blocked: false, displaced: this.preferredAway(view, g, target), notBefore: Math.max(fence, r.notBefore[g]!), order: [...members.filter((o) => o !== target), target], why: WHY.failover });
        return;
      }
      if (!r.displaced[g] || spec.failback === 'prevent') return;
      const listed = spec.preferredOwners.map((id) => this.c.spec.nodes.indexOf(id)).filter((o) => o >= 0 && this.canHost(view, g, o));
      const best = listed[0];
      if (best === undefined || best === owner || order.indexOf(best) > order.indexOf(owner)) return;
      if (this.windowOpen(g, ctx.nowUs)) {
        ctx.emit('groupFailback', this.c.nodes[best]!, this.c.nodes[owner]!, g);
        this.move(ctx, m, g, owner, best, WHY.failback);
      } else {
        const at = this.nextOpening(g, ctx.nowUs);
        if (this.windowAt[m] !== at) {
          this.windowAt[m] = at;
          ctx.emit('failbackWaiting', this.c.nodes[best]!, this.c.nodes[owner]!, g, Math.round((at - ctx.nowUs) / 1_000_000));
          ctx.setTimer(this.c.nodes[m]!, at - ctx.nowUs, TIMER.failbackWindow);
        }
      }
    });
    if (!this.c.gum.busy(m)) this.stepVotes(ctx, m);
  }

  /** Dynamic quorum: with nothing else to do, the leader moves the votes one step towards what the members call for (a regroup each). */
  private stepVotes(ctx: ModelContext, m: number): void {
    const spec = this.c.spec;
    if (!spec.quorum || !spec.dynamicQuorum) return;
    const v = this.c.members.state[m]!.committed;
    const target = targetVotes(this.c.nodes.length, v.members, spec.witness !== 'none', true);
    if (stepToward(v.votes, target, v.members)) this.c.regroup.propose(ctx, m);
  }

  /**
   * A group taken from a node the view left out may start only after this:
   * the last acceptances of the view came within a regroup period of it,
   * the left-out node's lease runs out `leaseUs` after its last word of
   * support, and it checks its lease every heartbeat period.
   */
  private fence(ctx: ModelContext, m: number, owner: number): number {
    if (!this.c.spec.quorum || owner < 0) return 0;
    const left = this.c.members.state[m]!.leftUs[owner]!;
    return (left >= 0 ? left : ctx.nowUs) + this.c.spec.regroupUs + this.c.spec.leaseUs + this.c.spec.heartbeatUs + 1;
  }

  private overThreshold(ctx: ModelContext, failovers: number[]): boolean {
    const recent = failovers.filter((t) => t > ctx.nowUs - this.c.spec.failoverPeriodUs).length;
    return recent >= this.threshold();
  }

  /** FailoverThreshold reached: the group stays failed where it is (and the panel says why). */
  private hold(ctx: ModelContext, m: number, g: number, owner: number): void {
    ctx.emit('failoverThresholdExceeded', this.c.nodes[m]!, owner < 0 ? -1 : this.c.nodes[owner]!, g, this.threshold());
    const members = this.c.members.state[m]!.committed.members;
    const r = this.c.members.state[m]!.replica;
    this.c.gum.submit(ctx, m, { g, owner, failoverAt: -1, blocked: true, displaced: false, notBefore: r.notBefore[g]!, order: members.slice(), why: WHY.held });
  }

  /**
   * After a failover to `target`: failback may bring the group back later
   * only if its first preferred owner is away now (failback happens when a
   * preferred owner comes back, not to a node that was there all along).
   */
  private preferredAway(view: View, g: number, target: number): boolean {
    const first = this.c.spec.nodes.indexOf(this.c.spec.groups[g]!.preferredOwners[0] ?? '');
    return first >= 0 && first !== target && !view.members.includes(first);
  }

  /** A planned move: the old owner applies first (and answers once the group is offline there), the new owner last; a fence still running stays. */
  private move(ctx: ModelContext, m: number, g: number, from: number, to: number, why: number, failoverAt = -1): void {
    const s = this.c.members.state[m]!;
    const members = s.committed.members;
    const order = [from, ...members.filter((o) => o !== from && o !== to), to];
    const displaced = why === WHY.restarts && this.preferredAway(s.committed, g, to);
    const change: Omit<Update, 'id' | 'era' | 'seq' | 'at' | 'tries' | 'leader'> = { g, owner: to, failoverAt, blocked: false, displaced, notBefore: s.replica.notBefore[g]!, order, why };
    this.c.gum.submit(ctx, m, change);
  }

  /** The owner's resource monitor gave up restarting (RestartThreshold): the group fails over to the next node, counted by FailoverThreshold. */
  failAway(ctx: ModelContext, m: number, g: number, from: number): void {
    if (!this.c.members.isLeader(m)) return;
    const s = this.c.members.state[m]!;
    if (s.replica.owner[g] !== from || s.replica.blocked[g] || this.c.gum.busy(m, g)) return;
    const target = nextAfter(this.c.members.preferred(g), from, (o) => this.canHost(s.committed, g, o));
    if (target < 0 || this.overThreshold(ctx, s.replica.failovers[g]!)) return this.hold(ctx, m, g, from);
    ctx.emit('groupFailover', this.c.nodes[target]!, this.c.nodes[from]!, g);
    this.move(ctx, m, g, from, target, WHY.restarts, ctx.nowUs);
  }

  /** Owner m asks its leader to fail group g away. */
  requestFailAway(ctx: ModelContext, m: number, g: number): void {
    const leader = this.c.members.state[m]!.committed.members[0]!;
    if (leader === m) this.failAway(ctx, m, g, m);
    else ctx.send(this.c.nodes[m]!, this.c.nodes[leader]!, CL_MSG.gumUpdate, 48, { op: 'failAway', from: m, g }, this.c.beats.bestNet(m, leader));
  }

  /**
   * "Move group" from the cluster's management: it reaches the leader of the
   * newest view still running. Refused (and nothing changes) when no node
   * has quorum, the group is changing state, or the node cannot take it.
   */
  manualMove(ctx: ModelContext, g: number, target: number | undefined): CommandError | null {
    const label = this.c.spec.groups[g]!.label;
    let m = -1;
    this.c.members.state.forEach((s, k) => {
      if (s.status === 'up' && this.c.members.isLeader(k) && (m < 0 || s.committed.ballot > this.c.members.state[m]!.committed.ballot)) m = k;
    });
    if (m < 0) return { code: 'noQuorum', params: { id: label } };
    const s = this.c.members.state[m]!;
    const owner = s.replica.owner[g]!;
    if (this.c.gum.busy(m, g) || (owner >= 0 && this.c.table.groupState(owner, g) === 'pending')) return { code: 'groupPending', params: { id: label } };
    const order = this.c.members.preferred(g);
    const to = target ?? nextAfter(order, owner, (o) => this.canHost(s.committed, g, o) && this.c.members.inService(o));
    if (to < 0) return { code: 'noTarget', params: { id: label } };
    const node = this.c.spec.nodes[to]!;
    const possible = this.c.spec.groups[g]!.possibleOwners;
    if (possible && !possible.includes(node)) return { code: 'notPossibleOwner', params: { id: node, group: label } };
    if (!s.committed.members.includes(to) || !this.c.members.inService(to)) return { code: 'notMember', params: { id: node } };
    if (to === owner && !s.replica.blocked[g]) return { code: 'alreadyOwner', params: { id: node, group: label } };
    ctx.emit('groupMoveRequested', this.c.nodes[to]!, owner < 0 ? -1 : this.c.nodes[owner]!, g);
    if (owner >= 0 && s.committed.members.includes(owner) && owner !== to) this.move(ctx, m, g, owner, to, WHY.manual);
    else this.c.gum.submit(ctx, m, { g, owner: to, failoverAt: -1, blocked: false, displaced: false, notBefore: Math.max(s.replica.notBefore[g]!, owner === to ? 0 : this.fence(ctx, m, owner)), order: [...s.committed.members.filter((o) => o !== to), to], why: WHY.manual });
    return null;
  }
}
