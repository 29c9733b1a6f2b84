import type { ModelContext } from '../../../engine/model';
import type { ClusterModel } from './clusterModel';
import { START_US, type ClusterSpec } from './spec';

/** Messages, CPU and the global update add a little to the timings below. */
const SLACK_US = 1_000_000;

/** The longest a failover should take, part by part (all in µs). */
export interface FailoverBound {
  /** The missed heartbeats that reveal the failure, one more period for the check's phase. */
  detection: number;
  /** The regroup (and one more, should two nodes call one at once). */
  regroup: number;
  /** Winning the witness's vote, when the cluster has a witness (its holder may be the node that failed). */
  witness: number;
  /** Before the group starts elsewhere: the disk challenge, or the fence of the old owner's lease. */
  arbitration: number;
  /** Bringing the group's resources online along its longest dependency chain. */
  online: number;
  slack: number;
  total: number;
}

/** The failover bound of group g under this configuration, from its defaults (see FailoverBound). */
export function failoverBound(spec: ClusterSpec, g: number, order: number[], deps: number[][]): FailoverBound {
  const res = spec.groups[g]!.resources;
  const done: number[] = [];
  for (const r of order) done[r] = Math.max(0, ...deps[r]!.map((d) => done[d]!)) + START_US[res[r]!.type];
  const online = Math.max(0, ...done.filter((x) => x !== undefined));
  const detection = (spec.threshold + 1) * spec.heartbeatUs;
  const regroup = 2 * spec.regroupUs;
  const witness = spec.quorum && spec.witness !== 'none' ? spec.challengeUs : 0;
  const fence = spec.quorum ? spec.regroupUs + spec.leaseUs + spec.heartbeatUs : 0;
  const arbitration = spec.quorum && spec.storage === 'disk' ? Math.max(spec.challengeUs, fence) : fence;
  const total = detection + regroup + witness + arbitration + online + SLACK_US;
  return { detection, regroup, witness, arbitration, online, slack: SLACK_US, total };
}

/**
 * Live checker of failover timing: when the node that has a group online
 * crashes, the group must be online elsewhere within the bound. A late one
 * is reported as a violation (`invariantViolated` with c = 2), and so is one
 * that has not completed when the bound is over although the cluster still
 * runs and may place the group.
 */
export class FailoverClock {
  private crashAt: number[] = [];
  /** Already reported as late (so completing later does not count twice). */
  private reported: boolean[] = [];
  /** The last completed failover's duration, by group (-1: none yet). */
  readonly lastUs: number[] = [];
  late = 0;
  maxUs = 0;

  constructor(private readonly c: ClusterModel) {}

  bound(g: number): FailoverBound {
    return failoverBound(this.c.spec, g, this.c.table.order[g]!, this.c.table.deps[g]!);
  }

  /** Node m crashed: every group fully online there starts its clock. */
  onCrash(nowUs: number, m: number): void {
    this.c.spec.groups.forEach((_, g) => {
      this.lastUs[g] ??= -1;
      if (this.c.table.groupState(m, g) === 'online' && this.crashAt[g] === undefined) {
        this.crashAt[g] = nowUs;
        this.reported[g] = false;
      }
    });
  }

  onOnline(ctx: ModelContext, g: number): void {
    const t0 = this.crashAt[g];
    if (t0 === undefined) return;
    delete this.crashAt[g];
    const took = ctx.nowUs - t0;
    this.lastUs[g] = took;
    this.maxUs = Math.max(this.maxUs, took);
    if (took > this.bound(g).total && !this.reported[g]) this.flag(ctx, g, took);
  }

  /**
   * Called every heartbeat period: a failover past its bound is late now.
   * It is expected only while some node has quorum and the group may move
   * (not held by FailoverThreshold); otherwise the clock is dropped.
   */
  poll(ctx: ModelContext): void {
    this.crashAt.forEach((t0, g) => {
      if (t0 === undefined || this.reported[g] || ctx.nowUs - t0 <= this.bound(g).total) return;
      const running = this.c.nodes.findIndex((_, m) => this.c.members.inService(m));
      const held = running >= 0 && this.c.members.state[running]!.replica.blocked[g];
      if (running < 0 || held) delete this.crashAt[g];
      else this.flag(ctx, g, ctx.nowUs - t0);
    });
  }

  private flag(ctx: ModelContext, g: number, tookUs: number): void {
    this.reported[g] = true;
    this.late++;
    // c = 2 tells it from a split brain (whose c is 0) in the log
    ctx.emit('invariantViolated', -1, -1, g, Math.round(tookUs / 1000), 0, 2);
  }
}
