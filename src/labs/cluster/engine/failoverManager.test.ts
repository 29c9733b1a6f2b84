import { describe, expect, it } from 'vitest';
import { applyCommand } from '../../../engine/commands';
import { cluster, SEC } from './testkit';

const HOUR = 3600 * SEC;

describe('failover manager: where a group goes (SEMANTICS §1 "Owners")', () => {
  it('fails over to the next node after the failed one in the preferred order, unlisted nodes appended: {3,4} on four nodes is {3,4,1,2}, so a failure on 4 goes to 1', () => {
    const c = cluster({}, 1, (s) => (s.groups[0]!.preferredOwners = ['node-3', 'node-4']));
    c.run(20 * SEC);
    expect(c.onlineOn('sql')).toEqual(['node-3']);
    c.cmd({ type: 'moveGroup', group: 'sql', node: 'node-4' });
    c.runUntil(() => c.onlineOn('sql').includes('node-4'), 30 * SEC);
    c.cmd({ type: 'crashNode', node: 'node-4' });
    c.runUntil(() => c.onlineOn('sql').length > 0, 60 * SEC);
    expect(c.onlineOn('sql')).toEqual(['node-1']);
  });

  it('a move without a target goes to the next preferred owner after the current one', () => {
    const c = cluster({}, 1, (s) => (s.groups[0]!.preferredOwners = ['node-3', 'node-4']));
    c.run(20 * SEC);
    c.cmd({ type: 'moveGroup', group: 'sql' });
    c.runUntil(() => c.onlineOn('sql').length > 0 && !c.onlineOn('sql').includes('node-3'), 30 * SEC);
    expect(c.onlineOn('sql')).toEqual(['node-4']);
  });

  it('a planned move takes 5–6 s: offline on the old node first (1–2 s), then the global update, then online on the new one (5 s), never on both', () => {
    const c = cluster();
    c.run(20 * SEC);
    c.cmd({ type: 'moveGroup', group: 'sql', node: 'node-3' });
    const took = c.runUntil(() => c.onlineOn('sql').includes('node-3'), 30 * SEC);
    expect(took).toBeGreaterThan(5 * SEC);
    expect(took).toBeLessThan(8 * SEC);
    expect(c.model.violations).toBe(0);
  });
});

describe('FailoverThreshold (nodes − 1 failovers per 6 h) counts every failover, restart-threshold ones included', () => {
  it('two nodes allow one failover in 6 hours: the second leaves the group failed where it is, and says why', () => {
    const c = cluster({ nodes: 2 });
    c.run(20 * SEC);
    c.cmd({ type: 'crashNode', node: 'node-1' });
    c.runUntil(() => c.onlineOn('sql').includes('node-2'), 60 * SEC);
    c.cmd({ type: 'restartNode', node: 'node-1' });
    c.run(30 * SEC);
    expect(c.model.members.inService(0)).toBe(true);
    c.cmd({ type: 'crashNode', node: 'node-2' });
    c.run(90 * SEC);
    expect(c.events('failoverThresholdExceeded').length).toBeGreaterThan(0);
    expect(c.onlineOn('sql')).toEqual([]);
    expect(c.model.members.state[0]!.replica.blocked[0]).toBe(true);
    // moving it by hand lifts the hold
    c.cmd({ type: 'moveGroup', group: 'sql', node: 'node-1' });
    c.runUntil(() => c.onlineOn('sql').includes('node-1'), 30 * SEC);
    expect(c.onlineOn('sql')).toEqual(['node-1']);
  });

  it('the count is of the last 6 hours: once the first failover is older than that, the group may fail over again', () => {
    const c = cluster({ nodes: 2 });
    c.run(20 * SEC);
    c.cmd({ type: 'crashNode', node: 'node-1' });
    c.runUntil(() => c.onlineOn('sql').includes('node-2'), 60 * SEC);
    const first = c.sim.nowUs;
    c.cmd({ type: 'restartNode', node: 'node-1' });
    // past the FailoverPeriod (6 h) since that failover
    c.sim.runUntil(first + 6 * HOUR + 60 * SEC);
    expect(c.model.members.inService(0)).toBe(true);
    const at = c.sim.nowUs;
    c.cmd({ type: 'crashNode', node: 'node-2' });
    c.runUntil(() => c.onlineOn('sql').includes('node-1'), 120 * SEC);
    expect(c.onlineOn('sql')).toEqual(['node-1']);
    expect(c.events('failoverThresholdExceeded').filter((e) => e.t > at)).toHaveLength(0);
  });

  it('restart-threshold failovers count too: three nodes allow two; the third persistent fault keeps the group failed on its node', () => {
    const c = cluster({ nodes: 3 });
    c.run(20 * SEC);
    const where: string[] = [];
    for (let k = 0; k < 3; k++) {
      const owner = c.onlineOn('sql')[0]!;
      where.push(owner);
      c.cmd({ type: 'failResource', group: 'sql', resource: 'sql-svc', persistent: true });
      // four LooksAlive polls find it failed (three restarts, then the threshold): 20–30 s
      c.runUntil(() => (c.onlineOn('sql').length === 1 && c.onlineOn('sql')[0] !== owner) || c.model.members.state[0]!.replica.blocked[0]!, 120 * SEC);
      c.run(2 * SEC);
    }
    expect(where).toEqual(['node-1', 'node-2', 'node-3']);
    expect(c.events('restartThresholdExceeded')).toHaveLength(3);
    expect(c.events('failoverThresholdExceeded')).toHaveLength(1);
    expect(c.model.members.state[0]!.replica.blocked[0]).toBe(true);
    // held failed on node-3, its last owner
    expect(c.model.table.groupState(2, 0)).toBe('failed');
  });
});

