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
  // load balancer (src/engine/balancer)
  | 'serverStateChanged'
  | 'balancerTakeover'
  | 'serverDrained'
  | 'serverAdded'
  | 'requestRefused'
  // cluster data (src/engine/cluster/txStore.ts)
  | 'transactionsSettled'
  // Beowulf (src/engine/parallel)
  | 'jobStarted'
  | 'jobFinished'
  | 'jobFailed'
  | 'taskRequeued'
  | 'nicFailed'
  | 'processMigrated'
  // single-system image (src/engine/ssi)
  | 'sessionPlaced'
  | 'pageOwned'
  // message passing and RPC (src/engine/messaging)
  | 'processStateChanged'
  | 'retransmitted'
  | 'messageDiscarded'
  | 'deliveryFailed'
  | 'bufferFree'
  | 'bufferChanged'
  | 'rpcStep'
  | 'connectionOpened'
  | 'connectionClosed'
  // Sun Cluster (src/engine/suncluster)
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
  | 'sunProcMoved';

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

const typeCodes = new Map<string, number>();
function typeCode(type: string): number {
  let c = typeCodes.get(type);
  if (c === undefined) {
    c = hashString(type);
    typeCodes.set(type, c);
  }
  return c;
}

/** Most events a frame carries; the hash still covers every event. */
const PENDING_CAP = 2000;
const RECENT_CAP = 4096;

/**
 * Records events and keeps a running 64-bit hash (two 32-bit FNV-style lanes
 * over every numeric field), so two runs can be compared by one string.
 */
export class Trace {
  private h1 = 0x811c9dc5;
  private h2 = 0x9747b28c;
  count = 0;
  private pending: TraceEvent[] = [];
  private pendingDropped = 0;
  /** Ring of the latest events, for inspectors asking "what happened here lately". */
  readonly recent: TraceEvent[] = [];
  private recentHead = 0;

  emit(t: number, type: TraceType, node = -1, peer = -1, link = -1, msg = -1, a = 0, b = 0, c = 0): void {
    const ev: TraceEvent = { seq: this.count++, t, type, node, peer, link, msg, a, b, c };
    this.mix(typeCode(type));
    this.mix(t % 4294967296);
    this.mix(Math.floor(t / 4294967296));
    this.mix(node);
    this.mix(peer);
    this.mix(link);
    this.mix(msg);
    this.mix(a | 0);
    this.mix(Math.round((a - (a | 0)) * 1e6) + (b | 0));
    this.mix(c | 0);
    this.pending.push(ev);
    if (this.pending.length >= 2 * PENDING_CAP) {
      // keep the newest: a log reader cares about what just happened
      this.pending = this.pending.slice(PENDING_CAP);
      this.pendingDropped += PENDING_CAP;
    }
    if (this.recent.length < RECENT_CAP) this.recent.push(ev);
    else {
      this.recent[this.recentHead] = ev;
      this.recentHead = (this.recentHead + 1) % RECENT_CAP;
    }
  }

  private mix(v: number): void {
    this.h1 = Math.imul(this.h1 ^ (v & 0xffff), 0x01000193);
    this.h1 = Math.imul(this.h1 ^ (v >>> 16), 0x01000193);
    this.h2 = Math.imul(this.h2 ^ v, 0x5bd1e995);
    this.h2 ^= this.h2 >>> 15;
  }

  /** The running hash as 16 hex digits. */
  hash(): string {
    return (this.h1 >>> 0).toString(16).padStart(8, '0') + (this.h2 >>> 0).toString(16).padStart(8, '0');
  }

  /** Events since the last drain (the newest PENDING_CAP) and how many were left out. */
  drain(): { events: TraceEvent[]; skipped: number } {
    const extra = Math.max(0, this.pending.length - PENDING_CAP);
    const out = { events: extra > 0 ? this.pending.slice(extra) : this.pending, skipped: this.pendingDropped + extra };
    this.pending = [];
    this.pendingDropped = 0;
    return out;
  }

  /** The recent events, oldest first. */
  recentInOrder(): TraceEvent[] {
    if (this.recent.length < RECENT_CAP) return this.recent.slice();
    return this.recent.slice(this.recentHead).concat(this.recent.slice(0, this.recentHead));
  }
}
