import type { ModelContext } from '../../../engine/model';

/**
 * Message kinds, borrowed from the load balancer's legend: a request to the
 * cluster's address, the address forwarding it to a node, a node's answer,
 * and the reply to whoever asked.
 */
export const SSI_NET_MSG = { request: 24, forward: 25, answer: 28, reply: 29 } as const;

/** Services of the middleware that run on one node each, reached through the cluster's address. */
export const SSI_SERVICES = 3;

/** How long the entry point waits for the nodes' answers before showing the view without the missing ones. */
export const VIEW_TIMEOUT_US = 500_000;

/** Timer tag of a console view's deadline. */
export const SSI_TIMER = { view: 1 } as const;

/** One node's line in the console, as that node reported it. */
export interface ViewRow {
  node: number;
  missing: boolean;
  sessions: number;
  pages: number;
  version: number;
}

/** A view of the whole cluster, gathered from every node and merged at the entry point. */
export interface ConsoleView {
  id: number;
  askedUs: number;
  gatheredUs: number;
  rows: ViewRow[];
}

/** What a node can tell about itself when the console asks. */
export interface NodeState {
  sessionsOn(node: number): number;
  pagesOf(node: number): number;
  versionOf(node: number): number;
}

/** A call to a service: who asked, when, and (once answered) which node ran it. */
interface Call {
  id: number;
  service: number;
  from: number;
  atUs: number;
  node?: number;
}

type NetPayload =
  | ({ op: 'call' | 'forward' | 'answer' | 'reply' } & Call)
  | { op: 'console'; id: number }
  | { op: 'status'; id: number }
  | { op: 'statusReply'; id: number; row: ViewRow }
  | { op: 'view'; id: number };

/**
 * Two services of the single-system image (CL-SSI): the single virtual
 * network — any node calls a service at the cluster's one address and the
 * entry point forwards the call to the node where the service runs, so the
 * caller never names (or knows) that node — and the single user interface —
 * one console whose view of all nodes is asked of every node, merged at the
 * entry point, and shown even when some node does not answer (marked
 * missing after VIEW_TIMEOUT_US).
 */
export class VnetConsole {
  /** Service → the node it runs on. */
  readonly serviceAt: number[] = [];
  calls = 0;
  forwarded = 0;
  answered = 0;
  lastCall: { from: number; service: number; node: number; rttUs: number } | null = null;
  views = 0;
  lastView: ConsoleView | null = null;
  private pending = new Map<number, ConsoleView & { answers: Map<number, ViewRow> }>();
  /** Merged views on their way to the console. */
  private sent = new Map<number, ConsoleView>();
  private nextId = 1;

  constructor(
    private readonly entry: number,
    private readonly user: number,
    private readonly nodes: number[],
  ) {
    // spread over the nodes, none on the first: a call from n01 visibly travels
    for (let s = 0; s < SSI_SERVICES; s++) this.serviceAt[s] = nodes[(s + 1) % nodes.length]!;
  }

  /** Node `from` calls a service at the cluster's address. */
  call(ctx: ModelContext, from: number, service: number): void {
    this.calls++;
    ctx.send(from, this.entry, SSI_NET_MSG.request, 200, { op: 'call', id: this.nextId++, service, from, atUs: ctx.nowUs } satisfies NetPayload);
  }

  /** The console on the user's machine asks the cluster for a view of all its nodes. */
  ask(ctx: ModelContext): void {
    ctx.send(this.user, this.entry, SSI_NET_MSG.request, 200, { op: 'console', id: this.nextId++ } satisfies NetPayload);
  }

  /** Handles this service's messages; false when the message is not one of them. */
  onMessage(ctx: ModelContext, node: number, payload: unknown, state: NodeState): boolean {
    const p = payload as NetPayload;
    switch (p.op) {
      case 'call': {
        // the address forwards to wherever the service runs: the caller never names the node
        const where = this.serviceAt[p.service]!;
        this.forwarded++;
        ctx.emit('ssiForwarded', node, where, p.id, p.service, p.from);
        ctx.send(node, where, SSI_NET_MSG.forward, 200, { ...p, op: 'forward' } satisfies NetPayload);
        return true;
      }
      case 'forward':
        ctx.send(node, this.entry, SSI_NET_MSG.answer, 500, { ...p, op: 'answer', node } satisfies NetPayload);
        return true;
      case 'answer':
        // the reply comes back from the cluster's address, as the call went to it
        ctx.send(node, p.from, SSI_NET_MSG.reply, 500, { ...p, op: 'reply' } satisfies NetPayload);
        return true;
      case 'reply':
        this.answered++;
        this.lastCall = { from: p.from, service: p.service, node: p.node ?? -1, rttUs: ctx.nowUs - p.atUs };
        return true;
      case 'console':
        this.fanOut(ctx, p.id);
        return true;
      case 'status':
        ctx.send(node, this.entry, SSI_NET_MSG.answer, 300, {
          op: 'statusReply', id: p.id, row: { node, missing: false, sessions: state.sessionsOn(node), pages: state.pagesOf(node), version: state.versionOf(node) },
        } satisfies NetPayload);
        return true;
      case 'statusReply': {
        const v = this.pending.get(p.id);
        if (!v) return true;
        v.answers.set(p.row.node, p.row);
        if (v.answers.size === this.nodes.length) this.merge(ctx, p.id);
        return true;
      }
      case 'view': {
        const v = this.sent.get(p.id);
        this.sent.delete(p.id);
        if (v) {
          this.lastView = v;
          this.views++;
        }
        return true;
      }
      default:
        return false;
    }
  }

  /** The entry point asks every node for its state, and gives them VIEW_TIMEOUT_US to answer. */
  private fanOut(ctx: ModelContext, id: number): void {
    this.pending.set(id, { id, askedUs: ctx.nowUs, gatheredUs: -1, rows: [], answers: new Map() });
    for (const n of this.nodes) ctx.send(this.entry, n, SSI_NET_MSG.forward, 100, { op: 'status', id } satisfies NetPayload);
    ctx.setTimer(this.entry, VIEW_TIMEOUT_US, SSI_TIMER.view, id);
  }

  /** All answers in, or time is up: the nodes that did not answer are shown missing, and the view goes to the console. */
  merge(ctx: ModelContext, id: number): void {
    const v = this.pending.get(id);
    if (!v) return;
    this.pending.delete(id);
    const rows = this.nodes.map((n) => v.answers.get(n) ?? { node: n, missing: true, sessions: 0, pages: 0, version: 0 });
    const answered = rows.filter((r) => !r.missing).length;
    ctx.emit('ssiViewGathered', this.entry, this.user, id, answered, rows.length);
    this.sent.set(id, { id, askedUs: v.askedUs, gatheredUs: ctx.nowUs, rows });
    ctx.send(this.entry, this.user, SSI_NET_MSG.reply, 100 + 60 * rows.length, { op: 'view', id } satisfies NetPayload);
  }

  /** The entry point crashed: the views it was gathering are gone with it. */
  crashed(node: number): void {
    if (node === this.entry) this.pending.clear();
  }
}
