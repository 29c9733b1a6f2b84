import { describe, expect, it } from 'vitest';
import { SITE_LINKS } from './world';
import { cluster, SEC } from './testkit';

/** Every live checker the cluster panel shows fires when its property breaks and stays quiet when it holds. */
describe('live checkers', () => {
  it('split brain: fires with quorum off when the sites split, quiet with quorum on for the same split', () => {
    for (const quorum of [false, true]) {
      const c = cluster({ quorum });
      c.run(20 * SEC);
      SITE_LINKS.forEach((link) => c.cmd({ type: 'cutLink', link }));
      c.run(60 * SEC);
      expect(c.model.violations > 0, `quorum ${quorum}`).toBe(!quorum);
      expect(c.events('invariantViolated').filter((e) => e.c !== 2).length > 0).toBe(!quorum);
    }
  });

  it('no committed transaction lost: fires when separate servers in high availability fail before copying what they told clients was committed; quiet in fault tolerance (a commit is answered once a copy holds it) and on connected disks', () => {
    const run = (config: 'separate' | 'active', mode: 'ha' | 'ft') => {
      const c = cluster({ nodes: 2, clients: 12, config, mode, txSteps: 4 });
      c.run(42 * SEC);
      c.cmd({ type: 'crashNode', node: 'node-1' });
      c.run(60 * SEC);
      return c.model.stats(c.sim.nowUs);
    };
    const ha = run('separate', 'ha');
    expect(ha.commitsLost).toBeGreaterThan(0);
    const ft = run('separate', 'ft');
    expect(ft.commitsLost).toBe(0);
    // fault tolerance still committed work: the checker is quiet because nothing was lost, not because nothing ran
    expect(ft.requestsCompleted).toBeGreaterThan(50);
    expect(run('active', 'ha').commitsLost).toBe(0);
  });

  it('failover timing: fires for a failover that has not completed when its bound is over (the cluster runs, the group cannot start anywhere); quiet for a normal one', () => {
    const c = cluster({ nodes: 3 });
    c.run(20 * SEC);
    // the other two nodes' copies of SQL Server's service fail whenever they start
    for (const m of [1, 2]) c.model.table.fault[m]![0]![3] = 'persistent';
    c.cmd({ type: 'crashNode', node: 'node-1' });
    const bound = c.model.clock.bound(0).total;
    c.run(bound + 3 * SEC);
    expect(c.model.clock.late).toBe(1);
    expect(c.events('invariantViolated').filter((e) => e.c === 2)).toHaveLength(1);

    const ok = cluster({ nodes: 3 });
    ok.run(20 * SEC);
    ok.cmd({ type: 'crashNode', node: 'node-1' });
    ok.run(60 * SEC);
    expect(ok.model.clock.late).toBe(0);
    expect(ok.model.clock.lastUs[0]).toBeGreaterThan(0);
    expect(ok.model.clock.lastUs[0]!).toBeLessThanOrEqual(ok.model.clock.bound(0).total);
  });

  it('the failover bound comes from the defaults: detection, regroups, witness and disk arbitration, and the resources’ start', () => {
    const b = cluster({ nodes: 2 }).model.clock.bound(0);
    expect(b).toEqual({ detection: 11 * SEC, regroup: 2 * SEC, witness: 10 * SEC, arbitration: 10 * SEC, online: 5 * SEC, slack: SEC, total: 39 * SEC });
    const shared = cluster({ nodes: 4, config: 'shared' }).model.clock.bound(0);
    // no disk to challenge and no witness: the old owner's lease fence instead (regroup period + lease + a check)
    expect(shared.witness).toBe(0);
    expect(shared.arbitration).toBe(7 * SEC);
  });
});
