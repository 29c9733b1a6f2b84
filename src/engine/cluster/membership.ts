import type { CommandError } from '../commands';
import type { Message, ModelContext } from '../model';
import type { ClusterModel } from './clusterModel';
import { CL_MSG } from './spec';

const HB = 30;
const CHECK = 31;
const REGROUP_END = 32;
const GUM_TIMEOUT = 33;
const ARBITRATE = 34;
const JOINED = 35;
/** FailoverPeriod: at most nodes−1 failovers of a group in six hours (FailoverThreshold's default). */
const FAILOVER_PERIOD_US = 6 * 3600 * 1_000_000;


/** One node's copy of the configuration database (WCS-CONFIGDB): who owns each group, and its version. */
export interface Replica {
  seq: number;
  owner: number[];
}

function copy(r: Replica): Replica {
  return { seq: r.seq, owner: r.owner.slice() };
}

/** A global update in progress: sent to each member in turn, all or nothing (WCS-CONFIGDB's GUM). */
interface Update {
  id: number;
  from: number;
  targets: number[];
  at: number;
  g: number;
  owner: number;
  seq: number;
  /** Members that applied it so far. */
  acks: number;
  /** A failover: the new owner applies last, and only if a majority applied before it. */
  majority: boolean;
}

/**
 * The node manager and the failover manager (WCS-NODEMGR, WCS-FAILOVER-MGR):
 * heartbeats on every network, regroup when a peer goes silent or a new one
 * speaks, a new view adopted only with a majority (when quorum is on), and
 * the lowest node of a view placing the groups by preferred owners.
 * Indices here are the cluster model's node indices (`m`).
 */
export class Membership {
  view: number[][] = [];
  replica: Replica[] = [];
  private svc: boolean[] = [];
  /** inView[m][o]: o is in m's view (asked on every heartbeat, so not a search of `view`). */
  private inView: boolean[][] = [];
  private lastHeard: number[][] = [];
  private suspected: boolean[][] = [];
  private regroup: (Set<number> | null)[] = [];
  /** The freshest configuration database a regroup leader has heard of (a rejoining node's copy is stale). */
  private best: (Replica | null)[] = [];
  /** A node that just (re)joined holds off bringing groups online until the views and updates in flight have reached it. */
  private joining: boolean[] = [];
  /** Failovers waiting for a confirming regroup, per coordinator. */
  private confirm: [number, number][][] = [];
  private restarts: number[][] = [];
  private failovers: number[][] = [];
  private updates = new Map<number, Update>();
  /** Acks held back until this node has the group offline (a planned move never overlaps owners). */
  private heldAcks: (Update | null)[][] = [];
  private nextUpdate = 1;
  /** Each node's heartbeat payload: the same every time, so one object each rather than one per heartbeat. */
  private beat: { from: number }[] = [];
  private seq = 0;

  constructor(private readonly c: ClusterModel) {}

  private get n(): number {
    return this.c.nodes.length;
  }

  /** The node holding the witness disk's reservation (model index), when the cluster has one. */
  witnessHolder = 0;

  /** Votes for quorum: one per node, plus the witness disk's when there is one. */
  private get votes(): number {
    return this.n + (this.c.spec.witness ? 1 : 0);
  }

  /**
   * Whether view v gets the witness disk's vote. Like a SCSI reservation, the
   * holder keeps it while it runs, even cut off from the others; only when
   * the holder is down may another side take the disk over.
   */
  private witnessVote(ctx: ModelContext, v: number[]): boolean {
    if (!this.c.spec.witness) return false;
    if (v.includes(this.witnessHolder)) return true;
    if (ctx.net.nodes[this.c.nodes[this.witnessHolder]!]?.up) return false;
    this.witnessHolder = v[0]!;
    return true;
  }

  private setView(m: number, v: number[]): void {
    this.view[m] = v;
    const mask = this.c.nodes.map(() => false);
    for (const o of v) mask[o] = true;
    this.inView[m] = mask;
  }

  inService(m: number): boolean {
    return this.svc[m] === true;
  }

  /** In service and past its joining pause: may bring groups online. */
  settled(m: number): boolean {
    return this.svc[m] === true && !this.joining[m];
  }

  /** Preferred owners of group g as model indices: the listed ones first, then every other node in order. */
  preferred(g: number): number[] {
    const listed = this.c.spec.groups[g]!.preferredOwners.map((id) => this.c.spec.nodes.indexOf(id)).filter((m) => m >= 0);
    return [...listed, ...this.c.nodes.map((_, m) => m).filter((m) => !listed.includes(m))];
  }