describe('failback (AutoFailbackType, FailbackWindowStart/End)', () => {
  it('with a window from 01:00 to 02:00, a node back at 00:20 gets its group back when the window opens', () => {
    const c = cluster();
    c.cmd({ type: 'setFailback', group: 'sql', policy: 'window', window: [1, 2] });
    c.run(10 * 60 * SEC);
    c.cmd({ type: 'crashNode', node: 'node-1' });
    c.runUntil(() => c.onlineOn('sql').includes('node-2'), 60 * SEC);
    c.sim.runUntil(20 * 60 * SEC);
    c.cmd({ type: 'restartNode', node: 'node-1' });
    c.sim.runUntil(HOUR - 10 * SEC);
    expect(c.onlineOn('sql')).toEqual(['node-2']);
    expect(c.events('failbackWaiting').length).toBeGreaterThan(0);
    // the panel's "waits N s": from when it was said to 1:00:00
    const said = c.events('failbackWaiting')[0]!;
    expect(said.a).toBe(Math.round((HOUR - said.t) / SEC));
    const back = c.runUntil(() => c.onlineOn('sql').includes('node-1'), 60 * SEC);
    // the window opens at 1:00:00; the move takes 5–8 s
    expect(c.sim.nowUs).toBeGreaterThan(HOUR + 5 * SEC);
    expect(back).toBeLessThan(20 * SEC);
  });

  it('a node back after the day’s window has closed waits for the next day’s: window 00:00–00:59, back at 01:05', () => {
    const c = cluster();
    c.cmd({ type: 'setFailback', group: 'sql', policy: 'window', window: [0, 0] });
    c.run(10 * 60 * SEC);
    c.cmd({ type: 'crashNode', node: 'node-1' });
    c.runUntil(() => c.onlineOn('sql').includes('node-2'), 60 * SEC);
    c.sim.runUntil(HOUR + 5 * 60 * SEC);
    c.cmd({ type: 'restartNode', node: 'node-1' });
    c.run(2 * 60 * SEC);
    expect(c.onlineOn('sql')).toEqual(['node-2']);
    const said = c.events('failbackWaiting')[0]!;
    expect(said.a).toBe(Math.round((24 * HOUR - said.t) / SEC));
  });

  it('inside the window it fails back as soon as the node is back; with failback prevented it stays', () => {
    for (const [policy, back] of [['window', true], ['prevent', false]] as const) {
      const c = cluster();
      c.cmd({ type: 'setFailback', group: 'sql', policy, window: [0, 1] });
      c.run(20 * SEC);
      c.cmd({ type: 'crashNode', node: 'node-1' });
      c.runUntil(() => c.onlineOn('sql').includes('node-2'), 60 * SEC);
      c.cmd({ type: 'restartNode', node: 'node-1' });
      c.run(40 * SEC);
      expect(c.onlineOn('sql'), policy).toEqual([back ? 'node-1' : 'node-2']);
    }
  });
});

