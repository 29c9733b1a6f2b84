import { describe, expect, it } from 'vitest';
import type { TopologyView } from '../protocol';
import { GROUP_MIN } from './groups';
import { bounds, layoutTopology } from './layout';
import { buildScene } from './scene';

type NodeRow = TopologyView['nodes'][number];
type LinkRow = TopologyView['links'][number];

/** A Beowulf shaped like the engine's: a head node, a central switch, and racks of compute nodes behind their own switches. */
function racks(count: number, perRack: number): TopologyView {
  const nodes: NodeRow[] = [];
  const links: LinkRow[] = [];
  const add = (id: string, kind: NodeRow['kind']) => nodes.push({ id, kind, label: id, platform: kind === 'switch' ? 'network' : 'linux-server', removed: false }) - 1;
  const link = (a: number, b: number) => links.push({ id: `${a}~${b}`, a, b, removed: false });
  const eth = add('eth', 'switch');
  link(add('head', 'server'), eth);
  for (let r = 0; r < count; r++) {
    const sw = add(`rack-${r + 1}`, 'switch');
    link(sw, eth);
    for (let i = 0; i < perRack; i++) link(add(`n${r * perRack + i + 1}`, 'server'), sw);
  }
  return { version: 1, nodes, links };
}

describe('big networks read as groups (level of detail)', () => {
  it('lays a rack of servers out as a compact block, not a column hundreds of nodes tall', () => {
    const topo = racks(32, 32);
    const pos = layoutTopology(topo);
    const b = bounds(pos);
    // 1,024 nodes at the layout's 96 units per row would be a column 98,000 units tall
    expect(b.maxY - b.minY).toBeLessThan(10_000);
    // each rack's nodes stay together: the racks' vertical ranges do not interleave
    const span = (r: number) => {
      const ys = Array.from({ length: 32 }, (_, i) => pos.get(`n${r * 32 + i + 1}`)!.y);
      return [Math.min(...ys), Math.max(...ys)] as const;
    };
    for (let r = 1; r < 32; r++) expect(span(r)[0]).toBeGreaterThan(span(r - 1)[1]);
  });

  it('finds one group per rack, with its switch and all its nodes, and none for a few leaves', () => {
    const topo = racks(4, 32);
    const scene = buildScene(topo, layoutTopology(topo));
    expect(scene.groups.map((g) => topo.nodes[g.hub]!.label)).toEqual(['rack-1', 'rack-2', 'rack-3', 'rack-4']);
    expect(scene.groups.every((g) => g.members.length === 32)).toBe(true);
    for (const g of scene.groups) for (const i of g.members) expect(scene.wx[i]! > g.x0 && scene.wx[i]! < g.x1 && scene.wy[i]! > g.y0 && scene.wy[i]! < g.y1).toBe(true);
    const small = racks(2, GROUP_MIN - 1);
    expect(buildScene(small, layoutTopology(small)).groups).toEqual([]);
  });
});
