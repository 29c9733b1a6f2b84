import type { ModelContext } from '../../../engine/model';
import type { ClusterModel } from './clusterModel';
import type { Proposal } from './nodeState';
import { CL_MSG } from './spec';
import { TIMER } from './timers';
import { quorate, stepToward, targetVotes } from './votes';
import { BALLOT_SPAN, copyReplica, fresher, roundOf, type Replica, type View } from './views';

/** What regroup messages carry (`op` tells them apart; kinds only colour them). */
export type RegroupMsg =
  | { op: 'prepare'; from: number; ballot: number }
  | { op: 'promise'; from: number; ballot: number; ok: boolean; promised: number; accepted?: View; committed?: number; replica?: Replica; hears?: number; witness?: NonNullable<Proposal['witness']> | null }
  | { op: 'accept'; from: number; ballot: number; view: View; sentUs: number }
  | { op: 'accepted'; from: number; ballot: number; ok: boolean; witness: boolean; sentUs: number }
  | { op: 'commit'; from: number; view: View; acceptors: number[]; sentUs: number }
  | { op: 'catchup'; from: number }
  | { op: 'viewInfo'; from: number; view: View };

/**
 * The regroup (WCS-NODEMGR): agreeing on who the members are, so that a
 * cut-off node and the rest never both run the cluster. A node that loses
 * a peer (or hears one that is not a member) calls a regroup with a ballot
 * higher than any it has seen; every node that answers promises to ignore
 * older ballots and says which view it last accepted. With more than half
 * of the votes of that view (and the witness's, if its holder answered or
 * the caller wins its arbitration) the caller proposes the nodes that
 * answered as the new view; once a majority accepted it, it is committed.
 * Two views can never both be committed from the same one, and votes change
 * one at a time between views, so two sides can never both have a majority.
 */
export class Regroup {
  constructor(private readonly c: ClusterModel) {}

  private send(ctx: ModelContext, from: number, to: number, kind: number, payload: RegroupMsg, bytes: number): void {
    ctx.send(this.c.nodes[from]!, this.c.nodes[to]!, kind, bytes, payload, this.c.beats.bestNet(from, to));
  }

  private viewBytes(v: View): number {
    return 96 + 8 * v.members.length + 8 * v.replica.owner.length;
  }

  /** The nodes o hears (a bit each): a view keeps only nodes that all hear each other. */
  private hears(o: number): number {
    let mask = 0;
    for (let k = 0; k < this.c.nodes.length; k++) if (this.c.beats.reachable(o, k)) mask |= 1 << k;
    return mask;
  }

  /**
   * The members of the new view: the caller, then each node that answered,
   * in node order, if it and every member so far hear each other (a node
   * that cannot reach some member would make the view fail again at once).
   */
  private connected(pr: Proposal, m: number): number[] {
    const hears = (a: number, b: number) => ((pr.promises.get(a)!.hears >> b) & 1) === 1;
    const members = [m];
    for (const o of [...pr.promises.keys()].sort((a, b) => a - b)) {
      if (o === m || pr.exclude.includes(o)) continue;
      if (members.every((k) => hears(o, k) && hears(k, o))) members.push(o);
    }
    return members.sort((a, b) => a - b);
  }

  /** Node m calls a regroup (unless one of its own is under way or it is backing off). */
  propose(ctx: ModelContext, m: number, exclude: number[] = []): void {
    const s = this.c.members.state[m]!;
    if (s.status === 'down' || s.prop || ctx.nowUs < s.quietUntilUs) return;
    const round = Math.max(roundOf(s.promised), roundOf(s.accepted.ballot), roundOf(s.committed.ballot)) + 1;
    const ballot = round * BALLOT_SPAN + m;
    s.promised = ballot;
    const pr: Proposal = {
      ballot,
      phase: 1,
      startedUs: ctx.nowUs,
      promises: new Map([[m, { accepted: s.accepted, committed: s.committed.ballot, replica: s.replica, hears: this.hears(m) }]]),
      witness: this.c.witness.kind === 'none' ? null : this.c.witness.prepare(ctx, m, ballot),
      arbitrating: false,
      exclude,
      view: null,
      base: null,
      acceptors: [],
      witnessAccepted: false,
    };
    s.prop = pr;
    ctx.emit('regroupStarted', this.c.nodes[m]!, -1, -1, ballot);
    for (let o = 0; o < this.c.nodes.length; o++) if (o !== m) this.send(ctx, m, o, CL_MSG.regroup, { op: 'prepare', from: m, ballot }, 48);
    ctx.setTimer(this.c.nodes[m]!, this.c.spec.regroupUs, TIMER.regroupEnd, ballot);
  }

