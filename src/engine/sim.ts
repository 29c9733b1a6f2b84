import { applyCommand, type EngineCommand } from './commands';
import { KernelContext, newMessage } from './context';
import { EventQueue } from './kernel/queue';
import { RandomSource, type Prng } from './kernel/prng';
import { Trace, typeIdx, type TraceType } from './kernel/trace';
import { MessageLog } from './messageLog';
import { Network } from './net/network';
import type { Job } from './net/node';
import { MAX_PATH_HOPS, PATH, PathStore } from './net/path';
import type { Message, Model, ModelContext } from './model';
import type { LinkSettings, LinkSpec, NodeSpec, WorldSpec } from './types';

/** Event kinds in the queue; the numbers an event carries depend on its kind. */
const HOP = 0; // ref: the message; a: its gen when queued
const TIMER = 1; // a: node, b: node epoch, c: model, d: tag; ref: data
const WORK = 2; // a: node, b: node epoch
const SCRIPT = 3; // ref: the command
/** The links of the path being booked (scratch space, not state). */
const scratchRoute = new Int32Array(MAX_PATH_HOPS);
/** The trace types of every message, looked up once. */
const SENT = typeIdx('messageSent');
const DELIVERED = typeIdx('messageDelivered');

/** Numbers per finished hop in `drainHops`: from, to, kind, arriveUs, lost. */
export const HOP_STRIDE = 5;
const MAX_HOPS = 4096;

/** Why a message was dropped: the `a` field of a messageDropped event. */
export const DROP = { loss: 0, linkDown: 1, nodeDown: 2, noRoute: 3 } as const;

/**
 * The discrete-event kernel: an integer microsecond clock, the event queue,
 * the network transport and the models. It advances only when asked
 * (`step`, `runUntil`), so the worker, tests and benchmarks drive it alike.
 */
export class Simulation {
  nowUs = 0;
  eventsProcessed = 0;
  readonly trace = new Trace();
  readonly net = new Network();
  readonly random: RandomSource;
  private readonly queue = new EventQueue<unknown>();
  private readonly contexts: ModelContext[] = [];
  /** The booked paths of cut-through messages. */
  private readonly paths = new PathStore();
  private readonly netRng: Prng;
  private nextMsgId = 0;
  delivered = 0;
  dropped = 0;
  /** Hops finished since the last `drainHops` (HOP_STRIDE numbers each), for the picture only: not traced, not hashed. */
  private hops: number[] = [];
  /** The latest messages sent, so the inspector can show what one carried. */
  private readonly recentMessages = new MessageLog();

  constructor(
    readonly spec: WorldSpec,
    readonly seed: number,
    readonly models: Model[],
  ) {
    this.random = new RandomSource(seed);
    this.netRng = this.random.split('net');
    for (const n of spec.nodes) this.net.addNode(n);
    for (const l of spec.links) this.net.addLink(l);
    models.forEach((m, i) => this.contexts.push(this.makeContext(i, m)));
    models.forEach((m, i) => m.init(this.contexts[i]!));
    for (const s of spec.script ?? []) this.queue.push(s.atUs, SCRIPT, 0, 0, 0, 0, s.cmd);
  }

  /**
   * The messages travelling, each once (an arrival superseded by a re-route
   * does not count), in the queue's slot order. Read from the queue rather
   * than kept in a list of their own: keeping that list up to date on every
   * send and arrival cost about 6 % of a busy cluster's run.
   */
  get inFlight(): Message[] {
    const out: Message[] = [];
    this.forEachInFlight((m) => out.push(m));
    return out;
  }

  /** Visits the messages travelling without listing them; `fn` must not queue events (a re-route walks the list instead). */
  private forEachInFlight(fn: (m: Message) => void): void {
    const q = this.queue;
    q.forEachRef(HOP, (ref, slot) => {
      const m = ref as Message;
      if (m.gen === q.nums[slot * 4]) fn(m);
    });
  }

  /** Time of the next pending event, or Infinity. */
  nextEventUs(): number {
    return this.queue.peekTime();
  }

