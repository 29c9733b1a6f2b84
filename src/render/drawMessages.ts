/**
 * Messages in flight, drawn in bulk: positions are collected per colour into
 * reusable buffers, then painted as one path per colour, or straight into a
 * pixel buffer when there are too many for paths to rasterise in a frame.
 */
import { MF, MSG_STRIDE } from '../protocol';
import type { DrawContext } from './drawStatic';
import { MESSAGE_COLOR_OTHER, MESSAGE_COLORS, RING_RADIUS, THEME } from './palette';

const BUCKETS = MESSAGE_COLORS.length + 1;
const TAU = Math.PI * 2;
/** Past this many visible messages, square dots are written into a pixel buffer instead of stroked circles. */
export const CIRCLE_LIMIT = 3000;
// queued messages shown per link direction; the queue badge gives the full count
const QUEUE_SHOWN = 10;

/** Per-colour screen coordinates, kept between frames so a frame allocates nothing in the common case. */
export class MessageBuffers {
  xy: Float32Array[] = Array.from({ length: BUCKETS }, () => new Float32Array(256));
  count = new Int32Array(BUCKETS);
  queued = new Map<number, number>();
  /** Where the highlighted message was put (NaN when it is not in view). */
  hx = NaN;
  hy = NaN;
  /** The pixel buffer of the bulk mode, sized to the canvas. */
  image: ImageData | null = null;
  pixels = new Uint32Array(0);

  push(bucket: number, x: number, y: number): void {
    let a = this.xy[bucket]!;
    const n = this.count[bucket]!;
    if (2 * n + 2 > a.length) {
      const grown = new Float32Array(a.length * 2);
      grown.set(a);
      this.xy[bucket] = a = grown;
    }
    a[2 * n] = x;
    a[2 * n + 1] = y;
    this.count[bucket] = n + 1;
  }
}

/** Dot radius in CSS px: a little larger when zoomed in, never below 2 px. */
export function messageRadius(k: number): number {
  const r = 2 + 1.6 * k;
  return r > 4.5 ? 4.5 : r;
}

/**
 * Collects every message's screen position into `buf` by colour. A message
 * in flight sits `progress` of the way along its hop, shifted to the right of
 * its direction so the two directions of a link do not overlap; a queued one
 * waits in a short line just outside its sender.
 */
export function collectMessages(dc: DrawContext, buf: MessageBuffers, r: number, highlightId = -1): void {
  buf.count.fill(0);
  buf.queued.clear();
  buf.hx = buf.hy = NaN;
  const { scene, view, t } = dc;
  if (!view) return;
  const m = view.messages;
  const now = view.nowUs;
  const { wx, wy, kinds } = scene;
  const n = wx.length;
  const k = t.k;
  const side = Math.min(3.5, Math.max(1, 3 * k));
  const xMax = dc.width + r;
  const yMax = dc.height + r;
  for (let o = 0; o + MSG_STRIDE <= m.length; o += MSG_STRIDE) {
    const from = m[o + MF.from]!;
    const to = m[o + MF.to]!;
    const ax = wx[from]! * k + t.x;
    const ay = wy[from]! * k + t.y;
    const dx = wx[to]! * k + t.x - ax;
    const dy = wy[to]! * k + t.y - ay;
    const len = Math.sqrt(dx * dx + dy * dy);
    // NaN (removed or unknown node) fails this test too
    if (!(len > 0)) continue;
    const ux = dx / len;
    const uy = dy / len;
    const tx = m[o + MF.txStartUs]!;
    const arrive = m[o + MF.arriveUs]!;
    let x: number;
    let y: number;
    if (tx > now) {
      const key = from * n + to;
      const q = buf.queued.get(key) ?? 0;
      buf.queued.set(key, q + 1);
      if (q >= QUEUE_SHOWN) continue;
      const d = (RING_RADIUS[kinds[from]!] ?? 20) * k + r + 2 + q * (2 * r + 1);
      x = ax + ux * d - uy * (r + side);
      y = ay + uy * d + ux * (r + side);
    } else {
      const p = arrive <= tx ? 1 : Math.min(1, (now - tx) / (arrive - tx));
      // travel from ring edge to ring edge, so a message is never hidden on top of a node
      const r0 = (RING_RADIUS[kinds[from]!] ?? 0) * k;
      const r1 = (RING_RADIUS[kinds[to]!] ?? 0) * k;
      const span = len - r0 - r1;
      const d = span > 0 ? r0 + span * p : len * p;
      x = ax + ux * d - uy * side;
      y = ay + uy * d + ux * side;
    }
    if (x < -r || y < -r || x > xMax || y > yMax) continue;
    if (m[o + MF.id] === highlightId) {
      buf.hx = x;
      buf.hy = y;
    }
    const kind = m[o + MF.kind]!;
    buf.push(kind >= 0 && kind < BUCKETS - 1 ? kind : BUCKETS - 1, x, y);
  }
}

