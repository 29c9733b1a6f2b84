/**
 * Labelled badges above nodes: the cluster's groups sit on their owner, so a
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

/** Draws the badges in world coordinates (the transform must be set); stacked upwards when a node has several. */
export function drawBadges(ctx: CanvasRenderingContext2D, dc: DrawContext, badges: readonly Badge[]): void {
  if (badges.length === 0) return;
  const { wx, wy, kinds } = dc.scene;
  const stack = new Map<number, number>();
  ctx.font = `bold 10px ${FONT_FAMILY}`;
  ctx.textAlign = 'center';
  ctx.textBaseline = 'middle';
  for (const b of badges) {
    const x = wx[b.node];
    const y = wy[b.node];
    if (x === undefined || y === undefined || Number.isNaN(x)) continue;
    const k = stack.get(b.node) ?? 0;
    stack.set(b.node, k + 1);
    const half = NODE_HALF[kinds[b.node]!] ?? { w: 15, h: 15 };
    const w = ctx.measureText(b.text).width + 10;
    const cy = y - half.h - 34 - k * 16;
    ctx.fillStyle = TONES[b.tone].fill;
    ctx.beginPath();
    ctx.roundRect(x - w / 2, cy - 7, w, 14, 7);
    ctx.fill();
    ctx.fillStyle = TONES[b.tone].text;
    ctx.fillText(b.text, x, cy + 0.5);
  }
}