  /** Processes exactly one event; false when none is pending. */
  step(): boolean {
    if (this.queue.size === 0) return false;
    this.nowUs = this.queue.peekTime();
    const q = this.queue;
    const slot = q.pop();
    this.eventsProcessed++;
    // read the slot before acting: the handlers push events, which may reuse it
    const kind = q.kinds[slot]!;
    const o = slot * 4;
    const a = q.nums[o]!;
    const ref = q.takeRef(slot);
    if (kind === HOP) {
      const m = ref as Message;
      // a superseded arrival (the message was re-routed hop by hop meanwhile) does nothing
      if (m.gen === a) this.arrive(m);
    } else if (kind === TIMER) {
      const n = this.net.nodes[a]!;
      const model = q.nums[o + 2]!;
      if (n.up && n.epoch === q.nums[o + 1]) this.models[model]!.onTimer(this.contexts[model]!, a, q.nums[o + 3]!, ref);
    } else if (kind === WORK) this.finishWork(a, q.nums[o + 1]!);
    // a scripted fault that no longer applies (the node is already down) is simply skipped
    else applyCommand(this, ref as EngineCommand);
    return true;
  }

  /**
   * Processes every event up to and including tUs (at most maxEvents of them),
   * then moves the clock to tUs if all were done. Returns the number processed.
   */
  runUntil(tUs: number, maxEvents = Infinity): number {
    const n = this.runEvents(tUs, maxEvents);
    if (n < maxEvents || this.queue.peekTime() > tUs) this.nowUs = Math.max(this.nowUs, tUs);
    return n;
  }

  /** Processes the events due by tUs, at most maxEvents of them, leaving the clock at the last one's time; returns how many. */
  runEvents(tUs: number, maxEvents: number): number {
    let n = 0;
    while (n < maxEvents && this.queue.size > 0 && this.queue.peekTime() <= tUs) {
      this.step();
      n++;
    }
    return n;
  }

  /** Records a trace event at the current time. */
  emit(type: TraceType, node = -1, peer = -1, link = -1, msg = -1, a = 0, b = 0, c = 0): void {
    this.trace.emit(this.nowUs, type, node, peer, link, msg, a, b, c);
  }

  /** What a recent message carried (null once it is too old to remember). */
  describeMessage(id: number): Record<string, string | number> | null {
    const m = this.recentMessages.recall(id);
    if (!m) return null;
    const base: Record<string, string | number> = { id: m.id, kind: m.kind, bytes: m.bytes, src: m.src, dst: m.dst };
    return { ...base, ...(this.models[m.model]!.describe?.(m) ?? {}) };
  }

  contextOf(model: number): ModelContext {
    return this.contexts[model]!;
  }

  // ---- transport -------------------------------------------------------

  /** A model's message leaves `src` (through its context). */
  sendMessage(model: number, src: number, dst: number, kind: number, bytes: number, payload: unknown, net = -1): void {
    const m = newMessage(this.nextMsgId++, model, src, dst, kind, bytes, payload, net);
    this.net.nodes[src]!.sent++;
    this.recentMessages.remember(m);
    this.trace.emitIndexed(this.nowUs, SENT, src, dst, -1, m.id, bytes, kind, 0);
    if (!this.cutThrough(m)) this.forward(m);
  }

