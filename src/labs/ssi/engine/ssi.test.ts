import { describe, expect, it } from 'vitest';
import { applyCommand, type EngineCommand } from '../../../engine/commands';
import { createSimulation } from '../../../engine/createSimulation';
import { beowulfWorld } from '../../parallel/engine/world';
import type { SsiModel } from './ssiModel';

const SEC = 1_000_000;

function ssi() {
  const sim = createSimulation(beowulfWorld({ nodes: 4, ssi: true }), 1);
  const model = sim.models.find((m) => m.name === 'ssi') as SsiModel;
  const cmd = (c: EngineCommand) => expect(applyCommand(sim, c)).toBeNull();
  const settle = () => sim.runUntil(sim.nowUs + 1 * SEC);
  return { sim, model, cmd, settle };
}

describe('single-system image (CL-MIDDLEWARE, CL-SSI)', () => {
  it('single entry point: logins to the cluster’s one address land on the least loaded nodes, and a failed node’s sessions are gone', () => {
    const s = ssi();
    for (let i = 0; i < 8; i++) s.cmd({ type: 'ssiLogin' });
    s.settle();
    const per = new Map<number, number>();
    for (const x of s.model.sessions) per.set(x.node, (per.get(x.node) ?? 0) + 1);
    expect([...per.values()]).toEqual([2, 2, 2, 2]);
    s.cmd({ type: 'crashNode', node: 'n01' });
    expect(s.model.sessions).toHaveLength(6);
  });

  it('single memory space: a page not held locally is fetched from its owner; a write invalidates the other copies and moves ownership', () => {
    const s = ssi();
    const n = (id: string) => s.sim.net.node(id)!.index;
    // page 1 starts on n02; n01 reads it: one remote fetch, then a local hit
    s.cmd({ type: 'ssiTouch', node: 'n01', page: 1, write: false });
    s.settle();
    expect(s.model.remoteFetches).toBe(1);
    expect(s.model.copies[1]!.has(n('n01'))).toBe(true);
    s.cmd({ type: 'ssiTouch', node: 'n01', page: 1, write: false });
    expect(s.model.localHits).toBe(1);
    // n03 writes it: fetch, then the copies on n01 and n02 are invalidated
    s.cmd({ type: 'ssiTouch', node: 'n03', page: 1, write: true });
    s.settle();
    expect(s.model.owner[1]).toBe(n('n03'));
    expect(s.model.invalidations).toBe(2);
    expect([...s.model.copies[1]!]).toEqual([n('n03')]);
  });

  it('single control point: one administrative change is applied on every node; single I/O space: a node reads another’s disk', () => {
    const s = ssi();
    s.cmd({ type: 'ssiAdmin' });
    s.settle();
    expect(s.model.applied[1]).toBe(4);
    s.cmd({ type: 'ssiRead', node: 'n01', file: 2 });
    s.settle();
    expect(s.model.remoteReads).toBe(1);
    const delivered = s.sim.trace.recentInOrder().filter((e) => e.type === 'messageDelivered' && e.a === 64_000);
    expect(delivered.length).toBeGreaterThan(0);
  });
});

