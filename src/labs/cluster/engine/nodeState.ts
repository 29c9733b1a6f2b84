import type { Replica, View } from './views';

/** A node's cluster service: running (a member with quorum), stopped but alive (out), or crashed (down). */
export type Status = 'up' | 'out' | 'down';

/** A regroup this node leads: phase 1 collects promises, phase 2 acceptances. */
export interface Proposal {
  ballot: number;
  phase: 1 | 2;
  startedUs: number;
  /** Promises by node: the view each last accepted, its committed ballot and its database. */
  promises: Map<number, { accepted: View; committed: number; replica: Replica; hears: number }>;
  /** The witness's promise (its last accepted view), once obtained; null while not. */
  witness: { accepted: View | null; version: [number, number]; replica: Replica | null } | null;
  /** A witness arbitration is under way for this proposal. */
  arbitrating: boolean;
  /** Nodes left out on purpose (a member that did not apply a global update is evicted). */
  exclude: number[];
  /** Phase 2: the view proposed, the one it follows, and who accepted it. */
  view: View | null;
  base: View | null;
  acceptors: number[];
  witnessAccepted: boolean;
}

/**
 * What one node's cluster service knows and remembers. The ballots, the
 * accepted and committed views and the database live on its disk, so they
 * survive a crash (a regroup's promises must); the rest is lost with it.
 */
export class NodeState {
  status: Status = 'up';
  promised = 0;
  accepted: View;
  committed: View;
  replica: Replica;
  /** When this node accepted its latest view (a view accepted but never committed is given up after a while). */
  acceptedUs = 0;
  /** Last heartbeat from each peer on each route: [peer * routes + route]. */
  lastHeard: number[];
  /** Heartbeats heard from each peer on each route in the last 16 periods, a bit each: the route's quality. */
  heard: number[];
  routeUp: boolean[];
  suspected: boolean[];
  /** The latest word of support from each peer: the ballot of the view it was given in, and until when it counts. */
  supBallot: number[];
  supUntil: number[];
  /** The committed ballot when the node (re)started or left: it serves again only in a newer view. */
  staleBallot = -1;
  prop: Proposal | null = null;
  /** No new regroup from this node before this time (back-off after one that did not get through). */
  quietUntilUs = 0;
  /** The ballot it last asked a peer to catch up to. */
  catchupBallot = -1;
  /** When it last had the service running (or was started), for the join back-off. */
  sinceUs = 0;
  /** Since when a member of its view has been lost (-1: none is). */
  suspectSinceUs = -1;
  /** When it last heard of another node's regroup (a prepare, an accept or a commit). */
  regroupSeenUs = -1;
  /** The leader takes nodes in at most this often. */
  joinAfterUs = 0;
  /** How many times in a row its service stopped (an out node waits longer each time before calling a regroup). */
  outCount = 0;
  /** When the leader last tried to take each node in. */
  joinTriedUs: number[];
  /** When this node first installed a view that left each node out (-1: in its view); a failover's fence counts from there. */
  leftUs: number[];

  constructor(n: number, routes: number, genesis: View) {
    this.accepted = genesis;
    this.committed = genesis;
    this.replica = genesis.replica;
    this.lastHeard = new Array<number>(n * routes).fill(0);
    this.heard = new Array<number>(n * routes).fill(0xffff);
    this.routeUp = new Array<boolean>(n * routes).fill(true);
    this.suspected = new Array<boolean>(n).fill(false);
    this.supBallot = new Array<number>(n).fill(genesis.ballot);
    this.supUntil = new Array<number>(n).fill(0);
    this.leftUs = new Array<number>(n).fill(-1);
    this.joinTriedUs = new Array<number>(n).fill(-Infinity);
  }
}
