/**
 * A layered, deterministic layout: who asks on the left, who answers on the
 * right (clients, access switches, core switches, servers, databases), so a
 * request visibly travels left to right and its response back.
 */
import type { NodeKind, TopologyView } from '../protocol';
import { switchLeaves } from './leaves';
import { Occupancy } from './occupancy';

/** A position in world coordinates (the renderer's zoom maps them to the screen). */
export interface Point {
  x: number;
  y: number;
}

/** The axis-aligned box around a set of points. */
export interface Bounds {
  minX: number;
  minY: number;
  maxX: number;
  maxY: number;
}

/** Grid spacing of the client block (a client plus its two label lines fits in a cell). */
export const CLIENT_SPACING = { x: 100, y: 72 } as const;
/** Vertical spacing of the other layers, whose nodes are taller than a client. */
export const NODE_SPACING_Y = 96;
/** Horizontal distance between two layers. */
export const LAYER_GAP = 170;
/** Two nodes closer than this on both axes would overlap (node plus labels). */
export const MIN_SEPARATION = { x: 90, y: 64 } as const;
/** A single client column grows to this many rows before wrapping. */
export const MAX_SINGLE_COLUMN = 12;

// the fit target's aspect (a typical wide panel): the client block's column count is chosen for it
const TARGET_ASPECT = 1.6;

const LAYER_CLIENT = 0;
const LAYER_ACCESS = 1;
const LAYER_CORE = 2;
const LAYER_SERVER = 3;
const LAYER_DB = 4;
const LAYER_COUNT = 5;

const KIND_LAYER: Record<NodeKind, number> = { client: LAYER_CLIENT, switch: LAYER_ACCESS, server: LAYER_SERVER, db: LAYER_DB };

interface Graph {
  live: number[];
  adj: number[][];
  layer: Int8Array;
  /** Per client: the neighbour it hangs off (its access switch), or -1. */
  hub: Int32Array;
}

function buildGraph(topo: TopologyView): Graph {
  const n = topo.nodes.length;
  const adj: number[][] = Array.from({ length: n }, () => []);
  const isLive = (i: number) => topo.nodes[i]?.removed === false;
  for (const l of topo.links) {
    if (l.removed || !isLive(l.a) || !isLive(l.b) || l.a === l.b) continue;
    adj[l.a]!.push(l.b);
    adj[l.b]!.push(l.a);
  }
  const live: number[] = [];
  const layer = new Int8Array(n);
  const hub = new Int32Array(n).fill(-1);
  const racked = rackMembers(topo);
  const inBlock = (j: number) => topo.nodes[j]!.kind === 'client' || racked[j] === 1;
  for (let i = 0; i < n; i++) {
    const node = topo.nodes[i]!;
    if (node.removed) continue;
    live.push(i);
    let lay = racked[i] ? LAYER_CLIENT : (KIND_LAYER[node.kind] ?? LAYER_SERVER);
    const nb = adj[i]!;
    // a switch that no client (or rack of servers) hangs off is a core switch: it sits one layer deeper
    if (node.kind === 'switch' && !nb.some(inBlock)) lay = LAYER_CORE;
    layer[i] = lay;
    if (node.kind === 'client') hub[i] = nb.find((j) => topo.nodes[j]!.kind === 'switch') ?? nb[0] ?? -1;
    if (racked[i]) hub[i] = nb[0]!;
  }
  return { live, adj, layer, hub };
}

/**
 * Servers that hang alone off a switch with more than a column's worth of
 * others like them (the compute nodes of a rack): a column of hundreds
 * would be unreadable, so they are laid out as a block, like clients.
 */
function rackMembers(topo: TopologyView): Uint8Array {
  const out = new Uint8Array(topo.nodes.length);
  for (const leaves of switchLeaves(topo).values()) {
    const servers = leaves.filter((i) => topo.nodes[i]!.kind === 'server');
    if (servers.length > MAX_SINGLE_COLUMN) for (const i of servers) out[i] = 1;
  }
  return out;
}

/** Groups clients by their hub (hub order, then node order) so each hub's clients form one band. */
function clientGroups(g: Graph): number[][] {
  const byHub = new Map<number, number[]>();
  for (const i of g.live) {
    if (g.layer[i] !== LAYER_CLIENT) continue;
    const h = g.hub[i]!;
    let list = byHub.get(h);
    if (!list) byHub.set(h, (list = []));
    list.push(i);
  }
  // hubless clients (-1) sort first numerically; put them last so they do not push the others down
  return [...byHub.entries()].sort((a, b) => (a[0] < 0 ? 1 : b[0] < 0 ? -1 : a[0] - b[0])).map((e) => e[1]);
}

