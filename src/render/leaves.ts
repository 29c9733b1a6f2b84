/** Which nodes hang alone off a switch: the layout's racks and the drawing's groups both start from it. */
import type { TopologyView } from '../protocol';

/** The nodes whose one live link goes to a switch, by that switch, in node order. */
export function switchLeaves(topo: TopologyView): Map<number, number[]> {
  const n = topo.nodes.length;
  const live = (i: number) => topo.nodes[i]?.removed === false;
  const degree = new Int32Array(n);
  const other = new Int32Array(n).fill(-1);
  for (const l of topo.links) {
    if (l.removed || l.a === l.b || !live(l.a) || !live(l.b)) continue;
    degree[l.a]!++;
    degree[l.b]!++;
    other[l.a] = l.b;
    other[l.b] = l.a;
  }
  const byHub = new Map<number, number[]>();
  for (let i = 0; i < n; i++) {
    const hub = other[i]!;
    if (degree[i] !== 1 || topo.nodes[i]!.kind === 'switch' || topo.nodes[hub]?.kind !== 'switch') continue;
    let list = byHub.get(hub);
    if (!list) byHub.set(hub, (list = []));
    list.push(i);
  }
  return byHub;
}
