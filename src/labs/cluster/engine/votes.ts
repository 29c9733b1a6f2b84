/**
 * Quorum votes as Windows Server failover clustering counts them (since
 * Windows Server 2012): each node has a vote (NodeWeight 1), the cluster
 * adjusts the votes it actually counts (DynamicWeight) after each change of
 * membership, and a witness votes only when the voting nodes are even
 * (dynamic witness); with no witness and an even number of voting nodes, one
 * node's vote is zeroed (the highest-numbered here; LowerQuorumPriorityNodeID
 * chooses it in Windows). A partition runs only with more than half of the
 * votes counted. "Static" is the older fixed majority of every node (plus the
 * witness), as in Windows Server 2008.
 *
 * An assignment is an array: votes[m] for node m (0/1), and the witness's
 * vote at index n (the node count).
 */
export type Votes = number[];

/** The witness's slot in an assignment of n nodes. */
export const witnessSlot = (v: Votes): number => v.length - 1;

export function totalVotes(v: Votes): number {
  let t = 0;
  for (const x of v) t += x;
  return t;
}

/** The votes a set of nodes holds, plus the witness's when `witness` (the set holds the witness). */
export function votesOf(v: Votes, members: Iterable<number>, witness: boolean): number {
  let s = witness ? v[witnessSlot(v)]! : 0;
  for (const m of members) s += v[m] ?? 0;
  return s;
}

/** More than half of the votes counted: the partition may run. */
export function quorate(v: Votes, members: Iterable<number>, witness: boolean): boolean {
  return 2 * votesOf(v, members, witness) > totalVotes(v);
}

/**
 * The assignment the cluster heads for with `members` running: static gives
 * every node and the witness a vote; dynamic gives one to each member, the
 * witness one only when the members are even, and without a witness zeroes
 * the highest member's vote when the members are even.
 */
export function targetVotes(n: number, members: readonly number[], witness: boolean, dynamic: boolean): Votes {
  const v: Votes = new Array<number>(n + 1).fill(0);
  if (!dynamic) {
    for (let m = 0; m < n; m++) v[m] = 1;
    v[n] = witness ? 1 : 0;
    return v;
  }
  for (const m of members) v[m] = 1;
  const even = members.length > 0 && members.length % 2 === 0;
  if (witness) v[n] = even ? 1 : 0;
  else if (even) v[Math.max(...members)] = 0;
  return v;
}

/**
 * One vote changed towards the target, or null when there. One vote at a
 * time keeps every two successive assignments' majorities overlapping, so
 * no two partitions can each count a majority of what they last agreed on.
 * Order: first the votes of nodes that left, then votes given, then the
 * witness, then votes taken from members.
 */
export function stepToward(v: Votes, target: Votes, members: readonly number[]): Votes | null {
  const n = v.length - 1;
  const isMember = (m: number) => members.includes(m);
  const pick = (want: (m: number) => boolean): Votes | null => {
    for (let m = 0; m <= n; m++) {
      if (v[m] !== target[m] && want(m)) {
        const out = v.slice();
        out[m] = target[m]!;
        return out;
      }
    }
    return null;
  };
  return (
    pick((m) => m < n && !isMember(m) && v[m] === 1) ??
    pick((m) => m < n && target[m] === 1) ??
    pick((m) => m === n) ??
    pick((m) => m < n)
  );
}
