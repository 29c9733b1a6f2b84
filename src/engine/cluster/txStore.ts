import type { ModelContext } from '../model';
import type { ClusterModel } from './clusterModel';
import { CL_DATA_MSG } from './spec';

/** A transaction step the service node holds in memory until it commits. */
interface OpenTx {
  g: number;
  /** Model index of the node that holds it. */
  m: number;
  writes: number;
}

export const COPY_TIMER = 21;

/**
 * What happens to the data of a clustered application when its node fails
 * (CL-CONFIG, CL-HA-VS-FT). Transactions write, then commit. Where the data
 * lives decides what a failover keeps:
 * - `disk`: servers connected to disks; the new owner takes the same disk over, so every commit survives;
 * - `shared`: every server reaches the disks at once, through a lock manager (a lock round trip per commit);
 * - `copy`: separate servers, each with its own disk; the owner copies new commits to the others every
 *   few seconds, so commits since the last copy are lost when it fails.
 * In high availability (`ha`) a half-done transaction's writes stay on disk for the application to sort out;
 * fault tolerance (`ft`: redundant shared disks with a journal) rolls them back, so no commit is lost and
 * nothing is left half done.
 */
export class TxStore {
  readonly open = new Map<number, OpenTx>();
  /** Commits the owner has not yet copied to the others (storage `copy`), by group. */
  private unshipped: Set<number>[] = [];
  private lastHome: number[] = [];
  halfDone = 0;
  rolledBack = 0;
  commitsLost = 0;
  copyBytes = 0;
  lockMessages = 0;

  constructor(private readonly c: ClusterModel) {}

  init(ctx: ModelContext): void {
    this.c.spec.groups.forEach((_, g) => {
      this.unshipped[g] = new Set();
      this.lastHome[g] = -1;
    });
    if (this.c.spec.storage === 'copy') this.c.nodes.forEach((n, m) => ctx.setTimer(n, this.c.spec.copyEveryUs, COPY_TIMER, m));
  }

  onRestart(ctx: ModelContext, m: number): void {
    if (this.c.spec.storage === 'copy') ctx.setTimer(this.c.nodes[m]!, this.c.spec.copyEveryUs, COPY_TIMER, m);
  }

  write(txId: number, g: number, m: number): void {
    const t = this.open.get(txId) ?? { g, m, writes: 0 };
    t.writes++;
    this.open.set(txId, t);
  }

  commit(txId: number, g: number): void {
    this.open.delete(txId);
    if (this.c.spec.storage === 'copy') this.unshipped[g]!.add(txId);
  }

  /** The lock manager of shared disks: the first other running member, or the node itself when alone. */
  lockManager(m: number): number {
    const other = this.c.nodes.findIndex((_, k) => k !== m && this.c.members.inService(k));
    return this.c.nodes[other >= 0 ? other : m]!;
  }

  noteLock(): void {
    this.lockMessages += 2;
  }

  /** Every few seconds the owner ships its new commits to the other members (storage `copy`). */
  onCopyTimer(ctx: ModelContext, m: number): void {
    ctx.setTimer(this.c.nodes[m]!, this.c.spec.copyEveryUs, COPY_TIMER, m);
    this.unshipped.forEach((set, g) => {
      if (set.size === 0 || this.lastHome[g] !== m) return;
      const ids = [...set];
      const bytes = 2_000 * ids.length;
      for (let k = 0; k < this.c.nodes.length; k++) {
        if (k === m || !this.c.members.inService(k)) continue;
        this.copyBytes += bytes;
        ctx.send(this.c.nodes[m]!, this.c.nodes[k]!, CL_DATA_MSG.copy, bytes, { g, ids });
      }
    });
  }

  /** A member received a copy: the commits are safe once any other member holds them. */
  onCopy(ctx: ModelContext, node: number, src: number, p: { g: number; ids: number[] }): void {
    ctx.send(node, src, CL_DATA_MSG.copyAck, 60, p);
  }

  onCopyAck(p: { g: number; ids: number[] }): void {
    for (const id of p.ids) this.unshipped[p.g]!.delete(id);
  }

  /** Group g is online on node m: if it came from another node, settle what the old owner left. */
  onGroupOnline(ctx: ModelContext, g: number, m: number): void {
    const from = this.lastHome[g]!;
    this.lastHome[g] = m;
    if (from < 0 || from === m) return;
    let half = 0;
    let undone = 0;
    for (const [id, t] of this.open) {
      if (t.g !== g || t.m === m) continue;
      if (this.c.spec.mode === 'ft') undone++;
      else if (t.writes > 0) half++;
      this.open.delete(id);
    }
    const lost = this.unshipped[g]!.size;
    this.unshipped[g]!.clear();
    this.halfDone += half;
    this.rolledBack += undone;
    this.commitsLost += lost;
    if (half || undone || lost) ctx.emit('transactionsSettled', this.c.nodes[m]!, this.c.nodes[from] ?? -1, g, undone, half, lost);
  }

  stats(): Record<string, number> {
    return { txHalfDone: this.halfDone, txRolledBack: this.rolledBack, commitsLost: this.commitsLost, copyBytes: this.copyBytes, lockMessages: this.lockMessages };
  }
}
