/**
 * Afterglow of finished hops. A hop across a LAN lasts microseconds, so at
 * teaching speeds no frame ever catches it in flight; the worker reports the
 * hops that finished since the last frame, and each is drawn for a moment as
 * a fading streak into its destination (a red cross where it was lost).
 */
import { HOP_STRIDE } from '../protocol';
import type { DrawContext } from './drawStatic';
import { MESSAGE_COLOR_OTHER, MESSAGE_COLORS, RING_RADIUS, THEME } from './palette';

/** How long a finished hop stays visible, in wall-clock ms. */
const GLOW_MS = 450;
/** More finished hops than this at once is a blur, not information: keep the newest. */
const MAX_LIVE = 400;

interface Arrival {
  from: number;
  to: number;
  kind: number;
  lost: boolean;
  bornMs: number;
}

export class Arrivals {
  private live: Arrival[] = [];

  /** Takes the hops of one frame (from, to, kind, arriveUs, lost). */
  add(hops: Float64Array, nowMs: number): void {
    const first = Math.max(0, hops.length / HOP_STRIDE - MAX_LIVE);
    for (let i = first; i < hops.length / HOP_STRIDE; i++) {
      const o = i * HOP_STRIDE;
      this.live.push({ from: hops[o]!, to: hops[o + 1]!, kind: hops[o + 2]!, lost: hops[o + 4] === 1, bornMs: nowMs });
    }
    if (this.live.length > MAX_LIVE) this.live = this.live.slice(-MAX_LIVE);
  }

  get active(): boolean {
    return this.live.length > 0;
  }

  /** Draws the live glows in world coordinates (the transform must be set); drops the expired ones. */
  draw(ctx: CanvasRenderingContext2D, dc: DrawContext, nowMs: number): void {
    this.live = this.live.filter((a) => nowMs - a.bornMs < GLOW_MS);
    const { wx, wy, kinds } = dc.scene;
    const k = dc.t.k;
    ctx.lineCap = 'round';
    for (const a of this.live) {
      const ax = wx[a.from]!;
      const ay = wy[a.from]!;
      const dx = wx[a.to]! - ax;
      const dy = wy[a.to]! - ay;
      const len = Math.hypot(dx, dy);
      if (!(len > 0)) continue;
      const ux = dx / len;
      const uy = dy / len;
      const end = len - (RING_RADIUS[kinds[a.to]!] ?? 0);
      const ex = ax + ux * end;
      const ey = ay + uy * end;
      ctx.globalAlpha = 1 - (nowMs - a.bornMs) / GLOW_MS;
      if (a.lost) {
        const s = 6 / Math.max(k, 0.5);
        ctx.strokeStyle = THEME.linkCut;
        ctx.lineWidth = 2.5 / Math.max(k, 0.5);
        ctx.beginPath();
        ctx.moveTo(ex - s, ey - s);
        ctx.lineTo(ex + s, ey + s);
        ctx.moveTo(ex + s, ey - s);
        ctx.lineTo(ex - s, ey + s);
        ctx.stroke();
        continue;
      }
      const start = Math.max(RING_RADIUS[kinds[a.from]!] ?? 0, end - Math.min(60, len * 0.45));
      ctx.strokeStyle = MESSAGE_COLORS[a.kind] ?? MESSAGE_COLOR_OTHER;
      ctx.lineWidth = 4 / Math.max(k, 0.5);
      ctx.beginPath();
      ctx.moveTo(ax + ux * start, ay + uy * start);
      ctx.lineTo(ex, ey);
      ctx.stroke();
    }
    ctx.globalAlpha = 1;
  }
}
