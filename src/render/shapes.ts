/**
 * Node outlines traced into the current path (no fill, no stroke), so the
 * caller can batch every node of one kind and state into a single path.
 */
import type { NodeKind } from '../protocol';

function roundRect(ctx: CanvasRenderingContext2D, x: number, y: number, w: number, h: number, r: number): void {
  ctx.moveTo(x + r, y);
  ctx.arcTo(x + w, y, x + w, y + h, r);
  ctx.arcTo(x + w, y + h, x, y + h, r);
  ctx.arcTo(x, y + h, x, y, r);
  ctx.arcTo(x, y, x + w, y, r);
  ctx.closePath();
}

/** Traces the filled body of a node centred at (x, y). */
export function traceBody(ctx: CanvasRenderingContext2D, kind: NodeKind, x: number, y: number): void {
  switch (kind) {
    case 'client':
      // a monitor: the screen, then its foot
      roundRect(ctx, x - 15, y - 12, 30, 19, 3);
      ctx.rect(x - 7, y + 9, 14, 3);
      return;
    case 'switch':
      roundRect(ctx, x - 23, y - 7, 46, 14, 3);
      return;
    case 'server':
      roundRect(ctx, x - 12, y - 19, 24, 38, 2);
      return;
    case 'db':
      // a cylinder: left side down, front of the bottom rim, right side up, back of the lid
      ctx.moveTo(x - 15, y - 12);
      ctx.lineTo(x - 15, y + 12);
      ctx.ellipse(x, y + 12, 15, 5, 0, Math.PI, 0, true);
      ctx.lineTo(x + 15, y - 12);
      ctx.ellipse(x, y - 12, 15, 5, 0, 0, Math.PI, true);
      ctx.closePath();
      return;
  }
}

/** Traces the inner lines of a node (stroked only): monitor neck, switch ports, rack units, lid rim. */
export function traceDetail(ctx: CanvasRenderingContext2D, kind: NodeKind, x: number, y: number): void {
  switch (kind) {
    case 'client':
      ctx.moveTo(x, y + 7);
      ctx.lineTo(x, y + 9);
      return;
    case 'switch':
      for (let p = -15; p <= 15; p += 6) {
        ctx.moveTo(x + p, y + 1);
        ctx.lineTo(x + p, y + 4);
      }
      return;
    case 'server':
      for (const dy of [-9, -1, 7]) {
        ctx.moveTo(x - 8, y + dy);
        ctx.lineTo(x + 8, y + dy);
      }
      return;
    case 'db':
      ctx.moveTo(x + 15, y - 12);
      ctx.ellipse(x, y - 12, 15, 5, 0, 0, Math.PI, false);
      ctx.moveTo(x + 15, y);
      ctx.ellipse(x, y, 15, 5, 0, 0, Math.PI, false);
      return;
  }
}

/** Traces a red X across a crashed node. */
export function traceCross(ctx: CanvasRenderingContext2D, x: number, y: number, r: number): void {
  ctx.moveTo(x - r, y - r);
  ctx.lineTo(x + r, y + r);
  ctx.moveTo(x + r, y - r);
  ctx.lineTo(x - r, y + r);
}
