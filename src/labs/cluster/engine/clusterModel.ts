import type { CommandError, EngineCommand } from '../../../engine/commands';
import type { Message, Model, ModelContext } from '../../../engine/model';
import { SETTING } from '../../../engine/kernel/trace';
import { Arbiter } from './arbiter';
import { FailoverClock } from './failoverClock';
import { Gum, type GumMsg } from './gum';
import { Heartbeats } from './heartbeats';
import { Leader } from './leader';
import { Ledger } from './ledger';
import { Membership } from './membership';
import { Regroup, type RegroupMsg } from './regroup';
import { ResourceDriver, ResourceTable } from './resources';
import { ClusterService } from './service';
import { CL_DATA_MSG, CL_MSG, FAILBACK_POLICIES, type ClusterSpec } from './spec';
import { clusterSnapshot, type ClusterSnapshot } from './snapshot';
import { TIMER } from './timers';
import { TxStore } from './txStore';
import { Witness } from './witness';

export { CL_MSG };

/** A split-brain episode: when it began, for which group, and whether quorum was on then. */
export interface Episode {
  g: number;
  atUs: number;
  quorum: boolean;
}

/**
 * Windows Server failover clustering in miniature (WCS-*): the node manager
 * (per-route heartbeats, regroup, leases, dynamic quorum and witness), the
 * configuration database replicated through the global update manager,
 * the failover manager (preferred owners, thresholds, failback windows),
 * disk arbitration, the resource monitor (restarts in place, then
 * failover), and the clients of the clustered service.
 */
export class ClusterModel implements Model {
  readonly name = 'cluster';
  /** Model node index (position in spec.nodes) ↔ network node index. */
  readonly nodes: number[] = [];
  private readonly modelOf: number[] = [];
  readonly table: ResourceTable;
  readonly driver: ResourceDriver;
  readonly beats: Heartbeats;
  readonly members: Membership;
  readonly regroup: Regroup;
  readonly gum: Gum;
  readonly leader: Leader;
  readonly witness: Witness;
  readonly arbiter: Arbiter;
  readonly service: ClusterService;
  readonly tx: TxStore;
  readonly clock: FailoverClock;
  readonly ledger = new Ledger();
  /** Restart times of each resource on each node, for RestartThreshold per RestartPeriod: [node][group][resource]. */
  private restarts: number[][][][] = [];
  /** Groups online on two nodes at once right now (split brain), by group. */
  private violating = new Set<number>();
  readonly episodes: Episode[] = [];

  constructor(readonly spec: ClusterSpec) {
    this.table = new ResourceTable(spec.groups, spec.nodes.length);
    this.driver = new ResourceDriver(this.table, this);
    this.beats = new Heartbeats(this);
    this.members = new Membership(this);
    this.regroup = new Regroup(this);
    this.gum = new Gum(this);
    this.leader = new Leader(this);
    this.witness = new Witness(this);
    this.arbiter = new Arbiter(this);
    this.service = new ClusterService(this);
    this.tx = new TxStore(this);
    this.clock = new FailoverClock(this);
  }

  /** Split-brain episodes so far (the live checker's count). */
  get violations(): number {
    return this.episodes.length;
  }

  /** Split-brain episodes that began while quorum was on: the claim is that there are none. */
  get violationsWithQuorum(): number {
    return this.episodes.filter((e) => e.quorum).length;
  }

  init(ctx: ModelContext): void {
    for (const id of this.spec.nodes) this.nodes.push(ctx.net.node(id)?.index ?? -1);
    this.nodes.forEach((n, m) => {
      if (n >= 0) this.modelOf[n] = m;
    });
    this.restarts = this.nodes.map(() => this.spec.groups.map((g) => g.resources.map(() => [])));
    this.beats.init(ctx);
    this.gum.init();
    this.arbiter.init();
    this.members.init(ctx);
    this.service.init(ctx);
    this.tx.init(ctx);
    for (let m = 0; m < this.nodes.length; m++) {
      ctx.setTimer(this.nodes[m]!, this.spec.looksAliveUs, TIMER.monitor, m);
      this.settleAll(ctx, m);
    }
  }

