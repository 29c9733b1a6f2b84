import type { CommandError, EngineCommand } from '../../../engine/commands';
import type { Message, Model, ModelContext } from '../../../engine/model';
import { SSI_SERVICES, SSI_TIMER, VnetConsole, type ConsoleView } from './vnetConsole';

/**
 * Message kinds, borrowed from labs whose legend already names them: a
 * login is a client request and its reply; a page or file block is a data
 * fetch and its data; an administrator's change and a page invalidation are
 * updates pushed to the other nodes, acknowledged.
 */
export const SSI_MSG = { login: 24, welcome: 29, fetch: 26, data: 27, update: 12, ack: 13 } as const;

export const PAGES = 16;
const PAGE_BYTES = 4_096;
const BLOCK_BYTES = 64_000;

export interface SsiSpec {
  /** The node that answers for the cluster's one address (the entry point). */
  entry: string;
  /** The user's machine outside the cluster. */
  user: string;
  nodes: string[];
}

interface Session {
  id: number;
  node: number;
  atUs: number;
}

/** The single-system image's state for the panels (node fields are network node indices). */
export interface SsiSnapshot {
  entry: number;
  nodes: number[];
  sessions: Session[];
  owner: number[];
  copies: number[][];
  configVersion: number;
  applied: number;
  files: number[];
  /** Service → network index of the node it runs on (the single virtual network). */
  services: number[];
  lastCall: { from: number; service: number; node: number; rttUs: number } | null;
  /** The console's last view, gathered from every node. */
  view: ConsoleView | null;
}

type Payload = { op: 'login' | 'welcome' | 'fetch' | 'data' | 'update' | 'ack'; id: number; page?: number; file?: number; from?: number; node?: number; write?: boolean };

/**
 * The middleware's single-system image (CL-MIDDLEWARE, CL-SSI), service by
 * service: one entry point (a login to the cluster's name lands on the least
 * loaded node), one memory space (distributed shared memory: pages fetched
 * from the node that holds them, copies invalidated on a write), one control
 * point (one change applied on every node), and one I/O space (a node reads
 * another's disk without naming it), and through VnetConsole one virtual
 * network (services reached at the cluster's address) and one user interface
 * (a console whose view is gathered from every node). Jobs and processes
 * without naming a machine come from the Beowulf model beside it.
 */
export class SsiModel implements Model {
  readonly name = 'ssi';
  private entry = -1;
  private user = -1;
  private nodes: number[] = [];
  readonly sessions: Session[] = [];
  /** Page → node that owns it (writes go there); page → nodes holding a read copy. */
  readonly owner: number[] = [];
  readonly copies: Set<number>[] = [];
  remoteFetches = 0;
  localHits = 0;
  invalidations = 0;
  remoteReads = 0;
  configVersion = 0;
  /** Nodes that applied each configuration version. */
  readonly applied: number[] = [];
  /** The configuration version each node has applied (what it tells the console). */
  readonly nodeVersion = new Map<number, number>();
  /** The single virtual network and the single user interface (built at init, when the nodes are known). */
  net!: VnetConsole;
  private nextId = 1;

  constructor(readonly spec: SsiSpec) {}

  init(ctx: ModelContext): void {
    this.entry = ctx.net.node(this.spec.entry)?.index ?? -1;
    this.user = ctx.net.node(this.spec.user)?.index ?? -1;
    this.nodes = this.spec.nodes.map((id) => ctx.net.node(id)?.index ?? -1).filter((i) => i >= 0);
    for (let p = 0; p < PAGES; p++) {
      this.owner[p] = this.nodes[p % this.nodes.length]!;
      this.copies[p] = new Set([this.owner[p]!]);
    }
    this.net = new VnetConsole(this.entry, this.user, this.nodes);
  }

  /** The disk that holds file f (files are spread over the nodes' disks). */
  diskOf(f: number): number {
    return this.nodes[f % this.nodes.length]!;
  }

