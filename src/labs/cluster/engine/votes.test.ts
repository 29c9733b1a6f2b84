import { describe, expect, it } from 'vitest';
import { quorate, stepToward, targetVotes, totalVotes, type Votes } from './votes';

/**
 * Runs failures against the vote arithmetic as the cluster applies it: the
 * survivors of each step must hold a majority of the votes counted before
 * it (with the witness's, when there is one: the survivors win it); after a
 * step the votes move, one at a time, to what the survivors call for.
 * Returns whether the cluster still runs after each step.
 */
function survive(n: number, witness: boolean, steps: number[][], dynamic = true): boolean[] {
  let members = Array.from({ length: n }, (_, m) => m);
  let votes: Votes = targetVotes(n, members, witness, dynamic);
  const out: boolean[] = [];
  for (const failed of steps) {
    const left = members.filter((m) => !failed.includes(m));
    const ok = out.every(Boolean) && quorate(votes, left, witness);
    out.push(ok);
    if (!ok) continue;
    members = left;
    if (!dynamic) continue;
    const target = targetVotes(n, members, witness, true);
    for (let v = stepToward(votes, target, members); v; v = stepToward(votes, target, members)) {
      // every intermediate assignment must still give the members their majority
      expect(quorate(v, members, witness)).toBe(true);
      votes = v;
    }
  }
  return out;
}

/** SEMANTICS §1, "Table to reproduce" (manage-cluster-quorum.md), one case per row. */
describe('dynamic quorum and dynamic witness (Windows Server 2012 and later)', () => {
  it('2 nodes, no witness: the first failure is 50/50 (one node’s vote is zeroed; losing the voter stops the cluster)', () => {
    expect(targetVotes(2, [0, 1], false, true)).toEqual([1, 0, 0]);
    expect(survive(2, false, [[0]])).toEqual([false]);
    expect(survive(2, false, [[1]])).toEqual([true]);
  });

  it('2 nodes and a witness: one failure is survived, whichever node fails', () => {
    expect(targetVotes(2, [0, 1], true, true)).toEqual([1, 1, 1]);
    expect(survive(2, true, [[0]])).toEqual([true]);
    expect(survive(2, true, [[1]])).toEqual([true]);
  });

  it('3 nodes: one failure, then 50/50', () => {
    for (const first of [0, 1, 2]) {
      const rest = [0, 1, 2].filter((m) => m !== first);
      // after the first failure the two left are even: the higher one's vote is zeroed
      expect(survive(3, false, [[first], [rest[0]!]])).toEqual([true, false]);
      expect(survive(3, false, [[first], [rest[1]!]])).toEqual([true, true]);
    }
  });

  it('3 nodes and a witness: one failure, then one more (the witness votes once two nodes are left)', () => {
    expect(targetVotes(3, [0, 1, 2], true, true)).toEqual([1, 1, 1, 0]);
    for (const first of [0, 1, 2]) for (const second of [0, 1, 2].filter((m) => m !== first)) expect(survive(3, true, [[first], [second]])).toEqual([true, true]);
  });

  it('4 nodes: one failure, then one more; two at once is 50/50', () => {
    expect(targetVotes(4, [0, 1, 2, 3], false, true)).toEqual([1, 1, 1, 0, 0]);
    for (const first of [0, 1, 2, 3]) for (const second of [0, 1, 2, 3].filter((m) => m !== first)) expect(survive(4, false, [[first], [second]])).toEqual([true, true]);
    const pairs = [[0, 1], [0, 2], [0, 3], [1, 2], [1, 3], [2, 3]];
    const survived = pairs.filter((p) => survive(4, false, [p])[0]).length;
    // the pairs that take the zeroed node with them leave 2 of 3 votes; the others leave 1 of 3
    expect(survived).toBe(3);
  });

  it('4 nodes and a witness: two at once is survived', () => {
    expect(targetVotes(4, [0, 1, 2, 3], true, true)).toEqual([1, 1, 1, 1, 1]);
    for (const p of [[0, 1], [0, 2], [0, 3], [1, 2], [1, 3], [2, 3]]) expect(survive(4, true, [p])).toEqual([true]);
  });

  it('a majority lost at once stops the cluster, dynamic or not', () => {
    expect(survive(5, false, [[0, 1, 2]])).toEqual([false]);
    expect(survive(5, true, [[0, 1, 2]])).toEqual([false]);
  });

  it('sequential failures go down to the last node standing; the fixed majority of Windows Server 2008 stops at the first that leaves less than half', () => {
    expect(survive(5, false, [[4], [3], [2], [1]])).toEqual([true, true, true, true]);
    expect(survive(5, false, [[4], [3], [2]], false)).toEqual([true, true, false]);
    expect(totalVotes(targetVotes(5, [], true, false))).toBe(6);
  });

  it('votes change one at a time: two assignments a step apart never both give a majority to two sides that do not overlap', () => {
    for (let n = 2; n <= 6; n++) {
      for (let mask = 1; mask < 1 << n; mask++) {
        const members = Array.from({ length: n }, (_, m) => m).filter((m) => (mask >> m) & 1);
        for (const w of [false, true]) {
          const from = targetVotes(n, Array.from({ length: n }, (_, m) => m), w, true);
          const step = stepToward(from, targetVotes(n, members, w, true), members);
          if (!step) continue;
          expect(step.filter((x, i) => x !== from[i]).length).toBe(1);
          for (let side = 0; side < 1 << n; side++) {
            const a = Array.from({ length: n }, (_, m) => m).filter((m) => (side >> m) & 1);
            const b = Array.from({ length: n }, (_, m) => m).filter((m) => !((side >> m) & 1));
            // the witness goes to one side at most
            expect(quorate(from, a, w) && quorate(step, b, false)).toBe(false);
            expect(quorate(from, a, false) && quorate(step, b, w)).toBe(false);
          }
        }
      }
    }
  });
});

