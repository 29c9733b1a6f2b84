import type { ModelContext } from '../../../engine/model';
import type { FsCall } from './idl';
import { FS_COST_US, SUN_FILES, SUN_MSG, SUN_WORK, fileById, type SunFile, type SunFileOp } from './spec';

/** One call a file operation makes through the vnode interface (VOP_LOOKUP, VOP_GETATTR, VOP_READ...). */
export interface Step {
  fn: 'lookup' | 'getattr' | 'readdir' | 'read' | 'write';
  fid: number;
  name?: string;
}

/** How an operation's calls were served: from the node's local UFS, from the client-side cache, by the primary itself, or by remote invocations. */
export type OpPath = 'local' | 'cached' | 'primary' | 'remote';

export interface PendingOp {
  id: number;
  node: number;
  op: SunFileOp;
  path: string;
  steps: Step[];
  i: number;
  startUs: number;
  remote: number;
  hits: number;
  misses: number;
  version: number;
  local: boolean;
}

export interface OpResult {
  id: number;
  node: number;
  op: SunFileOp;
  path: string;
  remote: number;
  hits: number;
  misses: number;
  version: number;
  us: number;
  via: OpPath;
  atUs: number;
}

/** A node's client-side caches (SUN-CACHE): directory entries, attributes, file contents (by version). */
export interface NodeCache {
  dnlc: Set<string>;
  attr: Map<number, number>;
  data: Map<number, number>;
  /** Invalidations seen per file, so a result that was overtaken by one is not cached. */
  epoch: Map<number, number>;
}

/** What the file system needs from the model. */
export interface GfsCore {
  readonly caches: boolean;
  readonly diskNode: number;
}

/** The calls an operation on a path makes through the vnode interface: a lookup per component, then the operation itself. */
export function stepsFor(op: SunFileOp, f: SunFile): Step[] {
  const chain: SunFile[] = [];
  for (let x: SunFile | undefined = f; x && x.parent !== 0; x = fileById(x.parent)) chain.unshift(x);
  const steps: Step[] = f.local ? [] : chain.map((x) => ({ fn: 'lookup' as const, fid: x.parent, name: x.path.slice(x.path.lastIndexOf('/') + 1) }));
  steps.push({ fn: 'getattr', fid: f.fid });
  if (op === 'read') steps.push({ fn: 'read', fid: f.fid });
  else if (op === 'write') steps.push({ fn: 'write', fid: f.fid });
  else if (op === 'ls') steps.push({ fn: 'readdir', fid: f.fid });
  return steps;
}

/**
 * The global file system (SUN-GFS, SUN-VNODE, SUN-CACHE): a process on any
 * node names a file by the same path; the vnode layer hands the call to the
 * proxy file system, which answers from its caches or invokes the file
 * object on the node holding the disk; a write there invalidates every other
 * node's copies before it completes, so a later read anywhere sees it.
 */
export class GlobalFs {
  readonly pending = new Map<number, PendingOp>();
  readonly results: OpResult[] = [];
  readonly caches = new Map<number, NodeCache>();
  /** On the primary: each file's version and which nodes hold copies. */
  readonly versions = new Map<number, number>(SUN_FILES.map((f) => [f.fid, 1]));
  readonly cachers = new Map<number, Set<number>>();
  /** Writes waiting for invalidation acknowledgements, by `${writer}:${op}`. */
  private readonly writes = new Map<string, { from: number; call: FsCall; waiting: Set<number> }>();
  private nextOp = 1;
  hits = 0;
  misses = 0;
  remote = 0;
  invalidations = 0;
  readonly hitsBy = { dnlc: 0, attr: 0, data: 0 };
  readonly missesBy = { dnlc: 0, attr: 0, data: 0 };

  constructor(private readonly core: GfsCore) {}

  cacheOf(node: number): NodeCache {
    let c = this.caches.get(node);
    if (!c) this.caches.set(node, (c = { dnlc: new Set(), attr: new Map(), data: new Map(), epoch: new Map() }));
    return c;
  }

