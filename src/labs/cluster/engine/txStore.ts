import type { ModelContext } from '../../../engine/model';
import type { ClusterModel } from './clusterModel';
import { CL_DATA_MSG, CL_MSG } from './spec';
import { TIMER } from './timers';

/** A transaction step the service node holds in memory until it commits. */
interface OpenTx {
  g: number;
  /** Model index of the node that holds it. */
  m: number;
  writes: number;
}

/** A commit some node's copy may still lack (storage `copy`): which copies hold it (a bit per node), and whether its client saw it. */
interface Commit {
  seq: number;
  holders: number;
  acked: boolean;
}

/** A commit's reply held back until another copy holds it (fault tolerance on separate servers). */
interface HeldReply {
  seq: number;
  client: number;
  payload: unknown;
}

/**
 * What happens to the data of a clustered application when its node fails
 * (CL-CONFIG, CL-HA-VS-FT). Transactions write, then commit. Where the data
 * lives decides what a failover keeps:
 * - `disk`: servers connected to disks; the new owner takes the same disk over, so every commit survives;
 * - `shared`: every server reaches the disks at once, through a lock manager (a lock round trip per commit);
 * - `copy`: separate servers, each with its own disk; in high availability the owner copies new commits
 *   to the others every few seconds, so a commit since the last copy is lost when the owner fails; in
 *   fault tolerance a commit is answered only once another copy holds it.
 * In high availability (`ha`) a half-done transaction's writes stay on disk for the application to sort out;
 * fault tolerance (`ft`) rolls them back, so nothing is left half done.
 *
 * The checker "no committed transaction lost" is the real property: when a
 * group comes online on a node, every commit its clients were told about
 * must be on that node's copy of the data.
 */
export class TxStore {
  readonly open = new Map<number, OpenTx>();
  /** Commits not yet on every node's copy, by group (storage `copy`). */
  private pending: Commit[][] = [];
  private held: HeldReply[][] = [];
  private nextSeq: number[] = [];
  private lastHome: number[] = [];
  halfDone = 0;
  rolledBack = 0;
  commitsLost = 0;
  copyBytes = 0;
  lockMessages = 0;

  constructor(private readonly c: ClusterModel) {}

  private get copies(): boolean {
    return this.c.spec.storage === 'copy';
  }

  init(ctx: ModelContext): void {
    this.c.spec.groups.forEach((_, g) => {
      this.pending[g] = [];
      this.held[g] = [];
      this.nextSeq[g] = 1;
      this.lastHome[g] = -1;
    });
    if (this.copies) this.c.nodes.forEach((n, m) => ctx.setTimer(n, this.c.spec.copyEveryUs, TIMER.copy, m));
  }

  onRestart(ctx: ModelContext, m: number): void {
    if (this.copies) ctx.setTimer(this.c.nodes[m]!, this.c.spec.copyEveryUs, TIMER.copy, m);
  }

  /** Node m crashed: the answers it held back die with it. */
  onCrash(m: number): void {
    this.held.forEach((_, g) => {
      if (this.lastHome[g] === m) this.held[g] = [];
    });
  }

  write(txId: number, g: number, m: number): void {
    const t = this.open.get(txId) ?? { g, m, writes: 0 };
    t.writes++;
    this.open.set(txId, t);
  }

  /**
   * Node m (model index; `node` its network index) commits a transaction of
   * group g and answers its client, at once or (fault tolerance on separate
   * servers) once another copy holds the commit.
   */
  commit(ctx: ModelContext, node: number, m: number, txId: number, g: number, client: number, reply: (seq: number) => unknown): void {
    this.open.delete(txId);
    const seq = this.nextSeq[g]!++;
    const payload = reply(seq);
    if (!this.copies) {
      ctx.send(node, client, CL_MSG.reply, 1_000, payload);
      return;
    }
    this.pending[g]!.push({ seq, holders: 1 << m, acked: false });
    if (this.c.spec.mode !== 'ft') {
      ctx.send(node, client, CL_MSG.reply, 1_000, payload);
      return;
    }
    // fault tolerance: copied now, answered when a copy is acknowledged (no other copy running: no answer, the client retries)
    this.held[g]!.push({ seq, client, payload });
    this.ship(ctx, m, g, [seq]);
  }