describe('single virtual network and single user interface (CL-SSI)', () => {
  const sent = (s: ReturnType<typeof ssi>, after: number) =>
    s.sim.trace.recentInOrder().filter((e) => e.type === 'messageSent' && e.t >= after).map((e) => [s.sim.net.nodes[e.node]!.id, s.sim.net.nodes[e.peer]!.id, e.b]);

  it('a node calls a service at the cluster’s address; the entry point forwards it to the node running it; the answer comes back through the address', () => {
    const s = ssi();
    const n = (id: string) => s.sim.net.node(id)!.index;
    // the database (service 0) runs on n02
    expect(s.model.net.serviceAt[0]).toBe(n('n02'));
    s.sim.runUntil(3 * SEC);
    const t0 = s.sim.nowUs;
    s.cmd({ type: 'ssiService', node: 'n01', service: 0 });
    s.settle();
    const mine = sent(s, t0).filter(([, , kind]) => [24, 25, 28, 29].includes(kind as number));
    expect(mine).toEqual([['n01', 'head', 24], ['head', 'n02', 25], ['n02', 'head', 28], ['head', 'n01', 29]]);
    const fwd = s.sim.trace.recentInOrder().find((e) => e.type === 'ssiForwarded')!;
    expect([fwd.node, fwd.peer, fwd.a, fwd.b]).toEqual([n('head'), n('n02'), 0, n('n01')]);
    expect(s.model.stats()).toMatchObject({ ssiNetCalls: 1, ssiNetForwarded: 1, ssiNetAnswered: 1 });
    expect(s.model.net.lastCall).toMatchObject({ from: n('n01'), service: 0, node: n('n02') });
    expect(s.model.net.lastCall!.rttUs).toBeGreaterThan(0);
    // every service, from every node, by the same address
    for (const from of ['n01', 'n02', 'n03', 'n04']) for (let k = 0; k < 3; k++) s.cmd({ type: 'ssiService', node: from, service: k });
    s.settle();
    expect(s.model.stats().ssiNetAnswered).toBe(13);
    expect(applyCommand(s.sim, { type: 'ssiService', node: 'n01', service: 3 })?.code).toBe('outOfRange');
  });

  it('the console’s view is gathered from every node: each reports its own sessions, pages and configuration', () => {
    const s = ssi();
    for (let i = 0; i < 6; i++) s.cmd({ type: 'ssiLogin' });
    s.cmd({ type: 'ssiAdmin' });
    s.settle();
    const t0 = s.sim.nowUs;
    s.cmd({ type: 'ssiConsole' });
    s.settle();
    const v = s.model.net.lastView!;
    expect(v.rows.map((r) => r.missing)).toEqual([false, false, false, false]);
    for (const r of v.rows) {
      expect(r.sessions).toBe(s.model.sessions.filter((x) => x.node === r.node).length);
      expect(r.pages).toBe(4);
      expect(r.version).toBe(1);
    }
    expect(v.rows.reduce((a, r) => a + r.sessions, 0)).toBe(6);
    // one request fanned out to the four nodes, four answers, one merged view back to the console
    const kinds = sent(s, t0).map(([from, to, kind]) => `${from}>${to}:${kind}`);
    expect(kinds.filter((k) => k.endsWith(':25'))).toHaveLength(4);
    expect(kinds.filter((k) => k.endsWith(':28'))).toHaveLength(4);
    expect(kinds).toContain('campus>head:24');
    expect(kinds).toContain('head>campus:29');
    // all answered: the view did not wait for the timeout
    expect(v.gatheredUs - v.askedUs).toBeLessThan(100_000);
    expect(s.model.stats().ssiViews).toBe(1);
  });

  it('the console keeps working when a node fails: after the timeout the view shows that node missing, and the rest as they are', () => {
    const s = ssi();
    s.cmd({ type: 'crashNode', node: 'n03' });
    s.cmd({ type: 'ssiAdmin' });
    s.settle();
    s.cmd({ type: 'restartNode', node: 'n03' });
    s.cmd({ type: 'crashNode', node: 'n04' });
    s.cmd({ type: 'ssiConsole' });
    s.settle();
    const v = s.model.net.lastView!;
    const row = (id: string) => v.rows.find((r) => r.node === s.sim.net.node(id)!.index)!;
    expect(row('n04').missing).toBe(true);
    expect(row('n01').missing).toBe(false);
    // n03 was down during the change: it tells the console it still has version 0, the others 1
    expect(row('n03')).toMatchObject({ missing: false, version: 0 });
    expect(row('n01').version).toBe(1);
    expect(v.gatheredUs - v.askedUs).toBeGreaterThanOrEqual(500_000);
    const gathered = s.sim.trace.recentInOrder().find((e) => e.type === 'ssiViewGathered')!;
    expect([gathered.a, gathered.b]).toEqual([3, 4]);
  });
});

describe('distributed shared memory: a write leaves no stale copy', () => {
  it('the owner’s own write invalidates the others’ read copies too', () => {
    const s = ssi();
    const page = 1;
    const owner = s.sim.net.nodes[s.model.owner[page]!]!.id;
    const reader = ['n01', 'n02', 'n03', 'n04'].find((id) => id !== owner)!;
    s.cmd({ type: 'ssiTouch', node: reader, page, write: false });
    s.settle();
    expect(s.model.copies[page]!.size).toBe(2);
    s.cmd({ type: 'ssiTouch', node: owner, page, write: true });
    s.settle();
    expect([...s.model.copies[page]!]).toEqual([s.model.owner[page]]);
  });
});
