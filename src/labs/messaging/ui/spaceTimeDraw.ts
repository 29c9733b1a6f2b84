import { CALL, CALL_STRIDE, MARK, MARK_STRIDE, MARK_TYPE, MP_MSG, SPAN, SPAN_STRIDE, TX, TX_STRIDE, TXF, type DiagramView } from '../../../protocol';
import { MESSAGE_COLORS, MESSAGE_COLOR_OTHER } from '../../../render/palette';
import { fmtNum } from '../../../ui/format';

export const GUTTER = 120;
export const ROW = 40;
export const TOP = 14;
export const AXIS = 22;

export interface StView {
  width: number;
  t0: number;
  t1: number;
  nowUs: number;
  /** The transmission serial to emphasise (-1: none). */
  highlight: number;
}

/** A drawn arrow, for hovering. */
export interface Hit {
  serial: number;
  x1: number;
  y1: number;
  x2: number;
  y2: number;
}

export interface StCounts {
  messages: number;
  lost: number;
  retransmits: number;
  blocked: number;
  calls: number;
}

export const rowY = (p: number) => TOP + p * ROW + ROW / 2;
export const heightFor = (procs: number) => TOP + procs * ROW + AXIS;

/** A message never delivered is taken as lost once it is well past its expected arrival. */
export function isLost(d: Float64Array, o: number, nowUs: number): boolean {
  const tSend = d[o + TX.tSend]!;
  const expect = d[o + TX.expect]!;
  return d[o + TX.tEnd]! < 0 && nowUs > tSend + 2 * (expect - tSend) + 5_000;
}

const BLOCK_FILL = ['', '', 'rgba(234, 88, 12, 0.28)', 'rgba(37, 99, 235, 0.24)'];

/** A tick step in µs giving about 90 px between ticks. */
function tickStep(spanUs: number, px: number): number {
  const target = (spanUs / px) * 90;
  let step = 1000;
  for (const m of [1, 2, 5, 10, 20, 50, 100, 200, 500, 1000, 2000, 5000, 10_000, 60_000, 300_000]) {
    step = m * 1000;
    if (step >= target) break;
  }
  return step;
}

/**
 * Draws the space-time diagram of the window [t0, t1]: one line per process,
 * blocked intervals shaded, an arrow per transmission (dashed when it is a
 * retransmission, ending in a cross when lost, in a bar when discarded), RPC
 * calls as brackets and the point signals. Only what falls in the window is
 * drawn. Returns the arrows drawn (for hovering) and what it counted.
 */
