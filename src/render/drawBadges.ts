/**
 * Labelled badges beside nodes: the cluster's groups sit on their owner, so a
 * failover shows as the badge leaving one node and appearing on another.
 */
import type { DrawContext } from './drawStatic';
import { FONT_FAMILY, NODE_HALF } from './palette';

/** One badge: a short label on a node (network index), coloured by its state. */
export interface Badge {
  node: number;
  text: string;
  tone: 'ok' | 'pending' | 'bad';
}

const TONES = {
  ok: { fill: '#15803d', text: '#ffffff' },
  pending: { fill: '#a16207', text: '#ffffff' },
  bad: { fill: '#b91c1c', text: '#ffffff' },
} as const;

/** How long a badge takes to travel to its group's new owner (wall-clock ms). */
export const TRAVEL_MS = 1200;

/**
 * Remembers where each badge (by its text) was drawn, so that when its node
 * changes (a failover) it glides from the old owner to the new one instead of
 * jumping: the eye follows the group across the cluster.
 */
export class BadgeMotion {
  private last = new Map<string, { node: number; x: number; y: number }>();
  private moving = new Map<string, { fromX: number; fromY: number; startMs: number }>();

  /** Where to draw badge b (target x, y) at nowMs. */
  place(b: Badge, x: number, y: number, nowMs: number): { x: number; y: number; travelling: boolean } {
    const prev = this.last.get(b.text);
    if (prev && prev.node !== b.node) this.moving.set(b.text, { fromX: prev.x, fromY: prev.y, startMs: nowMs });
    this.last.set(b.text, { node: b.node, x, y });
    const m = this.moving.get(b.text);
    if (!m) return { x, y, travelling: false };
    const p = Math.min(1, (nowMs - m.startMs) / TRAVEL_MS);
    if (p >= 1) {
      this.moving.delete(b.text);
      return { x, y, travelling: false };
    }
    const e = p < 0.5 ? 2 * p * p : 1 - (-2 * p + 2) ** 2 / 2;
    return { x: m.fromX + (x - m.fromX) * e, y: m.fromY + (y - m.fromY) * e, travelling: true };
  }

  /** True while some badge is still on its way (the renderer keeps drawing). */
  get active(): boolean {
    return this.moving.size > 0;
  }
}

/** Draws the badges in world coordinates (the transform must be set); stacked downwards when a node has several. */
export function drawBadges(ctx: CanvasRenderingContext2D, dc: DrawContext, badges: readonly Badge[], motion?: BadgeMotion, nowMs = 0): void {
  if (badges.length === 0) return;
  const { wx, wy, kinds } = dc.scene;
  const stack = new Map<number, number>();
  ctx.font = `bold 10px ${FONT_FAMILY}`;
  ctx.textAlign = 'center';
  ctx.textBaseline = 'middle';
  for (const b of badges) {
    const nx = wx[b.node];
    const ny = wy[b.node];
    if (nx === undefined || ny === undefined || Number.isNaN(nx)) continue;
    const k = stack.get(b.node) ?? 0;
    stack.set(b.node, k + 1);
    const half = NODE_HALF[kinds[b.node]!] ?? { w: 15, h: 15 };
    const w = ctx.measureText(b.text).width + 10;
    // beside the node, to the right, stacked downwards: above it they would sit on the label of
    // the node over it (servers are stacked in a column) or be clipped at the canvas's top
    const tx = nx + half.w + 8 + w / 2;
    const ty = ny - half.h + 7 + k * 16;
    const at = motion ? motion.place(b, tx, ty, nowMs) : { x: tx, y: ty, travelling: false };
    const x = at.x;
    const cy = at.y;
    if (at.travelling) {
      // a faint line back to where it is going, so the move reads as a move
      ctx.strokeStyle = TONES[b.tone].fill;
      ctx.globalAlpha = 0.35;
      ctx.setLineDash([4, 4]);
      ctx.beginPath();
      ctx.moveTo(x, cy);
      ctx.lineTo(tx, ty);
      ctx.stroke();
      ctx.setLineDash([]);
      ctx.globalAlpha = 1;
    }
    ctx.fillStyle = TONES[b.tone].fill;
    ctx.beginPath();
    ctx.roundRect(x - w / 2, cy - 7, w, 14, 7);
    ctx.fill();
    ctx.fillStyle = TONES[b.tone].text;
    ctx.fillText(b.text, x, cy + 0.5);
  }
}