  onMessage(ctx: ModelContext, o: number, p: RegroupMsg): void {
    const s = this.c.members.state[o]!;
    if (p.op === 'prepare' || p.op === 'accept' || p.op === 'commit') s.regroupSeenUs = ctx.nowUs;
    switch (p.op) {
      case 'prepare': {
        const ok = p.ballot > s.promised;
        if (ok) {
          s.promised = p.ballot;
          // a higher regroup is under way: this node's own gives way
          if (s.prop && s.prop.ballot < p.ballot) this.giveUp(ctx, o, false);
        }
        const witness = ok && this.c.witness.kind !== 'none' ? this.c.witness.prepare(ctx, o, p.ballot) : null;
        const reply: RegroupMsg = ok
          ? { op: 'promise', from: o, ballot: p.ballot, ok, promised: s.promised, accepted: s.accepted, committed: s.committed.ballot, replica: s.replica, hears: this.hears(o), witness }
          : { op: 'promise', from: o, ballot: p.ballot, ok, promised: s.promised };
        this.send(ctx, o, p.from, CL_MSG.regroupAck, reply, ok ? 64 + this.viewBytes(s.accepted) : 48);
        break;
      }
      case 'promise': {
        const pr = s.prop;
        if (!pr || pr.phase !== 1 || pr.ballot !== p.ballot || !p.ok) break;
        pr.promises.set(p.from, { accepted: p.accepted!, committed: p.committed!, replica: p.replica!, hears: p.hears! });
        if (p.witness) pr.witness ??= p.witness;
        if (pr.promises.size === this.c.nodes.length && !pr.arbitrating) this.endPhase1(ctx, o);
        break;
      }
      case 'accept':
        this.onAccept(ctx, o, p);
        break;
      case 'accepted': {
        const pr = s.prop;
        if (!pr || pr.phase !== 2 || pr.ballot !== p.ballot || !p.ok || pr.acceptors.includes(p.from)) break;
        pr.acceptors.push(p.from);
        pr.witnessAccepted ||= p.witness;
        this.maybeCommit(ctx, o);
        break;
      }
      case 'commit':
        this.c.members.install(ctx, o, p.view, p.acceptors, p.sentUs);
        break;
      case 'catchup':
        this.send(ctx, o, p.from, CL_MSG.view, { op: 'viewInfo', from: o, view: s.committed }, this.viewBytes(s.committed));
        break;
      case 'viewInfo':
        this.c.members.install(ctx, o, p.view, [], -1);
        break;
    }
  }

  /** A timer of the regroup fired. */
  onTimer(ctx: ModelContext, m: number, tag: number, data: unknown): void {
    const pr = this.c.members.state[m]!.prop;
    if (tag === TIMER.witnessChallenge) {
      if (!pr || !pr.arbitrating) return;
      pr.arbitrating = false;
      if (this.c.witness.finishChallenge(ctx, m, data as number)) pr.witness ??= this.c.witness.prepare(ctx, m, pr.ballot);
      this.endPhase1(ctx, m, true);
      return;
    }
    if (!pr || pr.ballot !== data) return;
    if (tag === TIMER.regroupEnd && pr.phase === 1 && !pr.arbitrating) this.endPhase1(ctx, m);
    else if (tag === TIMER.acceptEnd && pr.phase === 2) this.giveUp(ctx, m, true);
  }

