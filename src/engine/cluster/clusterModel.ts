import type { CommandError, EngineCommand } from '../commands';
import type { Message, Model, ModelContext } from '../model';
import { Membership } from './membership';
import { RES_TIMER, ResourceDriver, ResourceTable } from './resources';
import { CL_DATA_MSG, CL_MSG, FAILBACK_POLICIES, RESOURCE_STATES, type ClusterSpec } from './spec';
import { ClusterService } from './service';
import { COPY_TIMER, TxStore } from './txStore';
import { FailoverClock } from './failoverClock';
import { SETTING } from '../kernel/trace';

export { CL_MSG };

const MONITOR = 20;

/**
 * Windows Cluster Server in miniature (WCS-*): node manager (heartbeats,
 * regroup, membership with quorum), configuration database replicated through
 * the global update manager, failover manager with preferred owners and
 * failback policy, resource monitor with restart threshold, and clients of
 * the clustered service that count what the users saw.
 */
export class ClusterModel implements Model {
  readonly name = 'cluster';
  /** Model node index (position in spec.nodes) ↔ network node index. */
  readonly nodes: number[] = [];
  /** Network node index → model index (-1: not a cluster node); every timer and message asks. */
  private readonly modelOf: number[] = [];
  readonly table: ResourceTable;
  readonly driver: ResourceDriver;
  readonly members: Membership;
  readonly service: ClusterService;
  readonly tx: TxStore;
  readonly clock: FailoverClock;
  /** Groups online on two nodes at once right now (split brain), by group. */
  private violating = new Set<number>();
  violations = 0;

  constructor(readonly spec: ClusterSpec) {
    this.table = new ResourceTable(spec.groups, spec.nodes.length);
    this.driver = new ResourceDriver(this.table, this);
    this.members = new Membership(this);
    this.service = new ClusterService(this);
    this.tx = new TxStore(this);
    this.clock = new FailoverClock(this);
  }

  init(ctx: ModelContext): void {
    for (const id of this.spec.nodes) this.nodes.push(ctx.net.node(id)?.index ?? -1);
    this.nodes.forEach((n, m) => {
      if (n >= 0) this.modelOf[n] = m;
    });
    this.members.init(ctx);
    this.service.init(ctx);
    this.tx.init(ctx);
    for (let m = 0; m < this.nodes.length; m++) ctx.setTimer(this.nodes[m]!, this.spec.looksAliveUs, MONITOR, m);
  }

  /** Model index of a network node, or -1 if it is not a cluster node. */
  modelIndex(node: number): number {
    return this.modelOf[node] ?? -1;
  }

  /** Whether node m's copy of group g should be online: its replica says it owns g and it runs the cluster service. */
  wantsOnline(m: number, g: number): boolean {
    return this.members.settled(m) && this.members.replica[m]!.owner[g] === m;
  }

  onTimer(ctx: ModelContext, node: number, tag: number, data: unknown): void {
    const m = this.modelIndex(node);
    if (tag === RES_TIMER.online || tag === RES_TIMER.offline) this.driver.onTimer(ctx, m, tag, data, (g) => this.wantsOnline(m, g));
    else if (tag === MONITOR) this.monitor(ctx, m);
    else if (tag === COPY_TIMER) this.tx.onCopyTimer(ctx, m);
    else if (!this.members.onTimer(ctx, m, tag, data)) this.service.onTimer(ctx, node, tag, data);
  }

  onMessage(ctx: ModelContext, node: number, msg: Message): void {
    if (msg.kind === CL_MSG.request || msg.kind === CL_MSG.reply) this.service.onMessage(ctx, node, msg);
    else if (msg.kind === CL_DATA_MSG.lock || msg.kind === CL_DATA_MSG.lockGrant) this.service.onLock(ctx, node, msg);
    else if (msg.kind === CL_DATA_MSG.copy) this.tx.onCopy(ctx, node, msg.src, msg.payload as { g: number; ids: number[] });
    else if (msg.kind === CL_DATA_MSG.copyAck) this.tx.onCopyAck(msg.payload as { g: number; ids: number[] });
    else this.members.onMessage(ctx, this.modelIndex(node), msg);
  }

  onWorkDone(ctx: ModelContext, node: number, _tag: number, data: unknown): void {
    this.service.onWorkDone(ctx, node, data);
  }

