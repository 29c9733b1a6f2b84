import type { ModelContext } from '../../../engine/model';
import { RESOURCE_STATES, START_US, STOP_US, type GroupSpec, type ResourceState } from './spec';
import { TIMER } from './timers';

/** Resource and group states on every node: a node's copy of each group's resources. */
export class ResourceTable {
  /** state[node][group][resource] */
  readonly state: ResourceState[][][];
  /** A fault injected on a node's resource: `once` clears on restart, `persistent` does not. */
  readonly fault: ('none' | 'once' | 'persistent')[][][];
  /** Resource indices of each group, in an order where dependencies come first. */
  readonly order: number[][];
  /** deps[group][resource] = indices of the resources it needs. */
  readonly deps: number[][][];

  constructor(readonly groups: GroupSpec[], nodes: number) {
    this.deps = groups.map((g) => g.resources.map((r) => r.dependsOn.map((d) => g.resources.findIndex((x) => x.id === d))));
    this.order = this.deps.map((d) => topoOrder(d));
    this.state = Array.from({ length: nodes }, () => groups.map((g) => g.resources.map(() => 'offline' as ResourceState)));
    this.fault = Array.from({ length: nodes }, () => groups.map((g) => g.resources.map(() => 'none' as const)));
  }

  /** Online when all resources are; failed when any is; pending when any is moving; partial otherwise. */
  groupState(node: number, g: number): 'online' | 'offline' | 'failed' | 'pending' | 'partial' {
    const s = this.state[node]![g]!;
    if (s.includes('failed')) return 'failed';
    if (s.every((x) => x === 'online')) return 'online';
    if (s.every((x) => x === 'offline')) return 'offline';
    if (s.some((x) => x === 'onlinePending' || x === 'offlinePending')) return 'pending';
    return 'partial';
  }

  /** True when any resource of the group is online or coming online on the node. */
  holds(node: number, g: number): boolean {
    return this.state[node]![g]!.some((x) => x === 'online' || x === 'onlinePending');
  }

  /** The resources that need r, directly or through others. */
  dependents(g: number, r: number): number[] {
    const out: number[] = [];
    const visit = (x: number) => {
      this.deps[g]!.forEach((d, i) => {
        if (d.includes(x) && !out.includes(i)) {
          out.push(i);
          visit(i);
        }
      });
    };
    visit(r);
    return out;
  }
}

/** Kahn's algorithm; ties in resource order, so the result is deterministic. */
function topoOrder(deps: number[][]): number[] {
  const out: number[] = [];
  const done = new Set<number>();
  while (out.length < deps.length) {
    const next = deps.findIndex((d, i) => !done.has(i) && d.every((x) => done.has(x)));
    if (next < 0) throw new Error('resource dependencies form a cycle');
    done.add(next);
    out.push(next);
  }
  return out;
}

export const RES_TIMER = { online: TIMER.resOnline, offline: TIMER.resOffline } as const;

/**
 * Drives one node's resources: bringing a group online starts every resource
 * whose providers are online (independent ones in parallel); taking it offline
 * stops dependents before their providers. Timers complete each transition.
 */
/** What the driver needs from its cluster: hearing of each change, and the network index of a model node. */
export interface ResourceOwner {
  afterResourceChange(ctx: ModelContext, m: number, g: number): void;
  /** Model node index → network node index (trace events name network nodes). */
  readonly nodes: readonly number[];
}

export class ResourceDriver {
  /** A failed resource being restarted on [node][group] (-1: none): its dependents go offline first, its providers stay. */
  private restarting: number[][] = [];

  // an owner object rather than callbacks: a simulation holding closures cannot be copied for a keyframe
  constructor(
    private readonly t: ResourceTable,
    private readonly owner: ResourceOwner,
  ) {}

  private netIndex(m: number): number {
    return this.owner.nodes[m]!;
  }

  /** Sets one resource's state on one node, telling the trace and the checker. */
  set(ctx: ModelContext, node: number, g: number, r: number, s: ResourceState): void {
    this.t.state[node]![g]![r] = s;
    ctx.emit('resourceStateChanged', this.netIndex(node), -1, g, r, RESOURCE_STATES.indexOf(s));
    this.owner.afterResourceChange(ctx, node, g);
  }

  bringOnline(ctx: ModelContext, node: number, g: number): void {
    const st = this.t.state[node]![g]!;
    if (this.finishRestart(ctx, node, g)) return;
    for (const r of this.t.order[g]!) {
      if (st[r] !== 'offline') continue;
      if (!this.t.deps[g]![r]!.every((d) => st[d] === 'online')) continue;
      this.set(ctx, node, g, r, 'onlinePending');
      ctx.setTimer(this.netIndex(node), START_US[this.t.groups[g]!.resources[r]!.type], RES_TIMER.online, [g, r]);
    }
  }