describe('resource monitor: a failed resource restarts alone (RestartAction 2)', () => {
  it('the network name fails: the service (which needs it) goes offline and back after it; the IP address and the disk (which it and the service need) stay online', () => {
    const c = cluster();
    c.run(20 * SEC);
    const g = c.g('sql');
    const res = c.model.spec.groups[g]!.resources.map((r) => r.type);
    const start = c.seen.length;
    c.cmd({ type: 'failResource', group: 'sql', resource: 'sql-name' });
    c.run(15 * SEC);
    const changes = c.seen.slice(start).filter((e) => e.type === 'resourceStateChanged' && e.msg === g && e.node === 'node-1');
    const touched = new Set(changes.map((e) => res[e.a]));
    expect(touched).toEqual(new Set(['name', 'service']));
    expect(c.events('resourceRestarted')).toHaveLength(1);
    expect(c.onlineOn('sql')).toEqual(['node-1']);
  });
});

describe('a command the real cluster would refuse gets a clear refusal and changes nothing', () => {
  it('moves to a node that is down, not a possible owner, or already the owner; moves while the group is changing; window hours out of range', () => {
    const c = cluster({}, 1, (s) => (s.groups[1]!.possibleOwners = ['node-1', 'node-2']));
    c.run(20 * SEC);
    c.cmd({ type: 'crashNode', node: 'node-4' });
    c.run(20 * SEC);
    const before = c.model.members.state[0]!.replica.seq;
    expect(applyCommand(c.sim, { type: 'moveGroup', group: 'sql', node: 'node-4' })?.code).toBe('notMember');
    expect(applyCommand(c.sim, { type: 'moveGroup', group: 'sql', node: 'node-9' })?.code).toBe('unknownNode');
    expect(applyCommand(c.sim, { type: 'moveGroup', group: 'files', node: 'node-3' })?.code).toBe('notPossibleOwner');
    expect(applyCommand(c.sim, { type: 'moveGroup', group: 'sql', node: 'node-1' })?.code).toBe('alreadyOwner');
    expect(applyCommand(c.sim, { type: 'setFailback', group: 'sql', policy: 'window', window: [25, 3] })).toMatchObject({ code: 'outOfRange', params: { field: 'failbackWindowStart' } });
    expect(applyCommand(c.sim, { type: 'setFailback', group: 'sql', policy: 'window', window: [3, -1] })).toMatchObject({ code: 'outOfRange', params: { field: 'failbackWindowEnd' } });
    expect(c.model.spec.groups[0]!.failback).toBe('prevent');
    c.cmd({ type: 'moveGroup', group: 'sql', node: 'node-2' });
    expect(applyCommand(c.sim, { type: 'moveGroup', group: 'sql', node: 'node-3' })?.code).toBe('groupPending');
    c.run(10 * SEC);
    expect(c.model.members.state[0]!.replica.seq).toBe(before + 1);
    expect(c.onlineOn('sql')).toEqual(['node-2']);
  });

  it('a move while no node has quorum is refused', () => {
    const c = cluster({ nodes: 3 });
    c.run(20 * SEC);
    c.cmd({ type: 'crashNode', node: 'node-2' });
    c.cmd({ type: 'crashNode', node: 'node-3' });
    c.run(30 * SEC);
    expect(applyCommand(c.sim, { type: 'moveGroup', group: 'sql' })?.code).toBe('noQuorum');
  });
});
