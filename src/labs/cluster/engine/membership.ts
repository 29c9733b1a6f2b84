import type { Message, ModelContext } from '../../../engine/model';
import type { ClusterModel } from './clusterModel';
import type { Beat } from './heartbeats';
import { NodeState } from './nodeState';
import { TIMER } from './timers';
import { copyReplica, preferredOrder, type View } from './views';
import { targetVotes, totalVotes, votesOf } from './votes';

/** After (re)starting, a node waits this many regroup periods to be taken in before it calls a regroup itself. */
const JOIN_WAIT = 3;
/** The leader tries to take the same node in again after this many regroup periods at the earliest. */
const JOIN_RETRY = 20;

/**
 * Each node's cluster service: whether it runs, the views it accepted and
 * committed, its copy of the database, and its lease: a node keeps running
 * only while members holding a majority of the view's votes have said,
 * within `leaseUs`, that they still count it in (their heartbeats carry
 * that word). A node that is left out stops in time because nobody says it
 * any more, and the node that takes over its groups waits out that time.
 */
export class Membership {
  readonly state: NodeState[] = [];

  constructor(private readonly c: ClusterModel) {}

  private get n(): number {
    return this.c.nodes.length;
  }

  init(ctx: ModelContext): void {
    const all = this.c.nodes.map((_, m) => m);
    const spec = this.c.spec;
    const owner = spec.groups.map((_, g) => this.preferred(g)[0]!);
    const genesis: View = {
      ballot: 0,
      members: all,
      votes: targetVotes(this.n, all, spec.witness !== 'none', spec.dynamicQuorum),
      replica: {
        era: 0,
        seq: 0,
        owner,
        failovers: spec.groups.map(() => []),
        blocked: spec.groups.map(() => false),
        displaced: spec.groups.map(() => false),
        notBefore: spec.groups.map(() => 0),
      },
    };
    for (const m of all) {
      const s = new NodeState(this.n, this.c.beats.routes, genesis);
      s.replica = copyReplica(genesis.replica);
      s.supUntil.fill(ctx.nowUs + spec.leaseUs);
      this.state.push(s);
      this.startTimers(ctx, m);
    }
    this.c.witness.init(ctx, genesis);
  }

  private startTimers(ctx: ModelContext, m: number): void {
    ctx.setTimer(this.c.nodes[m]!, this.c.spec.heartbeatUs, TIMER.heartbeat);
    ctx.setTimer(this.c.nodes[m]!, this.c.spec.heartbeatUs, TIMER.check);
  }

  /** Preferred owners of group g as model indices: the listed ones first, then every other node in order. */
  preferred(g: number): number[] {
    const listed = this.c.spec.groups[g]!.preferredOwners.map((id) => this.c.spec.nodes.indexOf(id));
    return preferredOrder(listed, this.n);
  }

  inService(m: number): boolean {
    return this.state[m]?.status === 'up';
  }

  /** The view node m works in. */
  view(m: number): View {
    return this.state[m]!.committed;
  }

  /** The leader of node m's view (its lowest member): it places the groups and runs the global updates. */
  isLeader(m: number): boolean {
    return this.inService(m) && this.state[m]!.committed.members[0] === m;
  }