  init(ctx: ModelContext): void {
    const all = this.c.nodes.map((_, m) => m);
    const owners = this.c.spec.groups.map((_, g) => this.preferred(g)[0]!);
    for (const m of all) {
      this.svc[m] = true;
      this.setView(m, all.slice());
      this.replica[m] = { seq: 0, owner: owners.slice() };
      this.lastHeard[m] = all.map(() => 0);
      this.suspected[m] = all.map(() => false);
      this.regroup[m] = null;
      this.best[m] = null;
      this.confirm[m] = [];
      this.heldAcks[m] = this.c.spec.groups.map(() => null);
      this.beat[m] = { from: m };
      this.startTimers(ctx, m);
    }
    this.c.spec.groups.forEach((_, g) => {
      this.restarts[g] = [];
      this.failovers[g] = [];
      this.c.driver.bringOnline(ctx, owners[g]!, g);
    });
  }

  private startTimers(ctx: ModelContext, m: number): void {
    ctx.setTimer(this.c.nodes[m]!, this.c.spec.heartbeatUs, HB);
    ctx.setTimer(this.c.nodes[m]!, this.c.spec.heartbeatUs, CHECK);
  }

  private sendTo(ctx: ModelContext, from: number, to: number, kind: number, payload: unknown, bytes = 64): void {
    ctx.send(this.c.nodes[from]!, this.c.nodes[to]!, kind, bytes, payload);
  }

  /** Handles the node manager's timers; false when the tag is not one of them. */
  onTimer(ctx: ModelContext, m: number, tag: number, data: unknown): boolean {
    const spec = this.c.spec;
    if (tag === HB) {
      ctx.setTimer(this.c.nodes[m]!, spec.heartbeatUs, HB);
      const beat = this.beat[m]!;
      for (let o = 0; o < this.n; o++) if (o !== m) this.sendTo(ctx, m, o, CL_MSG.heartbeat, beat);
    } else if (tag === CHECK) {
      ctx.setTimer(this.c.nodes[m]!, spec.heartbeatUs, CHECK);
      if (!this.svc[m]) return true;
      for (const o of this.view[m]!) {
        if (o === m || this.suspected[m]![o] || ctx.nowUs - this.lastHeard[m]![o]! <= spec.threshold * spec.heartbeatUs) continue;
        this.suspected[m]![o] = true;
        ctx.emit('heartbeatMissed', this.c.nodes[m]!, this.c.nodes[o]!, -1, spec.threshold);
        this.startRegroup(ctx, m);
      }
    } else if (tag === REGROUP_END) this.endRegroup(ctx, m);
    else if (tag === JOINED) {
      this.joining[m] = false;
      this.c.spec.groups.forEach((_, g) => this.settle(ctx, m, g));
    } else if (tag === ARBITRATE) this.failover(ctx, m, ...(data as [number, number]));
    else if (tag === GUM_TIMEOUT) {
      const [id, at] = data as [number, number];
      const u = this.updates.get(id);
      // a member that does not answer is skipped (a real cluster would evict it)
      if (u && u.at === at) this.advance(ctx, u, false);
    } else return false;
    return true;
  }

  onMessage(ctx: ModelContext, m: number, msg: Message): void {
    if (msg.kind === CL_MSG.heartbeat) {
      // most messages by far, and all of one shape: handled first, apart from the others' fields
      const from = (msg.payload as { from: number }).from;
      this.lastHeard[m]![from] = ctx.nowUs;
      this.suspected[m]![from] = false;
      // a node we do not count as a member is alive: regroup to take it in (or to rejoin, if we are out)
      if (!this.inView[m]![from] || !this.svc[m]) this.startRegroup(ctx, m);
      return;
    }
    const p = msg.payload as { from: number; seq?: number; view?: number[]; ok?: boolean; u?: Update; replica?: Replica; heard?: number[] };
    // what any member heard last from each node is shared in a regroup: a node that was cut off itself
    // must not judge others' silence by its own deafness
    if (p.heard) this.lastHeard[m] = this.lastHeard[m]!.map((t, i) => Math.max(t, p.heard![i]!));
    switch (msg.kind) {
      case CL_MSG.regroup:
        this.sendTo(ctx, m, p.from, CL_MSG.regroupAck, { from: m, seq: p.seq, replica: copy(this.replica[m]!), heard: this.lastHeard[m]!.slice() });
        break;
      case CL_MSG.regroupAck:
        if (!this.regroup[m]) break;
        this.regroup[m]!.add(p.from);
        if (p.replica && p.replica.seq > this.best[m]!.seq) this.best[m] = p.replica;
        break;
      case CL_MSG.view:
        this.applyView(ctx, m, p.view!, p.ok!, p.replica);
        break;
      case CL_MSG.gumUpdate:
        this.applyUpdate(ctx, m, p.u!);
        break;
      case CL_MSG.gumAck: {
        const u = this.updates.get(p.u!.id);
        if (u && u.at === p.u!.at) this.advance(ctx, u, true);
        break;
      }
    }
  }