  takeOffline(ctx: ModelContext, node: number, g: number): void {
    if (this.restarting[node]) this.restarting[node]![g] = -1;
    const st = this.t.state[node]![g]!;
    for (const r of [...this.t.order[g]!].reverse()) {
      if (st[r] !== 'online' && st[r] !== 'failed' && st[r] !== 'onlinePending') continue;
      // dependents first: a provider waits until nothing that needs it is up
      const dependents = this.t.deps[g]!.map((d, i) => (d.includes(r) ? i : -1)).filter((i) => i >= 0);
      if (dependents.some((d) => st[d] !== 'offline')) continue;
      if (st[r] === 'failed') {
        this.set(ctx, node, g, r, 'offline');
        continue;
      }
      this.set(ctx, node, g, r, 'offlinePending');
      ctx.setTimer(this.netIndex(node), STOP_US[this.t.groups[g]!.resources[r]!.type], RES_TIMER.offline, [g, r]);
    }
  }

  /**
   * Restarts one failed resource in place (RestartAction 2): the resources
   * that need it are taken offline first, then it starts again and they
   * follow it; the resources it needs stay online throughout.
   */
  restart(ctx: ModelContext, node: number, g: number, r: number): void {
    (this.restarting[node] ??= [])[g] = r;
    this.finishRestart(ctx, node, g);
  }

  /** Stops the resources that need r, those that nothing else up needs first. */
  private stopDependents(ctx: ModelContext, node: number, g: number, r: number): void {
    const st = this.t.state[node]![g]!;
    const deps = this.t.dependents(g, r);
    for (const d of [...this.t.order[g]!].reverse()) {
      if (!deps.includes(d) || (st[d] !== 'online' && st[d] !== 'onlinePending')) continue;
      if (this.t.dependents(g, d).some((x) => st[x] !== 'offline' && st[x] !== 'failed')) continue;
      this.set(ctx, node, g, d, 'offlinePending');
      ctx.setTimer(this.netIndex(node), STOP_US[this.t.groups[g]!.resources[d]!.type], RES_TIMER.offline, [g, d]);
    }
  }

  /** Once nothing that needs the restarting resource is up, it goes from failed to offline and starts again; true while a restart is under way. */
  private finishRestart(ctx: ModelContext, node: number, g: number): boolean {
    const r = this.restarting[node]?.[g] ?? -1;
    if (r < 0) return false;
    const st = this.t.state[node]![g]!;
    if (this.t.dependents(g, r).some((d) => st[d] !== 'offline' && st[d] !== 'failed')) {
      this.stopDependents(ctx, node, g, r);
      return true;
    }
    this.restarting[node]![g] = -1;
    for (const d of this.t.dependents(g, r)) if (st[d] === 'failed') this.set(ctx, node, g, d, 'offline');
    if (st[r] === 'failed') this.set(ctx, node, g, r, 'offline');
    this.bringOnline(ctx, node, g);
    return true;
  }

  /** A timer of this driver fired; `want` says where the node's copy should head now (null: leave it as it is). */
  onTimer(ctx: ModelContext, node: number, tag: number, data: unknown, want: (g: number) => boolean | null): void {
    const [g, r] = data as [number, number];
    const st = this.t.state[node]![g]!;
    if (tag === RES_TIMER.online && st[r] === 'onlinePending') {
      // a resource with an injected fault fails to start only if the fault persists
      this.set(ctx, node, g, r, this.t.fault[node]![g]![r] === 'persistent' ? 'failed' : 'online');
    } else if (tag === RES_TIMER.offline && st[r] === 'offlinePending') {
      this.set(ctx, node, g, r, 'offline');
    } else return;
    const w = want(g);
    if (w === true) this.bringOnline(ctx, node, g);
    else if (w === false) this.takeOffline(ctx, node, g);
  }

  /** Everything offline at once (the node crashed or lost quorum): no transitions, the state is simply gone. */
  dropAll(ctx: ModelContext, node: number): void {
    this.t.state[node]!.forEach((_, g) => this.dropGroup(ctx, node, g));
  }

  /** One group offline at once on one node (its disk was taken, or its node stopped). */
  dropGroup(ctx: ModelContext, node: number, g: number): void {
    if (this.restarting[node]) this.restarting[node]![g] = -1;
    this.t.state[node]![g]!.forEach((s, r) => {
      if (s !== 'offline') this.set(ctx, node, g, r, 'offline');
    });
  }
}
