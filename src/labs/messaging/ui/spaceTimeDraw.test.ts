import { describe, expect, it } from 'vitest';
import { SPAN_STRIDE, TX_STRIDE, TXF, type DiagramView } from '../../../protocol';
import { drawSpaceTime, hitTest, isLost } from './spaceTimeDraw';

/** A canvas context that accepts every call and records how many lines were stroked. */
function fakeCtx() {
  const calls = { stroke: 0 };
  const ctx = new Proxy({} as Record<string, unknown>, {
    get: (t, k) => (k in t ? t[k as string] : k === 'stroke' ? () => calls.stroke++ : () => undefined),
    set: (t, k, v) => ((t[k as string] = v), true),
  });
  return { ctx: ctx as unknown as CanvasRenderingContext2D, calls };
}

/** uid, kind, from, to, tSend, tEnd, kid, flags, expect, call */
function tx(rows: number[][]): Float64Array {
  const d = new Float64Array(rows.length * TX_STRIDE);
  rows.forEach((r, i) => d.set(r, i * TX_STRIDE));
  return d;
}

const empty = new Float64Array(0);

describe('space-time diagram drawing', () => {
  it('counts and draws only what falls in the window, and finds lost messages', () => {
    const d: DiagramView = {
      tx: tx([
        [0, 16, 0, 1, 1_000, 21_000, 5, TXF.delivered, 21_000, -1], // long before the window
        [1, 16, 0, 1, 900_000, 920_000, 6, TXF.delivered, 920_000, -1],
        [2, 16, 0, 1, 950_000, -1, -1, 0, 970_000, -1], // never arrived: lost by now
        [3, 16, 0, 1, 990_000, -1, -1, TXF.retransmit, 1_010_000, -1], // still on its way
      ]),
      spans: new Float64Array([1, 3, 880_000, -1].concat(new Array(SPAN_STRIDE - 4).fill(0))),
      calls: empty,
      marks: empty,
    };
    const { ctx } = fakeCtx();
    const r = drawSpaceTime(ctx, ['A', 'B'], d, { width: 800, t0: 500_000, t1: 1_000_000, nowUs: 1_000_000, highlight: -1 });
    expect(r.counts).toEqual({ messages: 3, lost: 1, retransmits: 1, blocked: 1, calls: 0 });
    expect(r.hits.map((h) => h.serial)).toEqual([1, 2, 3]);
    expect(isLost(d.tx, 2 * TX_STRIDE, 1_000_000)).toBe(true);
    expect(isLost(d.tx, 3 * TX_STRIDE, 1_000_000)).toBe(false);
  });

  it('hovering near an arrow finds it, and far from every arrow finds none', () => {
    const hits = [
      { serial: 7, x1: 0, y1: 0, x2: 100, y2: 100 },
      { serial: 8, x1: 0, y1: 100, x2: 100, y2: 0 },
    ];
    expect(hitTest(hits, 20, 22)).toBe(7);
    expect(hitTest(hits, 20, 79)).toBe(8);
    expect(hitTest(hits, 90, 40)).toBe(-1);
  });
});
