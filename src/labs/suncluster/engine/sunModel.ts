import type { CommandError, EngineCommand } from '../../../engine/commands';
import type { Message, Model, ModelContext } from '../../../engine/model';
import { GlobalFs } from './gfs';
import { describeSun, type FsCall, type NetPacket } from './idl';
import { SunClients } from './clients';
import { SunNetwork } from './network';
import { GlobalProcs } from './procs';
import type { SunSnapshot } from './snapshot';
import { SUN_DESIGNS, SUN_FILE_OPS, SUN_FILES, SUN_MSG, SUN_SESSIONS, SUN_TIMER, SUN_WORK, fileByPath, type SunSpec } from './spec';

/** The mix of operations each node's own process makes when the spec asks for one (read most). */
const AUTO_OPS = [
  { op: 'read', path: '/global/www/index.html' },
  { op: 'read', path: '/global/www/index.html' },
  { op: 'stat', path: '/global/data/report.txt' },
  { op: 'read', path: '/global/www/logo.png' },
  { op: 'ls', path: '/global/www' },
  { op: 'read', path: '/global/data/report.txt' },
  { op: 'read', path: '/tmp/scratch' },
] as const;

/**
 * Sun Cluster (SUN-SSI, SUN-CORBA, SUN-NET-OPTIONS, SUN-NET-FILTER, SUN-GFS,
 * SUN-VNODE, SUN-CACHE): Solaris nodes seen from outside as one machine
 * with one address, reached through one of three networking designs, with a
 * global file system whose proxies cache on every node. Every call between
 * nodes is an invocation on an IDL interface (see idl.ts).
 */
export class SunClusterModel implements Model {
  readonly name = 'suncluster';
  nodes: number[] = [];
  clients: number[] = [];
  readonly members = new Set<number>();
  /** The node that holds the public interface (the shared address). */
  iface = -1;
  diskNode = -1;
  readonly net: SunNetwork;
  readonly users: SunClients;
  readonly fs: GlobalFs;
  readonly procs: GlobalProcs;
  private autoOp = 0;
  /** The time of the last event this model saw, so the snapshot can give utilisation. */
  private lastUs = 0;
  /** The network, kept from init so stats can read utilisation (the kernel's own object, not a closure). */
  private netRef: ModelContext['net'] | null = null;

  constructor(readonly spec: SunSpec) {
    this.net = new SunNetwork(this);
    this.users = new SunClients(this, this.net);
    this.fs = new GlobalFs(this);
    this.procs = new GlobalProcs(this);
  }

  get caches(): boolean {
    return this.spec.caches;
  }

  init(ctx: ModelContext): void {
    this.netRef = ctx.net;
    this.nodes = this.spec.nodes.map((id) => ctx.net.node(id)?.index ?? -1).filter((i) => i >= 0);
    this.clients = this.spec.clients.map((id) => ctx.net.node(id)?.index ?? -1).filter((i) => i >= 0);
    for (const n of this.nodes) this.members.add(n);
    this.iface = this.nodes[0] ?? -1;
    this.diskNode = ctx.net.node(this.spec.diskNode)?.index ?? this.iface;
    this.net.init();
    this.users.init(ctx, this.clients);
    this.procs.init();
    if (this.spec.fileEveryUs > 0) for (const n of this.nodes) ctx.setTimer(n, this.spec.fileEveryUs * (1 + this.nodes.indexOf(n) / this.nodes.length), SUN_TIMER.fileOp);
    this.armWriter(ctx);
  }

  private armWriter(ctx: ModelContext): void {
    const w = this.spec.writer;
    const n = w ? ctx.net.node(w.node) : undefined;
    if (w && n) ctx.setTimer(n.index, w.everyUs, SUN_TIMER.writer);
  }

  onMessage(ctx: ModelContext, node: number, msg: Message): void {
    this.lastUs = ctx.nowUs;
    switch (msg.kind) {
      case SUN_MSG.packet:
        return this.net.onPacket(ctx, node, msg.payload as NetPacket);
      case SUN_MSG.forward:
        return this.net.onForward(ctx, node, msg.payload as NetPacket);
      case SUN_MSG.outbound:
        return this.net.onOutbound(ctx, node, msg.payload as NetPacket);
      case SUN_MSG.reply:
      case SUN_MSG.reset:
        return this.users.onClient(ctx, msg.kind, msg.payload as NetPacket);
      case SUN_MSG.invoke:
        if ((msg.payload as FsCall).fn === 'migrate' || (msg.payload as FsCall).fn === 'locate') return this.procs.onInvoke(ctx, node, msg.payload as FsCall);
        return this.fs.onInvoke(ctx, node, msg.src, msg.payload as FsCall);
      case SUN_MSG.invalidate:
        return this.fs.onInvoke(ctx, node, msg.src, msg.payload as FsCall);
      case SUN_MSG.result:
        return this.fs.onResult(ctx, node, msg.src, msg.payload as FsCall);
    }
  }

