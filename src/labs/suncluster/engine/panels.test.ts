import { describe, expect, it } from 'vitest';
import { applyCommand } from '../../../engine/commands';
import { SUN_DESIGNS, SUN_FILES, SUN_MSG, SUN_SESSIONS } from './spec';
import { SEC, sunTestWorld } from './testWorld';

// What the Sun Cluster panels, inspector and commands show a user.


describe('the Sun Cluster panels', () => {
  it('shows the cluster’s name and address, each node’s own address, who is up, and the connections each owns', () => {
    const w = sunTestWorld({ design: 'filter', sessions: 3 });
    w.sim.runUntil(4 * SEC);
    let s = w.model.snapshot();
    expect(s.clusterName).toBe('suncluster');
    expect(s.sharedAddress).toBe('192.0.2.10');
    expect(s.design).toBe('filter');
    expect(s.sessions).toBe(3);
    expect(s.caches).toBe(true);
    expect(s.nodes).toEqual(['sun-1', 'sun-2', 'sun-3', 'sun-4'].map(w.idx));
    expect(s.addresses).toEqual(['192.0.2.11', '192.0.2.12', '192.0.2.13', '192.0.2.14']);
    expect(s.members).toEqual([true, true, true, true]);
    expect(s.up).toEqual([true, true, true, true]);
    expect(s.iface).toBe(w.idx('sun-1'));
    const st = w.model.stats(w.sim.nowUs);
    expect(s.owned.reduce((a, b) => a + b, 0)).toBe(st.openConnections);
    expect(st.openConnections).toBe(w.model.net.table.size);
    expect(s.owned.filter((n) => n > 0).length).toBeGreaterThan(1);
    for (const u of s.util) expect(u).toBeGreaterThan(0);
    // every node knows where every process runs
    expect(s.agree).toEqual(s.nodes.map(() => s.procs.length));
    expect(st.requestsCompleted).toBeGreaterThan(0);
    expect(st.ifaceUtil).toBeGreaterThan(0);
    expect(st.othersUtil).toBeGreaterThan(0);
    w.cmd({ type: 'crashNode', node: 'sun-3' });
    w.sim.runUntil(8 * SEC);
    s = w.model.snapshot();
    expect(s.up).toEqual([true, true, false, true]);
    expect(s.members).toEqual([true, true, false, true]);
    expect(s.owned[2]).toBe(0);
    w.cmd({ type: 'restartNode', node: 'sun-3' });
    s = w.model.snapshot();
    expect(s.members).toEqual([true, true, true, true]);
  });

  it('when the interface node fails the address moves to a node still up, and the others’ load is what the panel averages', () => {
    const w = sunTestWorld({ design: 'single', sessions: 4 });
    w.sim.runUntil(4 * SEC);
    const st = w.model.stats(w.sim.nowUs);
    // one node does all the protocol work: it is much busier than the average of the others
    expect(st.ifaceUtil).toBeGreaterThan(st.othersUtil! * 2);
    w.cmd({ type: 'crashNode', node: 'sun-1' });
    w.sim.runUntil(10 * SEC);
    const s = w.model.snapshot();
    expect(s.iface).not.toBe(w.idx('sun-1'));
    expect(s.up[s.nodes.indexOf(s.iface)]).toBe(true);
    expect(w.model.net.log.some((e) => e.what === 'takeover' && e.peer === w.idx('sun-1'))).toBe(true);
  });

  it('counts file operations, and a write shows as a new version of the file', () => {
    const w = sunTestWorld({ caches: true });
    const report = SUN_FILES.find((f) => f.path === '/global/data/report.txt')!;
    const version = () => (w.model.snapshot()).files.find((f) => f.fid === report.fid)!.version;
    expect(version()).toBe(1);
    expect((w.model.snapshot()).files.map((f) => f.path)).toEqual(SUN_FILES.map((f) => f.path));
    w.cmd({ type: 'sunFileOp', node: 'sun-2', op: 'write', path: report.path });
    w.sim.runUntil(w.sim.nowUs + SEC);
    expect(version()).toBe(2);
    w.cmd({ type: 'sunFileOp', node: 'sun-3', op: 'read', path: report.path });
    w.sim.runUntil(w.sim.nowUs + SEC);
    const st = w.model.stats(w.sim.nowUs);
    expect(st.fileOps).toBe(2);
    expect(st.remoteInvocations).toBeGreaterThan(0);
    expect(st.cacheHits! + st.cacheMisses!).toBeGreaterThan(0);
  });
});