  onMessage(ctx: ModelContext, node: number, msg: Message): void {
    const p = msg.payload as Payload;
    if (this.net.onMessage(ctx, node, msg.payload, this)) return;
    if (p.op === 'login') {
      // the entry point places the session on the node with the fewest
      const load = (n: number) => this.sessions.filter((s) => s.node === n).length;
      const up = this.nodes.filter((n) => ctx.net.nodes[n]!.up);
      const target = up.reduce((b, n) => (b < 0 || load(n) < load(b) ? n : b), -1);
      if (target < 0) return;
      this.sessions.push({ id: p.id, node: target, atUs: ctx.nowUs });
      ctx.send(node, msg.src, SSI_MSG.welcome, 300, { op: 'welcome', id: p.id, node: target } satisfies Payload);
    } else if (p.op === 'welcome') {
      ctx.emit('sessionPlaced', node, p.node ?? -1, p.id);
    } else if (p.op === 'fetch' && p.page !== undefined) {
      ctx.send(node, msg.src, SSI_MSG.data, PAGE_BYTES, { ...p, op: 'data' } satisfies Payload);
    } else if (p.op === 'fetch' && p.file !== undefined) {
      ctx.send(node, msg.src, SSI_MSG.data, BLOCK_BYTES, { ...p, op: 'data' } satisfies Payload);
    } else if (p.op === 'data' && p.page !== undefined) {
      this.copies[p.page]!.add(node);
      if (p.write) this.takeOwnership(ctx, node, p.page);
    } else if (p.op === 'update') {
      if (p.page !== undefined) this.copies[p.page]!.delete(node);
      else {
        this.applied[p.id] = (this.applied[p.id] ?? 0) + 1;
        this.nodeVersion.set(node, Math.max(this.nodeVersion.get(node) ?? 0, p.id));
      }
      ctx.send(node, msg.src, SSI_MSG.ack, 64, { ...p, op: 'ack' } satisfies Payload);
    }
  }

  /** A write: every other copy is invalidated and the writer becomes the page's owner. */
  private takeOwnership(ctx: ModelContext, node: number, page: number): void {
    for (const n of this.copies[page]!) {
      if (n === node) continue;
      this.invalidations++;
      ctx.send(node, n, SSI_MSG.update, 64, { op: 'update', id: this.nextId++, page } satisfies Payload);
    }
    this.owner[page] = node;
    ctx.emit('pageOwned', node, -1, page);
  }