  onTimer(ctx: ModelContext, node: number, tag: number, data: unknown): void {
    this.lastUs = ctx.nowUs;
    if (tag === SUN_TIMER.think || tag === SUN_TIMER.rto) return this.users.onTimer(ctx, tag, data);
    if (tag === SUN_TIMER.detect) return this.detected(ctx, data as number);
    if (tag === SUN_TIMER.fileOp) {
      const a = AUTO_OPS[this.autoOp++ % AUTO_OPS.length]!;
      this.fs.start(ctx, node, a.op, fileByPath(a.path)!);
      ctx.setTimer(node, this.spec.fileEveryUs, SUN_TIMER.fileOp);
      return;
    }
    if (tag === SUN_TIMER.writer && this.spec.writer) {
      const f = fileByPath(this.spec.writer.path);
      if (f) this.fs.start(ctx, node, 'write', f);
      ctx.setTimer(node, this.spec.writer.everyUs, SUN_TIMER.writer);
    }
  }

  onWorkDone(ctx: ModelContext, node: number, tag: number, data: unknown): void {
    if (tag === SUN_WORK.fsServer) return this.fs.onServed(ctx, node, data as { call: FsCall; from: number });
    if (tag === SUN_WORK.fsLocal) return this.fs.onLocal(ctx, data as { op: number; step: number });
    this.net.onWorkDone(ctx, node, tag, data as NetPacket);
  }

  onNodeCrashed(ctx: ModelContext, node: number): void {
    this.fs.onCrash(ctx, node);
    if (!this.nodes.includes(node)) return;
    this.net.onCrash(node);
    this.procs.onCrash(node);
    // the membership notices after a while; a surviving node (or a client) keeps the clock
    const watcher = [...this.nodes, ...this.clients].find((n) => n !== node && ctx.net.nodes[n]!.up);
    if (watcher !== undefined) ctx.setTimer(watcher, this.spec.detectUs, SUN_TIMER.detect, node);
  }

  private detected(ctx: ModelContext, node: number): void {
    if (ctx.net.nodes[node]!.up || !this.members.has(node)) return;
    this.members.delete(node);
    ctx.emit('sunNodeLeft', node, -1, -1, this.members.size);
    this.net.note(ctx.nowUs, 'left', node, -1);
    this.net.onNodeLeft(ctx, node);
    this.procs.onNodeLeft(ctx, node);
  }

  onNodeRestarted(ctx: ModelContext, node: number): void {
    if (this.clients.includes(node)) return this.users.restartClient(ctx, node);
    if (!this.nodes.includes(node)) return;
    this.members.add(node);
    this.net.onNodeBack(node);
    this.procs.onNodeBack(node);
    if (this.spec.fileEveryUs > 0) ctx.setTimer(node, this.spec.fileEveryUs, SUN_TIMER.fileOp);
    if (this.spec.writer && ctx.net.node(this.spec.writer.node)?.index === node) this.armWriter(ctx);
    if (node === this.diskNode) this.fs.onPrimaryBack(ctx);
    if (this.iface < 0 || !ctx.net.nodes[this.iface]!.up) this.iface = node;
  }

  onNodeAdded(): void {}

  command(ctx: ModelContext, cmd: EngineCommand): CommandError | null | undefined {
    switch (cmd.type) {
      case 'sunSetDesign':
        if (!SUN_DESIGNS.includes(cmd.design)) return { code: 'outOfRange', params: { field: 'design', value: String(cmd.design), min: 0, max: 0 } };
        this.spec.design = cmd.design;
        this.net.reset();
        this.users.forgetConnections();
        ctx.emit('sunDesignChanged', this.iface, -1, -1, SUN_DESIGNS.indexOf(cmd.design) + 1);
        return null;
      case 'sunLoad':
        if (!Number.isInteger(cmd.sessions) || cmd.sessions < SUN_SESSIONS.min || cmd.sessions > SUN_SESSIONS.max)
          return { code: 'outOfRange', params: { field: 'sessions', value: String(cmd.sessions), min: SUN_SESSIONS.min, max: SUN_SESSIONS.max } };
        this.users.setLoad(ctx, cmd.sessions);
        ctx.emit('sunLoadSet', -1, -1, -1, cmd.sessions);
        return null;
      case 'sunCaches':
        this.spec.caches = cmd.on;
        this.fs.flush();
        ctx.emit('sunCachesSet', -1, -1, -1, cmd.on ? 1 : 0);
        return null;
      case 'sunMigrate': {
        const p = this.procs.table.get(cmd.pid);
        if (!p || p.state !== 'running') return { code: 'unknownProcess', params: { id: String(cmd.pid) } };
        const to = cmd.node !== undefined ? (ctx.net.node(cmd.node)?.index ?? -1) : this.procs.leastLoaded(ctx, p.node);
        if (!this.nodes.includes(to) || !ctx.net.nodes[to]!.up) return { code: 'unknownNode', params: { id: String(cmd.node ?? '') } };
        if (to === p.node) return { code: 'alreadyUp', params: { id: ctx.net.nodes[to]!.id } };
        this.procs.migrate(ctx, cmd.pid, to);
        return null;
      }
      case 'sunFileOp': {
        const n = ctx.net.node(cmd.node);
        if (!n || !this.nodes.includes(n.index)) return { code: 'unknownNode', params: { id: String(cmd.node) } };
        const f = fileByPath(cmd.path);
        if (!f || !SUN_FILE_OPS.includes(cmd.op) || (cmd.op === 'ls') !== f.dir) return { code: 'unknownPath', params: { path: String(cmd.path) } };
        if (!n.up) return { code: 'alreadyDown', params: { id: n.id } };
        this.fs.start(ctx, n.index, cmd.op, f);
        return null;
      }
      default:
        return undefined;
    }
  }