/** Total number of dots collected by the last `collectMessages`. */
export function collectedCount(buf: MessageBuffers): number {
  let total = 0;
  for (let b = 0; b < BUCKETS; b++) total += buf.count[b]!;
  return total;
}

/** Paints the highlighted message's glow (screen transform must be set). */
export function drawMessageGlow(ctx: CanvasRenderingContext2D, buf: MessageBuffers, r: number): void {
  if (Number.isNaN(buf.hx)) return;
  ctx.beginPath();
  ctx.arc(buf.hx, buf.hy, r + 6, 0, TAU);
  ctx.fillStyle = THEME.highlight;
  ctx.fill();
  ctx.strokeStyle = THEME.highlightEdge;
  ctx.lineWidth = 2;
  ctx.stroke();
}

/** Paints the collected dots as circles, one path per colour (screen transform must be set). */
export function drawMessageCircles(ctx: CanvasRenderingContext2D, buf: MessageBuffers, r: number): void {
  ctx.lineWidth = 1;
  // a thin dark rim keeps the lighter colours visible over links and nodes
  ctx.strokeStyle = 'rgba(15, 23, 42, 0.45)';
  for (let b = 0; b < BUCKETS; b++) {
    const n = buf.count[b]!;
    if (n === 0) continue;
    const a = buf.xy[b]!;
    ctx.beginPath();
    for (let j = 0; j < 2 * n; j += 2) {
      ctx.moveTo(a[j]! + r, a[j + 1]!);
      ctx.arc(a[j]!, a[j + 1]!, r, 0, TAU);
    }
    ctx.fillStyle = MESSAGE_COLORS[b] ?? MESSAGE_COLOR_OTHER;
    ctx.fill();
    ctx.stroke();
  }
}

const LITTLE_ENDIAN = new Uint8Array(new Uint32Array([1]).buffer)[0] === 1;

function packColor(hex: string): number {
  const v = parseInt(hex.slice(1), 16);
  const r = (v >> 16) & 255;
  const g = (v >> 8) & 255;
  const b = v & 255;
  return (LITTLE_ENDIAN ? ((255 << 24) | (b << 16) | (g << 8) | r) : ((r << 24) | (g << 16) | (b << 8) | 255)) >>> 0;
}

const PACKED = [...MESSAGE_COLORS, MESSAGE_COLOR_OTHER].map(packColor);

/**
 * Writes the collected dots as squares straight into the canvas's pixels,
 * replacing its content (so it comes first in a frame).
 */
export function putMessagePixels(ctx: CanvasRenderingContext2D, buf: MessageBuffers, r: number, dpr: number): void {
  const w = ctx.canvas.width;
  const h = ctx.canvas.height;
  if (!buf.image || buf.image.width !== w || buf.image.height !== h) {
    buf.image = ctx.createImageData(w, h);
    buf.pixels = new Uint32Array(buf.image.data.buffer);
  }
  const px = buf.pixels;
  px.fill(0);
  const side = Math.max(2, Math.round(r * 1.7 * dpr));
  const half = side / 2;
  for (let b = 0; b < BUCKETS; b++) {
    const n = buf.count[b]!;
    const a = buf.xy[b]!;
    const c = PACKED[b]!;
    for (let j = 0; j < 2 * n; j += 2) {
      const x0 = Math.max(0, Math.round(a[j]! * dpr - half));
      const y0 = Math.max(0, Math.round(a[j + 1]! * dpr - half));
      const x1 = Math.min(w, x0 + side);
      const y1 = Math.min(h, y0 + side);
      for (let y = y0; y < y1; y++) px.fill(c, y * w + x0, y * w + x1);
    }
  }
  ctx.putImageData(buf.image, 0, 0);
}
