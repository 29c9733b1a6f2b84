import { hashString } from './prng';

/**
 * Everything observable that happens in a run. Past tense, as in the
 * architecture: commands are imperative, trace events are facts.
 */
/**
 * What a `settingChanged` event changed, in its `b` field: one table for every
 * model, so that no two labs' settings share a code (the log names them by it).
 */
export const SETTING = {
  thinkTime: 0,
  quorum: 1,
  failback: 2,
  clusterMode: 3,
  algorithm: 10,
  weight: 11,
  bandwidth: 12,
  messaging: 13,
  rpc: 14,
  migration: 20,
  smp: 21,
  sharedNetwork: 22,
} as const;

export type TraceType =
  | 'messageSent'
  | 'messageDelivered'
  | 'messageDropped'
  | 'nodeCrashed'
  | 'nodeRestarted'
  | 'nodeAdded'
  | 'nodeRemoved'
  | 'linkCut'
  | 'linkRestored'
  | 'linkChanged'
  | 'partitioned'
  | 'partitionHealed'
  | 'requestStarted'
  | 'requestCompleted'
  | 'requestFailed'
  | 'workStarted'
  | 'workDone'
  | 'classChanged'
  | 'settingChanged'
  | 'featureAdded'
  | 'clientsUpgraded'
  | 'deployStarted'
  | 'deployInstalled'
  | 'deployFinished'
  | 'heartbeatMissed'
  | 'regroupStarted'
  | 'membershipChanged'
  | 'quorumLost'
  | 'groupFailover'
  | 'groupFailback'
  | 'groupMoveRequested'
  | 'groupMoved'
  | 'configUpdated'
  | 'resourceStateChanged'
  | 'resourceFailed'
  | 'restartThresholdExceeded'
  | 'failoverThresholdExceeded'
  | 'faultInjected'
  | 'invariantViolated'
  | 'updateAborted'
  // cluster node manager, arbitration and failover manager (src/labs/cluster/engine)
  | 'routeDown'
  | 'routeUp'
  | 'regroupFailed'
  | 'nodeEvicted'
  | 'witnessReserved'
  | 'witnessChallenged'
  | 'witnessDefended'
  | 'diskReserved'
  | 'diskChallenged'
  | 'diskDefended'
  | 'diskLost'
  | 'resourceRestarted'
  | 'failbackWaiting'
  // load balancer (src/labs/balancer/engine)
  | 'serverStateChanged'
  | 'balancerTakeover'
  | 'serverDrained'
  | 'serverAdded'
  | 'requestRefused'
  // cluster data (src/labs/cluster/engine/txStore.ts)
  | 'transactionsSettled'
  // Beowulf (src/labs/parallel/engine)
  | 'jobStarted'
  | 'jobFinished'
  | 'jobFailed'
  | 'taskRequeued'
  | 'nicFailed'
  | 'processMigrated'
  // single-system image (src/labs/ssi/engine)
  | 'sessionPlaced'
  | 'pageOwned'
  // message passing and RPC (src/labs/messaging/engine)
  | 'processStateChanged'
  | 'retransmitted'
  | 'messageDiscarded'
  | 'deliveryFailed'
  | 'bufferFree'
  | 'bufferChanged'
  | 'rpcStep'
  | 'connectionOpened'
  | 'connectionClosed'
  // Sun Cluster (src/labs/suncluster/engine)
  | 'sunConnOpened'
  | 'sunConnReset'
  | 'sunNodeLeft'
  | 'sunTakeover'
  | 'sunAddressMoved'
  | 'sunDesignChanged'
  | 'sunFileOp'
  | 'sunCacheInvalidated'
  | 'sunLoadSet'
  | 'sunCachesSet'
  | 'sunProcMoved'
  // Beowulf bonding and single-system image (src/labs/parallel/engine, src/labs/ssi/engine)
  | 'bondFramesLost'
  | 'nicDown'
  | 'streamMeasured'
  | 'ssiForwarded'
  | 'ssiViewGathered';

/**
 * One trace record. Numeric fields only (indices, not names), so hashing is
 * cheap; -1 means "not applicable". `a`, `b` and `c` carry type-specific figures
 * (bytes, latency, reason code) documented where the event is emitted.
 */
export interface TraceEvent {
  seq: number;
  t: number;
  type: TraceType;
  node: number;
  peer: number;
  link: number;
  msg: number;
  a: number;
  b: number;
  c: number;
}

/** Each type's index in the ring (`types`) and its hash code (FNV of the name, so hashes do not depend on the order of first use). */
const typeIndex = new Map<string, number>();
const types: TraceType[] = [];
const typeHash: number[] = [];
/** A type's index, for callers on the hot path that look it up once (`emitIndexed`). */
export function typeIdx(type: TraceType): number {
  let i = typeIndex.get(type);
  if (i === undefined) {
    i = types.length;
    types.push(type);
    typeHash.push(hashString(type));
    typeIndex.set(type, i);
  }
  return i;
}

