import type { ModelContext } from '../model';
import type { ClusterModel } from './clusterModel';
import { START_US, type ClusterSpec } from './spec';

/** Messages, CPU and the global update add a little to the timings below. */
const SLACK_US = 1_000_000;

/**
 * The longest a failover should take with this configuration: the missed
 * heartbeats that reveal the failure (one more period for phase), two regroups
 * (the suspecting one and the confirming one), the disk arbitration, and
 * bringing the group's resources online along its longest dependency chain.
 */
export function failoverBoundUs(spec: ClusterSpec, g: number, order: number[], deps: number[][]): number {
  const res = spec.groups[g]!.resources;
  const done: number[] = [];
  for (const r of order) done[r] = Math.max(0, ...deps[r]!.map((d) => done[d]!)) + START_US[res[r]!.type];
  const online = Math.max(0, ...done.filter((x) => x !== undefined));
  return (spec.threshold + 1) * spec.heartbeatUs + 2 * spec.regroupUs + spec.arbitrationUs + online + SLACK_US;
}

/**
 * Live checker of failover timing: when the node that has a group online
 * crashes, the group must be online elsewhere within the bound. A late one
 * is reported as a violation (`invariantViolated` with c = 2).
 */
export class FailoverClock {
  private crashAt: number[] = [];
  /** The last completed failover's duration, by group (-1: none yet). */
  readonly lastUs: number[] = [];
  late = 0;
  maxUs = 0;

  constructor(private readonly c: ClusterModel) {}

  bound(g: number): number {
    return failoverBoundUs(this.c.spec, g, this.c.table.order[g]!, this.c.table.deps[g]!);
  }

  /** Node m crashed: every group fully online there starts its clock. */
  onCrash(nowUs: number, m: number): void {
    this.c.spec.groups.forEach((_, g) => {
      this.lastUs[g] ??= -1;
      if (this.c.table.groupState(m, g) === 'online' && this.crashAt[g] === undefined) this.crashAt[g] = nowUs;
    });
  }

  onOnline(ctx: ModelContext, g: number): void {
    const t0 = this.crashAt[g];
    if (t0 === undefined) return;
    delete this.crashAt[g];
    const took = ctx.nowUs - t0;
    this.lastUs[g] = took;
    this.maxUs = Math.max(this.maxUs, took);
    if (took > this.bound(g)) {
      this.late++;
      ctx.emit('invariantViolated', -1, -1, g, Math.round(took / 1000), 2);
    }
  }
}