  /** The answers are in: propose the new view if this side has a majority of the votes it last agreed on. */
  private endPhase1(ctx: ModelContext, m: number, arbitrated = false): void {
    const s = this.c.members.state[m]!;
    const pr = s.prop!;
    const n = this.c.nodes.length;
    const promisers = [...pr.promises.keys()].sort((a, b) => a - b);
    let base = s.accepted;
    for (const p of pr.promises.values()) if (p.accepted.ballot > base.ballot) base = p.accepted;
    if (pr.witness?.accepted && pr.witness.accepted.ballot > base.ballot) base = pr.witness.accepted;
    const members = this.connected(pr, m);
    if (this.c.spec.quorum) {
      const witnessVotes = this.c.witness.kind !== 'none' && base.votes[n]! > 0;
      if (witnessVotes && !pr.witness && !arbitrated && !quorate(base.votes, members, false)) {
        // this side needs the witness's vote: arbitrate for it (a disk challenge waits for a defence)
        if (this.c.witness.acquire(ctx, m)) pr.witness = this.c.witness.prepare(ctx, m, pr.ballot);
        else if (this.c.witness.kind === 'disk' && this.c.witness.reachable(ctx, m)) {
          pr.arbitrating = true;
          return;
        }
        if (pr.witness?.accepted && pr.witness.accepted.ballot > base.ballot) base = pr.witness.accepted;
      }
    }
    if (this.c.spec.quorum && !quorate(base.votes, members, pr.witness !== null)) return this.fail(ctx, m, 0);
    let replica = base.replica;
    for (const p of pr.promises.values()) if (fresher(p.replica, replica)) replica = p.replica;
    const w = pr.witness;
    if (w?.replica && fresher(w.replica, replica)) replica = w.replica;
    // a file-share witness saw a newer database than this side has: forming the cluster would go back in time
    if (w && this.c.spec.quorum && (w.version[0] > replica.era || (w.version[0] === replica.era && w.version[1] > replica.seq))) return this.fail(ctx, m, 1);
    const baseCommitted = [...pr.promises.values()].some((p) => p.committed >= base.ballot);
    let votes = base.votes;
    if (this.c.spec.quorum && this.c.spec.dynamicQuorum && baseCommitted) {
      votes = stepToward(base.votes, targetVotes(n, members, this.c.witness.kind !== 'none', true), members) ?? base.votes;
    }
    const view: View = { ballot: pr.ballot, members, votes, replica: { ...copyReplica(replica), era: pr.ballot, seq: 0 } };
    this.c.ledger.proposed(view.ballot, base.ballot);
    pr.phase = 2;
    pr.view = view;
    pr.base = base;
    this.c.members.accept(ctx, m, view);
    pr.acceptors.push(m);
    pr.witnessAccepted = w !== null && this.c.witness.accept(ctx, m, view);
    for (const o of promisers) if (o !== m) this.send(ctx, m, o, CL_MSG.regroup, { op: 'accept', from: m, ballot: pr.ballot, view, sentUs: ctx.nowUs }, this.viewBytes(view));
    ctx.setTimer(this.c.nodes[m]!, this.c.spec.regroupUs, TIMER.acceptEnd, pr.ballot);
    this.maybeCommit(ctx, m);
  }

  /** Node o is asked to accept a view: only one not older than its promise, and only while the offer is fresh. */
  private onAccept(ctx: ModelContext, o: number, p: Extract<RegroupMsg, { op: 'accept' }>): void {
    const s = this.c.members.state[o]!;
    const ok = p.ballot >= s.promised && ctx.nowUs - p.sentUs <= this.c.spec.regroupUs;
    let witness = false;
    if (ok) {
      if (s.prop && s.prop.ballot < p.ballot) this.giveUp(ctx, o, false);
      this.c.members.accept(ctx, o, p.view);
      witness = this.c.witness.kind !== 'none' && this.c.witness.accept(ctx, o, p.view);
    }
    this.send(ctx, o, p.from, CL_MSG.regroupAck, { op: 'accepted', from: o, ballot: p.ballot, ok, witness, sentUs: ctx.nowUs }, 48);
  }

  /** A majority of the votes the proposal follows from accepted it: it is the cluster's view. */
  private maybeCommit(ctx: ModelContext, m: number): void {
    const s = this.c.members.state[m]!;
    const pr = s.prop!;
    if (this.c.spec.quorum && !quorate(pr.base!.votes, pr.acceptors, pr.witnessAccepted)) return;
    const view = pr.view!;
    s.prop = null;
    this.c.ledger.committed(view.ballot, this.c.spec.quorum);
    for (const o of view.members) if (o !== m) this.send(ctx, m, o, CL_MSG.view, { op: 'commit', from: m, view, acceptors: pr.acceptors, sentUs: ctx.nowUs }, this.viewBytes(view));
    this.c.members.install(ctx, m, view, pr.acceptors, ctx.nowUs);
  }

  /** The proposal did not get through (reason 0: no majority, 1: this side's database is older than the witness's). */
  private fail(ctx: ModelContext, m: number, reason: number): void {
    ctx.emit('regroupFailed', this.c.nodes[m]!, -1, -1, reason);
    this.giveUp(ctx, m, true);
  }

  /** Drops this node's proposal; after a failure it waits a random 1–3 s before calling another. */
  giveUp(ctx: ModelContext, m: number, backOff: boolean): void {
    const s = this.c.members.state[m]!;
    s.prop = null;
    if (backOff) s.quietUntilUs = ctx.nowUs + this.c.spec.regroupUs + ctx.rng.int(0, 2 * this.c.spec.regroupUs);
  }

  /** Node o heard a peer on a newer view than it has: it asks for that view. */
  catchUp(ctx: ModelContext, o: number, peer: number, ballot: number): void {
    const s = this.c.members.state[o]!;
    if (ballot <= s.catchupBallot) return;
    s.catchupBallot = ballot;
    this.send(ctx, o, peer, CL_MSG.regroup, { op: 'catchup', from: o }, 32);
  }
}
