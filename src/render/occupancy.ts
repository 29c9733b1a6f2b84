/** Which places of the layout are taken. */
import type { Point } from './layout';

/** Placed points, bucketed by cells of the separation so a free-place check looks at nine cells, not every node. */
export class Occupancy {
  private readonly cells = new Map<number, Point[]>();

  constructor(private readonly sep: { readonly x: number; readonly y: number }) {}

  private static key(cx: number, cy: number): number {
    // cell indices stay far below 2^20 in magnitude for any world of LIMITS.maxNodes nodes
    return (cx + 1048576) * 2097152 + (cy + 1048576);
  }

  /** Marks a place as taken. */
  add(p: Point): void {
    const k = Occupancy.key(Math.floor(p.x / this.sep.x), Math.floor(p.y / this.sep.y));
    const list = this.cells.get(k);
    if (list) list.push(p);
    else this.cells.set(k, [p]);
  }

  /** True when no taken place lies within the separation of `p` on both axes. */
  isFree(p: Point): boolean {
    const cx = Math.floor(p.x / this.sep.x);
    const cy = Math.floor(p.y / this.sep.y);
    for (let dx = -1; dx <= 1; dx++) {
      for (let dy = -1; dy <= 1; dy++) {
        for (const q of this.cells.get(Occupancy.key(cx + dx, cy + dy)) ?? []) {
          if (Math.abs(q.x - p.x) < this.sep.x && Math.abs(q.y - p.y) < this.sep.y) return false;
        }
      }
    }
    return true;
  }
}