  modelIndex(node: number): number {
    return this.modelOf[node] ?? -1;
  }

  /** Node m's copy of group g should be online: it runs the service, its database says it owns g, and g is not held failed. */
  wantsOnline(m: number, g: number): boolean {
    const r = this.members.state[m]!.replica;
    return this.members.inService(m) && r.owner[g] === m && !r.blocked[g] && !this.gum.isReleasing(m, g);
  }

  /** Group g stays failed on node m: FailoverThreshold was exceeded with m its owner. */
  heldFailed(m: number, g: number): boolean {
    const r = this.members.state[m]!.replica;
    return this.members.inService(m) && r.blocked[g]! && r.owner[g] === m && !this.gum.isReleasing(m, g);
  }

  /** Moves node m's copy of group g towards what its database says (if the fence and the disk allow). */
  settle(ctx: ModelContext, m: number, g: number): void {
    if (this.wantsOnline(m, g)) {
      if (this.arbiter.mayStart(ctx, m, g)) this.driver.bringOnline(ctx, m, g);
    } else if (!this.heldFailed(m, g)) this.driver.takeOffline(ctx, m, g);
    this.gum.release(ctx, m, g);
  }

  settleAll(ctx: ModelContext, m: number): void {
    this.spec.groups.forEach((_, g) => this.settle(ctx, m, g));
  }

  onTimer(ctx: ModelContext, node: number, tag: number, data: unknown): void {
    const m = this.modelIndex(node);
    switch (tag) {
      case TIMER.resOnline:
      case TIMER.resOffline:
        return this.driver.onTimer(ctx, m, tag, data, (g) => (this.wantsOnline(m, g) ? this.arbiter.mayStart(ctx, m, g) || null : this.heldFailed(m, g) ? null : false));
      case TIMER.monitor:
        return this.monitor(ctx, m);
      case TIMER.copy:
        return this.tx.onCopyTimer(ctx, m);
      case TIMER.heartbeat:
        return this.members.onTimer(ctx, m, tag);
      case TIMER.check:
        this.members.onTimer(ctx, m, tag);
        this.leader.tick(ctx, m);
        this.clock.poll(ctx);
        return;
      case TIMER.regroupEnd:
      case TIMER.acceptEnd:
      case TIMER.witnessChallenge:
        return this.regroup.onTimer(ctx, m, tag, data);
      case TIMER.witnessDefend:
        return this.witness.defend(ctx, m);
      case TIMER.gumTimeout:
        return this.gum.onTimeout(ctx, m, data as [number, number, number]);
      case TIMER.fence:
      case TIMER.diskChallenge:
      case TIMER.diskDefend:
        return this.arbiter.onTimer(ctx, m, tag, data);
      case TIMER.failbackWindow:
        return this.leader.tick(ctx, m);
      default:
        return this.service.onTimer(ctx, node, tag, data);
    }
  }

  onMessage(ctx: ModelContext, node: number, msg: Message): void {
    const m = this.modelIndex(node);
    switch (msg.kind) {
      case CL_MSG.heartbeat:
        if (m >= 0) this.members.onHeartbeat(ctx, m, msg);
        return;
      case CL_MSG.regroup:
      case CL_MSG.regroupAck:
      case CL_MSG.view:
        if (m >= 0 && this.members.state[m]!.status !== 'down') this.regroup.onMessage(ctx, m, msg.payload as RegroupMsg);
        return;
      case CL_MSG.gumUpdate:
      case CL_MSG.gumAck:
        if (m >= 0) this.gum.onMessage(ctx, m, msg.payload as GumMsg);
        return;
      case CL_MSG.request:
      case CL_MSG.reply:
        return this.service.onMessage(ctx, node, msg);
      case CL_DATA_MSG.lock:
      case CL_DATA_MSG.lockGrant:
        return this.service.onLock(ctx, node, msg);
      case CL_DATA_MSG.copy:
        return this.tx.onCopy(ctx, node, msg.src, msg.payload as { g: number; seqs: number[] });
      case CL_DATA_MSG.copyAck:
        if (m >= 0) this.tx.onCopyAck(ctx, m, msg.payload as { g: number; seqs: number[] });
        return;
    }
  }

