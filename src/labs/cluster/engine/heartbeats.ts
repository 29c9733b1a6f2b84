import type { Message, ModelContext } from '../../../engine/model';
import type { ClusterModel } from './clusterModel';
import { CL_MSG } from './spec';

/**
 * What a heartbeat says, besides "I am alive": the ballot of the view the
 * sender last accepted, the members it still counts in (a bit each: in that
 * view, and heard within the threshold), and whether its own service runs.
 * One object per node and period, shared by all its heartbeats of that
 * period and never changed after (a late one must not say newer things).
 */
export interface Beat {
  from: number;
  sentUs: number;
  ballot: number;
  committed: number;
  support: number;
  out: boolean;
}

/**
 * The node manager's heartbeats (WCS-NODEMGR): every node sends one to each
 * other node on every cluster network each period (per-route heartbeats,
 * SEMANTICS §1). A route is down after `threshold` periods without one; a
 * peer is lost only when all its routes are. Cluster traffic to a peer goes
 * on its best route: the one that heard the most heartbeats lately.
 */
export class Heartbeats {
  /** Network index of each route (ctx.net.netIndex of spec.networks); -1: any link. */
  nets: number[] = [];

  constructor(private readonly c: ClusterModel) {}

  get routes(): number {
    return this.nets.length;
  }

  init(ctx: ModelContext): void {
    this.nets = this.c.spec.networks.map((name) => ctx.net.netIndex(name)).filter((i) => i >= 0);
    if (this.nets.length === 0) this.nets = [-1];
  }

  /** One period's heartbeats from node m. */
  send(ctx: ModelContext, m: number): void {
    const s = this.c.members.state[m]!;
    const n = this.c.nodes.length;
    const view = s.accepted;
    let support = 0;
    if (s.status === 'up') {
      for (const o of view.members) if (o !== m && !s.suspected[o]) support |= 1 << o;
    }
    const beat: Beat = { from: m, sentUs: ctx.nowUs, ballot: view.ballot, committed: s.committed.ballot, support, out: s.status !== 'up' };
    const src = this.c.nodes[m]!;
    for (let o = 0; o < n; o++) {
      if (o === m) continue;
      const dst = this.c.nodes[o]!;
      for (const net of this.nets) ctx.send(src, dst, CL_MSG.heartbeat, 64, beat, net);
    }
  }

  /** A heartbeat reached node o: its route is alive, and it may carry a word of support. */
  receive(ctx: ModelContext, o: number, msg: Message): Beat {
    const b = msg.payload as Beat;
    const s = this.c.members.state[o]!;
    const r = this.routeOf(msg.net);
    const k = b.from * this.routes + r;
    s.lastHeard[k] = ctx.nowUs;
    s.heard[k]! |= 1;
    // the newest view's word counts; an older heartbeat overtaken on the way says nothing new
    if (b.ballot > s.supBallot[b.from]!) {
      s.supBallot[b.from] = b.ballot;
      s.supUntil[b.from] = -1;
    }
    if (b.ballot === s.supBallot[b.from] && (b.support & (1 << o)) !== 0) {
      s.supUntil[b.from] = Math.max(s.supUntil[b.from]!, b.sentUs + this.c.spec.leaseUs);
    }
    return b;
  }

  private routeOf(net: number): number {
    const r = this.nets.indexOf(net);
    return r < 0 ? 0 : r;
  }

  /**
   * Once a period: which routes to each member are down, and which members
   * are lost (every route silent). Returns the members newly lost.
   */
  check(ctx: ModelContext, m: number): number[] {
    const s = this.c.members.state[m]!;
    const limit = this.c.spec.threshold * this.c.spec.heartbeatUs;
    const lost: number[] = [];
    const R = this.routes;
    for (let o = 0; o < this.c.nodes.length; o++) {
      if (o === m) continue;
      let any = false;
      for (let r = 0; r < R; r++) {
        const k = o * R + r;
        const up = ctx.nowUs - s.lastHeard[k]! <= limit;
        s.heard[k] = (s.heard[k]! << 1) & 0xffff;
        if (up !== s.routeUp[k] && s.status === 'up' && s.committed.members.includes(o)) {
          ctx.emit(up ? 'routeUp' : 'routeDown', this.c.nodes[m]!, this.c.nodes[o]!, r, this.c.spec.threshold);
        }
        s.routeUp[k] = up;
        any ||= up;
      }
      if (!any && !s.suspected[o]) {
        s.suspected[o] = true;
        if (s.committed.members.includes(o) && s.status === 'up') {
          ctx.emit('heartbeatMissed', this.c.nodes[m]!, this.c.nodes[o]!, -1, this.c.spec.threshold);
          lost.push(o);
        }
      } else if (any) s.suspected[o] = false;
    }
    return lost;
  }

  reachable(m: number, o: number): boolean {
    return m === o || !this.c.members.state[m]!.suspected[o];
  }

  /** The network to send node o cluster traffic on: the route that heard o's heartbeats most often lately. */
  bestNet(m: number, o: number): number {
    const s = this.c.members.state[m]!;
    let best = 0;
    let score = -1;
    for (let r = 0; r < this.routes; r++) {
      const k = o * this.routes + r;
      const q = s.routeUp[k] ? popcount(s.heard[k]!) : -1;
      if (q > score) [best, score] = [r, q];
    }
    return this.nets[best]!;
  }

  /** A node (re)starts: it has heard nobody yet, and suspects nobody until the threshold has passed. */
  reset(ctx: ModelContext, m: number): void {
    const s = this.c.members.state[m]!;
    s.lastHeard.fill(ctx.nowUs);
    s.heard.fill(0);
    s.routeUp.fill(true);
    s.suspected.fill(false);
  }
}

function popcount(x: number): number {
  let c = 0;
  for (let v = x; v; v &= v - 1) c++;
  return c;
}
