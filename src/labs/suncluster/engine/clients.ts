import type { ModelContext } from '../../../engine/model';
import type { NetPacket } from './idl';
import type { SunCore, SunNetwork } from './network';
import { SUN_MSG, SUN_SESSIONS, SUN_TIMER, type SunSpec } from './spec';

/** One client session: a closed loop of requests over one TCP connection at a time. */
export interface Session {
  client: number;
  /** Which node's address this session uses in the one-address-per-node design (an index into the nodes). */
  addr: number;
  active: boolean;
  /** Bumped when the session is stopped or restarted, so older timers are void. */
  gen: number;
  conn: number;
  syn: boolean;
  left: number;
  req: number;
  waiting: boolean;
  sentUs: number;
  tries: number;
}

/** Sessions each client can run at most. */
const SLOTS = SUN_SESSIONS.max;

/**
 * The clients on the Internet: each machine runs some sessions, each a closed
 * loop of requests over a TCP connection it opens, uses for a number of
 * requests and closes; a lost packet is retransmitted with a doubling
 * timeout, and a reset makes the session connect again.
 */
export class SunClients {
  readonly sessions: Session[] = [];
  private nextConn = 1;
  completed = 0;
  failed = 0;
  resets = 0;
  retransmits = 0;
  latencySumUs = 0;

  constructor(
    private readonly core: SunCore,
    private readonly net: SunNetwork,
  ) {}

  private get spec(): SunSpec {
    return this.core.spec;
  }

  /** Creates the sessions of every client and starts the active ones. */
  init(ctx: ModelContext, clients: number[]): void {
    clients.forEach((client, c) => {
      for (let k = 0; k < SLOTS; k++) {
        this.sessions.push({ client, addr: (c + k) % this.core.nodes.length, active: false, gen: 0, conn: -1, syn: false, left: 0, req: 0, waiting: false, sentUs: 0, tries: 0 });
      }
    });
    this.setLoad(ctx, this.spec.sessions);
  }

  /** Starts or stops sessions so each client runs `n`. */
  setLoad(ctx: ModelContext, n: number): void {
    this.spec.sessions = n;
    this.sessions.forEach((s, i) => {
      const want = i % SLOTS < n;
      if (want === s.active) return;
      s.active = want;
      s.gen++;
      s.waiting = false;
      if (want) this.think(ctx, i);
    });
  }

  private think(ctx: ModelContext, i: number): void {
    const s = this.sessions[i]!;
    ctx.setTimer(s.client, ctx.rng.exp(this.spec.thinkUs), SUN_TIMER.think, { s: i, gen: s.gen });
  }

  /** The node a session's packets go to: the shared address's node, or the node whose address it chose. */
  target(s: Session): number {
    return this.spec.design === 'perNode' ? this.core.nodes[s.addr]! : this.core.iface;
  }

  onTimer(ctx: ModelContext, tag: number, data: unknown): void {
    const d = data as { s: number; gen: number; req?: number; tries?: number };
    const s = this.sessions[d.s];
    if (!s || !s.active || s.gen !== d.gen || !ctx.net.nodes[s.client]!.up) return;
    if (tag === SUN_TIMER.think) {
      if (s.conn < 0) {
        s.conn = this.nextConn++;
        s.syn = true;
        s.left = this.spec.requestsPerConn;
      }
      s.req++;
      s.tries = 0;
      s.waiting = true;
      s.sentUs = ctx.nowUs;
      this.sendRequest(ctx, d.s);
    } else if (tag === SUN_TIMER.rto && s.waiting && s.req === d.req && s.tries === d.tries) {
      if (s.tries < this.spec.retries) {
        // TCP retransmits the same segment; the connection lives on if its state survives somewhere
        s.tries++;
        this.retransmits++;
        this.sendRequest(ctx, d.s);
        return;
      }
      this.failed++;
      ctx.emit('requestFailed', s.client, this.target(s), s.req, s.conn);
      this.net.drop(s.conn);
      s.conn = -1;
      s.waiting = false;
      this.think(ctx, d.s);
    }
  }

  private sendRequest(ctx: ModelContext, i: number): void {
    const s = this.sessions[i]!;
    const p: NetPacket = { session: i, client: s.client, conn: s.conn, req: s.req, syn: s.syn, last: s.left <= 1 };
    ctx.send(s.client, this.target(s), SUN_MSG.packet, 400, p);
    ctx.setTimer(s.client, this.spec.rtoUs * 2 ** s.tries, SUN_TIMER.rto, { s: i, gen: s.gen, req: s.req, tries: s.tries });
  }

  /** A reply or a reset reaches a client. */
  onClient(ctx: ModelContext, kind: number, p: NetPacket): void {
    const s = this.sessions[p.session];
    if (!s || !s.waiting || s.conn !== p.conn || s.req !== p.req) return;
    s.waiting = false;
    if (kind === SUN_MSG.reset) {
      // the node that held the connection is gone: the request fails and the client connects again
      this.resets++;
      this.failed++;
      ctx.emit('sunConnReset', s.client, -1, -1, s.conn);
      this.net.note(ctx.nowUs, 'reset', s.client, -1, s.conn);
      this.net.drop(s.conn);
      s.conn = -1;
      ctx.setTimer(s.client, 1_000, SUN_TIMER.think, { s: p.session, gen: s.gen });
      return;
    }
    this.completed++;
    this.latencySumUs += ctx.nowUs - s.sentUs;
    s.syn = false;
    if (--s.left <= 0) s.conn = -1;
    this.think(ctx, p.session);
  }

  /** A client machine came back: its sessions start again. */
  restartClient(ctx: ModelContext, client: number): void {
    this.sessions.forEach((s, i) => {
      if (s.client !== client || !s.active) return;
      s.gen++;
      s.waiting = false;
      s.conn = -1;
      this.think(ctx, i);
    });
  }

  /** A design change: every session's connection is forgotten, the next request opens a new one. */
  forgetConnections(): void {
    for (const s of this.sessions) {
      s.conn = -1;
      s.syn = false;
    }
  }
}
