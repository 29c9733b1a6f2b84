/** The static layer: links, node bodies, labels, selection and highlight, in world coordinates. */
import { LF, LINK_STRIDE, NF, NODE_STRIDE, type NodeKind, type WorldView } from '../protocol';
import { FONT_FAMILY, LABEL_FONT, NODE_COLORS, NODE_HALF, PLATFORM_TAG, RING_RADIUS, THEME } from './palette';
import type { Scene, Transform } from './scene';
import { drawGroups, type GroupLabel } from './groups';
import { traceBody, traceCross, traceDetail } from './shapes';

/** Everything one draw of either layer needs to know. */
export interface DrawContext {
  scene: Scene;
  view: WorldView | null;
  t: Transform;
  /** Canvas size in CSS pixels. */
  width: number;
  height: number;
  dpr: number;
  /** Level of detail: whether text (labels, badge numbers) is legible at this zoom. */
  labels: boolean;
  /** What a group of nodes is called when zoomed out (see groups.ts); no group labels without it. */
  groupLabel?: GroupLabel;
}

/** Indices of what to emphasise on the static layer (-1 for none). */
export interface Emphasis {
  selectedNode: number;
  selectedLink: number;
  highlightNode: number;
  highlightLink: number;
}

const KINDS: readonly NodeKind[] = ['client', 'switch', 'server', 'db'];
const STYLE_NORMAL = 0;
const STYLE_LOSSY = 1;
const STYLE_CUT = 2;
const WIDTH_STEPS = 16;
// margin around the viewport, in world units, so shapes and labels at the edge are not culled
const CULL_MARGIN = 60;

/** Link line width in CSS px: wider for faster links, on a log scale so 1 kb/s and 100 Gb/s both look sane. */
export function linkWidthPx(bandwidthBps: number): number {
  if (!(bandwidthBps > 0)) return 1;
  const w = 0.6 + (Math.log10(bandwidthBps) - 3) * 0.25;
  return w < 0.6 ? 0.6 : w > 2.6 ? 2.6 : w;
}

/** The visible part of the world, grown by `margin`. */
export function worldViewport(dc: DrawContext, margin: number): { x0: number; y0: number; x1: number; y1: number } {
  const { t } = dc;
  return { x0: -t.x / t.k - margin, y0: -t.y / t.k - margin, x1: (dc.width - t.x) / t.k + margin, y1: (dc.height - t.y) / t.k + margin };
}

/** Whether utilisation rings are big enough on screen to read at zoom k. */
export function ringsVisible(k: number): boolean {
  return k * RING_RADIUS.client >= 5;
}

function nodeUp(view: WorldView | null, i: number): boolean {
  return !view || view.nodes[i * NODE_STRIDE + NF.up] !== 0;
}

function drawLinks(ctx: CanvasRenderingContext2D, dc: DrawContext, em: Emphasis): void {
  const { scene, view, t } = dc;
  const vp = worldViewport(dc, 0);
  const buckets = new Map<number, number[]>();
  scene.topo.links.forEach((l, i) => {
    if (!scene.linkLive[i]) return;
    const ax = scene.wx[l.a]!;
    const ay = scene.wy[l.a]!;
    const bx = scene.wx[l.b]!;
    const by = scene.wy[l.b]!;
    if (Math.max(ax, bx) < vp.x0 || Math.min(ax, bx) > vp.x1 || Math.max(ay, by) < vp.y0 || Math.min(ay, by) > vp.y1) return;
    let style = STYLE_NORMAL;
    let width = 1;
    if (view) {
      const o = i * LINK_STRIDE;
      if (view.links[o + LF.cut] || view.links[o + LF.partitioned]) style = STYLE_CUT;
      else if ((view.links[o + LF.lossRate] ?? 0) > 0) style = STYLE_LOSSY;
      width = linkWidthPx(view.links[o + LF.bandwidthBps] ?? 0);
    }
    const key = style * WIDTH_STEPS + Math.min(WIDTH_STEPS - 1, Math.round(width * 4));
    let list = buckets.get(key);
    if (!list) buckets.set(key, (list = []));
    list.push(i);
  });
  const trace = (i: number) => {
    const l = scene.topo.links[i]!;
    ctx.moveTo(scene.wx[l.a]!, scene.wy[l.a]!);
    ctx.lineTo(scene.wx[l.b]!, scene.wy[l.b]!);
  };
  ctx.lineCap = 'round';
  if (em.highlightLink >= 0 && scene.linkLive[em.highlightLink]) {
    ctx.beginPath();
    trace(em.highlightLink);
    ctx.strokeStyle = THEME.highlight;
    ctx.lineWidth = 12 / t.k;
    ctx.stroke();
  }
  // zoomed out over many links, thinner and lighter ordinary links keep a fan of hundreds from becoming a solid wedge
  const thin = Math.min(1, Math.max(0.4, t.k * 1.2));
  const fade = scene.topo.links.length > 150 ? Math.min(1, Math.max(0.35, t.k * 1.5)) : 1;
  for (const [key, list] of [...buckets.entries()].sort((a, b) => a[0] - b[0])) {
    const style = Math.floor(key / WIDTH_STEPS);
    ctx.strokeStyle = style === STYLE_CUT ? THEME.linkCut : style === STYLE_LOSSY ? THEME.linkLossy : THEME.link;
    ctx.globalAlpha = style === STYLE_NORMAL ? fade : 1;
    ctx.lineWidth = (Math.max(key % WIDTH_STEPS, 3) / 4 / t.k) * (style === STYLE_NORMAL ? thin : 1);
    ctx.setLineDash(style === STYLE_CUT ? [6 / t.k, 5 / t.k] : []);
    ctx.lineCap = style === STYLE_CUT ? 'butt' : 'round';
    chunked(ctx, list, trace, () => ctx.stroke());
  }
  ctx.globalAlpha = 1;
  ctx.setLineDash([]);
  if (em.selectedLink >= 0 && scene.linkLive[em.selectedLink]) {
    ctx.beginPath();
    trace(em.selectedLink);
    ctx.strokeStyle = THEME.selection;
    ctx.lineWidth = 4 / t.k;
    ctx.lineCap = 'round';
    ctx.stroke();
  }
}

