/** What the drawing code shares: node positions by index, the zoom transform, and hit testing. */
import type { NodeKind, TopologyView } from '../protocol';
import type { Point } from './layout';
import { findGroups, type NodeGroup } from './groups';
import { RING_RADIUS } from './palette';

/** What the user picked on the canvas: a node or a link by id, or nothing. */
export type Selection = { kind: 'node' | 'link'; id: string } | null;

/** A d3-zoom transform: screen = world * k + (x, y), in CSS pixels. */
export interface Transform {
  k: number;
  x: number;
  y: number;
}

/** The topology resolved to arrays by index, the way the view's rows refer to nodes and links. */
export interface Scene {
  topo: TopologyView;
  /** World position per node index; NaN for nodes that are not drawn (removed). */
  wx: Float64Array;
  wy: Float64Array;
  kinds: NodeKind[];
  /** Radius of the ring around each node (world units), by index. */
  ring: Float64Array;
  /** Per link index: 1 when both ends are drawn and the link is not removed. */
  linkLive: Uint8Array;
  nodeIndex: Map<string, number>;
  linkIndex: Map<string, number>;
  /** Number of drawn nodes (for level-of-detail choices). */
  liveNodes: number;
  /** Big sets of leaves of one switch (racks, office floors), framed and labelled when zoomed out. */
  groups: NodeGroup[];
}

/** Resolves positions by id into per-index arrays. */
export function buildScene(topo: TopologyView, positions: ReadonlyMap<string, Point>): Scene {
  const n = topo.nodes.length;
  const wx = new Float64Array(n).fill(NaN);
  const wy = new Float64Array(n).fill(NaN);
  const nodeIndex = new Map<string, number>();
  let liveNodes = 0;
  topo.nodes.forEach((node, i) => {
    nodeIndex.set(node.id, i);
    const p = node.removed ? undefined : positions.get(node.id);
    if (!p) return;
    wx[i] = p.x;
    wy[i] = p.y;
    liveNodes++;
  });
  const linkLive = new Uint8Array(topo.links.length);
  const linkIndex = new Map<string, number>();
  topo.links.forEach((l, i) => {
    linkIndex.set(l.id, i);
    linkLive[i] = !l.removed && !Number.isNaN(wx[l.a] ?? NaN) && !Number.isNaN(wx[l.b] ?? NaN) ? 1 : 0;
  });
  const kinds = topo.nodes.map((x) => x.kind);
  const ring = Float64Array.from(kinds, (k) => RING_RADIUS[k] ?? 20);
  return { topo, wx, wy, kinds, ring, linkLive, nodeIndex, linkIndex, liveNodes, groups: findGroups(topo, wx, wy) };
}

/** Distance from p to the segment a–b. */
export function distanceToSegment(px: number, py: number, ax: number, ay: number, bx: number, by: number): number {
  const dx = bx - ax;
  const dy = by - ay;
  const len2 = dx * dx + dy * dy;
  const t = len2 === 0 ? 0 : Math.max(0, Math.min(1, ((px - ax) * dx + (py - ay) * dy) / len2));
  return Math.hypot(px - (ax + t * dx), py - (ay + t * dy));
}

/**
 * What lies under screen point (sx, sy): the nearest node whose ring
 * contains it, else the nearest link within `linkTolerancePx`, else nothing.
 */
export function hitTest(scene: Scene, t: Transform, sx: number, sy: number, linkTolerancePx = 6): Selection {
  const x = (sx - t.x) / t.k;
  const y = (sy - t.y) / t.k;
  // tiny nodes when zoomed far out stay clickable: never less than 6 px
  const minR = 6 / t.k;
  let best = -1;
  let bestD = Infinity;
  for (let i = 0; i < scene.wx.length; i++) {
    const d = Math.hypot(x - scene.wx[i]!, y - scene.wy[i]!);
    if (d <= Math.max(RING_RADIUS[scene.kinds[i]!] ?? 20, minR) && d < bestD) {
      best = i;
      bestD = d;
    }
  }
  if (best >= 0) return { kind: 'node', id: scene.topo.nodes[best]!.id };
  const tol = linkTolerancePx / t.k;
  bestD = Infinity;
  scene.topo.links.forEach((l, i) => {
    if (!scene.linkLive[i]) return;
    const d = distanceToSegment(x, y, scene.wx[l.a]!, scene.wy[l.a]!, scene.wx[l.b]!, scene.wy[l.b]!);
    if (d <= tol && d < bestD) {
      best = i;
      bestD = d;
    }
  });
  return best >= 0 ? { kind: 'link', id: scene.topo.links[best]!.id } : null;
}

/** How far along its hop a message is at `nowUs` (0..1), or -1 while it still waits to be sent. */
export function messageProgress(nowUs: number, txStartUs: number, arriveUs: number): number {
  if (txStartUs > nowUs) return -1;
  if (arriveUs <= txStartUs) return 1;
  const p = (nowUs - txStartUs) / (arriveUs - txStartUs);
  return p < 0 ? 0 : p > 1 ? 1 : p;
}