  command(ctx: ModelContext, cmd: EngineCommand): CommandError | null | undefined {
    switch (cmd.type) {
      case 'ssiLogin': {
        if (this.entry < 0 || this.user < 0) return { code: 'unknownNode', params: { id: this.spec.entry } };
        const id = this.nextId++;
        ctx.emit('requestStarted', this.user, this.entry, id);
        ctx.send(this.user, this.entry, SSI_MSG.login, 300, { op: 'login', id } satisfies Payload);
        return null;
      }
      case 'ssiTouch': {
        const n = ctx.net.node(cmd.node);
        if (!n || !this.nodes.includes(n.index)) return { code: 'unknownNode', params: { id: cmd.node } };
        if (!Number.isInteger(cmd.page) || cmd.page < 0 || cmd.page >= PAGES) return { code: 'outOfRange', params: { field: 'page', value: String(cmd.page), min: 0, max: PAGES - 1 } };
        const has = this.copies[cmd.page]!.has(n.index);
        if (has) {
          this.localHits++;
          // a write invalidates every other copy, the owner's own writes too (readers must not keep a stale page)
          if (cmd.write && (this.owner[cmd.page] !== n.index || this.copies[cmd.page]!.size > 1)) this.takeOwnership(ctx, n.index, cmd.page);
        } else {
          // not here: fetch the page from the node that owns it, as if it were local memory
          this.remoteFetches++;
          ctx.send(n.index, this.owner[cmd.page]!, SSI_MSG.fetch, 64, { op: 'fetch', id: this.nextId++, page: cmd.page, write: cmd.write } satisfies Payload);
        }
        return null;
      }
      case 'ssiAdmin': {
        // one command at the control point, carried out on every node
        this.configVersion++;
        this.applied[this.configVersion] = 0;
        for (const n of this.nodes) ctx.send(this.entry, n, SSI_MSG.update, 200, { op: 'update', id: this.configVersion } satisfies Payload);
        return null;
      }
      case 'ssiRead': {
        const n = ctx.net.node(cmd.node);
        if (!n || !this.nodes.includes(n.index)) return { code: 'unknownNode', params: { id: cmd.node } };
        const disk = this.diskOf(cmd.file);
        if (disk !== n.index) {
          this.remoteReads++;
          ctx.send(n.index, disk, SSI_MSG.fetch, 100, { op: 'fetch', id: this.nextId++, file: cmd.file } satisfies Payload);
        }
        return null;
      }
      case 'ssiService': {
        const n = ctx.net.node(cmd.node);
        if (!n || !this.nodes.includes(n.index)) return { code: 'unknownNode', params: { id: cmd.node } };
        if (!n.up) return { code: 'alreadyDown', params: { id: cmd.node } };
        if (!Number.isInteger(cmd.service) || cmd.service < 0 || cmd.service >= SSI_SERVICES) return { code: 'outOfRange', params: { field: 'service', value: String(cmd.service), min: 0, max: SSI_SERVICES - 1 } };
        this.net.call(ctx, n.index, cmd.service);
        return null;
      }
      case 'ssiConsole':
        if (this.entry < 0 || this.user < 0) return { code: 'unknownNode', params: { id: this.spec.entry } };
        this.net.ask(ctx);
        return null;
      default:
        return undefined;
    }
  }

  /** What a node tells the console about itself: its sessions, the pages it owns, its configuration version. */
  sessionsOn(node: number): number {
    return this.sessions.filter((s) => s.node === node).length;
  }

  pagesOf(node: number): number {
    return this.owner.filter((o) => o === node).length;
  }

  versionOf(node: number): number {
    return this.nodeVersion.get(node) ?? 0;
  }

  onTimer(ctx: ModelContext, _node: number, tag: number, data: unknown): void {
    if (tag === SSI_TIMER.view) this.net.merge(ctx, data as number);
  }
  onWorkDone(): void {}
  onNodeCrashed(_ctx: ModelContext, node: number): void {
    this.net.crashed(node);
    // the sessions on a failed node are gone; its page copies too
    for (let i = this.sessions.length - 1; i >= 0; i--) if (this.sessions[i]!.node === node) this.sessions.splice(i, 1);
    for (const c of this.copies) if (c.size > 1) c.delete(node);
  }
  onNodeRestarted(): void {}
  onNodeAdded(): void {}

  stats() {
    const n = this.net;
    return {
      ssiSessions: this.sessions.length, dsmRemoteFetches: this.remoteFetches, dsmLocalHits: this.localHits, dsmInvalidations: this.invalidations, remoteReads: this.remoteReads,
      ssiNetCalls: n.calls, ssiNetForwarded: n.forwarded, ssiNetAnswered: n.answered, ssiViews: n.views,
    };
  }

  snapshot(): SsiSnapshot {
    return {
      entry: this.entry,
      nodes: this.nodes,
      sessions: this.sessions.slice(-20),
      owner: this.owner,
      copies: this.copies.map((c) => [...c]),
      configVersion: this.configVersion,
      applied: this.applied[this.configVersion] ?? 0,
      files: Array.from({ length: 8 }, (_, f) => this.diskOf(f)),
      services: this.net.serviceAt,
      lastCall: this.net.lastCall,
      view: this.net.lastView,
    };
  }
}