  onWorkDone(ctx: ModelContext, node: number, _tag: number, data: unknown): void {
    this.service.onWorkDone(ctx, node, data);
  }

  /**
   * The resource monitor's LooksAlive poll on node m: a faulty online
   * resource is found failed and restarted in place, alone (its dependents
   * go offline and come back after it, its providers stay online), up to
   * RestartThreshold times per RestartPeriod; past that it stays failed and
   * the group fails over.
   */
  private monitor(ctx: ModelContext, m: number): void {
    ctx.setTimer(this.nodes[m]!, this.spec.looksAliveUs, TIMER.monitor, m);
    this.table.state[m]!.forEach((res, g) => {
      if (!this.wantsOnline(m, g)) return;
      const r = res.findIndex((s, i) => (s === 'online' && this.table.fault[m]![g]![i] !== 'none') || s === 'failed');
      if (r < 0) return;
      if (res[r] === 'online') {
        ctx.emit('resourceFailed', this.nodes[m]!, -1, g, r);
        this.driver.set(ctx, m, g, r, 'failed');
      }
      const recent = this.restarts[m]![g]![r]!.filter((t) => t > ctx.nowUs - this.spec.restartPeriodUs);
      if (recent.length < this.spec.restartThreshold) {
        recent.push(ctx.nowUs);
        this.restarts[m]![g]![r] = recent;
        // a one-off fault is cured by the restart; a persistent one fails again as the resource starts
        if (this.table.fault[m]![g]![r] === 'once') this.table.fault[m]![g]![r] = 'none';
        ctx.emit('resourceRestarted', this.nodes[m]!, -1, g, r, recent.length);
        this.driver.restart(ctx, m, g, r);
      } else if (!this.gum.busy(this.members.view(m).members[0]!, g)) {
        ctx.emit('restartThresholdExceeded', this.nodes[m]!, -1, g, this.spec.restartThreshold, r);
        this.restarts[m]![g]![r] = [];
        this.leader.requestFailAway(ctx, m, g);
      }
    });
  }

  afterResourceChange(ctx: ModelContext, m: number, g: number): void {
    this.gum.release(ctx, m, g);
    const holders = this.nodes.filter((_, k) => this.table.holds(k, g)).length;
    if (holders >= 2 && !this.violating.has(g)) {
      this.violating.add(g);
      this.episodes.push({ g, atUs: ctx.nowUs, quorum: this.spec.quorum });
      ctx.emit('invariantViolated', -1, -1, g, holders);
    } else if (holders < 2) this.violating.delete(g);
    this.service.trackDowntime(ctx.nowUs, g);
    const state = this.table.groupState(m, g);
    if (state === 'offline') this.arbiter.afterOffline(m, g);
    if (state === 'online') {
      this.tx.onGroupOnline(ctx, g, m);
      this.clock.onOnline(ctx, g);
    }
  }

  onNodeCrashed(ctx: ModelContext, node: number): void {
    const m = this.modelIndex(node);
    if (m < 0) return;
    this.clock.onCrash(ctx.nowUs, m);
    this.members.onCrash(m);
    this.arbiter.onCrash(m);
    this.tx.onCrash(m);
    this.gum.reset(m);
    this.restarts[m] = this.spec.groups.map((g) => g.resources.map(() => []));
    this.driver.dropAll(ctx, m);
  }

