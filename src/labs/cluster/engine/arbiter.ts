import type { ModelContext } from '../../../engine/model';
import type { ClusterModel } from './clusterModel';
import { Reservation } from './reservation';
import { TIMER } from './timers';

/**
 * What a node must have before it brings a group online, besides owning it
 * in the database: the time of the group's fence has passed (a node the view
 * left out has stopped by then), and, for groups whose disks are connected
 * to the servers, the reservation of the group's disk (SCSI reserve on the
 * shared bus: a free disk is reserved at once; a disk another node holds is
 * challenged, and only a holder that does not defend it loses it). While a
 * node has any of the group up it defends the disk every DiskArbInterval;
 * it releases it once the group is offline. Servers that share their disks
 * (through a lock manager) or keep separate copies reserve nothing.
 */
export class Arbiter {
  readonly disks: Reservation[] = [];
  /** A challenge is under way for [node][group]. */
  private waiting: boolean[][] = [];
  /** A fence timer is set for [node][group]. */
  private fencing: boolean[][] = [];
  /** A defence timer runs for [node][group]. */
  private defending: boolean[][] = [];

  constructor(private readonly c: ClusterModel) {}

  init(): void {
    this.c.spec.groups.forEach(() => this.disks.push(new Reservation()));
    this.waiting = this.c.nodes.map(() => this.c.spec.groups.map(() => false));
    this.fencing = this.c.nodes.map(() => this.c.spec.groups.map(() => false));
    this.defending = this.c.nodes.map(() => this.c.spec.groups.map(() => false));
  }

  /** Group g's disks are reserved (servers connected to disks, with quorum and arbitration on). */
  reserves(): boolean {
    return this.c.spec.quorum && this.c.spec.storage === 'disk';
  }

  /**
   * Whether node m may bring group g online now; if not, it starts what
   * will let it (a fence timer, a reservation or a challenge) and the model
   * settles the group again when that is done.
   */
  mayStart(ctx: ModelContext, m: number, g: number): boolean {
    // the disk is arbitrated while the fence runs out: both must be done
    const disk = this.diskReady(ctx, m, g);
    const notBefore = this.c.members.state[m]!.replica.notBefore[g]!;
    if (this.c.spec.quorum && ctx.nowUs < notBefore) {
      if (!this.fencing[m]![g]) {
        this.fencing[m]![g] = true;
        ctx.setTimer(this.c.nodes[m]!, notBefore - ctx.nowUs, TIMER.fence, g);
      }
      return false;
    }
    return disk;
  }

  /** Node m holds group g's disk (or needs none); if not, it reserves a free one or challenges the holder. */
  private diskReady(ctx: ModelContext, m: number, g: number): boolean {
    if (!this.reserves()) return true;
    const d = this.disks[g]!;
    if (d.holder === m) return this.startDefending(ctx, m, g);
    if (this.waiting[m]![g]) return false;
    if (d.reserve(m, ctx.nowUs)) {
      ctx.emit('diskReserved', this.c.nodes[m]!, -1, g);
      return this.startDefending(ctx, m, g);
    }
    // held by another node: bus reset, then wait for a defence
    this.waiting[m]![g] = true;
    ctx.emit('diskChallenged', this.c.nodes[m]!, this.c.nodes[d.holder]!, g);
    ctx.setTimer(this.c.nodes[m]!, this.c.spec.challengeUs, TIMER.diskChallenge, [g, d.challenge()]);
    return false;
  }

  private startDefending(ctx: ModelContext, m: number, g: number): boolean {
    if (!this.defending[m]![g]) {
      this.defending[m]![g] = true;
      ctx.setTimer(this.c.nodes[m]!, this.c.spec.defendUs, TIMER.diskDefend, g);
    }
    return true;
  }

  onTimer(ctx: ModelContext, m: number, tag: number, data: unknown): void {
    if (tag === TIMER.fence) {
      this.fencing[m]![data as number] = false;
      this.c.settle(ctx, m, data as number);
    } else if (tag === TIMER.diskChallenge) {
      const [g, token] = data as [number, number];
      this.waiting[m]![g] = false;
      if (!this.c.wantsOnline(m, g)) return;
      const d = this.disks[g]!;
      if (d.finishChallenge(m, token, ctx.nowUs)) ctx.emit('diskReserved', this.c.nodes[m]!, -1, g, 1);
      else ctx.emit('diskDefended', d.holder >= 0 ? this.c.nodes[d.holder]! : -1, this.c.nodes[m]!, g);
      // either way the model looks again: the disk is ours, or a new challenge starts
      this.c.settle(ctx, m, g);
    } else if (tag === TIMER.diskDefend) this.defend(ctx, m, data as number);
  }

  /** Every DiskArbInterval while the group is up here: re-reserve; a node that finds its disk taken loses the group at once. */
  private defend(ctx: ModelContext, m: number, g: number): void {
    const d = this.disks[g]!;
    if (this.c.table.groupState(m, g) === 'offline') {
      this.defending[m]![g] = false;
      d.release(m);
      return;
    }
    ctx.setTimer(this.c.nodes[m]!, this.c.spec.defendUs, TIMER.diskDefend, g);
    if (!this.reserves() || d.defend(m, ctx.nowUs)) return;
    ctx.emit('diskLost', this.c.nodes[m]!, d.holder >= 0 ? this.c.nodes[d.holder]! : -1, g);
    this.c.driver.dropGroup(ctx, m, g);
  }

  /** Node m's copy of group g went offline: its disk is free for the next owner (not after a crash: the reservation outlives it). */
  afterOffline(m: number, g: number): void {
    if (this.c.members.state[m]!.status !== 'down') this.disks[g]!.release(m);
  }

  onCrash(m: number): void {
    this.waiting[m]!.fill(false);
    this.fencing[m]!.fill(false);
    this.defending[m]!.fill(false);
  }

  /**
   * Quorum and arbitration back on: each disk goes to the lowest node that
   * has its group up (keeping a holder that still has it), and every other
   * node that has the group up loses it now.
   */
  requorum(ctx: ModelContext): void {
    if (!this.reserves()) return;
    this.c.spec.groups.forEach((_, g) => {
      const up = this.c.nodes.map((_, m) => m).filter((m) => this.c.table.groupState(m, g) !== 'offline');
      const d = this.disks[g]!;
      const keep = up.includes(d.holder) ? d.holder : (up[0] ?? -1);
      d.holder = -1;
      if (keep >= 0) {
        d.reserve(keep, ctx.nowUs);
        this.startDefending(ctx, keep, g);
      }
      for (const m of up) if (m !== keep) this.c.driver.dropGroup(ctx, m, g);
    });
  }
}
