/**
 * Messages in flight, drawn in bulk: positions are collected per colour into
 * reusable buffers, then a pre-rendered dot is stamped per message into a
 * pixel buffer, uploaded once. Software canvases rasterise thousands of arcs
 * slowly; copying a few dozen pixels per message stays cheap at 50,000.
 */
import { MF, MSG_STRIDE } from '../protocol';
import type { DrawContext } from './drawStatic';
import { messageProgress } from './scene';
import { MESSAGE_COLOR_OTHER, MESSAGE_COLORS, THEME } from './palette';
import { makeStamp, stampBuckets, type Box, type Stamp } from './pixelStamps';

const BUCKETS = MESSAGE_COLORS.length + 1;
const TAU = Math.PI * 2;
// past this many visible messages the dots shrink, so dense traffic stays legible and cheap
const BULK = 3000;
// and past this many they are dots of the smallest size that still shows a colour
const CROWD = 20_000;
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
  /** The pixel buffer, sized to the canvas, and the box of it that holds dots. */
  image: ImageData | null = null;
  pixels = new Uint32Array(0);
  box: Box = { x0: 0, y0: 0, x1: 0, y1: 0 };
  stamps: Stamp[] = [];
  /** Per node, this frame: screen position and ring radius (CSS px). */
  sx = new Float64Array(0);
  sy = new Float64Array(0);
  sr = new Float64Array(0);
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
  const n = scene.wx.length;
  const k = t.k;
  // every node's screen position and ring radius, once per frame rather than once per message
  if (buf.sx.length < n) {
    buf.sx = new Float64Array(n);
    buf.sy = new Float64Array(n);
    buf.sr = new Float64Array(n);
  }
  const { sx, sy, sr } = buf;
  for (let i = 0; i < n; i++) {
    sx[i] = scene.wx[i]! * k + t.x;
    sy[i] = scene.wy[i]! * k + t.y;
    sr[i] = scene.ring[i]! * k;
  }
  const side = Math.min(3.5, Math.max(1, 3 * k));
  const xMax = dc.width + r;
  const yMax = dc.height + r;
  for (let o = 0; o + MSG_STRIDE <= m.length; o += MSG_STRIDE) {
    const from = m[o + MF.from]!;
    const to = m[o + MF.to]!;
    const ax = sx[from]!;
    const ay = sy[from]!;
    const dx = sx[to]! - ax;
    const dy = sy[to]! - ay;
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
      const d = sr[from]! + r + 2 + q * (2 * r + 1);
      x = ax + ux * d - uy * (r + side);
      y = ay + uy * d + ux * (r + side);
    } else {
      // travel from ring edge to ring edge, so a message is never hidden on top of a node
      const r0 = sr[from]!;
      const span = len - r0 - sr[to]!;
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
  if (visible > CROWD) return 1.5;
  return visible > BULK ? Math.max(1.5, messageRadius(k) * 0.75) : messageRadius(k);
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
  const box = (buf.box = { x0: w, y0: h, x1: 0, y1: 0 });
  if (collectedCount(buf) === 0) return;
  const key = Math.round(r * dpr * 4) + dpr * 1e4;
  if (key !== buf.stampKey) {
    buf.stampKey = key;
    // a rim on a dot of a few pixels would leave only the rim
    const rim = r * dpr >= 3 ? Math.max(1, dpr) : 0;
    buf.stamps = [...MESSAGE_COLORS, MESSAGE_COLOR_OTHER].map((c) => makeStamp(c, r * dpr, rim));
  }
  // positions were collected in CSS px
  if (dpr !== 1) {
    for (let b = 0; b < BUCKETS; b++) {
      const xy = buf.xy[b]!;
      for (let j = 0; j < 2 * buf.count[b]!; j++) xy[j] = xy[j]! * dpr;
    }
  }
  stampBuckets(px, w, h, buf.stamps, buf.xy, buf.count, box);
  if (box.x1 > box.x0) ctx.putImageData(buf.image, 0, 0, box.x0, box.y0, box.x1 - box.x0, box.y1 - box.y0);
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
