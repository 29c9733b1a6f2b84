/**
 * Messages in flight, drawn in bulk: positions are collected per colour into
 * reusable buffers, then a pre-rendered dot is stamped per message into a
 * pixel buffer, uploaded once. Software canvases rasterise thousands of arcs
 * slowly; copying a few dozen pixels per message stays cheap at 50,000.
 */
import { MF, MSG_STRIDE } from '../protocol';
import type { DrawContext } from './drawStatic';
import { messageProgress } from './scene';
import { MESSAGE_COLOR_OTHER, MESSAGE_COLORS, RING_RADIUS, THEME } from './palette';

const BUCKETS = MESSAGE_COLORS.length + 1;
const TAU = Math.PI * 2;
// past this many visible messages the dots shrink, so dense traffic stays legible and cheap
const BULK = 3000;
// queued messages shown per link direction; the queue badge gives the full count
const QUEUE_SHOWN = 10;

/** A dot pre-rendered as packed RGBA pixels. */
interface Stamp {
  size: number;
  px: Uint32Array;
}

/** Per-colour screen coordinates, kept between frames so a frame allocates nothing in the common case. */
export class MessageBuffers {
  xy: Float32Array[] = Array.from({ length: BUCKETS }, () => new Float32Array(256));
  count = new Int32Array(BUCKETS);
  queued = new Map<number, number>();
  /** Where the highlighted message was put (NaN when it is not in view). */
  hx = NaN;
  hy = NaN;
  /** The pixel buffer, sized to the canvas, and the box of it that holds dots. */
  image: ImageData | null = null;
  pixels = new Uint32Array(0);
  box = { x0: 0, y0: 0, x1: 0, y1: 0 };
  stamps: Stamp[] = [];
  stampKey = NaN;

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

/** Dot radius in CSS px: large enough to follow by eye at normal zoom, never below 2.5 px. */
export function messageRadius(k: number): number {
  const r = 2.5 + 3 * k;
  return r > 6.5 ? 6.5 : r;
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
    const p = messageProgress(now, m[o + MF.txStartUs]!, m[o + MF.arriveUs]!);
    let x: number;
    let y: number;
    if (p < 0) {
      const key = from * n + to;
      const q = buf.queued.get(key) ?? 0;
      buf.queued.set(key, q + 1);
      if (q >= QUEUE_SHOWN) continue;
      const d = (RING_RADIUS[kinds[from]!] ?? 20) * k + r + 2 + q * (2 * r + 1);
      x = ax + ux * d - uy * (r + side);
      y = ay + uy * d + ux * (r + side);
    } else {
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

/** Dot radius in CSS px for this many visible messages at zoom k. */
export function dotRadius(k: number, visible: number): number {
  return visible > BULK ? Math.max(1.5, messageRadius(k) * 0.75) : messageRadius(k);
}

const LITTLE_ENDIAN = new Uint8Array(new Uint32Array([1]).buffer)[0] === 1;

function pack(r: number, g: number, b: number, a: number): number {
  return (LITTLE_ENDIAN ? (a << 24) | (b << 16) | (g << 8) | r : (r << 24) | (g << 16) | (b << 8) | a) >>> 0;
}

function alphaOf(p: number): number {
  return LITTLE_ENDIAN ? p >>> 24 : p & 255;
}

const RIM = [15, 23, 42];

/** A filled, anti-aliased circle of radius `r` device px with a dark rim (it keeps light colours visible). */
function makeStamp(hex: string, r: number, rim: number): Stamp {
  const v = parseInt(hex.slice(1), 16);
  const rgb = [(v >> 16) & 255, (v >> 8) & 255, v & 255];
  const size = Math.ceil(2 * r + 1);
  const c = size / 2;
  const px = new Uint32Array(size * size);
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      const d = Math.hypot(x + 0.5 - c, y + 0.5 - c);
      const cover = Math.max(0, Math.min(1, r - d + 0.5));
      if (cover === 0) continue;
      const edge = rim > 0 ? Math.max(0, Math.min(1, d - (r - rim) + 0.5)) * 0.6 : 0;
      const ch = (i: number) => Math.round(rgb[i]! * (1 - edge) + RIM[i]! * edge);
      px[y * size + x] = pack(ch(0), ch(1), ch(2), Math.round(cover * 255));
    }
  }
  return { size, px };
}

/**
 * Paints the collected dots into the (cleared) canvas: stamps them into the
 * pixel buffer and uploads only the box that holds them.
 */
export function paintMessages(ctx: CanvasRenderingContext2D, buf: MessageBuffers, r: number, dpr: number): void {
  const w = ctx.canvas.width;
  const h = ctx.canvas.height;
  if (!buf.image || buf.image.width !== w || buf.image.height !== h) {
    buf.image = ctx.createImageData(w, h);
    buf.pixels = new Uint32Array(buf.image.data.buffer);
    buf.box = { x0: 0, y0: 0, x1: 0, y1: 0 };
  }
  const px = buf.pixels;
  // only last frame's box can hold old dots
  const old = buf.box;
  for (let y = old.y0; y < old.y1; y++) px.fill(0, y * w + old.x0, y * w + old.x1);
  if (collectedCount(buf) === 0) {
    buf.box = { x0: 0, y0: 0, x1: 0, y1: 0 };
    return;
  }
  const key = Math.round(r * dpr * 4) + dpr * 1e4;
  if (key !== buf.stampKey) {
    buf.stampKey = key;
    // a rim on a dot of a few pixels would leave only the rim
    const rim = r * dpr >= 3 ? Math.max(1, dpr) : 0;
    buf.stamps = [...MESSAGE_COLORS, MESSAGE_COLOR_OTHER].map((c) => makeStamp(c, r * dpr, rim));
  }
  let bx0 = w;
  let by0 = h;
  let bx1 = 0;
  let by1 = 0;
  for (let b = 0; b < BUCKETS; b++) {
    const n = buf.count[b]!;
    const a = buf.xy[b]!;
    const { size, px: sp } = buf.stamps[b]!;
    for (let j = 0; j < 2 * n; j += 2) {
      const x0 = Math.round(a[j]! * dpr - size / 2);
      const y0 = Math.round(a[j + 1]! * dpr - size / 2);
      const sx0 = x0 < 0 ? -x0 : 0;
      const sy0 = y0 < 0 ? -y0 : 0;
      const sx1 = x0 + size > w ? w - x0 : size;
      const sy1 = y0 + size > h ? h - y0 : size;
      if (sx0 >= sx1 || sy0 >= sy1) continue;
      for (let sy = sy0; sy < sy1; sy++) {
        const row = (y0 + sy) * w + x0;
        const srow = sy * size;
        for (let sx = sx0; sx < sx1; sx++) {
          const p = sp[srow + sx]!;
          // where dots overlap, the more opaque pixel wins: no see-through seams at the edges
          if (p !== 0 && alphaOf(p) >= alphaOf(px[row + sx]!)) px[row + sx] = p;
        }
      }
      if (x0 + sx0 < bx0) bx0 = x0 + sx0;
      if (y0 + sy0 < by0) by0 = y0 + sy0;
      if (x0 + sx1 > bx1) bx1 = x0 + sx1;
      if (y0 + sy1 > by1) by1 = y0 + sy1;
    }
  }
  buf.box = bx1 > bx0 ? { x0: bx0, y0: by0, x1: bx1, y1: by1 } : { x0: 0, y0: 0, x1: 0, y1: 0 };
  if (bx1 > bx0) ctx.putImageData(buf.image, 0, 0, bx0, by0, bx1 - bx0, by1 - by0);
}

/** Rings the highlighted message, if it is in view (screen transform must be set). */
export function drawMessageGlow(ctx: CanvasRenderingContext2D, buf: MessageBuffers, r: number): void {
  if (Number.isNaN(buf.hx)) return;
  ctx.beginPath();
  ctx.arc(buf.hx, buf.hy, r + 5, 0, TAU);
  ctx.strokeStyle = THEME.highlightEdge;
  ctx.lineWidth = 2.5;
  ctx.stroke();
}