  onTimer(ctx: ModelContext, m: number, tag: number): void {
    const s = this.state[m]!;
    if (tag === TIMER.heartbeat) {
      ctx.setTimer(this.c.nodes[m]!, this.c.spec.heartbeatUs, TIMER.heartbeat);
      this.c.beats.send(ctx, m);
      return;
    }
    ctx.setTimer(this.c.nodes[m]!, this.c.spec.heartbeatUs, TIMER.check);
    const lost = this.c.beats.check(ctx, m);
    if (s.status === 'up' && !this.leaseOk(ctx, m)) return this.stop(ctx, m, 'quorumLost');
    // a node that keeps running a minute is no longer one that keeps being left out
    if (s.status === 'up' && ctx.nowUs - s.sinceUs > 60 * this.c.spec.heartbeatUs) s.outCount = 0;
    const v = s.committed;
    if (s.status === 'up') {
      // the lowest member this node still hears calls the regroup; the others give it time, then call their own
      const suspect = v.members.some((o) => s.suspected[o]);
      if (!suspect) s.suspectSinceUs = -1;
      else if (s.suspectSinceUs < 0 || lost.length > 0) s.suspectSinceUs = ctx.nowUs;
      const caller = v.members.find((o) => o === m || !s.suspected[o]);
      // (a regroup may take a witness challenge on top of its own period)
      const patience = 3 * this.c.spec.regroupUs + (this.c.spec.witness === 'none' ? 0 : this.c.spec.challengeUs);
      const waited = ctx.nowUs - Math.max(s.suspectSinceUs, s.regroupSeenUs) > patience;
      if (suspect && (caller === m || waited)) this.c.regroup.propose(ctx, m);
    } else if (ctx.nowUs - s.sinceUs >= JOIN_WAIT * this.c.spec.regroupUs * 2 ** Math.min(s.outCount, 5)) {
      // out of the cluster and nobody has taken it in: it calls a regroup itself (forming the cluster, or joining)
      this.c.regroup.propose(ctx, m);
    }
    // a view accepted but never committed (its caller failed): regroup again
    if (s.accepted.ballot > v.ballot && ctx.nowUs - s.acceptedUs > 3 * this.c.spec.regroupUs) this.c.regroup.propose(ctx, m);
  }

  /** A heartbeat: the route is alive; a node on a newer view is asked for it; the leader takes in a node that is out. */
  onHeartbeat(ctx: ModelContext, o: number, msg: Message): void {
    const b: Beat = this.c.beats.receive(ctx, o, msg);
    const s = this.state[o]!;
    if (s.status === 'down') return;
    if (b.committed > s.committed.ballot) this.c.regroup.catchUp(ctx, o, b.from, b.committed);
    else if (this.isLeader(o) && (b.out || !s.committed.members.includes(b.from)) && ctx.nowUs >= s.joinAfterUs && ctx.nowUs - s.joinTriedUs[b.from]! > JOIN_RETRY * this.c.spec.regroupUs) {
      // the leader takes a node in, but does not keep retrying one that the regroup left out again
      s.joinAfterUs = ctx.nowUs + 2 * this.c.spec.regroupUs;
      s.joinTriedUs[b.from] = ctx.nowUs;
      this.c.regroup.propose(ctx, o);
    }
  }

  /**
   * Whether node m's lease holds now: its own vote (unless it has accepted
   * a newer view), the votes of members whose last word (for exactly this
   * view) still counts, and the witness's (when it is on this view and m
   * holds it, or nobody does) make more than half.
   */
  leaseOk(ctx: ModelContext, m: number): boolean {
    if (!this.c.spec.quorum) return true;
    const s = this.state[m]!;
    const v = s.committed;
    if (!v.members.includes(m)) return false;
    // its own vote too counts only while it has not accepted a newer view (if it has, the cluster may be moving on without it)
    const backers = v.members.filter((o) => (o === m ? s.accepted.ballot === v.ballot : s.supBallot[o] === v.ballot && s.supUntil[o]! > ctx.nowUs));
    const w = this.c.witness;
    const withWitness = w.kind !== 'none' && ((w.holds(ctx, m) && w.reachable(ctx, m)) || w.free(ctx, m)) && w.accepted?.ballot === v.ballot;
    return 2 * votesOf(v.votes, backers, withWitness) > totalVotes(v.votes);
  }

  /** Node m accepts a view (phase 2): its heartbeats now speak for that view; left out of it, its service stops. */
  accept(ctx: ModelContext, m: number, view: View): void {
    const s = this.state[m]!;
    s.accepted = view;
    s.acceptedUs = ctx.nowUs;
    s.promised = Math.max(s.promised, view.ballot);
    if (s.status === 'up' && !view.members.includes(m)) this.stop(ctx, m, 'evicted');
    this.c.beats.send(ctx, m);
  }