  onNodeRestarted(ctx: ModelContext, node: number): void {
    const m = this.modelIndex(node);
    if (m >= 0) {
      this.members.onRestart(ctx, m);
      ctx.setTimer(node, this.spec.looksAliveUs, TIMER.monitor, m);
      this.tx.onRestart(ctx, m);
    } else this.service.onClientRestarted(ctx, node);
  }

  onNodeAdded(ctx: ModelContext, node: number): void {
    this.service.onClientRestarted(ctx, node);
  }

  command(ctx: ModelContext, cmd: EngineCommand): CommandError | null | undefined {
    switch (cmd.type) {
      case 'failResource': {
        const g = this.spec.groups.findIndex((x) => x.id === cmd.group);
        const r = g < 0 ? -1 : this.spec.groups[g]!.resources.findIndex((x) => x.id === cmd.resource);
        if (r < 0) return { code: 'unknownResource', params: { id: `${cmd.group}/${cmd.resource}` } };
        const owner = this.nodes.findIndex((_, m) => this.table.state[m]![g]![r] === 'online');
        if (owner < 0) return { code: 'notOnline', params: { id: this.spec.groups[g]!.label } };
        this.table.fault[owner]![g]![r] = cmd.persistent ? 'persistent' : 'once';
        ctx.emit('faultInjected', this.nodes[owner]!, -1, g, r, cmd.persistent ? 1 : 0);
        return null;
      }
      case 'setQuorum':
        if (cmd.on === this.spec.quorum) return null;
        this.spec.quorum = cmd.on;
        ctx.emit('settingChanged', -1, -1, -1, cmd.on ? 1 : 0, SETTING.quorum);
        if (cmd.on) {
          this.ledger.restart();
          this.members.requorum(ctx);
          this.arbiter.requorum(ctx);
        }
        return null;
      case 'setFailback': {
        const g = this.spec.groups.find((x) => x.id === cmd.group);
        if (!g) return { code: 'unknownResource', params: { id: cmd.group } };
        const w = cmd.window;
        if (w) {
          const bad = [0, 1].find((i) => !Number.isInteger(w[i]) || w[i]! < 0 || w[i]! > 23);
          if (bad !== undefined) return { code: 'outOfRange', params: { field: bad === 0 ? 'failbackWindowStart' : 'failbackWindowEnd', value: String(w[bad]), min: 0, max: 23 } };
        }
        g.failback = cmd.policy;
        if (w) g.failbackWindow = [w[0], w[1]];
        ctx.emit('settingChanged', -1, -1, -1, FAILBACK_POLICIES.indexOf(cmd.policy), SETTING.failback);
        // the leader looks again at once: a window may be open now
        this.nodes.forEach((_, m) => this.leader.tick(ctx, m));
        return null;
      }
      case 'setClusterMode':
        this.spec.mode = cmd.mode;
        ctx.emit('settingChanged', -1, -1, -1, cmd.mode === 'ft' ? 1 : 0, SETTING.clusterMode);
        return null;
      case 'moveGroup': {
        const g = this.spec.groups.findIndex((x) => x.id === cmd.group);
        if (g < 0) return { code: 'unknownResource', params: { id: cmd.group } };
        let target: number | undefined;
        if (cmd.node !== undefined) {
          target = this.spec.nodes.indexOf(cmd.node);
          if (target < 0) return { code: 'unknownNode', params: { id: cmd.node } };
        }
        return this.leader.manualMove(ctx, g, target);
      }
      default:
        return undefined;
    }
  }

  stats(nowUs: number) {
    return {
      ...this.service.stats(nowUs),
      ...this.tx.stats(),
      failoverMaxUs: this.clock.maxUs,
      failoverBoundUs: Math.max(...this.spec.groups.map((_, g) => this.clock.bound(g).total)),
      failoversLate: this.clock.late,
      invariantViolations: this.violations,
      splitBrainNow: this.violating.size,
    };
  }

  /** Groups online on two nodes right now. */
  get splitNow(): number[] {
    return [...this.violating];
  }

  snapshot(): ClusterSnapshot {
    return clusterSnapshot(this);
  }
}
