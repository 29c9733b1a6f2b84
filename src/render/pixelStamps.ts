/**
 * Dots stamped into a pixel buffer. Software canvases rasterise thousands of
 * arcs slowly; copying a dozen pre-computed pixels per dot stays cheap at
 * 50,000, and one putImageData of the changed box uploads them all.
 */

const LITTLE_ENDIAN = new Uint8Array(new Uint32Array([1]).buffer)[0] === 1;
// where the alpha byte sits in a packed pixel
const ALPHA_SHIFT = LITTLE_ENDIAN ? 24 : 0;

function pack(r: number, g: number, b: number, a: number): number {
  return (LITTLE_ENDIAN ? (a << 24) | (b << 16) | (g << 8) | r : (r << 24) | (g << 16) | (b << 8) | a) >>> 0;
}

/**
 * A dot pre-rendered as packed RGBA pixels, kept as a list of its non-empty
 * pixels with the fully opaque ones first: those overwrite whatever is below
 * without a comparison.
 */
export interface Stamp {
  size: number;
  /** Non-empty pixels: their value, their place in the stamp, and their offset in a buffer `offWidth` wide. */
  val: Uint32Array;
  sx: Uint8Array;
  sy: Uint8Array;
  off: Int32Array;
  offWidth: number;
  opaque: number;
  /** The alpha all its see-through pixels share, or -1 when they differ (see stampBuckets). */
  edgeAlpha: number;
}

const RIM = [15, 23, 42];

/** A filled, anti-aliased circle of radius `r` device px, with a dark rim of `rim` px (it keeps light colours visible). */
export function makeStamp(hex: string, r: number, rim: number): Stamp {
  const v = parseInt(hex.slice(1), 16);
  const rgb = [(v >> 16) & 255, (v >> 8) & 255, v & 255];
  const size = Math.ceil(2 * r + 1);
  const c = size / 2;
  const px = new Uint32Array(size * size);
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      const d = Math.hypot(x + 0.5 - c, y + 0.5 - c);
      const cover = Math.max(0, Math.min(1, r - d + 0.5));
      if (cover === 0) continue;
      const edge = rim > 0 ? Math.max(0, Math.min(1, d - (r - rim) + 0.5)) * 0.6 : 0;
      const ch = (i: number) => Math.round(rgb[i]! * (1 - edge) + RIM[i]! * edge);
      px[y * size + x] = pack(ch(0), ch(1), ch(2), Math.round(cover * 255));
    }
  }
  const alpha = (i: number) => (px[i]! >>> ALPHA_SHIFT) & 255;
  const filled = [...px.keys()].filter((i) => px[i] !== 0);
  // opaque pixels first: they overwrite whatever is below without a comparison
  const opaque = filled.filter((i) => alpha(i) === 255);
  const cells = [...opaque, ...filled.filter((i) => alpha(i) !== 255)];
  const edges = new Set(cells.slice(opaque.length).map(alpha));
  return {
    size,
    val: Uint32Array.from(cells, (i) => px[i]!),
    sx: Uint8Array.from(cells, (i) => i % size),
    sy: Uint8Array.from(cells, (i) => Math.floor(i / size)),
    off: new Int32Array(cells.length),
    offWidth: -1,
    opaque: opaque.length,
    edgeAlpha: edges.size === 1 ? [...edges][0]! : -1,
  };
}

/** The box of a buffer that holds stamped pixels (empty when x1 <= x0). */
export interface Box {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}

/**
 * Stamps `n` dots whose centres are at xy[2i], xy[2i+1] (device px) into
 * `px`, a w × h buffer; where dots overlap the more opaque pixel wins, so
 * there are no see-through seams. Grows `box` to cover what was written.
 */
export function stampDots(px: Uint32Array, w: number, h: number, stamp: Stamp, xy: Float32Array, n: number, box: Box): void {
  const { size, val, off, opaque } = stamp;
  placeFor(stamp, w);
  const cells = val.length;
  const half = size / 2;
  let { x0: bx0, y0: by0, x1: bx1, y1: by1 } = box;
  for (let j = 0; j < 2 * n; j += 2) {
    const x0 = Math.round(xy[j]! - half);
    const y0 = Math.round(xy[j + 1]! - half);
    if (x0 >= 0 && y0 >= 0 && x0 + size <= w && y0 + size <= h) {
      // the common case: the whole dot is on the canvas
      const base = y0 * w + x0;
      let c = 0;
      for (; c < opaque; c++) px[base + off[c]!] = val[c]!;
      for (; c < cells; c++) {
        const i = base + off[c]!;
        const v = val[c]!;
        if (((v >>> ALPHA_SHIFT) & 255) >= ((px[i]! >>> ALPHA_SHIFT) & 255)) px[i] = v;
      }
      if (x0 < bx0) bx0 = x0;
      if (y0 < by0) by0 = y0;
      if (x0 + size > bx1) bx1 = x0 + size;
      if (y0 + size > by1) by1 = y0 + size;
      continue;
    }
    // at an edge: the box as it stands goes to the clipped dot and comes back grown
    Object.assign(box, { x0: bx0, y0: by0, x1: bx1, y1: by1 });
    stampClipped(px, w, h, stamp, x0, y0, 0, cells, opaque, box);
    ({ x0: bx0, y0: by0, x1: bx1, y1: by1 } = box);
  }
  Object.assign(box, { x0: bx0, y0: by0, x1: bx1, y1: by1 });
}

