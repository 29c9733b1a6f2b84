import { describe, expect, it } from 'vitest';
import { cluster, SEC } from './testkit';

describe('heartbeats on every network (SEMANTICS §1: per-route heartbeats, SameSubnetThreshold 10)', () => {
  it('cutting one of a node’s two networks downs that route after 10 missed heartbeats, and nothing else happens', () => {
    const c = cluster();
    c.run(20 * SEC);
    c.cmd({ type: 'cutLink', link: 'node-2~ic' });
    const cut = c.sim.nowUs;
    c.run(60 * SEC);
    const down = c.events('routeDown').filter((e) => e.peer === 'node-2' && e.node === 'node-1');
    expect(down).toHaveLength(1);
    expect(down[0]!.msg).toBe(0);
    // 10 periods without one, checked once a period
    expect(down[0]!.t - cut).toBeGreaterThanOrEqual(10 * SEC);
    expect(down[0]!.t - cut).toBeLessThanOrEqual(11 * SEC);
    expect(c.events('heartbeatMissed')).toHaveLength(0);
    expect(c.events('groupFailover')).toHaveLength(0);
    expect(c.model.nodes.every((_, k) => c.model.members.inService(k))).toBe(true);
    expect(c.onlineOn('files')).toEqual(['node-2']);
  });

  it('a node is lost only when all its routes are: cutting both of node-2’s links loses it 10–11 s later', () => {
    const c = cluster();
    c.run(20 * SEC);
    c.cmd({ type: 'cutLink', link: 'node-2~ic' });
    c.cmd({ type: 'cutLink', link: 'node-2~pub' });
    const cut = c.sim.nowUs;
    c.run(30 * SEC);
    const lost = c.events('heartbeatMissed').filter((e) => e.peer === 'node-2');
    expect(lost.length).toBeGreaterThan(0);
    expect(lost[0]!.t - cut).toBeGreaterThanOrEqual(10 * SEC);
    expect(lost[0]!.t - cut).toBeLessThanOrEqual(11 * SEC);
  });

  it('a lossy interconnect with a healthy public network re-routes, it does not evict (90 % loss for 5 minutes)', () => {
    for (const seed of [1, 2, 3]) {
      const c = cluster({}, seed);
      c.run(20 * SEC);
      c.cmd({ type: 'setLink', link: 'node-1~ic', lossRate: 0.9 });
      c.run(300 * SEC);
      expect(c.events('heartbeatMissed'), `seed ${seed}`).toHaveLength(0);
      expect(c.events('quorumLost'), `seed ${seed}`).toHaveLength(0);
      expect(c.events('groupFailover'), `seed ${seed}`).toHaveLength(0);
      expect(c.onlineOn('sql')).toEqual(['node-1']);
    }
  });

  it('cluster traffic to a peer takes its best route: the public network once the interconnect is lossy', () => {
    const c = cluster();
    c.run(20 * SEC);
    const pub = c.sim.net.netIndex('pub');
    const ic = c.sim.net.netIndex('ic');
    expect(c.model.beats.bestNet(c.m('node-1'), c.m('node-2'))).toBe(ic);
    c.cmd({ type: 'setLink', link: 'node-1~ic', lossRate: 0.9 });
    c.run(20 * SEC);
    expect(c.model.beats.bestNet(c.m('node-1'), c.m('node-2'))).toBe(pub);
  });
});
