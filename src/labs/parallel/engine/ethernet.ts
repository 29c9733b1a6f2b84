import type { CommandError, EngineCommand } from '../../../engine/commands';
import { inRange, LIMITS } from '../../../engine/limits';
import type { ModelContext } from '../../../engine/model';
import { BACKGROUND_KIND, PAR_MSG, PAR_TIMER, type ParallelSpec } from './spec';
import { SETTING } from '../../../engine/kernel/trace';
import { framesOnDeadCards, MSS_BYTES, nextMiimonUs, RETRANSMIT_US, STREAM_BYTES, STREAM_SEGMENT_BYTES, streamCards, type BondState } from './bond';

/** The share of a shared network's capacity other users take. */
const OTHERS_SHARE = 0.4;

/** A message held back by the bond: some of its frames went out on a dead card and are sent again. */
interface Resend {
  dst: number;
  kind: number;
  bytes: number;
  payload: unknown;
}

/** A measured TCP stream from a node to the head. */
export interface StreamResult {
  node: number;
  /** Cards in the node's bond when it started. */
  cards: number;
  bytes: number;
  us: number;
  bps: number;
}

/**
 * The Beowulf's private Ethernet (BEO-ETHERNET, BEO-BONDING, BEO-TRAITS):
 * card speed, cards bonded balance-rr on every machine (see bond.ts), and
 * whether the network is dedicated or shared with other users. Every message
 * of the Beowulf model leaves its machine through `send`, so the bond decides
 * which of its frames go out on which card.
 */
export class Ethernet {
  private bonds = new Map<number, BondState>();
  private machines: number[] = [];
  private head = -1;
  /** Frames that went out on a dead card, and the messages sent again because of them. */
  framesLost = 0;
  resent = 0;
  private stream: { id: number; node: number; cards: number; startUs: number; segments: number; sent: number; arrived: number } | null = null;
  private nextStream = 1;
  lastStream: StreamResult | null = null;

  constructor(private readonly spec: ParallelSpec) {}

  init(ctx: ModelContext, head: number, machines: number[]): void {
    this.head = head;
    this.machines = [head, ...machines];
    for (const w of this.machines) this.bonds.set(w, { cards: this.spec.nics, dead: 0, rr: 0, failedAtUs: -1 });
    this.apply(ctx);
    const campus = this.campus(ctx);
    if (this.spec.sharedNetwork && campus >= 0) ctx.setTimer(campus, 0, PAR_TIMER.background);
  }

  /** Cards in a machine's bond (a failed one counts until the MII monitor notices it). */
  nicsOf(w: number): number {
    return this.bonds.get(w)?.cards ?? this.spec.nics;
  }

  /** Failed cards the MII monitor has not noticed yet. */
  deadOf(w: number): number {
    return this.bonds.get(w)?.dead ?? 0;
  }

  private campus(ctx: ModelContext): number {
    return ctx.net.node(this.spec.campus ?? '')?.index ?? -1;
  }

  /**
   * Every machine's link to the switch runs at what one TCP stream gets from
   * its bond (streamCards), less the others' share on a shared network. Links
   * here carry whole messages one after another, so one transfer uses the
   * bond at a time, as one stream would. A failed card the monitor has not
   * noticed still counts: the bond keeps sending at the full rate, and the
   * frames that land on the dead card are lost instead (send).
   */
  private apply(ctx: ModelContext): void {
    for (const w of this.machines) {
      const l = ctx.net.link(`${ctx.net.nodes[w]!.id}~eth`);
      const bps = this.spec.nicBps * streamCards(this.nicsOf(w)) * (this.spec.sharedNetwork ? 1 - OTHERS_SHARE : 1);
      if (l && l.bandwidthBps !== bps) ctx.setLink(l.index, { bandwidthBps: bps });
    }
  }

  /**
   * Sends a message out of src through its bond. Its frames go round robin
   * over the cards; if any falls on a failed card the monitor has not
   * noticed, that frame is lost and TCP sends it again after its timeout
   * (the message arrives whole once it has every frame, so the kernel gets it
   * then). The switch, which sees the dead port lose its carrier at once,
   * stops sending to that card at once: losses are on the sending side only.
   */
  send(ctx: ModelContext, src: number, dst: number, kind: number, bytes: number, payload: unknown): void {
    const b = this.bonds.get(src);
    if (b) {
      const frames = Math.max(1, Math.ceil(bytes / MSS_BYTES));
      const lost = framesOnDeadCards(b.rr, frames, b.cards, b.dead);
      b.rr = (b.rr + frames) % b.cards;
      if (lost > 0) {
        this.framesLost += lost;
        this.resent++;
        ctx.emit('bondFramesLost', src, dst, -1, lost, frames);
        ctx.setTimer(src, RETRANSMIT_US, PAR_TIMER.resend, { dst, kind, bytes, payload } satisfies Resend);
        return;
      }
    }
    ctx.send(src, dst, kind, bytes, payload);
  }

  /** The bond's timers: a resend, or the MII monitor's check after a card failed. */
  onTimer(ctx: ModelContext, node: number, tag: number, data: unknown): void {
    if (tag === PAR_TIMER.resend) {
      const r = data as Resend;
      this.send(ctx, node, r.dst, r.kind, r.bytes, r.payload);
    } else if (tag === PAR_TIMER.miimon) this.notice(ctx, node);
    else if (tag === PAR_TIMER.stream) this.nextSegment(ctx, data as number);
  }

