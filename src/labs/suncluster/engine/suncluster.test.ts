import { describe, expect, it } from 'vitest';
import { applyCommand } from '../../../engine/commands';
import type { Message } from '../../../engine/model';
import { stepsFor } from './gfs';
import { SUN_FILES, SUN_MSG, fileByPath } from './spec';
import { SEC, sunTestWorld } from './testWorld';
import type { SunOptions } from './world';

function sun(o: SunOptions = {}, seed = 1) {
  const { sim, model, cmd, idx } = sunTestWorld(o, seed);
  const util = (id: string) => sim.net.node(id)!.utilization(sim.nowUs);
  /** Runs until the node's file operations are all done. */
  const settle = (limitUs = 5 * SEC) => {
    const end = sim.nowUs + limitUs;
    while (model.fs.pending.size > 0 && sim.nowUs < end && sim.step());
  };
  const last = () => model.fs.results[model.fs.results.length - 1]!;
  return { sim, model, cmd, idx, util, settle, last };
}

describe('networking designs (SUN-NET-OPTIONS)', () => {
  it('with all protocol processing on one node, that node saturates first as the load grows; the packet filter spreads the same work', () => {
    const single = sun({ design: 'single', sessions: 6 });
    single.sim.runUntil(10 * SEC);
    expect(single.util('sun-1')).toBeGreaterThan(0.95);
    for (const n of ['sun-2', 'sun-3', 'sun-4']) expect(single.util(n)).toBeLessThan(0.5);
    const filter = sun({ design: 'filter', sessions: 6 });
    filter.sim.runUntil(10 * SEC);
    // the same offered load: the filter answers more requests, and no node is pinned at 100 %
    expect(filter.model.users.completed).toBeGreaterThan(single.model.users.completed * 1.3);
    for (const n of ['sun-1', 'sun-2', 'sun-3', 'sun-4']) expect(filter.util(n)).toBeLessThan(0.95);
  });

  it('with one address per node the cluster is not transparent: each client talks to the node it picked, and when that node’s application fails over to another address its clients’ requests fail', () => {
    const b = sun({ design: 'perNode', sessions: 1 });
    b.sim.runUntil(5 * SEC);
    const addrs = new Set(b.model.users.sessions.filter((s) => s.active).map((s) => s.addr));
    expect(addrs.size).toBe(4);
    const failedBefore = b.model.users.failed;
    b.cmd({ type: 'crashNode', node: 'sun-2' });
    b.sim.runUntil(40 * SEC);
    // the application moved to another node, with another address...
    expect(b.model.net.movedTo.get(b.idx('sun-2'))).toBeDefined();
    expect(b.model.net.log.some((e) => e.what === 'moved' && e.peer === b.idx('sun-2'))).toBe(true);
    // ...but its clients still send to the old one, and give up request after request
    expect(b.model.users.failed - failedBefore).toBeGreaterThanOrEqual(2);
    const stuck = b.model.users.sessions.filter((s) => s.active && s.addr === 1);
    expect(stuck.every((s) => s.conn < 0 || s.waiting)).toBe(true);
  });

  it('the design switches at run time, and new connections follow it', () => {
    const b = sun({ design: 'filter' });
    b.sim.runUntil(3 * SEC);
    b.cmd({ type: 'sunSetDesign', design: 'single' });
    b.sim.runUntil(8 * SEC);
    // all TCP state is now on the protocol node
    expect(b.model.net.tcp.get(b.idx('sun-1'))!.size).toBeGreaterThan(0);
    for (const n of ['sun-2', 'sun-3', 'sun-4']) expect(b.model.net.tcp.get(b.idx(n))?.size ?? 0).toBe(0);
    expect(applyCommand(b.sim, { type: 'sunLoad', sessions: 99 })?.code).toBe('outOfRange');
  });
});