  /**
   * Books a message's whole path at once, when it crosses more than one link
   * and none of them loses messages: one event for the message instead of
   * one per hop (most of a big cluster's events were heartbeats passing
   * switches). Each link is booked from the time the message will reach it,
   * as hop-by-hop forwarding would (see LinkRt.book). Should the network
   * change while it travels, `reroute` puts it back to hop by hop from the
   * hop it is on. Returns false when the message must go hop by hop.
   */
  private cutThrough(m: Message): boolean {
    const { links } = this.net;
    const route = scratchRoute;
    let at = m.src;
    let hops = 0;
    while (at !== m.dst) {
      const li = this.net.nextLink(at, m.dst, m.net);
      if (li < 0 || hops === MAX_PATH_HOPS) return false;
      const l = links[li]!;
      if (l.lossRate > 0) return false;
      route[hops++] = li;
      at = l.other(at);
    }
    if (hops < 2) return false;
    const row = this.paths.take(hops);
    const now = this.nowUs;
    let t = now;
    let start = 0;
    at = m.src;
    for (let k = 0; k < hops; k++) {
      const l = links[route[k]!]!;
      const tx = l.txTimeUs(m.bytes);
      start = l.tx[l.a === at ? 0 : 1].book(t, tx, now);
      l.bytes += m.bytes;
      const jitter = l.jitterUs > 0 ? this.netRng.int(0, l.jitterUs) : 0;
      const from = at;
      t = start + tx + l.latencyUs + jitter;
      this.paths.set(row, k, from, route[k]!, start, t);
      at = l.other(at);
    }
    // the message's own hop fields describe its last hop, the one its event ends
    const last = links[route[hops - 1]!]!;
    m.at = last.other(at);
    m.link = last.index;
    m.linkEpoch = last.epoch;
    m.txStartUs = start;
    m.arriveUs = t;
    m.path = row;
    this.travel(m);
    return true;
  }


  /** Puts the message on the next link towards its destination. */
  private forward(m: Message): void {
    const li = this.net.nextLink(m.at, m.dst, m.net);
    if (li < 0) {
      this.drop(m, DROP.noRoute, m.at);
      return;
    }
    const l = this.net.links[li]!;
    const tx = l.txTimeUs(m.bytes);
    const start = l.tx[l.a === m.at ? 0 : 1].book(this.nowUs, tx, this.nowUs);
    l.bytes += m.bytes;
    const jitter = l.jitterUs > 0 ? this.netRng.int(0, l.jitterUs) : 0;
    m.link = li;
    m.linkEpoch = l.epoch;
    m.txStartUs = start;
    m.arriveUs = start + tx + l.latencyUs + jitter;
    m.lost = l.lossRate > 0 && this.netRng.chance(l.lossRate);
    this.travel(m);
  }

  /** Queues the arrival of the message's current hop (its last, for a cut-through one). */
  private travel(m: Message): void {
    this.queue.push(m.arriveUs, HOP, m.gen, 0, 0, 0, m);
  }

  private arrive(m: Message): void {
    const l = this.net.links[m.link]!;
    const to = l.other(m.at);
    const node = this.net.nodes[to]!;
    const reason = l.epoch !== m.linkEpoch || !l.up ? DROP.linkDown : m.lost ? DROP.loss : !node.up ? DROP.nodeDown : -1;
    if (m.path >= 0) this.endPath(m, this.paths.hops(m.path) - 1);
    this.recordHop(m.at, to, m.kind, m.arriveUs, reason >= 0);
    if (reason >= 0) return this.drop(m, reason, to);
    m.at = to;
    if (to !== m.dst) return this.forward(m);
    l.delivered++;
    node.received++;
    this.delivered++;
    this.trace.emitIndexed(this.nowUs, DELIVERED, to, m.src, m.link, m.id, m.bytes, m.kind, 0);
    this.models[m.model]!.onMessage(this.contexts[m.model]!, to, m);
  }