function ring(ctx: CanvasRenderingContext2D, x: number, y: number, r: number): void {
  ctx.moveTo(x + r, y);
  ctx.arc(x, y, r, 0, Math.PI * 2);
}

// Skia's path filling grows faster than linearly with the number of shapes in one path (5,000
// rounded rectangles in one path took 600 ms, one path each 80 ms), so big batches are cut
const PATH_CHUNK = 128;
// below this many screen px of body height, a node is drawn as a plain box (a few fillRects are ~50× cheaper than a path)
const SILHOUETTE_PX = 10;

/** Traces `list` in chunks, calling `paint` after each chunk's path is built. */
function chunked(ctx: CanvasRenderingContext2D, list: number[], trace: (i: number) => void, paint: () => void): void {
  for (let s = 0; s < list.length; s += PATH_CHUNK) {
    ctx.beginPath();
    const end = Math.min(list.length, s + PATH_CHUNK);
    for (let j = s; j < end; j++) trace(list[j]!);
    paint();
  }
}

/** The visible nodes sorted in one pass by how they look (kind, then up before crashed), so colours change a few times, not per node. */
function byLook(dc: DrawContext, visible: number[]): { kind: NodeKind; up: boolean; list: number[] }[] {
  const { scene, view } = dc;
  const lists = KINDS.map(() => [[] as number[], [] as number[]] as const);
  for (const i of visible) lists[KINDS.indexOf(scene.kinds[i]!)]![nodeUp(view, i) ? 0 : 1].push(i);
  return KINDS.flatMap((kind, k) => [true, false].map((up) => ({ kind, up, list: lists[k]![up ? 0 : 1] }))).filter((g) => g.list.length > 0);
}

/** Level of detail far out: each node a filled box in its colours, no outline path, no inner lines. */
function drawSilhouettes(ctx: CanvasRenderingContext2D, dc: DrawContext, visible: number[]): void {
  const { scene, t } = dc;
  const { wx, wy } = scene;
  const edge = 1 / t.k;
  for (const { kind, up, list } of byLook(dc, visible)) {
    const h = NODE_HALF[kind];
    const c = NODE_COLORS[kind];
    // a box under 5 px is one rectangle in the outline colour; a bigger one shows its fill inside a 1 px outline
    const outlined = 2 * h.h * t.k >= 5;
    ctx.fillStyle = up ? c.stroke : THEME.crashedStroke;
    for (const i of list) ctx.fillRect(wx[i]! - h.w, wy[i]! - h.h, 2 * h.w, 2 * h.h);
    if (!outlined) continue;
    ctx.fillStyle = up ? c.fill : THEME.crashedFill;
    for (const i of list) ctx.fillRect(wx[i]! - h.w + edge, wy[i]! - h.h + edge, 2 * (h.w - edge), 2 * (h.h - edge));
  }
}

