/** A copy of the static layer that a zoom or pan gesture moves around instead of redrawing it. */
import { THEME } from './palette';
import type { Transform } from './scene';

/** The static layer as it was when a gesture began, and the transform it was drawn with. */
export class StaticSnapshot {
  private canvas: HTMLCanvasElement | null = null;
  private t: Transform = { k: 1, x: 0, y: 0 };
  active = false;

  /** Copies the layer's current pixels. */
  take(source: HTMLCanvasElement, t: Transform): void {
    const c = (this.canvas ??= document.createElement('canvas'));
    if (c.width !== source.width || c.height !== source.height) {
      c.width = source.width;
      c.height = source.height;
    }
    c.getContext('2d')!.drawImage(source, 0, 0);
    this.t = { ...t };
    this.active = true;
  }

  drop(): void {
    this.active = false;
  }

  /** Paints the copy scaled and shifted from its transform to `t` (blurry while zooming in, until the gesture ends). */
  drawInto(ctx: CanvasRenderingContext2D, t: Transform, dpr: number): void {
    if (!this.canvas) return;
    ctx.setTransform(1, 0, 0, 1, 0, 0);
    ctx.fillStyle = THEME.background;
    ctx.fillRect(0, 0, ctx.canvas.width, ctx.canvas.height);
    const s = t.k / this.t.k;
    ctx.setTransform(s, 0, 0, s, (t.x - this.t.x * s) * dpr, (t.y - this.t.y * s) * dpr);
    ctx.drawImage(this.canvas, 0, 0);
  }
}