  /**
   * The stream's sender puts the next segment on its bond when the last one
   * has left (at the bond's rate), as a sender clocked by its ACKs would: so
   * each segment's frames meet the bond as it is at that moment.
   */
  private nextSegment(ctx: ModelContext, id: number): void {
    const s = this.stream;
    if (!s || s.id !== id) return;
    this.send(ctx, s.node, this.head, PAR_MSG.data, STREAM_SEGMENT_BYTES, { stream: id, segment: s.sent });
    if (++s.sent >= s.segments) return;
    const link = ctx.net.link(`${ctx.net.nodes[s.node]!.id}~eth`);
    ctx.setTimer(s.node, link ? link.txTimeUs(STREAM_SEGMENT_BYTES) : 0, PAR_TIMER.stream, id);
  }

  /** The MII monitor finds the failed cards' links down and takes them out of the round. */
  private notice(ctx: ModelContext, w: number): void {
    const b = this.bonds.get(w);
    if (!b || b.dead === 0) return;
    const afterMs = Math.round((ctx.nowUs - b.failedAtUs) / 1000);
    b.cards -= b.dead;
    b.dead = 0;
    b.rr %= b.cards;
    b.failedAtUs = -1;
    this.apply(ctx);
    ctx.emit('nicDown', w, -1, -1, b.cards, afterMs);
  }

  /** A restarted machine enslaves only the cards that work (its monitor timer died with it). */
  onRestarted(ctx: ModelContext, node: number): void {
    this.notice(ctx, node);
  }

  /** The head received a segment of the measured stream. */
  onStream(ctx: ModelContext, p: { stream: number }): void {
    const s = this.stream;
    if (!s || s.id !== p.stream || ++s.arrived < s.segments) return;
    const us = ctx.nowUs - s.startUs;
    this.lastStream = { node: s.node, cards: s.cards, bytes: STREAM_BYTES, us, bps: Math.round((STREAM_BYTES * 8 * 1e6) / us) };
    this.stream = null;
    // in whole Mb/s: the log reads 143 Mb/s in either language
    ctx.emit('streamMeasured', s.node, this.head, s.id, Math.round(this.lastStream.bps / 1e6) * 1e6, s.cards);
  }

  /**
   * On a shared network other users' packets cross the same Ethernet. Links
   * here send whole messages one after another, so instead of interleaving
   * packets the share they take comes off every card's bandwidth (apply);
   * these small packets only make the traffic visible.
   */
  background(ctx: ModelContext, campus: number, workers: number[]): void {
    if (!this.spec.sharedNetwork) return;
    const to = workers[ctx.rng.int(0, workers.length - 1)]!;
    ctx.send(campus, to, BACKGROUND_KIND, 1_500, { background: true });
    ctx.setTimer(campus, 20_000, PAR_TIMER.background);
  }

  command(ctx: ModelContext, cmd: EngineCommand): CommandError | null | undefined {
    switch (cmd.type) {
      case 'setSharedNetwork': {
        const campus = this.campus(ctx);
        if (campus < 0) return { code: 'unknownNode', params: { id: String(this.spec.campus) } };
        const was = this.spec.sharedNetwork;
        this.spec.sharedNetwork = cmd.on;
        this.apply(ctx);
        if (cmd.on && !was) ctx.setTimer(campus, 0, PAR_TIMER.background);
        ctx.emit('settingChanged', -1, -1, -1, cmd.on ? 1 : 0, SETTING.sharedNetwork);
        return null;
      }
      case 'failNic': {
        const w = ctx.net.node(cmd.node)?.index ?? -1;
        const b = this.bonds.get(w);
        if (!b) return { code: 'unknownNode', params: { id: cmd.node } };
        if (b.cards - b.dead <= 1) return { code: 'lastNic', params: { id: cmd.node } };
        b.dead++;
        // the bond goes on using the card until the monitor's next check finds its link down
        if (b.failedAtUs < 0) {
          b.failedAtUs = ctx.nowUs;
          ctx.setTimer(w, nextMiimonUs(ctx.nowUs) - ctx.nowUs, PAR_TIMER.miimon);
        }
        ctx.emit('nicFailed', w, -1, -1, b.cards - b.dead);
        return null;
      }
      case 'bondStream': {
        const w = ctx.net.node(cmd.node)?.index ?? -1;
        if (w === this.head || !this.bonds.has(w)) return { code: 'unknownNode', params: { id: cmd.node } };
        const segments = Math.ceil(STREAM_BYTES / STREAM_SEGMENT_BYTES);
        const id = this.nextStream++;
        this.stream = { id, node: w, cards: this.nicsOf(w) - this.deadOf(w), startUs: ctx.nowUs, segments, sent: 0, arrived: 0 };
        this.nextSegment(ctx, id);
        return null;
      }
      case 'setEthernet':
        if (!inRange('bandwidthBps', cmd.bps)) return { code: 'outOfRange', params: { field: 'bandwidthBps', value: String(cmd.bps), min: LIMITS.bandwidthBps.min, max: LIMITS.bandwidthBps.max } };
        this.spec.nicBps = cmd.bps;
        this.apply(ctx);
        ctx.emit('settingChanged', -1, -1, -1, cmd.bps, SETTING.bandwidth);
        return null;
      default:
        return undefined;
    }
  }
}