  private startRegroup(ctx: ModelContext, m: number): void {
    if (this.regroup[m]) return;
    this.regroup[m] = new Set([m]);
    this.best[m] = copy(this.replica[m]!);
    ctx.emit('regroupStarted', this.c.nodes[m]!);
    for (let o = 0; o < this.n; o++) if (o !== m) this.sendTo(ctx, m, o, CL_MSG.regroup, { from: m });
    ctx.setTimer(this.c.nodes[m]!, this.c.spec.regroupUs, REGROUP_END);
  }

  private endRegroup(ctx: ModelContext, m: number): void {
    const got = this.regroup[m];
    this.regroup[m] = null;
    if (!got) return;
    const v = [...got].sort((a, b) => a - b);
    const ok = !this.c.spec.quorum || (v.length + (this.witnessVote(ctx, v) ? 1 : 0)) * 2 > this.votes;
    const replica = this.best[m]!;
    for (const o of v) if (o !== m) this.sendTo(ctx, m, o, CL_MSG.view, { from: m, view: v, ok, replica, heard: this.lastHeard[m]!.slice() }, 256);
    this.applyView(ctx, m, v, ok, replica);
    const pending = this.confirm[m]!.splice(0);
    if (ok) for (const [g, target] of pending) this.commit(ctx, m, g, target);
  }

  private applyView(ctx: ModelContext, m: number, v: number[], ok: boolean, replica?: Replica): void {
    // a node that was away catches up with the configuration database before it acts on it
    if (replica && replica.seq > this.replica[m]!.seq) {
      this.replica[m] = copy(replica);
      ctx.emit('configUpdated', this.c.nodes[m]!, -1, -1, replica.seq);
    }
    if (!ok) {
      // no majority: this side stops its cluster service and gives up its groups
      if (this.svc[m]) ctx.emit('quorumLost', this.c.nodes[m]!, -1, -1, v.length, this.votes);
      this.svc[m] = false;
      this.setView(m, []);
      this.c.driver.dropAll(ctx, m);
      return;
    }
    const changed = !this.svc[m] || this.view[m]!.join() !== v.join();
    if (!this.svc[m] && this.replica[m]!.seq >= 0) {
      // (re)joining: its configuration database may be behind an update still in flight
      this.joining[m] = true;
      ctx.setTimer(this.c.nodes[m]!, 2 * this.c.spec.regroupUs, JOINED);
    }
    this.svc[m] = true;
    this.setView(m, v);
    for (const o of v) {
      this.lastHeard[m]![o] = ctx.nowUs;
      this.suspected[m]![o] = false;
    }
    if (changed) ctx.emit('membershipChanged', this.c.nodes[m]!, -1, -1, v.length);
    this.c.spec.groups.forEach((_, g) => this.settle(ctx, m, g));
    if (m === v[0]) this.place(ctx, m);
  }