describe('the Sun Cluster commands', () => {
  it('refuses a design, a load, a migration or a file operation that does not apply', () => {
    const w = sunTestWorld({ sessions: 2 });
    w.sim.runUntil(2 * SEC);
    const code = (c: Parameters<typeof applyCommand>[1]) => applyCommand(w.sim, c)?.code;
    expect(code({ type: 'sunSetDesign', design: 'mesh' as never })).toBe('outOfRange');
    expect(code({ type: 'sunLoad', sessions: SUN_SESSIONS.max + 1 })).toBe('outOfRange');
    expect(code({ type: 'sunLoad', sessions: SUN_SESSIONS.min - 1 })).toBe('outOfRange');
    expect(code({ type: 'sunLoad', sessions: 1.5 })).toBe('outOfRange');
    expect(code({ type: 'sunMigrate', pid: 999_999 })).toBe('unknownProcess');
    const p = (w.model.snapshot()).procs.find((x) => x.state === 'running')!;
    const here = w.sim.net.nodes[p.node]!.id;
    expect(code({ type: 'sunMigrate', pid: p.pid, node: here })).toBe('alreadyUp');
    expect(code({ type: 'sunMigrate', pid: p.pid, node: 'nope' })).toBe('unknownNode');
    expect(code({ type: 'sunMigrate', pid: p.pid, node: 'client-1' })).toBe('unknownNode');
    expect(code({ type: 'sunFileOp', node: 'nope', op: 'read', path: '/global/www/index.html' })).toBe('unknownNode');
    expect(code({ type: 'sunFileOp', node: 'client-1', op: 'read', path: '/global/www/index.html' })).toBe('unknownNode');
    expect(code({ type: 'sunFileOp', node: 'sun-2', op: 'read', path: '/nope' })).toBe('unknownPath');
    expect(code({ type: 'sunFileOp', node: 'sun-2', op: 'ls', path: '/global/www/index.html' })).toBe('unknownPath');
    expect(code({ type: 'sunFileOp', node: 'sun-2', op: 'read', path: '/global/www' })).toBe('unknownPath');
    expect(code({ type: 'sunFileOp', node: 'sun-2', op: 'ls', path: '/global/www' })).toBeUndefined();
    w.cmd({ type: 'crashNode', node: 'sun-4' });
    expect(code({ type: 'sunFileOp', node: 'sun-4', op: 'ls', path: '/global/www' })).toBe('alreadyDown');
    expect(code({ type: 'sunFileOp', node: 'sun-4', op: 'stat', path: '/global/www/logo.png' })).toBe('alreadyDown');
    expect(code({ type: 'sunMigrate', pid: p.pid, node: 'sun-4' })).toBe('unknownNode');
  });

  it('sets the design, the load and the caches, and says so in the trace', () => {
    const w = sunTestWorld({ design: 'filter', sessions: 2 });
    w.sim.runUntil(SEC);
    const last = () => w.sim.trace.recentInOrder().at(-1)!;
    w.cmd({ type: 'sunSetDesign', design: 'perNode' });
    expect([last().type, last().a]).toEqual(['sunDesignChanged', SUN_DESIGNS.indexOf('perNode') + 1]);
    expect((w.model.snapshot()).design).toBe('perNode');
    w.cmd({ type: 'sunLoad', sessions: 5 });
    expect([last().type, last().a]).toEqual(['sunLoadSet', 5]);
    w.cmd({ type: 'sunCaches', on: false });
    expect([last().type, last().a]).toEqual(['sunCachesSet', 0]);
    expect((w.model.snapshot()).caches).toBe(false);
    w.cmd({ type: 'sunCaches', on: true });
    expect([last().type, last().a]).toEqual(['sunCachesSet', 1]);
    // a migration without a node goes to another node, and every node learns it
    const p = (w.model.snapshot()).procs.find((x) => x.state === 'running')!;
    w.cmd({ type: 'sunMigrate', pid: p.pid });
    w.sim.runUntil(w.sim.nowUs + SEC);
    const moved = (w.model.snapshot()).procs.find((x) => x.pid === p.pid)!;
    expect(moved.node).not.toBe(p.node);
    const s = w.model.snapshot();
    expect(s.agree).toEqual(s.nodes.map(() => s.procs.length));
  });

  it('the inspector gives a client’s packet the shared address, or the node’s own one when each node has its own', () => {
    for (const design of ['filter', 'perNode'] as const) {
      const w = sunTestWorld({ design, sessions: 2 });
      let desc: Record<string, string | number> | null = null;
      let dst = -1;
      while (!desc && w.sim.nowUs < 5 * SEC && w.sim.step()) {
        const m = w.sim.inFlight.find((x) => x.kind === SUN_MSG.packet);
        if (m) {
          desc = w.sim.describeMessage(m.id);
          dst = m.dst;
        }
      }
      const text = JSON.stringify(desc);
      if (design === 'filter') expect(text).toContain('192.0.2.10');
      else expect(text).toContain(w.model.address(dst));
    }
  });
});
