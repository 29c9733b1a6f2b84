import { describe, expect, it } from 'vitest';
import { applyCommand } from '../../../engine/commands';
import { SUN_MSG } from './spec';
import { SEC, sunTestWorld } from './testWorld';

const sun = sunTestWorld;

describe('global process management (SUN-PROC)', () => {
  const agree = (b: ReturnType<typeof sun>, node: string) => {
    const view = b.model.procs.views.get(b.idx(node))!;
    return [...b.model.procs.table.values()].every((p) => view.get(p.pid) === p.node);
  };

  it('process ids are unique in the whole cluster, and every node knows where each process runs', () => {
    const b = sun({ clients: 0 });
    const pids = [...b.model.procs.table.keys()];
    expect(new Set(pids).size).toBe(pids.length);
    expect(new Set([...b.model.procs.table.values()].map((p) => p.node)).size).toBe(4);
    for (const n of ['sun-1', 'sun-2', 'sun-3', 'sun-4']) expect(agree(b, n)).toBe(true);
  });

  it('a process migrates with all its threads, by an invocation, and every node learns its new place', () => {
    const b = sun({ clients: 0 });
    const p = [...b.model.procs.table.values()].find((x) => x.node === b.idx('sun-1') && x.threads > 1)!;
    b.cmd({ type: 'sunMigrate', pid: p.pid, node: 'sun-3' });
    b.sim.runUntil(1 * SEC);
    const moved = b.model.procs.table.get(p.pid)!;
    expect(moved.node).toBe(b.idx('sun-3'));
    expect(moved.threads).toBe(p.threads);
    for (const n of ['sun-1', 'sun-2', 'sun-3', 'sun-4']) expect(agree(b, n)).toBe(true);
    const call = b.sim.trace.recentInOrder().find((e) => e.type === 'messageSent' && e.b === SUN_MSG.invoke)!;
    expect(b.sim.describeMessage(call.msg)!.call).toBe(`proc::process::migrate(pid=${p.pid}, threads=${p.threads}, to=node ${b.idx('sun-3')})`);
    // without a node named, it goes to the least loaded one
    b.cmd({ type: 'sunMigrate', pid: p.pid });
    b.sim.runUntil(2 * SEC);
    expect(b.model.procs.table.get(p.pid)!.node).not.toBe(b.idx('sun-3'));
    expect(applyCommand(b.sim, { type: 'sunMigrate', pid: 9999 })?.code).toBe('unknownProcess');
  });

  it('when a node fails its processes restart on the survivors with the same pids, and the survivors’ tables follow', () => {
    const b = sun({ clients: 0 });
    const victims = [...b.model.procs.table.values()].filter((x) => x.node === b.idx('sun-2')).map((x) => x.pid);
    b.cmd({ type: 'crashNode', node: 'sun-2' });
    b.sim.runUntil(3 * SEC);
    for (const pid of victims) {
      const p = b.model.procs.table.get(pid)!;
      expect(p.state).toBe('running');
      expect(p.node).not.toBe(b.idx('sun-2'));
    }
    expect(b.model.procs.recovered).toBe(victims.length);
    for (const n of ['sun-1', 'sun-3', 'sun-4']) expect(agree(b, n)).toBe(true);
  });
});
