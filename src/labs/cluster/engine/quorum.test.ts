import { describe, expect, it } from 'vitest';
import { SITE_LINKS } from './world';
import { cluster, SEC } from './testkit';

describe('quorum in a running cluster: dynamic quorum, the witness, arbitration', () => {
  it('two nodes and a disk witness: when the witness’s holder crashes, the other keeps its group running, wins the witness by challenge, and takes the other group', () => {
    const c = cluster({ nodes: 2 });
    c.run(20 * SEC);
    expect(c.model.witness.res.holder).toBe(0);
    c.cmd({ type: 'crashNode', node: 'node-1' });
    const crash = c.sim.nowUs;
    const took = c.runUntil(() => c.onlineOn('sql').includes('node-2'), 60 * SEC);
    // File Server never stopped on node-2
    expect(c.events('resourceStateChanged').filter((e) => e.t > crash && e.node === 'node-2' && e.msg === 1)).toHaveLength(0);
    expect(c.events('witnessChallenged').map((e) => e.node)).toEqual(['node-2']);
    expect(c.events('witnessReserved').map((e) => e.node)).toEqual(['node-2']);
    // detection (10–11 s) + regroup (1 s) + witness challenge (10 s) + disk challenge (10 s) + resources (5 s)
    expect(took).toBeGreaterThan(36 * SEC);
    expect(took).toBeLessThanOrEqual(c.model.clock.bound(0).total);
  });

  it('two nodes and a disk witness, split in two: the witness’s holder keeps the cluster, the other stops, nothing runs twice', () => {
    const c = cluster({ nodes: 2 });
    c.run(20 * SEC);
    SITE_LINKS.forEach((link) => c.cmd({ type: 'cutLink', link }));
    c.run(60 * SEC);
    expect(c.model.members.inService(0)).toBe(true);
    expect(c.model.members.inService(1)).toBe(false);
    expect(c.events('quorumLost').map((e) => e.node)).toEqual(['node-2']);
    expect(c.onlineOn('files')).toEqual(['node-1']);
    expect(c.model.violations).toBe(0);
  });

  it('dynamic quorum goes down to the last node standing; losing the node that kept the vote on the way stops it (3 nodes: one failure, then 50/50)', () => {
    const last = cluster({ nodes: 3 });
    last.run(20 * SEC);
    last.cmd({ type: 'crashNode', node: 'node-3' });
    last.run(40 * SEC);
    // node-2's vote was zeroed when two nodes were left
    expect(last.model.members.state[0]!.committed.votes.slice(0, 3)).toEqual([1, 0, 0]);
    last.cmd({ type: 'crashNode', node: 'node-2' });
    last.run(60 * SEC);
    expect(last.model.members.inService(0)).toBe(true);
    expect(last.onlineOn('sql')).toEqual(['node-1']);
    expect(last.onlineOn('files')).toEqual(['node-1']);

    const lost = cluster({ nodes: 3 });
    lost.run(20 * SEC);
    lost.cmd({ type: 'crashNode', node: 'node-3' });
    lost.run(40 * SEC);
    lost.cmd({ type: 'crashNode', node: 'node-1' });
    lost.run(60 * SEC);
    expect(lost.model.members.inService(1)).toBe(false);
    expect(lost.onlineOn('files')).toEqual([]);
  });

  it('four nodes and a disk witness survive two failures at once (4+W: two at once OK)', () => {
    const w = cluster({ nodes: 4, witness: 'disk' });
    w.run(20 * SEC);
    w.cmd({ type: 'crashNode', node: 'node-1' });
    w.cmd({ type: 'crashNode', node: 'node-2' });
    w.run(80 * SEC);
    expect(w.model.members.inService(2) && w.model.members.inService(3)).toBe(true);
    expect(w.onlineOn('sql').length + w.onlineOn('files').length).toBe(2);
  });

  it('a file-share witness keeps no database: a node that was down while the cluster changed cannot form it alone with it (no partition in time); a disk witness, with its copy, lets it', () => {
    for (const [witness, forms] of [['share', false], ['disk', true]] as const) {
      // the fixed majority, so that one node and the witness have a majority
      const c = cluster({ nodes: 2, witness, dynamicQuorum: false });
      c.run(20 * SEC);
      c.cmd({ type: 'crashNode', node: 'node-2' });
      // File Server fails over to node-1: the database changes while node-2 is down
      c.runUntil(() => c.onlineOn('files').includes('node-1'), 90 * SEC);
      c.run(5 * SEC);
      c.cmd({ type: 'crashNode', node: 'node-1' });
      c.run(5 * SEC);
      c.cmd({ type: 'restartNode', node: 'node-2' });
      c.run(90 * SEC);
      expect(c.model.members.inService(1), witness).toBe(forms);
      if (!forms) expect(c.events('regroupFailed').some((e) => e.node === 'node-2' && e.a === 1)).toBe(true);
      // it read the latest database from the disk: SQL Server comes online here (File Server already used its one failover in 6 h)
      else expect(c.onlineOn('sql')).toEqual(['node-2']);
    }
  });
});

describe('quorum switched back on', () => {
  it('after a split run without quorum, the side without a majority of every vote stops at once; the other keeps running', () => {
    const c = cluster({ nodes: 3, witness: 'none', quorum: false });
    c.run(20 * SEC);
    c.cmd({ type: 'partition', side: ['node-1'] });
    c.run(60 * SEC);
    // without quorum both sides run, each as a cluster of its own
    expect([0, 1, 2].map((m) => c.model.members.inService(m))).toEqual([true, true, true]);
    const at = c.sim.nowUs;
    c.cmd({ type: 'setQuorum', on: true });
    // every vote counts again (a static count of all three), so node-1 alone holds 1 of 3 and stops now, not at its next check
    expect(c.events('quorumLost').filter((e) => e.t >= at).map((e) => [e.node, e.t - at])).toEqual([['node-1', 0]]);
    expect(c.model.members.state[0]!.committed.votes).toEqual([1, 1, 1, 0]);
    expect([0, 1, 2].map((m) => c.model.members.inService(m))).toEqual([false, true, true]);
    c.run(60 * SEC);
    expect(c.model.members.inService(1) && c.model.members.inService(2)).toBe(true);
    expect(c.onlineOn('files')).toHaveLength(1);
    expect(c.onlineOn('sql')).toHaveLength(1);
  });

  it('with a witness, the static count includes its vote: two of three nodes and no witness is still a majority of four', () => {
    const c = cluster({ nodes: 3, witness: 'disk', quorum: false });
    c.run(20 * SEC);
    c.cmd({ type: 'setQuorum', on: true });
    expect(c.model.members.state[1]!.committed.votes).toEqual([1, 1, 1, 1]);
    expect(c.events('quorumLost')).toHaveLength(0);
  });
});
