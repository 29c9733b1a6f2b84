import { describe, expect, it } from 'vitest';
import type { RegroupMsg } from './regroup';
import { cluster, SEC } from './testkit';

/** Hands a regroup message straight to node o, as if it had arrived. */
function deliver(c: ReturnType<typeof cluster>, o: number, p: RegroupMsg) {
  c.model.regroup.onMessage(c.sim.contextOf(0), o, p);
}

describe('regroup: views agreed on ballots', () => {
  it('a node promises only a ballot higher than any it promised, and accepts only a view not older than its promise, offered within a regroup period', () => {
    const c = cluster({ nodes: 3 });
    c.run(10 * SEC);
    const s = c.model.members.state[2]!;
    const view = s.committed;
    s.promised = 500;
    deliver(c, 2, { op: 'prepare', from: 0, ballot: 400 });
    expect(s.promised).toBe(500);
    deliver(c, 2, { op: 'accept', from: 0, ballot: 400, view: { ...view, ballot: 400 }, sentUs: c.sim.nowUs });
    expect(s.accepted.ballot).toBe(view.ballot);
    deliver(c, 2, { op: 'accept', from: 0, ballot: 600, view: { ...view, ballot: 600 }, sentUs: c.sim.nowUs - 2 * SEC });
    expect(s.accepted.ballot).toBe(view.ballot);
    deliver(c, 2, { op: 'accept', from: 0, ballot: 600, view: { ...view, ballot: 600 }, sentUs: c.sim.nowUs });
    expect(s.accepted.ballot).toBe(600);
  });

  it('two nodes calling a regroup at once: one view is committed, every node ends in it, and the committed views form one chain', () => {
    for (const seed of [1, 2, 3, 4, 5]) {
      const c = cluster({ nodes: 5 }, seed);
      c.run(10 * SEC);
      for (const m of [0, 2, 4]) c.model.regroup.propose(c.sim.contextOf(0), m);
      c.run(10 * SEC);
      const ballots = new Set(c.model.members.state.map((s) => s.committed.ballot));
      expect(ballots.size, `seed ${seed}`).toBe(1);
      expect(c.model.ledger.forks).toBe(0);
      expect(c.model.nodes.every((_, m) => c.model.members.inService(m))).toBe(true);
    }
  });

  it('a node cut off from the others cannot commit a view: it has no majority, its lease runs out and it stops', () => {
    const c = cluster({ nodes: 3 });
    c.run(10 * SEC);
    c.cmd({ type: 'partition', side: ['node-3'] });
    c.model.regroup.propose(c.sim.contextOf(0), 2);
    c.run(3 * SEC);
    expect(c.events('regroupFailed').map((e) => e.node)).toContain('node-3');
    expect(c.model.members.state[2]!.committed.members).toEqual([0, 1, 2]);
    c.run(10 * SEC);
    expect(c.model.members.inService(2)).toBe(false);
    expect(c.events('quorumLost').map((e) => e.node)).toEqual(['node-3']);
  });

  it('a node that has accepted a newer view no longer counts its own vote for the old one', () => {
    const c = cluster({ nodes: 3 });
    c.run(10 * SEC);
    const s = c.model.members.state[0]!;
    const ctx = c.sim.contextOf(0);
    expect(c.model.members.leaseOk(ctx, 0)).toBe(true);
    c.model.members.accept(ctx, 0, { ...s.committed, ballot: s.committed.ballot + 64 });
    // the others' words still count, so with two of three it holds; alone it would not
    c.cmd({ type: 'partition', side: ['node-1'] });
    c.run(6 * SEC);
    expect(c.model.members.inService(0)).toBe(false);
  });
});
