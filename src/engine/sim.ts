import { applyCommand, type EngineCommand } from './commands';
import { EventQueue } from './kernel/queue';
import { RandomSource, type Prng } from './kernel/prng';
import { Trace, type TraceType } from './kernel/trace';
import { Network } from './net/network';
import type { Job } from './net/node';
import type { Message, Model, ModelContext } from './model';
import type { LinkSpec, NodeSpec, WorldSpec } from './types';

const HOP = 0;
const TIMER = 1;
const WORK = 2;
const SCRIPT = 3;

type QueueItem =
  | { k: typeof SCRIPT; cmd: EngineCommand }
  | { k: typeof HOP; m: Message }
  | { k: typeof TIMER; node: number; epoch: number; model: number; tag: number; data: unknown }
  | { k: typeof WORK; node: number; epoch: number };

/** Numbers per finished hop in `drainHops`: from, to, kind, arriveUs, lost. */
export const HOP_STRIDE = 5;
const MAX_HOPS = 4096;
const RECENT_MESSAGES = 4096;

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
  readonly inFlight = new Set<Message>();
  private readonly queue = new EventQueue<QueueItem>();
  private readonly contexts: ModelContext[] = [];
  private readonly netRng: Prng;
  private nextMsgId = 0;
  delivered = 0;
  dropped = 0;
  /** Hops finished since the last `drainHops` (HOP_STRIDE numbers each), for the picture only: not traced, not hashed. */
  private hops: number[] = [];
  /**
   * The latest messages sent, in a ring indexed by id, so the inspector can
   * show what one carried. (A Map with constant eviction was the hottest
   * spot of the engine: V8 skips deleted entries on every `keys()`.)
   */
  private readonly recentMessages: (Message | undefined)[] = new Array<Message | undefined>(RECENT_MESSAGES);

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
    for (const s of spec.script ?? []) this.queue.push(s.atUs, { k: SCRIPT, cmd: s.cmd });
  }

  /** Time of the next pending event, or Infinity. */
  nextEventUs(): number {
    return this.queue.peekTime();
  }

  /** Processes exactly one event; false when none is pending. */
  step(): boolean {
    if (this.queue.size === 0) return false;
    this.nowUs = this.queue.peekTime();
    const item = this.queue.pop();
    this.eventsProcessed++;
    if (item.k === HOP) this.arrive(item.m);
    else if (item.k === TIMER) {
      const n = this.net.nodes[item.node]!;
      if (n.up && n.epoch === item.epoch) this.models[item.model]!.onTimer(this.contexts[item.model]!, item.node, item.tag, item.data);
    } else if (item.k === WORK) this.finishWork(item.node, item.epoch);
    // a scripted fault that no longer applies (the node is already down) is simply skipped
    else applyCommand(this, item.cmd);
    return true;
  }

  /**
   * Processes every event up to and including tUs (at most maxEvents of them),
   * then moves the clock to tUs if all were done. Returns the number processed.
   */
  runUntil(tUs: number, maxEvents = Infinity): number {
    let n = 0;
    while (n < maxEvents && this.queue.size > 0 && this.queue.peekTime() <= tUs) {
      this.step();
      n++;
    }
    if (n < maxEvents || this.queue.peekTime() > tUs) this.nowUs = Math.max(this.nowUs, tUs);
    return n;
  }

  /** Records a trace event at the current time. */
  emit(type: TraceType, node = -1, peer = -1, link = -1, msg = -1, a = 0, b = 0, c = 0): void {
    this.trace.emit(this.nowUs, type, node, peer, link, msg, a, b, c);
  }

  /** What a recent message carried (null once it is too old to remember). */
  describeMessage(id: number): Record<string, string | number> | null {
    const m = this.recentMessages[id % RECENT_MESSAGES];
    if (!m || m.id !== id) return null;
    const base: Record<string, string | number> = { id: m.id, kind: m.kind, bytes: m.bytes, src: m.src, dst: m.dst };
    return { ...base, ...(this.models[m.model]!.describe?.(m) ?? {}) };
  }

  contextOf(model: number): ModelContext {
    return this.contexts[model]!;
  }

  // ---- transport -------------------------------------------------------

  private send(model: number, src: number, dst: number, kind: number, bytes: number, payload: unknown): void {
    const m: Message = {
      id: this.nextMsgId++, src, dst, kind, bytes, payload, model,
      at: src, link: -1, linkEpoch: 0, txStartUs: 0, arriveUs: 0, lost: false,
    };
    this.net.nodes[src]!.sent++;
    this.recentMessages[m.id % RECENT_MESSAGES] = m;
    this.emit('messageSent', src, dst, -1, m.id, bytes, kind);
    this.forward(m);
  }

  /** Puts the message on the next link towards its destination. */
  private forward(m: Message): void {
    const li = this.net.nextLink(m.at, m.dst);
    if (li < 0) {
      this.drop(m, DROP.noRoute, m.at);
      return;
    }
    const l = this.net.links[li]!;
    const dir = l.a === m.at ? 0 : 1;
    const start = Math.max(this.nowUs, l.busyUntilUs[dir]);
    const txEnd = start + l.txTimeUs(m.bytes);
    l.busyUntilUs[dir] = txEnd;
    l.bytes += m.bytes;
    const jitter = l.jitterUs > 0 ? this.netRng.int(0, l.jitterUs) : 0;
    m.link = li;
    m.linkEpoch = l.epoch;
    m.txStartUs = start;
    m.arriveUs = txEnd + l.latencyUs + jitter;
    m.lost = l.lossRate > 0 && this.netRng.chance(l.lossRate);
    this.inFlight.add(m);
    this.queue.push(m.arriveUs, { k: HOP, m });
  }

  private arrive(m: Message): void {
    this.inFlight.delete(m);
    const l = this.net.links[m.link]!;
    const to = l.other(m.at);
    const node = this.net.nodes[to]!;
    const reason = l.epoch !== m.linkEpoch || !l.up ? DROP.linkDown : m.lost ? DROP.loss : !node.up ? DROP.nodeDown : -1;
    this.recordHop(m, to, reason >= 0);
    if (reason >= 0) return this.drop(m, reason, to);
    m.at = to;
    if (to !== m.dst) return this.forward(m);
    l.delivered++;
    node.received++;
    this.delivered++;
    this.emit('messageDelivered', to, m.src, m.link, m.id, m.bytes, m.kind);
    this.models[m.model]!.onMessage(this.contexts[m.model]!, to, m);
  }

  /**
   * Notes a finished hop so the picture can show a message that started and
   * ended between two frames (a LAN hop lasts microseconds): a hop no frame
   * ever caught in flight would otherwise be invisible.
   */
  private recordHop(m: Message, to: number, lost: boolean): void {
    if (this.hops.length >= MAX_HOPS * HOP_STRIDE) return;
    this.hops.push(m.at, to, m.kind, m.arriveUs, lost ? 1 : 0);
  }

  /** The hops finished since the last call: from, to, kind, arrival time, lost (0/1). */
  drainHops(): Float64Array {
    const out = Float64Array.from(this.hops);
    this.hops.length = 0;
    return out;
  }

  private drop(m: Message, reason: number, where: number): void {
    this.inFlight.delete(m);
    if (m.link >= 0) this.net.links[m.link]!.dropped++;
    this.net.nodes[m.src]!.dropped++;
    this.dropped++;
    this.emit('messageDropped', where, m.src, m.link, m.id, reason, m.kind);
  }

  // ---- CPU -------------------------------------------------------------

  private startWork(node: number, job: Job): void {
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
    this.queue.push(this.nowUs + Math.max(1, Math.round(job.workUs / n.cpuSpeed)), { k: WORK, node, epoch: n.epoch });
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
    this.net.nodes[i]!.up = true;
    this.net.changed();
    this.emit('nodeRestarted', i);
    this.models.forEach((m, k) => m.onNodeRestarted(this.contexts[k]!, i));
  }

  setLinkCut(i: number, cut: boolean): void {
    const l = this.net.links[i]!;
    l.cut = cut;
    if (cut) l.epoch++;
    this.net.changed();
    this.emit(cut ? 'linkCut' : 'linkRestored', l.a, l.b, i);
  }

  /** Separates `side` from every other node (null heals); user cuts are kept. */
  setPartition(side: Set<number> | null): void {
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
    const n = this.net.addNode(spec);
    for (const l of links) this.net.addLink(l);
    this.emit('nodeAdded', n.index);
    this.models.forEach((m, k) => m.onNodeAdded(this.contexts[k]!, n.index));
    return n.index;
  }

  removeNode(i: number): void {
    const n = this.net.nodes[i]!;
    if (n.up) {
      n.epoch++;
      n.clearWork();
      this.models.forEach((m, k) => m.onNodeCrashed(this.contexts[k]!, i));
    }
    this.net.removeNode(i);
    this.emit('nodeRemoved', i);
  }

  private makeContext(model: number, m: Model): ModelContext {
    const now = (): number => this.nowUs;
    return {
      get nowUs() {
        return now();
      },
      net: this.net,
      rng: this.random.split(`model:${m.name}`),
      send: (src, dst, kind, bytes, payload) => this.send(model, src, dst, kind, bytes, payload),
      setTimer: (node, delayUs, tag, data) => {
        const n = this.net.nodes[node]!;
        this.queue.push(this.nowUs + Math.max(0, Math.round(delayUs)), { k: TIMER, node, epoch: n.epoch, model, tag, data });
      },
      work: (node, workUs, tag, data) => this.startWork(node, { workUs, tag, data, model }),
      addNode: (spec, links) => this.addNode(spec, links),
      emit: (type, node = -1, peer = -1, msg = -1, a = 0, b = 0, c = 0) => this.emit(type, node, peer, -1, msg, a, b, c),
    };
  }
}
