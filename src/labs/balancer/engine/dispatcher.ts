import type { ModelContext } from '../../../engine/model';
import { Picker, type Pool } from './algorithms';
import { BL_MSG, BL_TIMER, type BalancerSpec, type ServerState } from './spec';

/** One service node as the dispatcher sees it. */
export interface Backend {
  id: string;
  node: number;
  weight: number;
  /** Passed its health checks (rise in a row), and not yet failed fall in a row. */
  healthy: boolean;
  everUp: boolean;
  /** Taken out of rotation by an operator: no new requests, still checked (HAProxy `drain`). */
  drain: boolean;
  removed: boolean;
  active: number;
  served: number;
  /** Requests answered in the current and the previous 5 s bucket, for a live rate. */
  rate: { bucket: number; cur: number; prev: number };
  okRun: number;
  failRun: number;
  answered: boolean;
}

interface Check {
  server: number;
  round: number;
  reply: boolean;
}

export const RATE_BUCKET_US = 5_000_000;

/** Counts an answered request in node b's rate buckets. */
export function countServed(b: Backend, nowUs: number): void {
  rollRate(b, nowUs);
  b.served++;
  b.rate.cur++;
}

function rollRate(b: Backend, nowUs: number): void {
  const k = Math.floor(nowUs / RATE_BUCKET_US);
  if (k === b.rate.bucket) return;
  b.rate.prev = k === b.rate.bucket + 1 ? b.rate.cur : 0;
  b.rate.cur = 0;
  b.rate.bucket = k;
}

/** Requests per second node b answered over the last 5–10 s. */
export function servedRate(b: Backend, nowUs: number): number {
  rollRate(b, nowUs);
  const span = nowUs - Math.max(0, (b.rate.bucket - 1) * RATE_BUCKET_US);
  return span > 0 ? ((b.rate.cur + b.rate.prev) * 1e6) / span : 0;
}

/** keepalived's default priorities: the first dispatcher is preferred and takes the address back (preempt). */
const PRIORITY = [150, 100];

/**
 * The dispatcher (CL-LB): a VRRP master/backup pair holding the service's
 * address (or a single one, a single point of failure: CL-SPOF), active
 * health checks with rise/fall, and the balancing algorithm.
 */
export class Dispatcher {
  readonly backends: Backend[] = [];
  readonly lbs: number[] = [];
  master: boolean[] = [];
  private round = 0;
  private advertGen: number[] = [];
  private readonly picker = new Picker();

  constructor(private readonly spec: BalancerSpec) {}

  init(ctx: ModelContext): void {
    for (const id of this.spec.balancers) this.lbs.push(ctx.net.node(id)?.index ?? -1);
    // HAProxy assumes listed servers are up until checks say otherwise
    for (const s of this.spec.servers) this.add(ctx, s.id, s.weight, true);
    this.lbs.forEach((_, i) => this.startRole(ctx, i, i === 0));
  }

  add(ctx: ModelContext, id: string, weight: number, up: boolean): void {
    const node = ctx.net.node(id)?.index ?? -1;
    this.backends.push({ id, node, weight, healthy: up, everUp: up, drain: false, removed: false, active: 0, served: 0, rate: { bucket: 0, cur: 0, prev: 0 }, okRun: 0, failRun: 0, answered: false });
  }

  /** The dispatcher answering for the service address now, or -1 (nobody: the service is unreachable). */
  holder(ctx: ModelContext): number {
    for (let i = 0; i < this.lbs.length; i++) if (this.master[i] && ctx.net.nodes[this.lbs[i]!]!.up) return this.lbs[i]!;
    return -1;
  }

  state(b: Backend): ServerState {
    return b.drain ? 'drain' : b.healthy ? 'up' : b.everUp ? 'down' : 'checking';
  }

  pick(ctx: ModelContext, key: string): number {
    const pool: Pool = {
      ids: this.backends.map((b) => b.id),
      weight: this.backends.map((b) => b.weight),
      active: this.backends.map((b) => b.active),
      eligible: this.backends.map((b) => b.healthy && !b.drain && !b.removed),
    };
    return this.picker.pick(this.spec.algorithm, pool, ctx.rng, key);
  }

  // ---- VRRP ------------------------------------------------------------

  private startRole(ctx: ModelContext, i: number, master: boolean): void {
    this.master[i] = master;
    this.advertGen[i] = (this.advertGen[i] ?? 0) + 1;
    if (master) {
      ctx.setTimer(this.lbs[i]!, 0, BL_TIMER.advert, i);
      ctx.setTimer(this.lbs[i]!, this.spec.checkIntervalUs, BL_TIMER.check, this.advertGen[i]);
    } else this.armMasterDown(ctx, i);
  }

