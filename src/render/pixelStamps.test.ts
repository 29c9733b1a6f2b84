import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { makeStamp, stampBuckets, stampDots, type Box } from './pixelStamps';

const W = 40;
const H = 30;

function paint(points: number[], r = 3): { px: Uint32Array; box: Box } {
  const px = new Uint32Array(W * H);
  const box: Box = { x0: W, y0: H, x1: 0, y1: 0 };
  stampDots(px, W, H, makeStamp('#0072b2', r, 1), Float32Array.from(points), points.length / 2, box);
  return { px, box };
}

describe('pixel stamps (messages drawn as dots into a pixel buffer)', () => {
  it('draws a dot as a filled disc around its centre, inside the reported box', () => {
    const { px, box } = paint([20, 15]);
    expect(px[15 * W + 20]).not.toBe(0);
    expect(px[15 * W + 30]).toBe(0);
    for (let y = 0; y < H; y++) for (let x = 0; x < W; x++) if (px[y * W + x]) expect(x >= box.x0 && x < box.x1 && y >= box.y0 && y < box.y1).toBe(true);
  });

  it('clips a dot at the canvas edge to the same pixels a whole dot has there', () => {
    const whole = paint([20, 15]).px;
    // the same dot moved so that its left half falls off the canvas
    const cut = paint([2, 15]).px;
    for (let y = 10; y < 20; y++) for (let dx = 0; dx < 6; dx++) expect(cut[y * W + dx]).toBe(whole[y * W + 18 + dx]);
  });

  it('never lets an overlapping dot make a pixel more see-through (no seams where dots touch)', () => {
    const both = paint([20, 15, 22, 15]).px;
    const first = paint([20, 15]).px;
    const second = paint([22, 15]).px;
    const alpha = (p: number) => p >>> 24;
    for (let i = 0; i < both.length; i++) expect(alpha(both[i]!)).toBe(Math.max(alpha(first[i]!), alpha(second[i]!)));
  });

  it('ignores dots entirely off the canvas and leaves the box empty', () => {
    const { px, box } = paint([-50, -50, 500, 10]);
    expect(px.every((p) => p === 0)).toBe(true);
    expect(box.x1 <= box.x0).toBe(true);
  });

  it('stamps many colours of crowd dots in two passes to the same pixels and box as one colour after another', () => {
    const colours = ['#0072b2', '#e69f00', '#009e73', '#cc79a7', '#56b4e9'];
    // fast-check reports the seed of a failing case
    fc.assert(
      fc.property(
        fc.constantFrom(1.5, 2, 3.5),
        fc.constantFrom(0, 1),
        fc.array(fc.array(fc.tuple(fc.float({ min: -6, max: W + 6, noNaN: true }), fc.float({ min: -6, max: H + 6, noNaN: true })), { maxLength: 40 }), { minLength: colours.length, maxLength: colours.length }),
        (r, rim, dots) => {
          const stamps = colours.map((c) => makeStamp(c, r, rim));
          const xy = dots.map((d) => Float32Array.from(d.flat()));
          const counts = Int32Array.from(dots, (d) => d.length);
          const one = new Uint32Array(W * H);
          const oneBox: Box = { x0: W, y0: H, x1: 0, y1: 0 };
          stamps.forEach((s, b) => stampDots(one, W, H, s, xy[b]!, counts[b]!, oneBox));
          const two = new Uint32Array(W * H);
          const twoBox: Box = { x0: W, y0: H, x1: 0, y1: 0 };
          stampBuckets(two, W, H, stamps, xy, counts, twoBox);
          expect(two).toEqual(one);
          expect(twoBox).toEqual(oneBox);
        },
      ),
      { numRuns: 500 },
    );
  });

  it('uses the two passes for the small dots of a crowd (one see-through alpha), not for rimmed dots', () => {
    expect(makeStamp('#0072b2', 1.5, 0).edgeAlpha).toBeGreaterThan(0);
    expect(makeStamp('#0072b2', 4, 1).edgeAlpha).toBe(-1);
  });
});