function rowsFor(groups: number[][], cols: number): number {
  let rows = 0;
  for (const grp of groups) rows += Math.ceil(grp.length / cols);
  return rows;
}

/** The number of client columns: one while it holds, else the count that fits a wide panel best. */
function chooseColumns(groups: number[][], total: number, otherLayers: number): number {
  if (total <= MAX_SINGLE_COLUMN) return 1;
  let best = 2;
  let bestCost = Infinity;
  const maxCols = Math.max(2, Math.ceil(Math.sqrt(total) * 3));
  for (let c = 2; c <= maxCols; c++) {
    const w = (c - 1) * CLIENT_SPACING.x + otherLayers * LAYER_GAP;
    const h = (rowsFor(groups, c) - 1) * CLIENT_SPACING.y;
    const cost = Math.max(w / TARGET_ASPECT, h);
    if (cost < bestCost) {
      bestCost = cost;
      best = c;
    }
  }
  return best;
}

function mean(values: number[], fallback: number): number {
  if (values.length === 0) return fallback;
  let s = 0;
  for (const v of values) s += v;
  return s / values.length;
}

/** Places one layer in a column: each node near its placed neighbours, no two closer than `dy`. */
function placeColumn(nodes: number[], x: number, desired: (i: number) => number, dy: number, out: Map<number, Point>): void {
  const want = nodes.map((i) => ({ i, y: desired(i) })).sort((a, b) => a.y - b.y || a.i - b.i);
  const ys: number[] = [];
  for (let k = 0; k < want.length; k++) ys.push(k === 0 ? want[k]!.y : Math.max(want[k]!.y, ys[k - 1]! + dy));
  // pushing apart only moves nodes down; shift back so the column stays centred on what it wanted
  const shift = mean(want.map((w, k) => w.y - ys[k]!), 0);
  want.forEach((w, k) => out.set(w.i, { x, y: ys[k]! + shift }));
}

function freshLayout(g: Graph): Map<number, Point> {
  const out = new Map<number, Point>();
  const byLayer: number[][] = Array.from({ length: LAYER_COUNT }, () => []);
  for (const i of g.live) byLayer[g.layer[i]!]!.push(i);
  const groups = clientGroups(g);
  const clientCount = byLayer[LAYER_CLIENT]!.length;
  const otherLayers = byLayer.filter((l, k) => k !== LAYER_CLIENT && l.length > 0).length;
  const cols = chooseColumns(groups, clientCount, otherLayers);
  const right = (cols - 1) * CLIENT_SPACING.x;
  let row = 0;
  for (const grp of groups) {
    const rows = Math.ceil(grp.length / cols);
    // column-major from the column next to the switches, so a short last column sits at the far left
    grp.forEach((i, k) => out.set(i, { x: right - Math.floor(k / rows) * CLIENT_SPACING.x, y: (row + (k % rows)) * CLIENT_SPACING.y }));
    row += rows;
  }
  let x = clientCount > 0 ? right : -LAYER_GAP;
  let placedMid = 0;
  if (clientCount > 0) placedMid = ((row - 1) * CLIENT_SPACING.y) / 2;
  for (let lay = LAYER_ACCESS; lay < LAYER_COUNT; lay++) {
    const nodes = byLayer[lay]!;
    if (nodes.length === 0) continue;
    x += LAYER_GAP;
    const desired = (i: number): number => {
      const placed = g.adj[i]!.filter((j) => g.layer[j]! < lay && out.has(j)).map((j) => out.get(j)!.y);
      return mean(placed, placedMid);
    };
    placeColumn(nodes, x, desired, NODE_SPACING_Y, out);
    if (clientCount === 0 && lay === LAYER_ACCESS) placedMid = mean(nodes.map((i) => out.get(i)!.y), 0);
  }
  return out;
}

/** The extent of the placed clients, kept up to date as clients are added. */
interface ClientBlock {
  right: number;
  top: number;
  bottom: number;
  oneColumn: boolean;
  /** Rows the block may use: at least what a fresh layout of all clients would use. */
  minRows: number;
}

function growBlock(b: ClientBlock | null, p: Point, minRows: number): ClientBlock {
  if (!b) return { right: p.x, top: p.y, bottom: p.y, oneColumn: true, minRows };
  return {
    right: Math.max(b.right, p.x),
    top: Math.min(b.top, p.y),
    bottom: Math.max(b.bottom, p.y),
    oneColumn: b.oneColumn && p.x === b.right,
    minRows,
  };
}