  /**
   * A committed view reaches node m (or m committed it). The acceptors have
   * just counted every member in, so their word counts from the commit.
   */
  install(ctx: ModelContext, m: number, view: View, acceptors: number[], sentUs: number): void {
    const s = this.state[m]!;
    if (s.status === 'down' || view.ballot <= s.committed.ballot) return;
    s.committed = view;
    if (s.accepted.ballot < view.ballot) s.accepted = view;
    s.promised = Math.max(s.promised, view.ballot);
    s.replica = copyReplica(view.replica);
    this.c.gum.onInstall(m);
    for (let k = 0; k < this.n; k++) {
      if (view.members.includes(k)) s.leftUs[k] = -1;
      else if (s.leftUs[k]! < 0) s.leftUs[k] = ctx.nowUs;
    }
    for (const a of acceptors) {
      if (a === m || sentUs < 0 || s.supBallot[a]! > view.ballot) continue;
      if (s.supBallot[a]! < view.ballot) [s.supBallot[a], s.supUntil[a]] = [view.ballot, -1];
      s.supUntil[a] = Math.max(s.supUntil[a]!, sentUs + this.c.spec.leaseUs);
    }
    const member = view.members.includes(m);
    if (member && s.status === 'out' && view.ballot > s.staleBallot) {
      s.status = 'up';
      s.sinceUs = ctx.nowUs;
    }
    if (!member && s.status === 'up') this.stop(ctx, m, 'evicted');
    if (s.status === 'up') {
      ctx.emit('membershipChanged', this.c.nodes[m]!, -1, -1, view.members.length, totalVotes(view.votes));
      if (this.c.witness.holds(ctx, m)) this.c.witness.accept(ctx, m, view);
    }
    this.c.settleAll(ctx, m);
    if (this.isLeader(m)) this.c.leader.afterView(ctx, m);
  }

  /** The cluster service of node m stops: it lost quorum, or the others left it out. Its groups go at once. */
  stop(ctx: ModelContext, m: number, why: 'quorumLost' | 'evicted'): void {
    const s = this.state[m]!;
    const v = s.committed;
    s.status = 'out';
    s.staleBallot = v.ballot;
    s.sinceUs = ctx.nowUs;
    s.outCount++;
    if (why === 'quorumLost') ctx.emit('quorumLost', this.c.nodes[m]!, -1, -1, v.members.filter((o) => this.c.beats.reachable(m, o)).length, totalVotes(v.votes));
    else ctx.emit('nodeEvicted', this.c.nodes[m]!);
    this.c.witness.release(m);
    this.c.driver.dropAll(ctx, m);
  }

  onCrash(m: number): void {
    const s = this.state[m]!;
    s.status = 'down';
    s.staleBallot = s.committed.ballot;
    s.prop = null;
  }

  onRestart(ctx: ModelContext, m: number): void {
    const s = this.state[m]!;
    s.status = 'out';
    s.sinceUs = ctx.nowUs;
    s.quietUntilUs = 0;
    s.catchupBallot = -1;
    this.c.beats.reset(ctx, m);
    this.startTimers(ctx, m);
  }

  /** Quorum switched back on: every node counts every vote again (the sides may have diverged), and those without a majority stop now. */
  requorum(ctx: ModelContext): void {
    const full = targetVotes(this.n, [], this.c.spec.witness !== 'none', false);
    for (const s of this.state) {
      s.committed = { ...s.committed, votes: full.slice() };
      s.accepted = s.accepted.ballot === s.committed.ballot ? s.committed : { ...s.accepted, votes: full.slice() };
    }
    this.state.forEach((s, m) => {
      if (s.status === 'up' && !this.leaseOk(ctx, m)) this.stop(ctx, m, 'quorumLost');
    });
  }
}