function drawNodes(ctx: CanvasRenderingContext2D, dc: DrawContext, visible: number[]): void {
  const { scene, view, t } = dc;
  const { wx, wy, kinds } = scene;
  // the track under the utilisation arc, only where the ring is big enough to read
  if (ringsVisible(t.k)) {
    ctx.strokeStyle = THEME.utilTrack;
    ctx.lineWidth = Math.max(3, 1 / t.k);
    const up = visible.filter((i) => nodeUp(view, i));
    chunked(ctx, up, (i) => ring(ctx, wx[i]!, wy[i]!, RING_RADIUS[kinds[i]!]), () => ctx.stroke());
  }
  if (t.k * 2 * NODE_HALF.client.h < SILHOUETTE_PX) drawSilhouettes(ctx, dc, visible);
  else {
    const outline = Math.max(1.25, 0.75 / t.k);
    for (const { kind, up, list } of byLook(dc, visible)) {
      const c = NODE_COLORS[kind];
      ctx.fillStyle = up ? c.fill : THEME.crashedFill;
      ctx.strokeStyle = up ? c.stroke : THEME.crashedStroke;
      ctx.lineWidth = outline;
      chunked(ctx, list, (i) => traceBody(ctx, kind, wx[i]!, wy[i]!), () => {
        ctx.fill();
        ctx.stroke();
      });
      if (t.k * 15 < 6) continue;
      chunked(ctx, list, (i) => traceDetail(ctx, kind, wx[i]!, wy[i]!), () => ctx.stroke());
    }
  }
  ctx.beginPath();
  let crashed = false;
  for (const i of visible) {
    if (nodeUp(view, i)) continue;
    traceCross(ctx, wx[i]!, wy[i]!, Math.max(NODE_HALF[kinds[i]!].h, 8 / t.k) * 0.8);
    crashed = true;
  }
  if (crashed) {
    ctx.strokeStyle = THEME.crashedMark;
    ctx.lineWidth = Math.max(2.5, 2 / t.k);
    ctx.lineCap = 'round';
    ctx.stroke();
  }
}

function drawEmphasis(ctx: CanvasRenderingContext2D, dc: DrawContext, em: Emphasis, under: boolean): void {
  const { scene, t } = dc;
  const at = (i: number) => (i >= 0 && !Number.isNaN(scene.wx[i] ?? NaN) ? i : -1);
  const radius = (i: number) => Math.max(RING_RADIUS[scene.kinds[i]!] + 5, 10 / t.k);
  const h = at(em.highlightNode);
  if (under && h >= 0) {
    ctx.beginPath();
    ring(ctx, scene.wx[h]!, scene.wy[h]!, radius(h) + 2 / t.k);
    ctx.fillStyle = THEME.highlight;
    ctx.fill();
    ctx.strokeStyle = THEME.highlightEdge;
    ctx.lineWidth = 1.5 / t.k;
    ctx.stroke();
  }
  const s = at(em.selectedNode);
  if (!under && s >= 0) {
    ctx.beginPath();
    ring(ctx, scene.wx[s]!, scene.wy[s]!, radius(s));
    ctx.strokeStyle = THEME.selection;
    ctx.lineWidth = 2.5 / Math.min(t.k, 1);
    ctx.stroke();
  }
}

function drawLabels(ctx: CanvasRenderingContext2D, dc: DrawContext, visible: number[]): void {
  const { scene } = dc;
  ctx.textAlign = 'center';
  ctx.textBaseline = 'alphabetic';
  ctx.lineJoin = 'round';
  ctx.strokeStyle = THEME.background;
  ctx.lineWidth = 3;
  const host = `${LABEL_FONT.host}px ${FONT_FAMILY}`;
  const tag = `${LABEL_FONT.platform}px ${FONT_FAMILY}`;
  // one font switch per pass instead of two per node
  for (const pass of [0, 1]) {
    ctx.font = pass === 0 ? host : tag;
    ctx.fillStyle = pass === 0 ? THEME.text : THEME.mutedText;
    for (const i of visible) {
      const node = scene.topo.nodes[i]!;
      const text = pass === 0 ? node.label : PLATFORM_TAG[node.platform];
      if (!text) continue;
      const y = scene.wy[i]! + RING_RADIUS[node.kind] + 14 + pass * 11;
      ctx.strokeText(text, scene.wx[i]!, y);
      ctx.fillText(text, scene.wx[i]!, y);
    }
  }
}

/** Redraws the whole static layer. */
export function drawStatic(ctx: CanvasRenderingContext2D, dc: DrawContext, em: Emphasis): void {
  const { t, dpr, scene } = dc;
  ctx.setTransform(1, 0, 0, 1, 0, 0);
  ctx.fillStyle = THEME.background;
  ctx.fillRect(0, 0, ctx.canvas.width, ctx.canvas.height);
  ctx.setTransform(dpr * t.k, 0, 0, dpr * t.k, dpr * t.x, dpr * t.y);
  const vp = worldViewport(dc, CULL_MARGIN);
  const visible: number[] = [];
  for (let i = 0; i < scene.wx.length; i++) {
    const x = scene.wx[i]!;
    const y = scene.wy[i]!;
    if (x >= vp.x0 && x <= vp.x1 && y >= vp.y0 && y <= vp.y1) visible.push(i);
  }
  drawEmphasis(ctx, dc, em, true);
  drawLinks(ctx, dc, em);
  drawNodes(ctx, dc, visible);
  drawEmphasis(ctx, dc, em, false);
  if (dc.labels) drawLabels(ctx, dc, visible);
  else if (dc.groupLabel) drawGroups(ctx, scene.groups, scene.topo, dc.view, t, dpr, dc.groupLabel);
}