/**
 * A slot for a new client: in the client block, as near its hub's height as
 * it gets; the block may grow up or down to its row budget, then wraps
 * leftwards into a new column.
 */
function newClientSlot(hubY: number | undefined, b: ClientBlock, taken: Occupancy, limit: number): Point | null {
  const span = Math.round((b.bottom - b.top) / CLIENT_SPACING.y) + 1;
  const rows = Math.max(span, b.minRows, b.oneColumn ? MAX_SINGLE_COLUMN : 0);
  const extra = rows - span;
  const target = hubY ?? b.top;
  const order: number[] = [];
  for (let r = -extra; r < span + extra; r++) if (Math.max(span - 1, r) - Math.min(0, r) < rows) order.push(r);
  const dist = (r: number) => Math.abs(b.top + r * CLIENT_SPACING.y - target);
  order.sort((p, q) => dist(p) - dist(q) || p - q);
  for (let c = 0; c <= limit; c++) {
    for (const r of order) {
      const p = { x: b.right - c * CLIENT_SPACING.x, y: b.top + r * CLIENT_SPACING.y };
      if (taken.isFree(p)) return p;
    }
  }
  return null;
}

/** The nearest free place straight above or below `p`. */
function nearestFreeInColumn(p: Point, taken: Occupancy): Point {
  for (let k = 0; ; k++) {
    for (const dir of k === 0 ? [0] : [1, -1]) {
      const q = { x: p.x, y: p.y + dir * k * NODE_SPACING_Y };
      if (taken.isFree(q)) return q;
    }
  }
}

/**
 * Positions of the live (not removed) nodes by id. Deterministic in its
 * inputs. Nodes found in `prev` keep their place; new nodes take a free place
 * in their layer, so adding a client moves nobody.
 */
export function layoutTopology(topo: TopologyView, prev?: ReadonlyMap<string, Point>): Map<string, Point> {
  const g = buildGraph(topo);
  const fresh = freshLayout(g);
  const result = new Map<string, Point>();
  const kept = prev ? g.live.filter((i) => prev.has(topo.nodes[i]!.id)) : [];
  if (!prev || kept.length === 0) {
    for (const i of g.live) result.set(topo.nodes[i]!.id, { ...fresh.get(i)! });
    return result;
  }
  const at = new Map<number, Point>();
  const taken = new Occupancy(MIN_SEPARATION);
  const freshClients = bounds(g.live.filter((i) => g.layer[i] === LAYER_CLIENT).map((i) => fresh.get(i)!));
  const freshRows = Math.round((freshClients.maxY - freshClients.minY) / CLIENT_SPACING.y) + 1;
  const clients: { block: ClientBlock | null } = { block: null };
  const sameLayerX: (number | undefined)[] = [];
  const place = (i: number, p: Point) => {
    at.set(i, p);
    taken.add(p);
    if (g.layer[i] === LAYER_CLIENT) clients.block = growBlock(clients.block, p, freshRows);
    sameLayerX[g.layer[i]!] ??= p.x;
  };
  for (const i of kept) place(i, { ...prev.get(topo.nodes[i]!.id)! });
  const added = g.live.filter((i) => !at.has(i)).sort((a, b) => g.layer[a]! - g.layer[b]! || a - b);
  for (const i of added) {
    const lay = g.layer[i]!;
    let p: Point | null = null;
    if (lay === LAYER_CLIENT && clients.block) p = newClientSlot(at.get(g.hub[i]!)?.y, clients.block, taken, g.live.length + 1);
    if (!p) {
      const near = g.adj[i]!.filter((j) => at.has(j)).map((j) => at.get(j)!.y);
      const f = fresh.get(i)!;
      p = nearestFreeInColumn({ x: sameLayerX[lay] ?? f.x, y: mean(near, f.y) }, taken);
    }
    place(i, p);
  }
  for (const i of g.live) result.set(topo.nodes[i]!.id, at.get(i)!);
  return result;
}

/** The box around all positions; a zero box at the origin when there are none. */
export function bounds(positions: ReadonlyMap<string, Point> | Iterable<Point>): Bounds {
  const points: Iterable<Point> = positions instanceof Map ? positions.values() : (positions as Iterable<Point>);
  let minX = Infinity;
  let minY = Infinity;
  let maxX = -Infinity;
  let maxY = -Infinity;
  for (const p of points) {
    if (p.x < minX) minX = p.x;
    if (p.y < minY) minY = p.y;
    if (p.x > maxX) maxX = p.x;
    if (p.y > maxY) maxY = p.y;
  }
  if (minX > maxX) return { minX: 0, minY: 0, maxX: 0, maxY: 0 };
  return { minX, minY, maxX, maxY };
}