  /** The coordinator (lowest member) fails over groups whose owner left, and fails back where the policy allows. */
  private place(ctx: ModelContext, m: number): void {
    const v = this.view[m]!;
    const moving = new Set([...this.updates.values()].map((u) => u.g));
    this.c.spec.groups.forEach((spec, g) => {
      if (moving.has(g)) return;
      const pref = this.preferred(g).filter((o) => v.includes(o));
      const owner = this.replica[m]!.owner[g]!;
      if (pref.length === 0) return;
      if (owner < 0 || !v.includes(owner)) {
        const recent = this.failovers[g]!.filter((t) => t > ctx.nowUs - FAILOVER_PERIOD_US);
        this.failovers[g] = recent;
        if (recent.length >= Math.max(1, this.n - 1)) {
          ctx.emit('failoverThresholdExceeded', this.c.nodes[m]!, -1, g, recent.length);
          return;
        }
        // arbitration: wait long enough for a cut-off owner to notice it lost quorum and let go of the disk
        ctx.setTimer(this.c.nodes[m]!, this.c.spec.arbitrationUs, ARBITRATE, [g, pref[0]!]);
      } else if (pref[0] !== owner && this.failbackAllowed(spec.failback, spec.failbackWindow, ctx.nowUs)) {
        ctx.emit('groupFailback', this.c.nodes[pref[0]!]!, this.c.nodes[owner]!, g);
        this.move(ctx, m, g, owner, pref[0]!);
      }
    });
  }

  /** After arbitration: if this node still coordinates and the owner is still gone, the group moves. */
  private failover(ctx: ModelContext, m: number, g: number, target: number): void {
    const v = this.view[m]!;
    const owner = this.replica[m]!.owner[g]!;
    if (!this.svc[m] || v[0] !== m || (owner >= 0 && v.includes(owner)) || !v.includes(target)) return;
    if ([...this.updates.values()].some((u) => u.g === g)) return;
    // the old owner may be alive but cut off: only once it has been silent long enough to have noticed
    // (its own detection and regroup) and given the group up may another node take the disk
    const spec = this.c.spec;
    const needed = spec.threshold * spec.heartbeatUs + spec.regroupUs + spec.arbitrationUs;
    const silent = owner >= 0 ? ctx.nowUs - this.lastHeard[m]![owner]! : needed;
    if (silent < needed) {
      ctx.setTimer(this.c.nodes[m]!, needed - silent, ARBITRATE, [g, target]);
      return;
    }
    // last, confirm the view is still true (this node may itself have been cut off since): one more regroup
    this.confirm[m]!.push([g, target]);
    this.startRegroup(ctx, m);
  }

  /** After a confirming regroup kept quorum: the failover goes ahead if it still makes sense. */
  private commit(ctx: ModelContext, m: number, g: number, target: number): void {
    const v = this.view[m]!;
    const owner = this.replica[m]!.owner[g]!;
    if (!this.svc[m] || v[0] !== m || (owner >= 0 && v.includes(owner)) || !v.includes(target)) return;
    if ([...this.updates.values()].some((u) => u.g === g)) return;
    this.failovers[g]!.push(ctx.nowUs);
    ctx.emit('groupFailover', this.c.nodes[target]!, owner < 0 ? -1 : this.c.nodes[owner]!, g);
    this.update(ctx, m, g, target, v, true);
  }

  private failbackAllowed(policy: string, [start, end]: [number, number], nowUs: number): boolean {
    if (policy === 'immediate') return true;
    if (policy !== 'window') return false;
    const hour = Math.floor(nowUs / 3_600_000_000) % 24;
    return start <= end ? hour >= start && hour < end : hour >= start || hour < end;
  }

  /** A planned move: the old owner applies first and answers only once its copy is offline. */
  private move(ctx: ModelContext, from: number, g: number, oldOwner: number, target: number): void {
    const v = this.view[from]!;
    this.update(ctx, from, g, target, [oldOwner, ...v.filter((o) => o !== oldOwner)]);
  }

  private update(ctx: ModelContext, from: number, g: number, owner: number, targets: number[], majority = false): void {
    const order = majority ? [...targets.filter((t) => t !== owner), owner] : targets;
    const u: Update = { id: this.nextUpdate++, from, targets: order, at: -1, g, owner, seq: ++this.seq, acks: 0, majority };
    this.updates.set(u.id, u);
    this.advance(ctx, u, false);
  }

  /** Sends the update to the next member (applying it locally when that is the sender itself). */
  private advance(ctx: ModelContext, u: Update, acked: boolean): void {
    if (acked) u.acks++;
    u.at++;
    const w = this.c.spec.witness && this.view[u.from]!.includes(this.witnessHolder) ? 1 : 0;
    if (u.majority && this.c.spec.quorum && u.at === u.targets.length - 1 && (u.acks + 1 + w) * 2 <= this.votes) {
      // too few members took the update: the sender may be the one cut off; the group stays where it is
      this.updates.delete(u.id);
      ctx.emit('updateAborted', this.c.nodes[u.from]!, -1, u.g, u.acks);
      return;
    }
    if (u.at >= u.targets.length) {
      this.updates.delete(u.id);
      ctx.emit('groupMoved', this.c.nodes[u.owner]!, this.c.nodes[u.from]!, u.g, u.seq);
      return;
    }
    const t = u.targets[u.at]!;
    if (t === u.from) {
      this.applyUpdate(ctx, t, { ...u });
      return;
    }
    this.sendTo(ctx, u.from, t, CL_MSG.gumUpdate, { from: u.from, u: { ...u } }, 128);
    ctx.setTimer(this.c.nodes[u.from]!, this.c.spec.regroupUs * 3, GUM_TIMEOUT, [u.id, u.at]);
  }