  /** A process on `node` calls open()+read()/write()/stat()/readdir() on a path. */
  start(ctx: ModelContext, node: number, op: SunFileOp, f: SunFile): void {
    const o: PendingOp = { id: this.nextOp++, node, op, path: f.path, steps: stepsFor(op, f), i: 0, startUs: ctx.nowUs, remote: 0, hits: 0, misses: 0, version: 0, local: !!f.local };
    this.pending.set(o.id, o);
    this.run(ctx, o);
  }

  private run(ctx: ModelContext, o: PendingOp): void {
    const primary = this.core.diskNode;
    while (o.i < o.steps.length) {
      const s = o.steps[o.i]!;
      if (o.local) return void ctx.work(o.node, FS_COST_US[s.fn], SUN_WORK.fsLocal, { op: o.id, step: o.i });
      const call: FsCall = { op: o.id, step: o.i, fn: s.fn, fid: s.fid, name: s.name, bytes: fileById(s.fid)?.bytes };
      // the primary's proxy calls its file object in the same address space: no message, no cache needed
      if (o.node === primary) return void ctx.work(primary, FS_COST_US[s.fn], SUN_WORK.fsServer, { call, from: o.node });
      const which = s.fn === 'lookup' ? 'dnlc' : s.fn === 'getattr' ? 'attr' : 'data';
      if (this.core.caches && s.fn !== 'write' && this.hit(o.node, s)) {
        o.hits++;
        this.hits++;
        this.hitsBy[which]++;
        const c = this.cacheOf(o.node);
        if (s.fn !== 'lookup') o.version = (s.fn === 'getattr' ? c.attr.get(s.fid) : c.data.get(s.fid)) ?? 0;
        o.i++;
        continue;
      }
      if (s.fn !== 'write') {
        o.misses++;
        this.misses++;
        this.missesBy[which]++;
      }
      o.remote++;
      this.remote++;
      call.epoch = this.cacheOf(o.node).epoch.get(s.fid) ?? 0;
      return void ctx.send(o.node, primary, SUN_MSG.invoke, s.fn === 'write' ? (call.bytes ?? 0) + 200 : 200, call);
    }
    this.finish(ctx, o);
  }

  private hit(node: number, s: Step): boolean {
    const c = this.cacheOf(node);
    if (s.fn === 'lookup') return c.dnlc.has(`${s.fid}/${s.name}`);
    if (s.fn === 'getattr') return c.attr.has(s.fid);
    return c.data.has(s.fid);
  }

  private finish(ctx: ModelContext, o: PendingOp): void {
    this.pending.delete(o.id);
    const via: OpPath = o.local ? 'local' : o.node === this.core.diskNode ? 'primary' : o.remote > 0 ? 'remote' : 'cached';
    this.results.push({ id: o.id, node: o.node, op: o.op, path: o.path, remote: o.remote, hits: o.hits, misses: o.misses, version: o.version, us: ctx.nowUs - o.startUs, via, atUs: ctx.nowUs });
    if (this.results.length > 60) this.results.shift();
    ctx.emit('sunFileOp', o.node, this.core.diskNode, o.id, o.remote, o.hits, o.version);
  }

  /** The file object on the disk node receives an invocation. */
  onInvoke(ctx: ModelContext, node: number, from: number, call: FsCall): void {
    if (call.fn === 'invalidate') {
      // a caching node drops its copies of the file and acknowledges
      const c = this.cacheOf(node);
      c.data.delete(call.fid);
      c.attr.delete(call.fid);
      c.epoch.set(call.fid, (c.epoch.get(call.fid) ?? 0) + 1);
      ctx.emit('sunCacheInvalidated', node, from, -1, call.fid);
      return void ctx.send(node, from, SUN_MSG.result, 60, { ...call, ack: true });
    }
    if (call.fn === 'migrate' || call.fn === 'locate') return;
    ctx.work(node, FS_COST_US[call.fn], SUN_WORK.fsServer, { call, from });
  }