/** Offsets of a stamp's pixels in a buffer `w` wide. */
function placeFor(stamp: Stamp, w: number): void {
  if (stamp.offWidth === w) return;
  for (let j = 0; j < stamp.off.length; j++) stamp.off[j] = stamp.sy[j]! * w + stamp.sx[j]!;
  stamp.offWidth = w;
}

/**
 * Stamps each colour's dots (`xy[b]`, `counts[b]` of them, with `stamps[b]`)
 * as stampDots would one colour after another. When every stamp's
 * see-through pixels share one alpha (the small dots of a crowd), it does so
 * without comparing pixels, in two passes: every dot's see-through pixels,
 * then every dot's opaque ones. The pixels come out the same: opaque still
 * wins over see-through, and between equals the later dot still wins.
 */
export function stampBuckets(px: Uint32Array, w: number, h: number, stamps: readonly Stamp[], xy: readonly Float32Array[], counts: Int32Array, box: Box): void {
  const alpha = stamps[0]?.edgeAlpha ?? -1;
  if (alpha < 0 || stamps.some((s) => s.edgeAlpha !== alpha)) {
    for (let b = 0; b < stamps.length; b++) if (counts[b]! > 0) stampDots(px, w, h, stamps[b]!, xy[b]!, counts[b]!, box);
    return;
  }
  for (const s of stamps) placeFor(s, w);
  for (let b = 0; b < stamps.length; b++) if (counts[b]! > 0) writeCells(px, w, h, stamps[b]!, xy[b]!, counts[b]!, false, box);
  for (let b = 0; b < stamps.length; b++) if (counts[b]! > 0) writeCells(px, w, h, stamps[b]!, xy[b]!, counts[b]!, true, box);
}

/** Writes the opaque or the see-through pixels of `n` dots without comparing; the see-through pass also grows `box`. */
function writeCells(px: Uint32Array, w: number, h: number, stamp: Stamp, xy: Float32Array, n: number, opaquePass: boolean, box: Box): void {
  const { size, val, off } = stamp;
  const from = opaquePass ? 0 : stamp.opaque;
  const to = opaquePass ? stamp.opaque : val.length;
  const half = size / 2;
  let { x0: bx0, y0: by0, x1: bx1, y1: by1 } = box;
  for (let j = 0; j < 2 * n; j += 2) {
    const x0 = Math.round(xy[j]! - half);
    const y0 = Math.round(xy[j + 1]! - half);
    if (x0 >= 0 && y0 >= 0 && x0 + size <= w && y0 + size <= h) {
      const base = y0 * w + x0;
      for (let c = from; c < to; c++) px[base + off[c]!] = val[c]!;
      if (opaquePass) continue;
      if (x0 < bx0) bx0 = x0;
      if (y0 < by0) by0 = y0;
      if (x0 + size > bx1) bx1 = x0 + size;
      if (y0 + size > by1) by1 = y0 + size;
      continue;
    }
    // at an edge (the opaque pass leaves the box alone: the see-through pass has grown it)
    Object.assign(box, { x0: bx0, y0: by0, x1: bx1, y1: by1 });
    stampClipped(px, w, h, stamp, x0, y0, from, to, to, opaquePass ? null : box);
    ({ x0: bx0, y0: by0, x1: bx1, y1: by1 } = box);
  }
  Object.assign(box, { x0: bx0, y0: by0, x1: bx1, y1: by1 });
}

/**
 * A dot at an edge, clipped pixel by pixel: writes its pixels `from` to `to`
 * that fall on the canvas (those from `compareFrom` on only where at least as
 * opaque as what is there), and grows `box` (unless null) when any of its
 * pixels is on the canvas.
 */
function stampClipped(px: Uint32Array, w: number, h: number, stamp: Stamp, x0: number, y0: number, from: number, to: number, compareFrom: number, box: Box | null): void {
  const { val, sx, sy, size } = stamp;
  let any = false;
  for (let c = 0; c < val.length; c++) {
    const x = x0 + sx[c]!;
    const y = y0 + sy[c]!;
    if (x < 0 || y < 0 || x >= w || y >= h) continue;
    any = true;
    if (c < from || c >= to) continue;
    const i = y * w + x;
    const v = val[c]!;
    if (c < compareFrom || ((v >>> ALPHA_SHIFT) & 255) >= ((px[i]! >>> ALPHA_SHIFT) & 255)) px[i] = v;
  }
  if (!any || !box) return;
  box.x0 = Math.min(box.x0, Math.max(0, x0));
  box.y0 = Math.min(box.y0, Math.max(0, y0));
  box.x1 = Math.max(box.x1, Math.min(w, x0 + size));
  box.y1 = Math.max(box.y1, Math.min(h, y0 + size));
}