describe('the packet filter (SUN-NET-FILTER)', () => {
  it('new connections are balanced over the nodes, and the configuration database says which node has each', () => {
    const b = sun({ design: 'filter', sessions: 4 });
    b.sim.runUntil(6 * SEC);
    const owners = new Set([...b.model.net.table.values()].map((e) => e.node));
    expect(owners.size).toBe(4);
    for (const s of b.model.net.served) expect(s).toBeGreaterThan(0);
  });

  it('packets come in at the interface node, go over the interconnect to the owner, and the replies go back out through the interface node', () => {
    const b = sun({ design: 'filter', sessions: 2 });
    b.sim.runUntil(4 * SEC);
    const sent = b.sim.trace.recentInOrder().filter((e) => e.type === 'messageSent');
    const g = b.idx('sun-1');
    expect(sent.filter((e) => e.b === SUN_MSG.packet).every((e) => e.peer === g)).toBe(true);
    expect(sent.filter((e) => e.b === SUN_MSG.reply).every((e) => e.node === g)).toBe(true);
    expect(sent.filter((e) => e.b === SUN_MSG.forward).every((e) => e.node === g && e.peer !== g)).toBe(true);
    expect(sent.filter((e) => e.b === SUN_MSG.outbound).every((e) => e.peer === g)).toBe(true);
    // the forwarded packet's route is the private interconnect
    const fwd = sent.find((e) => e.b === SUN_MSG.forward)!;
    expect(b.sim.net.nextLink(fwd.node, fwd.peer)).toBe(b.sim.net.link('sun-1~ic')!.index);
  });

  it('when the interface node fails another node takes the address over; connections owned by the other nodes survive, the failed node’s own are reset', () => {
    // long-lived connections (a thousand requests each), so they are all still open when the node fails
    const b = sun({ design: 'filter', sessions: 3, overrides: { requestsPerConn: 1000 } });
    b.sim.runUntil(5 * SEC);
    const g = b.idx('sun-1');
    const before = [...b.model.net.table.values()].map((e) => ({ ...e }));
    const onOthers = before.filter((e) => e.node !== g);
    const onG = before.filter((e) => e.node === g);
    expect(onOthers.length).toBeGreaterThan(0);
    expect(onG.length).toBeGreaterThan(0);
    b.cmd({ type: 'crashNode', node: 'sun-1' });
    b.sim.runUntil(12 * SEC);
    expect(b.model.iface).not.toBe(g);
    expect(b.model.net.log.some((e) => e.what === 'takeover' && e.peer === g)).toBe(true);
    // a connection that was still to carry requests went on carrying them on the same node
    const alive = onOthers.filter((e) => {
      const now = b.model.net.table.get(e.conn);
      return now !== undefined && now.requests > e.requests;
    });
    expect(alive.length).toBe(onOthers.length);
    // they waited for the takeover by retransmitting, as TCP does
    expect(b.model.users.retransmits).toBeGreaterThan(0);
    for (const e of alive) expect(b.model.net.table.get(e.conn)!.node).toBe(e.node);
    const resets = b.model.net.log.filter((e) => e.what === 'reset').map((e) => e.conn);
    for (const e of onOthers) expect(resets).not.toContain(e.conn);
    expect(onG.some((e) => resets.includes(e.conn))).toBe(true);
  });

  it('when a node that owns connections fails, its connections are reset and reopened on the others; the rest carry on', () => {
    const b = sun({ design: 'filter', sessions: 3, overrides: { requestsPerConn: 1000 } });
    b.sim.runUntil(5 * SEC);
    const victim = b.idx('sun-3');
    const before = [...b.model.net.table.values()].map((e) => ({ ...e }));
    b.cmd({ type: 'crashNode', node: 'sun-3' });
    b.sim.runUntil(12 * SEC);
    const resets = b.model.net.log.filter((e) => e.what === 'reset').map((e) => e.conn);
    for (const e of before) expect(resets.includes(e.conn)).toBe(e.node === victim);
    expect(b.model.iface).toBe(b.idx('sun-1'));
    // the clients connected again and the new connections went to the nodes still in the cluster
    expect([...b.model.net.table.values()].every((e) => e.node !== victim)).toBe(true);
    expect(b.model.net.table.size).toBe(18);
  });

  it('with all protocol processing on one node, losing that node loses every connection', () => {
    const b = sun({ design: 'single', sessions: 3, overrides: { requestsPerConn: 1000 } });
    b.sim.runUntil(5 * SEC);
    const open = [...b.model.net.table.keys()];
    expect(open.length).toBe(18);
    b.cmd({ type: 'crashNode', node: 'sun-1' });
    b.sim.runUntil(12 * SEC);
    const resets = b.model.net.log.filter((e) => e.what === 'reset').map((e) => e.conn);
    const survived = open.filter((c) => (b.model.net.table.get(c)?.requests ?? 0) > 0 && !resets.includes(c));
    expect(survived).toHaveLength(0);
    expect(b.model.users.resets).toBeGreaterThan(0);
    // the service itself comes back on the node that took the address
    const done = b.model.users.completed;
    b.sim.runUntil(16 * SEC);
    expect(b.model.users.completed).toBeGreaterThan(done);
  });
});

