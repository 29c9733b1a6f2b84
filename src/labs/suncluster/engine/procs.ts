import type { ModelContext } from '../../../engine/model';
import type { FsCall } from './idl';
import { SUN_MSG } from './spec';

/** A process of the cluster: one pid for the whole cluster; all its threads run on one node. */
export interface GProc {
  pid: number;
  name: string;
  threads: number;
  node: number;
  state: 'running' | 'moving' | 'lost';
  /** Where it is moving to, while it moves. */
  to?: number;
}

/** What the process manager needs from the model. */
export interface ProcCore {
  readonly nodes: number[];
  readonly members: Set<number>;
}

const NAMES = ['httpd', 'oracle', 'nfsd', 'sendmail', 'cron', 'sshd', 'java', 'named'];

/** Bytes of state moved per thread when a process migrates (stack, registers; model choice). */
const THREAD_STATE_BYTES = 16_384;

/**
 * Global process management (SUN-PROC): cluster-unique process ids; every
 * node keeps its own view of where each process runs and hears of every
 * move; a process moves to another node with all its threads (for balance,
 * on request) and is restarted on a surviving node when its node fails.
 */
export class GlobalProcs {
  readonly table = new Map<number, GProc>();
  /** Each node's own view: pid -> the node it believes runs it. */
  readonly views = new Map<number, Map<number, number>>();
  migrations = 0;
  recovered = 0;

  constructor(private readonly core: ProcCore) {}

  /** Two processes per node, numbered across the cluster from 100. */
  init(): void {
    let pid = 100;
    this.core.nodes.forEach((n, i) => {
      for (let k = 0; k < 2; k++) {
        const name = NAMES[(2 * i + k) % NAMES.length]!;
        this.table.set(pid, { pid, name, threads: 1 + ((3 * i + 5 * k) % 8), node: n, state: 'running' });
        pid++;
      }
    });
    for (const n of this.core.nodes) this.views.set(n, new Map([...this.table.values()].map((p) => [p.pid, p.node])));
  }

  /** The member running the fewest processes (ties: the first). */
  leastLoaded(ctx: ModelContext, except: number): number {
    const live = this.core.nodes.filter((n) => n !== except && this.core.members.has(n) && ctx.net.nodes[n]!.up);
    const count = (n: number) => [...this.table.values()].filter((p) => p.node === n && p.state !== 'lost').length;
    return live.reduce((best, n) => (best < 0 || count(n) < count(best) ? n : best), -1);
  }

  /** Moves a process (all its threads together) to another node: its state travels as one invocation. */
  migrate(ctx: ModelContext, pid: number, to: number): boolean {
    const p = this.table.get(pid);
    if (!p || p.state !== 'running' || to === p.node || to < 0) return false;
    p.state = 'moving';
    p.to = to;
    const call: FsCall = { op: -1, step: 0, fn: 'migrate', fid: -1, pid, threads: p.threads, to };
    ctx.send(p.node, to, SUN_MSG.invoke, 2_000 + p.threads * THREAD_STATE_BYTES, call);
    return true;
  }

  /** A process-manager invocation reaches a node. */
  onInvoke(ctx: ModelContext, node: number, call: FsCall): void {
    const p = this.table.get(call.pid ?? -1);
    if (!p) return;
    if (call.fn === 'locate') {
      this.views.get(node)?.set(p.pid, call.to ?? -1);
      return;
    }
    // migrate: the process arrives, with every thread, and resumes here
    const from = p.node;
    p.node = node;
    p.state = 'running';
    this.migrations++;
    ctx.emit('sunProcMoved', node, from, p.pid, p.threads, 0);
    this.announce(ctx, p);
  }

  /** Tells every other member where the process now runs (each keeps its own table). */
  private announce(ctx: ModelContext, p: GProc): void {
    this.views.get(p.node)?.set(p.pid, p.node);
    for (const n of this.core.nodes) {
      if (n === p.node || !this.core.members.has(n) || !ctx.net.nodes[n]!.up) continue;
      ctx.send(p.node, n, SUN_MSG.invoke, 120, { op: -1, step: 0, fn: 'locate', fid: -1, pid: p.pid, to: p.node } satisfies FsCall);
    }
  }

  /** A node crashed: its processes are lost with it (a process in flight to it too). */
  onCrash(node: number): void {
    for (const p of this.table.values()) {
      if (p.node === node) p.state = 'lost';
      // its state never arrived: the process goes on where it was
      else if (p.state === 'moving' && p.to === node) p.state = 'running';
    }
    this.views.delete(node);
  }

  /** The membership noticed the failure: each lost process restarts, same pid, on the least loaded survivor. */
  onNodeLeft(ctx: ModelContext, node: number): void {
    for (const p of this.table.values()) {
      if (p.node !== node || p.state !== 'lost') continue;
      const to = this.leastLoaded(ctx, node);
      if (to < 0) return;
      p.node = to;
      p.state = 'running';
      this.recovered++;
      ctx.emit('sunProcMoved', to, node, p.pid, p.threads, 1);
      this.announce(ctx, p);
    }
  }

  /** A node back in the cluster learns the whole table again. */
  onNodeBack(node: number): void {
    this.views.set(node, new Map([...this.table.values()].map((p) => [p.pid, p.node])));
  }
}
