import type { Votes } from './votes';

/**
 * The cluster database as one node holds it (WCS-CONFIGDB): who owns each
 * group and what the failover manager must remember about it. Its version
 * is (era, seq): the view it was taken over in, and the global updates
 * applied since.
 */
export interface Replica {
  era: number;
  seq: number;
  /** Owner of each group (model node index, -1: none). */
  owner: number[];
  /** Times of each group's failovers, for FailoverThreshold (kept within FailoverPeriod). */
  failovers: number[][];
  /** A group held where it is: FailoverThreshold was exceeded (it stays failed until moved by hand). */
  blocked: boolean[];
  /** The group failed over away from its preferred owner (failback may bring it back). */
  displaced: boolean[];
  /** A failed-over group may come online only after this time: its old owner has stopped by then. */
  notBefore: number[];
}

/**
 * A membership view agreed in a regroup: its ballot (unique, increasing:
 * round * 64 + proposer), the members, the votes counted from then on, and
 * the cluster database it starts from.
 */
export interface View {
  ballot: number;
  members: number[];
  votes: Votes;
  replica: Replica;
}

/** Ballots are round * BALLOT_SPAN + proposer, so two proposers never share one. */
export const BALLOT_SPAN = 64;
export const roundOf = (ballot: number): number => Math.floor(ballot / BALLOT_SPAN);

export function copyReplica(r: Replica): Replica {
  return {
    era: r.era,
    seq: r.seq,
    owner: r.owner.slice(),
    failovers: r.failovers.map((f) => f.slice()),
    blocked: r.blocked.slice(),
    displaced: r.displaced.slice(),
    notBefore: r.notBefore.slice(),
  };
}

export function copyView(v: View): View {
  return { ballot: v.ballot, members: v.members.slice(), votes: v.votes.slice(), replica: copyReplica(v.replica) };
}

/** Whether replica a is newer than b. */
export function fresher(a: Replica, b: Replica): boolean {
  return a.era > b.era || (a.era === b.era && a.seq > b.seq);
}

/**
 * A group's preferred owners (WCS-PREFERRED, SEMANTICS §1 "Owners"): the
 * listed ones in order, then every other node in node order ({3,4} on four
 * nodes is {3,4,1,2}).
 */
export function preferredOrder(listed: readonly number[], n: number): number[] {
  const out = listed.filter((m, i) => m >= 0 && m < n && listed.indexOf(m) === i);
  for (let m = 0; m < n; m++) if (!out.includes(m)) out.push(m);
  return out;
}

/** Where a group goes when `failed` fails: the next node after it in the preferred order that can take it. */
export function nextAfter(order: readonly number[], failed: number, ok: (m: number) => boolean): number {
  const at = order.indexOf(failed);
  for (let k = 1; k <= order.length; k++) {
    const m = order[(at + k) % order.length]!;
    if (m !== failed && ok(m)) return m;
  }
  return -1;
}