describe('the global file system (SUN-GFS, SUN-VNODE, SUN-CACHE)', () => {
  it('a process on any node opens a file by the same path; from a node without the disk the call goes vnode -> proxy -> invocation of the file object on the disk node', () => {
    const b = sun({ clients: 0 });
    for (const n of ['sun-1', 'sun-2', 'sun-3', 'sun-4']) b.cmd({ type: 'sunFileOp', node: n, op: 'read', path: '/global/www/index.html' });
    b.settle();
    const r = b.model.fs.results;
    expect(r).toHaveLength(4);
    expect(new Set(r.map((x) => x.version))).toEqual(new Set([1]));
    expect(r.find((x) => x.node === b.idx('sun-1'))!.via).toBe('primary');
    expect(r.find((x) => x.node === b.idx('sun-1'))!.remote).toBe(0);
    for (const x of r.filter((y) => y.node !== b.idx('sun-1'))) {
      expect(x.via).toBe('remote');
      // lookup www, lookup index.html, getattr, read: four invocations on a cold cache
      expect(x.remote).toBe(4);
    }
    const invokes = b.sim.trace.recentInOrder().filter((e) => e.type === 'messageSent' && e.b === SUN_MSG.invoke);
    expect(invokes.every((e) => e.peer === b.idx('sun-1'))).toBe(true);
  });

  it('the vnode interface serves every file system type: a node-local /tmp file takes no remote invocation at all', () => {
    expect(stepsFor('read', fileByPath('/tmp/scratch')!).map((s) => s.fn)).toEqual(['getattr', 'read']);
    const b = sun({ clients: 0 });
    b.cmd({ type: 'sunFileOp', node: 'sun-3', op: 'read', path: '/tmp/scratch' });
    b.settle();
    expect(b.last().via).toBe('local');
    expect(b.model.fs.remote).toBe(0);
  });

  it('caches of directory entries, attributes and contents cut remote invocations, with hits and misses counted', () => {
    const run = (caches: boolean) => {
      const b = sun({ clients: 0, caches });
      for (let i = 0; i < 5; i++) {
        b.cmd({ type: 'sunFileOp', node: 'sun-2', op: 'read', path: '/global/www/index.html' });
        b.settle();
      }
      return b.model.fs;
    };
    const on = run(true);
    const off = run(false);
    expect(on.remote).toBe(4);
    expect(off.remote).toBe(20);
    expect(on.misses).toBe(4);
    expect(on.hits).toBe(16);
    expect(on.hitsBy).toEqual({ dnlc: 8, attr: 4, data: 4 });
  });

  it('a cached read after a remote write sees the new data: the write invalidates the other nodes’ copies before it completes', () => {
    const b = sun({ clients: 0 });
    const read = (node: string) => {
      b.cmd({ type: 'sunFileOp', node, op: 'read', path: '/global/www/index.html' });
      b.settle();
      return b.last();
    };
    expect(read('sun-2').version).toBe(1);
    const cached = read('sun-2');
    expect(cached.remote).toBe(0);
    expect(cached.version).toBe(1);
    b.cmd({ type: 'sunFileOp', node: 'sun-3', op: 'write', path: '/global/www/index.html' });
    b.settle();
    expect(b.last().version).toBe(2);
    expect(b.model.fs.invalidations).toBe(1);
    expect(b.sim.trace.recentInOrder().some((e) => e.type === 'sunCacheInvalidated' && e.node === b.idx('sun-2'))).toBe(true);
    const after = read('sun-2');
    expect(after.version).toBe(2);
    // only the contents went: the directory entries are still cached
    expect(after.remote).toBe(2);
    // and the writer's own copy is the new one
    expect(read('sun-3').version).toBe(2);
  });

  it('a read on the disk node itself needs no invalidation message, and a write there still invalidates the others', () => {
    const b = sun({ clients: 0 });
    b.cmd({ type: 'sunFileOp', node: 'sun-4', op: 'read', path: '/global/www/index.html' });
    b.settle();
    b.cmd({ type: 'sunFileOp', node: 'sun-1', op: 'write', path: '/global/www/index.html' });
    b.settle();
    b.cmd({ type: 'sunFileOp', node: 'sun-4', op: 'read', path: '/global/www/index.html' });
    b.settle();
    expect(b.last().version).toBe(2);
    expect(applyCommand(b.sim, { type: 'sunFileOp', node: 'sun-2', op: 'read', path: '/nope' })?.code).toBe('unknownPath');
  });

  it('operations waiting on a crashed disk node block, and go on when it is back', () => {
    const b = sun({ clients: 0 });
    b.cmd({ type: 'crashNode', node: 'sun-1' });
    b.cmd({ type: 'sunFileOp', node: 'sun-2', op: 'stat', path: '/global/data/report.txt' });
    b.sim.runUntil(3 * SEC);
    expect(b.model.fs.pending.size).toBe(1);
    b.cmd({ type: 'restartNode', node: 'sun-1' });
    b.settle();
    expect(b.model.fs.pending.size).toBe(0);
    expect(b.last().op).toBe('stat');
  });
});

