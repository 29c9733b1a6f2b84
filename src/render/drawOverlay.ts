/**
 * The overlay, redrawn every frame: utilisation arcs, queue badges and the
 * messages in flight.
 */
import { NF, NODE_STRIDE } from '../protocol';
import { collectedCount, collectMessages, dotRadius, drawMessageGlow, messageRadius, paintMessages, type MessageBuffers } from './drawMessages';
import type { Arrivals } from './drawArrivals';
import { drawBadges, type Badge, type BadgeMotion } from './drawBadges';
import { ringsVisible, worldViewport, type DrawContext } from './drawStatic';
import { FONT_FAMILY, NODE_HALF, RING_RADIUS, THEME } from './palette';

const TAU = Math.PI * 2;

function drawUtilisation(ctx: CanvasRenderingContext2D, dc: DrawContext, visible: number[]): void {
  const { scene, view, t } = dc;
  if (!view || !ringsVisible(t.k)) return;
  ctx.lineWidth = Math.max(3, 1 / t.k);
  ctx.lineCap = 'butt';
  for (const hot of [false, true]) {
    ctx.beginPath();
    for (const i of visible) {
      const o = i * NODE_STRIDE;
      const u = view.nodes[o + NF.util] ?? 0;
      if (view.nodes[o + NF.up] === 0 || u < 0.005 || (u >= 0.85) !== hot) continue;
      const r = RING_RADIUS[scene.kinds[i]!];
      const x = scene.wx[i]!;
      const y = scene.wy[i]!;
      const a1 = -Math.PI / 2 + Math.min(u, 1) * TAU;
      ctx.moveTo(x, y - r);
      ctx.arc(x, y, r, -Math.PI / 2, a1);
    }
    ctx.strokeStyle = hot ? THEME.utilHot : THEME.util;
    ctx.stroke();
  }
}

function drawQueueBadges(ctx: CanvasRenderingContext2D, dc: DrawContext, visible: number[]): void {
  const { scene, view, t } = dc;
  if (!view) return;
  const r = Math.max(7, 3 / t.k);
  const badges: number[] = [];
  for (const i of visible) if ((view.nodes[i * NODE_STRIDE + NF.queue] ?? 0) > 0 && view.nodes[i * NODE_STRIDE + NF.up] !== 0) badges.push(i);
  if (badges.length === 0) return;
  const text = badges.map((i) => String(view.nodes[i * NODE_STRIDE + NF.queue]));
  const centre = (i: number) => {
    const h = NODE_HALF[scene.kinds[i]!];
    return { x: scene.wx[i]! + h.w, y: scene.wy[i]! - h.h };
  };
  ctx.beginPath();
  badges.forEach((i, k) => {
    const c = centre(i);
    // widen the pill for long numbers so the digits stay inside
    const half = dc.labels ? Math.max(0, (text[k]!.length - 1) * 3.2) : 0;
    ctx.moveTo(c.x - half, c.y - r);
    ctx.arc(c.x + half, c.y, r, -Math.PI / 2, Math.PI / 2);
    ctx.arc(c.x - half, c.y, r, Math.PI / 2, (3 * Math.PI) / 2);
    ctx.closePath();
  });
  ctx.fillStyle = THEME.badge;
  ctx.fill();
  if (!dc.labels) return;
  ctx.font = `bold 9px ${FONT_FAMILY}`;
  ctx.textAlign = 'center';
  ctx.textBaseline = 'middle';
  ctx.fillStyle = THEME.badgeText;
  badges.forEach((i, k) => {
    const c = centre(i);
    ctx.fillText(text[k]!, c.x, c.y + 0.5);
  });
}

/** Redraws the overlay layer. */
export function drawOverlay(
  ctx: CanvasRenderingContext2D,
  dc: DrawContext,
  buf: MessageBuffers,
  highlightMessage: number,
  arrivals: Arrivals,
  nowMs: number,
  badges: readonly Badge[] = [],
  motion?: BadgeMotion,
): void {
  const { t, dpr, scene } = dc;
  // collect at full size first: the count decides the dot size, and positions barely depend on it
  collectMessages(dc, buf, messageRadius(t.k), highlightMessage);
  const r = dotRadius(t.k, collectedCount(buf));
  ctx.setTransform(1, 0, 0, 1, 0, 0);
  ctx.clearRect(0, 0, ctx.canvas.width, ctx.canvas.height);
  paintMessages(ctx, buf, r, dpr);
  ctx.setTransform(dpr * t.k, 0, 0, dpr * t.k, dpr * t.x, dpr * t.y);
  const vp = worldViewport(dc, 40);
  const visible: number[] = [];
  for (let i = 0; i < scene.wx.length; i++) {
    const x = scene.wx[i]!;
    const y = scene.wy[i]!;
    if (x >= vp.x0 && x <= vp.x1 && y >= vp.y0 && y <= vp.y1) visible.push(i);
  }
  arrivals.draw(ctx, dc, nowMs);
  drawUtilisation(ctx, dc, visible);
  drawQueueBadges(ctx, dc, visible);
  drawBadges(ctx, dc, badges, motion, nowMs);
  ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
  drawMessageGlow(ctx, buf, r);
}