  describe(msg: Message): Record<string, string | number> {
    const p = msg.payload as NetPacket;
    const perNode = this.spec.design === 'perNode' && (msg.kind === SUN_MSG.packet || msg.kind === SUN_MSG.reply);
    const addr = perNode ? this.address(msg.kind === SUN_MSG.packet ? msg.dst : msg.src) : this.spec.sharedAddress;
    return describeSun(msg.kind, p, addr);
  }

  /** A node's own address in the one-address-per-node design (documentation range, RFC 5737). */
  address(node: number): string {
    return `192.0.2.${11 + this.nodes.indexOf(node)}`;
  }

  stats(nowUs: number) {
    const n = this.users;
    const fs = this.fs;
    const util = (i: number) => (i >= 0 ? (this.netRef?.nodes[i]?.utilization(nowUs) ?? 0) : 0);
    const others = this.nodes.filter((x) => x !== this.iface && this.members.has(x));
    return {
      requestsCompleted: n.completed,
      requestsFailed: n.failed,
      connectionsReset: n.resets,
      retransmissions: n.retransmits,
      openConnections: this.net.table.size,
      ifaceUtil: util(this.iface),
      othersUtil: others.length ? others.reduce((s, x) => s + util(x), 0) / others.length : 0,
      cacheHits: fs.hits,
      cacheMisses: fs.misses,
      remoteInvocations: fs.remote,
      invalidations: fs.invalidations,
      fileOps: fs.results.length ? fs.results[fs.results.length - 1]!.id : 0,
    };
  }

  snapshot(): SunSnapshot {
    const fs = this.fs;
    return {
      clusterName: this.spec.clusterName,
      sharedAddress: this.spec.sharedAddress,
      design: this.spec.design,
      sessions: this.spec.sessions,
      caches: this.spec.caches,
      nodes: this.nodes,
      addresses: this.nodes.map((x) => this.address(x)),
      members: this.nodes.map((x) => this.members.has(x)),
      iface: this.iface,
      diskNode: this.diskNode,
      served: this.net.served,
      util: this.nodes.map((x) => this.netRef?.nodes[x]?.utilization(this.lastUs) ?? 0),
      up: this.nodes.map((x) => this.netRef?.nodes[x]?.up ?? false),
      log: this.net.log.slice(-8),
      owned: this.nodes.map((x) => [...this.net.table.values()].filter((e) => e.node === x).length),
      movedTo: [...this.net.movedTo.entries()],
      table: [...this.net.table.values()].slice(-24),
      clientAddr: this.clients.map((c) => this.users.sessions.find((s) => s.client === c)?.addr ?? 0),
      clients: this.clients,
      files: SUN_FILES.map((f) => ({ fid: f.fid, path: f.path, version: fs.versions.get(f.fid) ?? 1, local: !!f.local, dir: f.dir })),
      remote: fs.remote,
      invalidations: fs.invalidations,
      cache: this.nodes.map((x) => {
        const c = fs.caches.get(x);
        return { dnlc: c?.dnlc.size ?? 0, attr: c?.attr.size ?? 0, data: c ? [...c.data.entries()] : [] };
      }),
      hitsBy: { ...fs.hitsBy },
      missesBy: { ...fs.missesBy },
      results: fs.results.slice(-12),
      procs: [...this.procs.table.values()].map((p) => ({ ...p })),
      // how many processes each node places where the table does (every node should know them all)
      agree: this.nodes.map((x) => [...this.procs.table.values()].filter((p) => this.procs.views.get(x)?.get(p.pid) === p.node).length),
      migrations: this.procs.migrations,
      recovered: this.procs.recovered,
    };
  }
}