export function drawSpaceTime(ctx: CanvasRenderingContext2D, labels: string[], d: DiagramView, v: StView): { hits: Hit[]; counts: StCounts } {
  const plot = Math.max(10, v.width - GUTTER - 10);
  const span = Math.max(1, v.t1 - v.t0);
  const x = (t: number) => GUTTER + ((t - v.t0) / span) * plot;
  const h = heightFor(labels.length);
  const counts: StCounts = { messages: 0, lost: 0, retransmits: 0, blocked: 0, calls: 0 };
  const hits: Hit[] = [];
  ctx.clearRect(0, 0, v.width, h);
  ctx.font = '12px system-ui, sans-serif';
  ctx.textBaseline = 'middle';
  // process lines
  labels.forEach((l, p) => {
    const y = rowY(p);
    ctx.fillStyle = '#0f172a';
    ctx.fillText(l, 6, y, GUTTER - 12);
    ctx.strokeStyle = '#94a3b8';
    ctx.lineWidth = 1;
    ctx.beginPath();
    ctx.moveTo(GUTTER, y);
    ctx.lineTo(GUTTER + plot, y);
    ctx.stroke();
  });
  // time axis
  const step = tickStep(span, plot);
  ctx.fillStyle = '#475569';
  ctx.strokeStyle = '#e2e8f0';
  for (let t = Math.ceil(v.t0 / step) * step; t <= v.t1; t += step) {
    const tx = x(t);
    ctx.beginPath();
    ctx.moveTo(tx, TOP);
    ctx.lineTo(tx, h - AXIS);
    ctx.stroke();
    ctx.fillText(step >= 1_000_000 ? `${fmtNum(t / 1e6)} s` : `${fmtNum(t / 1e6, step >= 100_000 ? 1 : step >= 10_000 ? 2 : 3)} s`, tx - 14, h - AXIS / 2);
  }
  // blocked intervals
  const s = d.spans;
  for (let o = 0; o < s.length; o += SPAN_STRIDE) {
    const a = s[o + SPAN.t0]!;
    const b = s[o + SPAN.t1]! < 0 ? v.nowUs : s[o + SPAN.t1]!;
    if (b < v.t0 || a > v.t1) continue;
    const p = s[o + SPAN.proc]!;
    if (p >= labels.length) continue;
    counts.blocked++;
    ctx.fillStyle = BLOCK_FILL[s[o + SPAN.state]!] ?? 'rgba(100,116,139,0.2)';
    const x1 = x(Math.max(a, v.t0));
    ctx.fillRect(x1, rowY(p) - ROW * 0.28, Math.max(1.5, x(Math.min(b, v.t1)) - x1), ROW * 0.56);
  }
  // RPC calls: a bracket over the caller's line
  const c = d.calls;
  for (let o = 0; o < c.length; o += CALL_STRIDE) {
    const a = c[o + CALL.t0]!;
    const open = c[o + CALL.t1]! < 0;
    const b = open ? v.nowUs : c[o + CALL.t1]!;
    if (b < v.t0 || a > v.t1) continue;
    counts.calls++;
    const y = rowY(c[o + CALL.client]!) - ROW * 0.38 - (c[o + CALL.id]! % 3) * 3;
    const outcome = c[o + CALL.outcome]!;
    ctx.strokeStyle = open ? '#475569' : outcome === 0 ? '#15803d' : '#b91c1c';
    ctx.lineWidth = 1.5;
    const x1 = x(a);
    const x2 = x(b);
    ctx.beginPath();
    ctx.moveTo(x1, y + 5);
    ctx.lineTo(x1, y);
    ctx.lineTo(x2, y);
    if (!open) ctx.lineTo(x2, y + 5);
    ctx.stroke();
  }
  // transmissions
  const tx = d.tx;
  for (let o = 0; o < tx.length; o += TX_STRIDE) {
    const tSend = tx[o + TX.tSend]!;
    if (tSend > v.t1) continue;
    const tEnd = tx[o + TX.tEnd]!;
    const lost = isLost(tx, o, v.nowUs);
    const expect = tx[o + TX.expect]!;
    const end = tEnd >= 0 ? tEnd : lost ? tSend + (expect - tSend) * 0.6 : Math.min(v.nowUs, expect);
    if (end < v.t0) continue;
    const from = tx[o + TX.from]!;
    const to = tx[o + TX.to]!;
    if (from >= labels.length || to >= labels.length) continue;
    const flags = tx[o + TX.flags]!;
    const kind = tx[o + TX.kind]!;
    const serial = tx[o + TX.uid]!;
    const x1 = x(tSend);
    const y1 = rowY(from);
    const frac = tEnd >= 0 || lost ? 1 : Math.min(1, (v.nowUs - tSend) / Math.max(1, expect - tSend));
    const yEnd = lost ? y1 + (rowY(to) - y1) * 0.6 : y1 + (rowY(to) - y1) * frac;
    const x2 = x(end);
    counts.messages++;
    if (lost) counts.lost++;
    if (flags & TXF.retransmit) counts.retransmits++;
    const hi = serial === v.highlight;
    ctx.strokeStyle = MESSAGE_COLORS[kind] ?? MESSAGE_COLOR_OTHER;
    ctx.lineWidth = hi ? 3.5 : kind === MP_MSG.ack ? 1 : 1.7;
    ctx.setLineDash(flags & TXF.retransmit ? [5, 3] : []);
    if (hi) {
      ctx.save();
      ctx.strokeStyle = 'rgba(245, 158, 11, 0.55)';
      ctx.lineWidth = 9;
      ctx.beginPath();
      ctx.moveTo(x1, y1);
      ctx.lineTo(x2, yEnd);
      ctx.stroke();
      ctx.restore();
    }
    ctx.beginPath();
    ctx.moveTo(x1, y1);
    ctx.lineTo(x2, yEnd);
    ctx.stroke();
    ctx.setLineDash([]);
    ctx.fillStyle = ctx.strokeStyle;
    dot(ctx, x1, y1, 2.8);
    if (lost) cross(ctx, x2, yEnd);
    else if (tEnd >= 0 && flags & (TXF.corrupt | TXF.duplicate)) bar(ctx, x2, yEnd);
    else if (tEnd >= 0) {
      head(ctx, x1, y1, x2, yEnd);
      dot(ctx, x2, yEnd, 2.8);
    } else head(ctx, x1, y1, x2, yEnd);
    if (flags & TXF.retransmit) {
      ctx.fillStyle = '#9a3412';
      ctx.fillText('↻', x1 - 13, y1 - 8);
    }
    hits.push({ serial, x1, y1, x2, y2: yEnd });
  }
  drawMarks(ctx, d.marks, v, x, labels.length);
  return { hits, counts };
}