describe('one machine, IDL calls (SUN-SSI, SUN-CORBA)', () => {
  it('clients see one name and one address; inter-node calls are described as interface::operation(args)', () => {
    const b = sun({ design: 'filter', sessions: 1 });
    b.sim.runUntil(2 * SEC);
    const snap = b.model.snapshot();
    expect(snap.clusterName).toBe('suncluster');
    const dsts = new Set(b.sim.trace.recentInOrder().filter((e) => e.type === 'messageSent' && e.b === SUN_MSG.packet).map((e) => e.peer));
    expect(dsts.size).toBe(1);
    b.cmd({ type: 'sunFileOp', node: 'sun-2', op: 'read', path: '/global/www/index.html' });
    b.settle();
    const ids = b.sim.trace.recentInOrder().filter((e) => e.type === 'messageSent' && e.b === SUN_MSG.invoke).map((e) => e.msg);
    const calls = ids.map((id) => b.sim.describeMessage(id)!.call);
    expect(calls).toEqual([
      'pxfs::dir::lookup("www") @ /global',
      'pxfs::dir::lookup("index.html") @ /global/www',
      'pxfs::file::getattr() @ /global/www/index.html',
      'pxfs::file::read(off=0, len=8192) @ /global/www/index.html',
    ]);
    const pkt = b.sim.trace.recentInOrder().find((e) => e.type === 'messageSent' && e.b === SUN_MSG.packet)!;
    expect(b.sim.describeMessage(pkt.msg)!.packet).toBe('TCP -> 192.0.2.10:80');
    void (null as unknown as Message);
    expect(SUN_FILES.filter((f) => !f.local).every((f) => f.path.startsWith('/global'))).toBe(true);
  });
});