  /** The client saw its commit: from now on losing it is a violation. */
  acknowledged(g: number, seq: number): void {
    const c = this.pending[g]?.find((x) => x.seq === seq);
    if (c) c.acked = true;
  }

  /** The lock manager of shared disks: the first other running member, or the node itself when alone. */
  lockManager(m: number): number {
    const other = this.c.nodes.findIndex((_, k) => k !== m && this.c.members.inService(k));
    return this.c.nodes[other >= 0 ? other : m]!;
  }

  noteLock(): void {
    this.lockMessages += 2;
  }

  private ship(ctx: ModelContext, m: number, g: number, seqs: number[]): void {
    const bytes = 2_000 * seqs.length;
    for (let k = 0; k < this.c.nodes.length; k++) {
      if (k === m || !this.c.members.inService(k)) continue;
      this.copyBytes += bytes;
      ctx.send(this.c.nodes[m]!, this.c.nodes[k]!, CL_DATA_MSG.copy, bytes, { g, seqs });
    }
  }

  /** Every few seconds the owner ships the commits the other copies lack (storage `copy`). */
  onCopyTimer(ctx: ModelContext, m: number): void {
    ctx.setTimer(this.c.nodes[m]!, this.c.spec.copyEveryUs, TIMER.copy, m);
    this.pending.forEach((list, g) => {
      if (this.lastHome[g] !== m) return;
      const seqs = list.filter((x) => (x.holders & (1 << m)) !== 0).map((x) => x.seq);
      if (seqs.length > 0) this.ship(ctx, m, g, seqs);
    });
  }

  /** A node received a copy: the commits are on its disk now. */
  onCopy(ctx: ModelContext, node: number, src: number, p: { g: number; seqs: number[] }): void {
    const k = this.c.modelIndex(node);
    if (k < 0) return;
    for (const x of this.pending[p.g]!) if (p.seqs.includes(x.seq)) x.holders |= 1 << k;
    const all = (1 << this.c.nodes.length) - 1;
    this.pending[p.g] = this.pending[p.g]!.filter((x) => (x.holders & all) !== all);
    ctx.send(node, src, CL_DATA_MSG.copyAck, 60, { g: p.g, seqs: p.seqs });
  }

  /** The owner hears a copy arrived: held answers go out. */
  onCopyAck(ctx: ModelContext, m: number, p: { g: number; seqs: number[] }): void {
    const keep: HeldReply[] = [];
    for (const h of this.held[p.g]!) {
      if (p.seqs.includes(h.seq)) ctx.send(this.c.nodes[m]!, h.client, CL_MSG.reply, 1_000, h.payload);
      else keep.push(h);
    }
    this.held[p.g] = keep;
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
    // this node's copy is the data now: commits it lacks are gone; those a client was told about are lost
    const missing = this.pending[g]!.filter((x) => (x.holders & (1 << m)) === 0);
    const lost = missing.filter((x) => x.acked).length;
    this.pending[g] = this.pending[g]!.filter((x) => (x.holders & (1 << m)) !== 0);
    this.held[g] = [];
    this.halfDone += half;
    this.rolledBack += undone;
    this.commitsLost += lost;
    if (half || undone || lost) ctx.emit('transactionsSettled', this.c.nodes[m]!, this.c.nodes[from] ?? -1, g, undone, half, lost);
  }

  stats() {
    return { txHalfDone: this.halfDone, txRolledBack: this.rolledBack, commitsLost: this.commitsLost, copyBytes: this.copyBytes, lockMessages: this.lockMessages };
  }
}