  /** RFC 5798: master down after 3 advertisements plus a skew that favours higher priority. */
  private armMasterDown(ctx: ModelContext, i: number): void {
    const skew = Math.round(((256 - PRIORITY[i]!) * this.spec.advertUs) / 256);
    ctx.setTimer(this.lbs[i]!, 3 * this.spec.advertUs + skew, BL_TIMER.masterDown, ++this.advertGen[i]!);
  }

  onCrash(node: number): void {
    const i = this.lbs.indexOf(node);
    if (i < 0) return;
    this.master[i] = false;
    // a dispatcher's connection table lives in its memory
    if (!this.lbs.some((n, j) => j !== i && this.master[j])) for (const b of this.backends) b.active = 0;
  }

  onRestart(ctx: ModelContext, node: number): void {
    const i = this.lbs.indexOf(node);
    // alone, it is master at once; in a pair it starts as backup and preempts by priority
    if (i >= 0) this.startRole(ctx, i, this.lbs.length === 1);
  }

  onTimer(ctx: ModelContext, node: number, tag: number, data: unknown): boolean {
    const i = this.lbs.indexOf(node);
    if (tag === BL_TIMER.advert && this.master[i]) {
      for (let j = 0; j < this.lbs.length; j++) if (j !== i) ctx.send(node, this.lbs[j]!, BL_MSG.advert, 60, { from: i });
      ctx.setTimer(node, this.spec.advertUs, BL_TIMER.advert, i);
    } else if (tag === BL_TIMER.masterDown && data === this.advertGen[i] && !this.master[i]) {
      ctx.emit('balancerTakeover', node, -1, -1, i);
      this.startRole(ctx, i, true);
    } else if (tag === BL_TIMER.check && this.master[i] && data === this.advertGen[i]) this.checkRound(ctx, node);
    else if (tag === BL_TIMER.checkTimeout && this.master[i]) this.judgeRound(ctx, data as number);
    else return tag === BL_TIMER.advert || tag === BL_TIMER.masterDown || tag === BL_TIMER.check || tag === BL_TIMER.checkTimeout;
    return true;
  }

  onAdvert(ctx: ModelContext, node: number, from: number): void {
    const i = this.lbs.indexOf(node);
    if (i < 0) return;
    if (PRIORITY[from]! > PRIORITY[i]!) {
      if (this.master[i]) ctx.emit('balancerTakeover', this.lbs[from]!, node, -1, from);
      this.master[i] = false;
      this.armMasterDown(ctx, i);
    } else if (!this.master[i]) {
      // preempt: a lower-priority master's adverts do not hold back a higher-priority backup
    }
  }

  // ---- health checks ----------------------------------------------------

  private checkRound(ctx: ModelContext, lb: number): void {
    const i = this.lbs.indexOf(lb);
    ctx.setTimer(lb, this.spec.checkIntervalUs, BL_TIMER.check, this.advertGen[i]);
    this.round++;
    this.backends.forEach((b, s) => {
      if (b.removed || b.node < 0) return;
      b.answered = false;
      ctx.send(lb, b.node, BL_MSG.check, 80, { server: s, round: this.round, reply: false } satisfies Check);
    });
    ctx.setTimer(lb, this.spec.checkTimeoutUs, BL_TIMER.checkTimeout, this.round);
  }

  /** A service node answers a check if it is up; the dispatcher notes answers of the current round. */
  onCheck(ctx: ModelContext, node: number, src: number, c: Check): void {
    if (!c.reply) ctx.send(node, src, BL_MSG.check, 80, { ...c, reply: true } satisfies Check);
    else if (c.round === this.round) this.backends[c.server]!.answered = true;
  }

  private judgeRound(ctx: ModelContext, round: number): void {
    if (round !== this.round) return;
    this.backends.forEach((b, s) => {
      if (b.removed || b.node < 0) return;
      if (b.answered) {
        b.failRun = 0;
        b.okRun++;
        if (!b.healthy && b.okRun >= this.spec.rise) this.setHealthy(ctx, s, true);
      } else {
        b.okRun = 0;
        b.failRun++;
        if (b.healthy && b.failRun >= this.spec.fall) this.setHealthy(ctx, s, false);
      }
    });
  }

  private setHealthy(ctx: ModelContext, s: number, up: boolean): void {
    const b = this.backends[s]!;
    b.healthy = up;
    if (up) b.everUp = true;
    ctx.emit('serverStateChanged', b.node, -1, -1, up ? 1 : 0, s);
  }
}