  /**
   * Before the network changes (a crash, a cut, new settings): every
   * cut-through message goes back to hop by hop from the hop it is on, with
   * the bookings of its later hops given back, so it meets the change as it
   * would have hop by hop (it may be re-routed, or lost on a link now down).
   */
  private reroute(): void {
    const ps = this.paths;
    // a list taken first: re-routing queues new arrivals, which may take slots the walk has yet to reach
    for (const m of this.inFlight) {
      const row = m.path;
      if (row < 0) continue;
      const k = ps.hopAt(row, this.nowUs);
      const hops = ps.hops(row);
      if (k < hops - 1) {
        for (let j = k + 1; j < hops; j++) {
          const l = this.net.links[ps.get(row, j, PATH.link)]!;
          l.tx[l.a === ps.get(row, j, PATH.from) ? 0 : 1].unbook(ps.get(row, j, PATH.txStartUs), l.txTimeUs(m.bytes));
          l.bytes -= m.bytes;
        }
        m.at = ps.get(row, k, PATH.from);
        m.link = ps.get(row, k, PATH.link);
        m.linkEpoch = this.net.links[m.link]!.epoch;
        m.txStartUs = ps.get(row, k, PATH.txStartUs);
        m.arriveUs = ps.get(row, k, PATH.arriveUs);
        m.gen++;
        this.queue.push(m.arriveUs, HOP, m.gen, 0, 0, 0, m);
      }
      // (on its last hop already, its queued arrival stands)
      this.endPath(m, k);
    }
  }

  /** Reports a cut-through message's hops before hop `k` not reported yet. */
  private showHops(m: Message, k: number): void {
    for (; m.shown < k; m.shown++) {
      this.recordHop(this.paths.get(m.path, m.shown, PATH.from), this.paths.hopTo(m, m.shown), m.kind, this.paths.get(m.path, m.shown, PATH.arriveUs), false);
    }
  }

  /** The message goes on hop by hop from hop `k` of its path (its last, when it arrives). */
  private endPath(m: Message, k: number): void {
    this.showHops(m, k);
    this.paths.release(m.path);
    m.path = -1;
  }

  /** The hop a message is on now: from, to, link, tx start, arrival (for the picture). */
  currentHop(m: Message): [number, number, number, number, number] {
    if (m.path < 0) return [m.at, this.net.links[m.link]!.other(m.at), m.link, m.txStartUs, m.arriveUs];
    const ps = this.paths;
    const k = ps.hopAt(m.path, this.nowUs);
    return [ps.get(m.path, k, PATH.from), ps.hopTo(m, k), ps.get(m.path, k, PATH.link), ps.get(m.path, k, PATH.txStartUs), ps.get(m.path, k, PATH.arriveUs)];
  }

  /**
   * Notes a finished hop so the picture can show a message that started and
   * ended between two frames (a LAN hop lasts microseconds): a hop no frame
   * ever caught in flight would otherwise be invisible.
   */
  private recordHop(from: number, to: number, kind: number, arriveUs: number, lost: boolean): void {
    if (this.hops.length >= MAX_HOPS * HOP_STRIDE) return;
    this.hops.push(from, to, kind, arriveUs, lost ? 1 : 0);
  }

  /** The hops finished since the last call: from, to, kind, arrival time, lost (0/1). */
  drainHops(): Float64Array {
    // cut-through messages pass their switches without events: report the hops they finished since
    this.forEachInFlight((m) => {
      if (m.path >= 0) this.showHops(m, this.paths.hopAt(m.path, this.nowUs));
    });
    const out = Float64Array.from(this.hops);
    this.hops.length = 0;
    return out;
  }

  private drop(m: Message, reason: number, where: number): void {
    if (m.link >= 0) this.net.links[m.link]!.dropped++;
    this.net.nodes[m.src]!.dropped++;
    this.dropped++;
    this.emit('messageDropped', where, m.src, m.link, m.id, reason, m.kind);
  }

  // ---- CPU -------------------------------------------------------------

  /** Queues CPU work on a node (through a model's context). */
  startWork(node: number, job: Job): void {
    const n = this.net.nodes[node]!;
    if (!n.up) return;
    if (n.current) {
      n.queue.push(job);
      return;
    }
    this.begin(node, job);
  }

  private begin(node: number, job: Job): void {
    const n = this.net.nodes[node]!;
    n.current = job;
    n.currentStartUs = this.nowUs;
    this.emit('workStarted', node, -1, -1, -1, job.workUs, job.tag);
    this.queue.push(this.nowUs + Math.max(1, Math.round(job.workUs / n.cpuSpeed)), WORK, node, n.epoch, 0, 0, undefined);
  }