  /** The resource monitor's LooksAlive poll: a faulty online resource is found failed and restarted, up to the threshold. */
  private monitor(ctx: ModelContext, m: number): void {
    ctx.setTimer(this.nodes[m]!, this.spec.looksAliveUs, MONITOR, m);
    this.table.state[m]!.forEach((res, g) => {
      const r = res.findIndex((s, i) => (s === 'online' && this.table.fault[m]![g]![i] !== 'none') || s === 'failed');
      if (r < 0 || !this.wantsOnline(m, g)) return;
      if (res[r] === 'online') {
        ctx.emit('resourceFailed', this.nodes[m]!, -1, g, r);
        this.driver.set(ctx, m, g, r, 'failed');
      }
      if (this.members.recordRestart(ctx, g)) {
        // within the threshold: restart in place (a one-off fault is cured by the restart)
        if (this.table.fault[m]![g]![r] === 'once') this.table.fault[m]![g]![r] = 'none';
        this.driver.set(ctx, m, g, r, 'offline');
        this.driver.takeOffline(ctx, m, g);
        this.driver.bringOnline(ctx, m, g);
      } else {
        ctx.emit('restartThresholdExceeded', this.nodes[m]!, -1, g, this.spec.restartThreshold);
        this.members.failGroupAway(ctx, m, g);
      }
    });
  }

  afterResourceChange(ctx: ModelContext, m: number, g: number): void {
    this.members.releaseAck(ctx, m, g);
    const holders = this.nodes.filter((_, m) => this.table.holds(m, g)).length;
    if (holders >= 2 && !this.violating.has(g)) {
      this.violating.add(g);
      this.violations++;
      ctx.emit('invariantViolated', -1, -1, g, holders);
    } else if (holders < 2) this.violating.delete(g);
    this.service.trackDowntime(ctx.nowUs, g);
    if (this.table.groupState(m, g) === 'online') {
      this.tx.onGroupOnline(ctx, g, m);
      this.clock.onOnline(ctx, g);
    }
  }

  onNodeCrashed(ctx: ModelContext, node: number): void {
    const m = this.modelIndex(node);
    if (m >= 0) {
      this.clock.onCrash(ctx.nowUs, m);
      this.driver.dropAll(ctx, m);
      this.members.onCrash(ctx, m);
    }
  }

  onNodeRestarted(ctx: ModelContext, node: number): void {
    const m = this.modelIndex(node);
    if (m >= 0) {
      this.members.onRestart(ctx, m);
      ctx.setTimer(node, this.spec.looksAliveUs, MONITOR, m);
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
        const owner = this.nodes.findIndex((_, m) => this.table.holds(m, g));
        if (owner < 0) return { code: 'notOnline', params: { id: this.spec.groups[g]!.label } };
        this.table.fault[owner]![g]![r] = cmd.persistent ? 'persistent' : 'once';
        ctx.emit('faultInjected', this.nodes[owner]!, -1, g, r, cmd.persistent ? 1 : 0);
        return null;
      }
      case 'setQuorum':
        this.spec.quorum = cmd.on;
        ctx.emit('settingChanged', -1, -1, -1, cmd.on ? 1 : 0, SETTING.quorum);
        return null;
      case 'setFailback': {
        const g = this.spec.groups.find((x) => x.id === cmd.group);
        if (!g) return { code: 'unknownResource', params: { id: cmd.group } };
        g.failback = cmd.policy;
        if (cmd.window) g.failbackWindow = cmd.window;
        ctx.emit('settingChanged', -1, -1, -1, FAILBACK_POLICIES.indexOf(cmd.policy), SETTING.failback);
        return null;
      }
      case 'setClusterMode':
        this.spec.mode = cmd.mode;
        ctx.emit('settingChanged', -1, -1, -1, cmd.mode === 'ft' ? 1 : 0, SETTING.clusterMode);
        return null;
      case 'moveGroup':
        return this.members.manualMove(ctx, cmd.group, cmd.node);
      default:
        return undefined;
    }
  }

  stats(nowUs: number): Record<string, number> {
    return {
      ...this.service.stats(nowUs),
      ...this.tx.stats(),
      failoverMaxUs: this.clock.maxUs,
      failoverBoundUs: Math.max(...this.spec.groups.map((_, g) => this.clock.bound(g))),
      failoversLate: this.clock.late,
      invariantViolations: this.violations, splitBrainNow: this.violating.size };
  }

  snapshot(): Record<string, unknown> {
    return {
      nodes: this.nodes,
      groups: this.spec.groups.map((g, gi) => ({
        id: g.id,
        label: g.label,
        failback: g.failback,
        preferred: g.preferredOwners,
        resources: g.resources.map((r) => ({ id: r.id, type: r.type })),
        states: this.nodes.map((_, m) => this.table.state[m]![gi]!.map((s) => RESOURCE_STATES.indexOf(s))),
      })),
      views: this.members.view.map((v) => v.map((m) => this.nodes[m]!)),
      inService: this.nodes.map((_, m) => this.members.inService(m)),
      owners: this.members.replica.map((r) => r.owner.map((m) => (m < 0 ? -1 : this.nodes[m]!))),
      configSeq: this.members.replica.map((r) => r.seq),
      quorum: this.spec.quorum,
      mode: this.spec.mode,
      lastFailoverUs: this.spec.groups.map((_, g) => this.clock.lastUs[g] ?? -1),
      witness: this.spec.witness ? this.nodes[this.members.witnessHolder] : -1,
      storage: this.spec.storage,
      txSteps: this.spec.txSteps,
      violating: [...this.violating],
    };
  }
}