  private applyUpdate(ctx: ModelContext, m: number, u: Update): void {
    const r = this.replica[m]!;
    r.owner[u.g] = u.owner;
    r.seq = Math.max(r.seq, u.seq);
    ctx.emit('configUpdated', this.c.nodes[m]!, -1, u.g, u.seq, u.owner);
    this.heldAcks[m]![u.g] = u;
    this.settle(ctx, m, u.g);
  }

  /** Moves this node's copy of a group towards what its replica says, and releases a held ack once offline. */
  private settle(ctx: ModelContext, m: number, g: number): void {
    if (this.c.wantsOnline(m, g)) this.c.driver.bringOnline(ctx, m, g);
    else this.c.driver.takeOffline(ctx, m, g);
    this.releaseAck(ctx, m, g);
  }

  /** Called after any resource change too: the held ack goes out when the group is no longer here. */
  releaseAck(ctx: ModelContext, m: number, g: number): void {
    const u = this.heldAcks[m]?.[g];
    if (!u || (u.owner !== m && this.c.table.groupState(m, g) !== 'offline')) return;
    this.heldAcks[m]![g] = null;
    if (m === u.from) {
      const live = this.updates.get(u.id);
      if (live && live.at === u.at) this.advance(ctx, live, true);
    } else this.sendTo(ctx, m, u.from, CL_MSG.gumAck, { from: m, u });
  }

  /** Restart bookkeeping of the resource monitor: true while still within RestartThreshold per RestartPeriod. */
  recordRestart(ctx: ModelContext, g: number): boolean {
    const recent = this.restarts[g]!.filter((t) => t > ctx.nowUs - this.c.spec.restartPeriodUs);
    recent.push(ctx.nowUs);
    this.restarts[g] = recent;
    return recent.length <= this.c.spec.restartThreshold;
  }

  /** Too many restarts on node m: the group moves to its next preferred member. */
  failGroupAway(ctx: ModelContext, m: number, g: number): void {
    this.restarts[g] = [];
    const next = this.preferred(g).find((o) => o !== m && this.view[m]!.includes(o));
    if (next === undefined) return;
    this.move(ctx, m, g, m, next);
  }

  manualMove(ctx: ModelContext, groupId: string, nodeId?: string): CommandError | null {
    const g = this.c.spec.groups.findIndex((x) => x.id === groupId);
    if (g < 0) return { code: 'unknownResource', params: { id: groupId } };
    const from = this.c.nodes.findIndex((_, m) => this.svc[m]);
    if (from < 0) return { code: 'notMember', params: { id: nodeId ?? groupId } };
    const v = this.view[from]!;
    const owner = this.replica[from]!.owner[g]!;
    const target = nodeId === undefined ? this.preferred(g).find((o) => o !== owner && v.includes(o)) : this.c.spec.nodes.indexOf(nodeId);
    if (target === undefined || target < 0 || !v.includes(target)) return { code: 'notMember', params: { id: nodeId ?? '—' } };
    if (target === owner) return null;
    ctx.emit('groupMoveRequested', this.c.nodes[target]!, owner < 0 ? -1 : this.c.nodes[owner]!, g);
    if (owner >= 0 && v.includes(owner)) this.move(ctx, from, g, owner, target);
    else this.update(ctx, from, g, target, v);
    return null;
  }

  onCrash(_ctx: ModelContext, m: number): void {
    this.svc[m] = false;
    this.confirm[m] = [];
    this.setView(m, []);
    this.regroup[m] = null;
    this.heldAcks[m] = this.c.spec.groups.map(() => null);
  }

  onRestart(ctx: ModelContext, m: number): void {
    this.lastHeard[m] = this.c.nodes.map(() => ctx.nowUs);
    this.startTimers(ctx, m);
  }
}