  /** The primary has done an operation on its local file system (UFS on the disk). */
  onServed(ctx: ModelContext, node: number, d: { call: FsCall; from: number }): void {
    const { call, from } = d;
    if (call.fn === 'write') {
      const v = (this.versions.get(call.fid) ?? 1) + 1;
      this.versions.set(call.fid, v);
      const others = [...(this.cachers.get(call.fid) ?? [])].filter((n) => n !== from && n !== node && ctx.net.nodes[n]!.up);
      this.cachers.set(call.fid, new Set(from === node ? [] : [from]));
      const answer = { ...call, version: v };
      if (others.length === 0) return this.respond(ctx, node, from, answer);
      // UNIX semantics: the write completes only once no other node can read the old contents
      this.writes.set(`${from}:${call.op}`, { from, call: answer, waiting: new Set(others) });
      for (const n of others) {
        this.invalidations++;
        ctx.send(node, n, SUN_MSG.invalidate, 80, { op: call.op, step: call.step, fn: 'invalidate', fid: call.fid } satisfies FsCall);
      }
      return;
    }
    if (from !== node) {
      let set = this.cachers.get(call.fid);
      if (!set) this.cachers.set(call.fid, (set = new Set()));
      set.add(from);
    }
    const bytes = call.fn === 'read' ? (fileById(call.fid)?.bytes ?? 0) : 200;
    this.respond(ctx, node, from, { ...call, version: this.versions.get(call.fid) ?? 1, bytes }, bytes);
  }

  private respond(ctx: ModelContext, node: number, from: number, call: FsCall, bytes = 200): void {
    if (from === node) this.onResult(ctx, node, node, call);
    else ctx.send(node, from, SUN_MSG.result, bytes + 100, call);
  }

  /** A result reaches the calling node (or an acknowledgement reaches the primary). */
  onResult(ctx: ModelContext, node: number, from: number, call: FsCall): void {
    if (call.ack) {
      for (const [key, w] of this.writes) {
        if (w.call.op !== call.op || w.call.fid !== call.fid) continue;
        w.waiting.delete(from);
        this.cachers.get(call.fid)?.delete(from);
        if (w.waiting.size === 0) {
          this.writes.delete(key);
          this.respond(ctx, node, w.from, w.call);
        }
      }
      return;
    }
    const o = this.pending.get(call.op);
    if (!o || o.node !== node || o.i !== call.step) return;
    const c = this.cacheOf(node);
    const fresh = (c.epoch.get(call.fid) ?? 0) === (call.epoch ?? 0);
    if (this.core.caches && node !== this.core.diskNode && (fresh || call.fn === 'lookup')) {
      if (call.fn === 'lookup') c.dnlc.add(`${call.fid}/${call.name}`);
      else if (call.fn === 'getattr') c.attr.set(call.fid, call.version ?? 0);
      else {
        c.data.set(call.fid, call.version ?? 0);
        c.attr.set(call.fid, call.version ?? 0);
      }
    }
    if (call.fn !== 'lookup') o.version = call.version ?? 0;
    o.i++;
    this.run(ctx, o);
  }

  /** Local work done: a step on the node's own UFS, or the primary's own call. */
  onLocal(ctx: ModelContext, d: { op: number; step: number }): void {
    const o = this.pending.get(d.op);
    if (!o || o.i !== d.step) return;
    o.i++;
    this.run(ctx, o);
  }

  /** A node crashed: its processes, their operations and its caches are gone; writes stop waiting for it. */
  onCrash(ctx: ModelContext, node: number): void {
    for (const [id, o] of this.pending) if (o.node === node) this.pending.delete(id);
    this.caches.delete(node);
    for (const set of this.cachers.values()) set.delete(node);
    for (const [key, w] of this.writes) {
      w.waiting.delete(node);
      if (w.from === node) this.writes.delete(key);
      else if (w.waiting.size === 0) {
        this.writes.delete(key);
        this.respond(ctx, this.core.diskNode, w.from, w.call);
      }
    }
  }

  /** The disk node is back: operations that were waiting on it ask again (requests block, then go on). */
  onPrimaryBack(ctx: ModelContext): void {
    for (const o of this.pending.values()) if (o.node !== this.core.diskNode && !o.local) this.run(ctx, o);
  }

  /** Empties every node's caches (caching switched off or on). */
  flush(): void {
    this.caches.clear();
  }
}