/** Every assignment stepToward passes through on its way to the target. */
function walk(v: Votes, target: Votes, members: number[]): Votes[] {
  const out: Votes[] = [];
  for (let s = stepToward(v, target, members); s; s = stepToward(s, target, members)) out.push(s);
  return out;
}

describe('one vote at a time, in the order the cluster moves them', () => {
  it('first the votes of nodes that left, then votes given, then the witness, then votes taken from members', () => {
    // node 2 of 3 left; the two survivors are even, so the witness gets its vote: the leaver's vote goes first
    expect(walk([1, 1, 1, 0], targetVotes(3, [0, 1], true, true), [0, 1])).toEqual([
      [1, 1, 0, 0],
      [1, 1, 0, 1],
    ]);
    // two nodes back (members 0-2 of 3, a witness): their votes come before the witness's is taken
    expect(walk([1, 0, 0, 1], targetVotes(3, [0, 1, 2], true, true), [0, 1, 2])).toEqual([
      [1, 1, 0, 1],
      [1, 1, 1, 1],
      [1, 1, 1, 0],
    ]);
    // four members without a witness: the highest member's vote is taken last, after the leaver's
    expect(walk([1, 1, 1, 1, 1, 0], targetVotes(5, [0, 1, 2, 3], false, true), [0, 1, 2, 3])).toEqual([
      [1, 1, 1, 1, 0, 0],
      [1, 1, 1, 0, 0, 0],
    ]);
    // a member's vote is given back before another member's is taken
    expect(walk([1, 0, 1, 0], targetVotes(3, [0, 1], false, true), [0, 1])).toEqual([
      [1, 0, 0, 0],
    ]);
    expect(walk([0, 1, 1, 0, 0], targetVotes(4, [0, 1, 2], false, true), [0, 1, 2])).toEqual([[1, 1, 1, 0, 0]]);
    // a leaver's vote goes before a returning node's, even when the returning node comes first in the list
    expect(walk([0, 1, 1, 0], targetVotes(3, [0, 1], false, true), [0, 1])).toEqual([
      [0, 1, 0, 0],
      [1, 1, 0, 0],
      [1, 0, 0, 0],
    ]);
    expect(stepToward([1, 1, 0, 1], [1, 1, 0, 1], [0, 1])).toBeNull();
  });

  it('a cluster with no member running gives no vote, not even to its witness', () => {
    expect(targetVotes(3, [], true, true)).toEqual([0, 0, 0, 0]);
    expect(targetVotes(3, [], false, true)).toEqual([0, 0, 0, 0]);
  });
});