function drawMarks(ctx: CanvasRenderingContext2D, m: Float64Array, v: StView, x: (t: number) => number, rows: number): void {
  for (let o = 0; o < m.length; o += MARK_STRIDE) {
    const t = m[o + MARK.t]!;
    const p = m[o + MARK.proc]!;
    if (t < v.t0 || t > v.t1 || p >= rows) continue;
    const mx = x(t);
    const y = rowY(p) + ROW * 0.34;
    switch (m[o + MARK.type]) {
      case MARK_TYPE.failure:
        ctx.fillStyle = '#b91c1c';
        ctx.fillText('⚠', mx - 6, y);
        break;
      case MARK_TYPE.bufferFree:
        ctx.fillStyle = '#15803d';
        ctx.fillText('◆', mx - 4, y);
        break;
      case MARK_TYPE.interrupt:
        ctx.fillStyle = '#a16207';
        ctx.fillText('ϟ', mx - 3, y);
        break;
      case MARK_TYPE.poll:
      case MARK_TYPE.pollEmpty:
        // a poll: a tick through the line (filled when it found a message)
        ctx.strokeStyle = m[o + MARK.type] === MARK_TYPE.poll ? '#0f766e' : '#64748b';
        ctx.lineWidth = m[o + MARK.type] === MARK_TYPE.poll ? 2.5 : 1.5;
        ctx.beginPath();
        ctx.moveTo(mx, y - ROW * 0.34 - 6);
        ctx.lineTo(mx, y - ROW * 0.34 + 6);
        ctx.stroke();
        break;
      case MARK_TYPE.handshake:
        ctx.fillStyle = '#4d7c0f';
        ctx.fillText('H', mx - 3, y);
        break;
      case MARK_TYPE.close:
        ctx.fillStyle = '#57534e';
        ctx.fillText('×', mx - 3, y);
        break;
      default:
        ctx.fillStyle = '#9333ea';
        ctx.fillText('✱', mx - 4, y);
    }
  }
}

function dot(ctx: CanvasRenderingContext2D, x: number, y: number, r: number): void {
  ctx.beginPath();
  ctx.arc(x, y, r, 0, Math.PI * 2);
  ctx.fill();
}

function head(ctx: CanvasRenderingContext2D, x1: number, y1: number, x2: number, y2: number): void {
  const a = Math.atan2(y2 - y1, x2 - x1);
  ctx.beginPath();
  ctx.moveTo(x2, y2);
  ctx.lineTo(x2 - 8 * Math.cos(a - 0.4), y2 - 8 * Math.sin(a - 0.4));
  ctx.lineTo(x2 - 8 * Math.cos(a + 0.4), y2 - 8 * Math.sin(a + 0.4));
  ctx.closePath();
  ctx.fill();
}

function cross(ctx: CanvasRenderingContext2D, x: number, y: number): void {
  ctx.save();
  ctx.strokeStyle = '#dc2626';
  ctx.lineWidth = 2.2;
  ctx.beginPath();
  ctx.moveTo(x - 5, y - 5);
  ctx.lineTo(x + 5, y + 5);
  ctx.moveTo(x + 5, y - 5);
  ctx.lineTo(x - 5, y + 5);
  ctx.stroke();
  ctx.restore();
}

function bar(ctx: CanvasRenderingContext2D, x: number, y: number): void {
  ctx.save();
  ctx.strokeStyle = '#7c2d12';
  ctx.lineWidth = 2.5;
  ctx.beginPath();
  ctx.moveTo(x, y - 6);
  ctx.lineTo(x, y + 6);
  ctx.stroke();
  ctx.restore();
}

/** The arrow nearest to (px, py) within `tol` pixels, or -1. */
export function hitTest(hits: Hit[], px: number, py: number, tol = 6): number {
  let best = -1;
  let bestD = tol * tol;
  for (const h of hits) {
    const dx = h.x2 - h.x1;
    const dy = h.y2 - h.y1;
    const len = dx * dx + dy * dy;
    const u = len === 0 ? 0 : Math.max(0, Math.min(1, ((px - h.x1) * dx + (py - h.y1) * dy) / len));
    const ex = h.x1 + u * dx - px;
    const ey = h.y1 + u * dy - py;
    const d2 = ex * ex + ey * ey;
    if (d2 <= bestD) {
      bestD = d2;
      best = h.serial;
    }
  }
  return best;
}