  private finishWork(node: number, epoch: number): void {
    const n = this.net.nodes[node]!;
    if (!n.up || n.epoch !== epoch || !n.current) return;
    const job = n.current;
    n.addBusy(n.currentStartUs, this.nowUs);
    n.current = null;
    n.served++;
    this.emit('workDone', node, -1, -1, -1, this.nowUs - n.currentStartUs, job.tag);
    // start the next queued job before the model adds more, so the CPU stays FIFO
    const next = n.dequeue();
    if (next) this.begin(node, next);
    this.models[job.model]!.onWorkDone(this.contexts[job.model]!, node, job.tag, job.data);
  }

  // ---- faults and changes (called by commands) --------------------------

  crashNode(i: number): void {
    this.reroute();
    const n = this.net.nodes[i]!;
    if (n.current) n.addBusy(n.currentStartUs, this.nowUs);
    n.up = false;
    n.epoch++;
    n.clearWork();
    this.net.changed();
    this.emit('nodeCrashed', i);
    this.models.forEach((m, k) => m.onNodeCrashed(this.contexts[k]!, i));
  }

  restartNode(i: number): void {
    this.reroute();
    this.net.nodes[i]!.up = true;
    this.net.changed();
    this.emit('nodeRestarted', i);
    this.models.forEach((m, k) => m.onNodeRestarted(this.contexts[k]!, i));
  }

  setLinkCut(i: number, cut: boolean): void {
    this.reroute();
    const l = this.net.links[i]!;
    l.cut = cut;
    if (cut) l.epoch++;
    this.net.changed();
    this.emit(cut ? 'linkCut' : 'linkRestored', l.a, l.b, i);
  }

  /** Separates `side` from every other node (null heals); user cuts are kept. */
  setPartition(side: Set<number> | null): void {
    this.reroute();
    for (const l of this.net.links) {
      const split = side !== null && side.has(l.a) !== side.has(l.b);
      if (split && !l.partitioned) l.epoch++;
      l.partitioned = split;
    }
    this.net.changed();
    if (side) this.emit('partitioned', -1, -1, -1, -1, side.size);
    else this.emit('partitionHealed');
  }

  addNode(spec: NodeSpec, links: LinkSpec[]): number {
    this.reroute();
    const n = this.net.addNode(spec);
    for (const l of links) this.net.addLink(l);
    this.emit('nodeAdded', n.index);
    this.models.forEach((m, k) => m.onNodeAdded(this.contexts[k]!, n.index));
    return n.index;
  }

  removeNode(i: number): void {
    this.reroute();
    const n = this.net.nodes[i]!;
    if (n.up) {
      n.epoch++;
      n.clearWork();
      this.models.forEach((m, k) => m.onNodeCrashed(this.contexts[k]!, i));
    }
    this.net.removeNode(i);
    this.emit('nodeRemoved', i);
  }

  /**
   * New settings for a link (latency, bandwidth, loss...), from a command or
   * a model: they apply to every hop not yet begun, as hop by hop.
   */
  setLinkSettings(i: number, settings: Partial<LinkSettings>): void {
    this.reroute();
    const l = this.net.links[i]!;
    if (settings.latencyUs !== undefined) l.latencyUs = settings.latencyUs;
    if (settings.jitterUs !== undefined) l.jitterUs = settings.jitterUs;
    if (settings.bandwidthBps !== undefined) l.bandwidthBps = settings.bandwidthBps;
    if (settings.lossRate !== undefined) l.lossRate = settings.lossRate;
    this.emit('linkChanged', l.a, l.b, i);
  }

  /** Fires a model's timer after `delayUs` unless the node crashes first (through its context). */
  setTimer(model: number, node: number, delayUs: number, tag: number, data: unknown): void {
    const n = this.net.nodes[node]!;
    this.queue.push(this.nowUs + Math.max(0, Math.round(delayUs)), TIMER, node, n.epoch, model, tag, data);
  }

  private makeContext(model: number, m: Model): ModelContext {
    return new KernelContext(this, model, this.random.split(`model:${m.name}`));
  }
}