/** Most events a frame carries; the hash still covers every event. */
const PENDING_CAP = 2000;
/** The ring keeps the latest events (recent ones for inspectors, pending ones for the next frame); a power of two. */
const RING = 4096;
const MASK = RING - 1;

/**
 * Records events and keeps a running 64-bit hash (two 32-bit lanes over every
 * numeric field), so two runs can be compared by one string.
 * The latest RING events are kept as columns of a ring, not as objects: most
 * are never read, and an object per event was a good part of the engine's
 * garbage. Readers get objects built on demand.
 */
export class Trace {
  private h1 = 0x811c9dc5 | 0;
  private h2 = 0x9747b28c | 0;
  count = 0;
  /** `count` at the last drain: the events after it are pending. */
  private drained = 0;
  private ty = new Uint16Array(RING);
  private cols = new Float64Array(RING * 8);

  emit(t: number, type: TraceType, node = -1, peer = -1, link = -1, msg = -1, a = 0, b = 0, c = 0): void {
    this.emitIndexed(t, typeIdx(type), node, peer, link, msg, a, b, c);
  }

  /** `emit` with the type given by its index (see typeIdx). */
  emitIndexed(t: number, ti: number, node: number, peer: number, link: number, msg: number, a: number, b: number, c: number): void {
    // ten 32-bit words, alternately into two multiply lanes, which then mix into
    // each other once per event, so a change in any word reaches both halves of
    // the hash. Written out rather than looped: this runs twice per message.
    const hi = Math.floor(t / 4294967296);
    const ai = a | 0;
    let h1 = this.h1;
    let h2 = this.h2;
    h1 = Math.imul(h1 ^ typeHash[ti]!, 0x01000193);
    h2 = Math.imul(h2 ^ ((t - hi * 4294967296) | 0), 0x5bd1e995);
    h1 = Math.imul(h1 ^ (hi | 0), 0x01000193);
    h2 = Math.imul(h2 ^ (node | 0), 0x5bd1e995);
    h1 = Math.imul(h1 ^ (peer | 0), 0x01000193);
    h2 = Math.imul(h2 ^ (link | 0), 0x5bd1e995);
    h1 = Math.imul(h1 ^ (msg | 0), 0x01000193);
    h2 = Math.imul(h2 ^ ai, 0x5bd1e995);
    // a's fraction (to a millionth) with b
    h1 = Math.imul(h1 ^ ((Math.round((a - ai) * 1e6) + (b | 0)) | 0), 0x01000193);
    h2 = Math.imul(h2 ^ (c | 0), 0x5bd1e995);
    h1 = Math.imul(h1 ^ (h2 >>> 15), 0x85ebca6b);
    h2 = Math.imul(h2 ^ (h1 >>> 13), 0xc2b2ae35);
    this.h1 = h1;
    this.h2 = h2;
    const slot = this.count & MASK;
    this.count++;
    this.ty[slot] = ti;
    const o = slot * 8;
    const cols = this.cols;
    cols[o] = t;
    cols[o + 1] = node;
    cols[o + 2] = peer;
    cols[o + 3] = link;
    cols[o + 4] = msg;
    cols[o + 5] = a;
    cols[o + 6] = b;
    cols[o + 7] = c;
  }

  /** The running hash as 16 hex digits. */
  hash(): string {
    return (this.h1 >>> 0).toString(16).padStart(8, '0') + (this.h2 >>> 0).toString(16).padStart(8, '0');
  }

  /** Events since the last drain (the newest PENDING_CAP) and how many were left out. */
  drain(): { events: TraceEvent[]; skipped: number } {
    const since = this.count - this.drained;
    const n = Math.min(since, PENDING_CAP);
    this.drained = this.count;
    return { events: this.range(this.count - n, this.count), skipped: since - n };
  }

  /** The recent events, oldest first. */
  recentInOrder(): TraceEvent[] {
    return this.range(Math.max(0, this.count - RING), this.count);
  }

  /** A copy that goes on independently (the timeline's keyframes). */
  clone(): Trace {
    const out = Object.assign(Object.create(Trace.prototype) as Trace, this);
    out.ty = this.ty.slice();
    out.cols = this.cols.slice();
    return out;
  }

  private range(from: number, to: number): TraceEvent[] {
    const out: TraceEvent[] = [];
    for (let seq = from; seq < to; seq++) {
      const o = (seq & MASK) * 8;
      const c = this.cols;
      out.push({ seq, t: c[o]!, type: types[this.ty[seq & MASK]!]!, node: c[o + 1]!, peer: c[o + 2]!, link: c[o + 3]!, msg: c[o + 4]!, a: c[o + 5]!, b: c[o + 6]!, c: c[o + 7]! });
    }
    return out;
  }
}
