import { describe, expect, it } from 'vitest';
import { bounds, layoutTopology, MIN_SEPARATION, type Point } from './layout';
import { addSyntheticClient, syntheticTopology } from './synthetic';

function expectNoOverlap(pos: Map<string, Point>): void {
  const pts = [...pos.entries()];
  for (let i = 0; i < pts.length; i++) {
    for (let j = i + 1; j < pts.length; j++) {
      const [ai, a] = pts[i]!;
      const [bi, b] = pts[j]!;
      const apart = Math.abs(a.x - b.x) >= MIN_SEPARATION.x || Math.abs(a.y - b.y) >= MIN_SEPARATION.y;
      if (!apart) expect.fail(`${ai} overlaps ${bi}`);
    }
  }
}

function xOf(pos: Map<string, Point>, id: string): number {
  return pos.get(id)!.x;
}

describe('layoutTopology', () => {
  it('is deterministic', () => {
    const topo = syntheticTopology({ clients: 40, switches: 4, servers: 2, dbs: 1 });
    const a = layoutTopology(topo);
    const b = layoutTopology(structuredClone(topo));
    expect([...b.entries()]).toEqual([...a.entries()]);
  });

  it('orders the layers left to right: clients, access, core, servers, db', () => {
    const pos = layoutTopology(syntheticTopology({ clients: 20, switches: 3, servers: 1, dbs: 1 }));
    expect(xOf(pos, 'client-1')).toBeLessThan(xOf(pos, 'sw1'));
    expect(xOf(pos, 'sw1')).toBeLessThan(xOf(pos, 'sw'));
    expect(xOf(pos, 'sw')).toBeLessThan(xOf(pos, 'app1'));
    expect(xOf(pos, 'app1')).toBeLessThan(xOf(pos, 'db1'));
  });

  it('keeps a few clients in one column and wraps many into several', () => {
    const few = layoutTopology(syntheticTopology({ clients: 5, switches: 1, servers: 1, dbs: 1 }));
    expect(new Set([1, 2, 3, 4, 5].map((i) => xOf(few, `client-${i}`))).size).toBe(1);
    const many = layoutTopology(syntheticTopology({ clients: 200, switches: 6, servers: 2, dbs: 1 }));
    const cols = new Set([...many.entries()].filter(([id]) => id.startsWith('client-')).map(([, p]) => p.x));
    expect(cols.size).toBeGreaterThan(1);
  });

  it('leaves existing nodes in place when a client is added', () => {
    for (const clients of [5, 12, 30, 200]) {
      const topo = syntheticTopology({ clients, switches: clients > 50 ? 5 : 1, servers: 1, dbs: 1 });
      let prev = layoutTopology(topo);
      for (let k = 1; k <= 15; k++) {
        addSyntheticClient(topo, clients > 50 ? 'sw2' : 'sw', clients + k);
        const next = layoutTopology(topo, prev);
        for (const [id, p] of prev) expect(next.get(id)).toEqual(p);
        expect(next.has(`client-${clients + k}`)).toBe(true);
        expectNoOverlap(next);
        prev = next;
      }
    }
  });

  it('grows a small block into a compact one when many clients arrive at once', () => {
    const prev = layoutTopology(syntheticTopology({ clients: 5, switches: 1, servers: 1, dbs: 1 }));
    const t0 = performance.now();
    const next = layoutTopology(syntheticTopology({ clients: 1000, switches: 1, servers: 1, dbs: 1 }), prev);
    expect(performance.now() - t0).toBeLessThan(2000);
    for (const [id, p] of prev) expect(next.get(id)).toEqual(p);
    expectNoOverlap(next);
    const b = bounds(next);
    expect((b.maxX - b.minX) / (b.maxY - b.minY)).toBeLessThan(4);
  });

  it('omits removed nodes and keeps the rest in place', () => {
    const topo = syntheticTopology({ clients: 8, switches: 1, servers: 1, dbs: 1 });
    const before = layoutTopology(topo);
    topo.nodes[topo.nodes.findIndex((n) => n.id === 'client-3')]!.removed = true;
    const after = layoutTopology(topo, before);
    expect(after.has('client-3')).toBe(false);
    expect(after.size).toBe(before.size - 1);
    for (const [id, p] of after) expect(p).toEqual(before.get(id));
  });

  it('places no two nodes on top of each other', () => {
    for (const clients of [1, 5, 13, 64, 200, 1000]) {
      expectNoOverlap(layoutTopology(syntheticTopology({ clients, switches: Math.ceil(clients / 40), servers: 3, dbs: 2 })));
    }
  });

  it('fits 1000 clients in a roughly panel-shaped block', () => {
    const pos = layoutTopology(syntheticTopology({ clients: 1000, switches: 26, servers: 3, dbs: 1 }));
    expect(pos.size).toBe(1000 + 26 + 3 + 1);
    const b = bounds(pos);
    const w = b.maxX - b.minX;
    const h = b.maxY - b.minY;
    expect(w / h).toBeGreaterThan(0.6);
    expect(w / h).toBeLessThan(3);
    // fitted into a 1280×800 panel a client (30 units wide) stays several pixels wide
    expect(Math.min(1280 / w, 800 / h) * 30).toBeGreaterThan(6);
    for (const p of pos.values()) expect(Number.isFinite(p.x) && Number.isFinite(p.y)).toBe(true);
  });

  it('lays out worlds without clients or without links', () => {
    const topo = syntheticTopology({ clients: 0, switches: 1, servers: 2, dbs: 1 });
    expectNoOverlap(layoutTopology(topo));
    topo.links = [];
    expect(layoutTopology(topo).size).toBe(topo.nodes.length);
    expect(layoutTopology({ version: 0, nodes: [], links: [] }).size).toBe(0);
  });
});

describe('bounds', () => {
  it('spans all points and is empty for none', () => {
    expect(bounds([{ x: 1, y: 5 }, { x: -2, y: 3 }])).toEqual({ minX: -2, minY: 3, maxX: 1, maxY: 5 });
    expect(bounds(new Map([['a', { x: 4, y: 4 }]]))).toEqual({ minX: 4, minY: 4, maxX: 4, maxY: 4 });
    expect(bounds([])).toEqual({ minX: 0, minY: 0, maxX: 0, maxY: 0 });
  });
});
