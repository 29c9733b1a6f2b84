import { describe, expect, it } from 'vitest';
import type { GumMsg, Update } from './gum';
import { cluster, SEC } from './testkit';

const change = (era: number, seq: number, owner: number): Update => ({ id: 999, era, seq, g: 0, owner, failoverAt: -1, blocked: false, displaced: false, notBefore: 0, order: [1], at: 0, tries: 1, why: 2, leader: 0 });

describe('global update manager', () => {
  it('a member applies an update only in the view it was made in, and not while it has promised a newer regroup', () => {
    const c = cluster();
    c.run(20 * SEC);
    const s = c.model.members.state[1]!;
    const ctx = c.sim.contextOf(0);
    const era = s.committed.ballot;
    const seq = s.replica.seq;
    c.model.gum.onMessage(ctx, 1, { op: 'update', from: 0, u: change(era - 1, seq + 1, 2) } satisfies GumMsg);
    expect(s.replica.seq).toBe(seq);
    s.promised = era + 64;
    c.model.gum.onMessage(ctx, 1, { op: 'update', from: 0, u: change(era, seq + 1, 2) } satisfies GumMsg);
    expect(s.replica.seq).toBe(seq);
    s.promised = era;
    // out of order (a gap) is refused too
    c.model.gum.onMessage(ctx, 1, { op: 'update', from: 0, u: change(era, seq + 2, 2) } satisfies GumMsg);
    expect(s.replica.seq).toBe(seq);
    c.model.gum.onMessage(ctx, 1, { op: 'update', from: 0, u: change(era, seq + 1, 2) } satisfies GumMsg);
    expect(s.replica.seq).toBe(seq + 1);
    expect(s.replica.owner[0]).toBe(2);
  });

  it('a member that does not apply an update is evicted, and the update goes on in the next view', () => {
    const c = cluster();
    c.run(20 * SEC);
    // node-3 keeps its heartbeats but loses every global update
    const gum = c.model.gum;
    const apply = gum.onMessage.bind(gum);
    gum.onMessage = (ctx, o, p) => (o === 2 && p.op === 'update' ? undefined : apply(ctx, o, p));
    c.cmd({ type: 'moveGroup', group: 'sql', node: 'node-2' });
    c.run(8 * SEC);
    // five tries a second apart, then a regroup leaves it out (it may be taken back in at once: it is alive)
    expect(c.events('updateAborted').some((e) => e.peer === 'node-3' && e.b === 1)).toBe(true);
    expect(c.events('nodeEvicted').map((e) => e.node)).toContain('node-3');
    c.run(20 * SEC);
    expect(c.onlineOn('sql')).toEqual(['node-2']);
  });

  it('after an update is called off, its leader makes no other update in that view (no number is used twice)', () => {
    const c = cluster();
    c.run(20 * SEC);
    const era = c.model.members.state[0]!.committed.ballot;
    // node-3 refuses the update: it has just promised a newer regroup
    const gum = c.model.gum;
    const apply = gum.onMessage.bind(gum);
    let refused = false;
    gum.onMessage = (ctx, o, p) => {
      if (o === 2 && p.op === 'update' && !refused) {
        refused = true;
        c.model.members.state[2]!.promised = era + 64;
      }
      apply(ctx, o, p);
    };
    c.cmd({ type: 'moveGroup', group: 'sql', node: 'node-2' });
    c.run(3 * SEC);
    expect(c.events('updateAborted').length).toBeGreaterThan(0);
    expect(gum.spoiledNow(0) || c.model.members.state[0]!.committed.ballot > era).toBe(true);
    c.run(30 * SEC);
    // the members that had applied the refused update and those that had not are brought to one database by the next view
    expect(c.model.ledger.conflicts).toBe(0);
    expect(c.model.members.state[0]!.committed.ballot).toBeGreaterThan(era);
    const live = [0, 1, 2, 3].filter((m) => c.model.members.inService(m)).map((m) => JSON.stringify(c.model.members.state[m]!.replica));
    expect(new Set(live).size).toBe(1);
  });
});
