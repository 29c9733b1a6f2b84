/**
 * What the space-time diagram needs, kept in bounded rings so long runs cost
 * nothing extra: one record per transmission (an arrow), the intervals each
 * process spent blocked, RPC calls (brackets) and point marks (failure
 * reports, buffer-free signals, interrupts, polls).
 */

/** Fields of one transmission record in `DiagramView.tx`. */
export const TX = { uid: 0, kind: 1, from: 2, to: 3, tSend: 4, tEnd: 5, kid: 6, flags: 7, expect: 8, call: 9 } as const;
export const TX_STRIDE = 10;
/** Bits of TX.flags. */
export const TXF = { retransmit: 1, delivered: 2, corrupt: 4, duplicate: 8, unreliable: 16, ackLost: 32 } as const;

/** Fields of one interval in `DiagramView.spans`: process, state (PS code), start, end (-1: still open). */
export const SPAN = { proc: 0, state: 1, t0: 2, t1: 3 } as const;
export const SPAN_STRIDE = 4;

/** Fields of one RPC call bracket: client process, server process, call id, start, end (-1 open), outcome (0 ok, 1 error, 2 failed), async (0/1). */
export const CALL = { client: 0, server: 1, id: 2, t0: 3, t1: 4, outcome: 5, async: 6 } as const;
export const CALL_STRIDE = 7;

/** Point marks: process, type, time, value. */
export const MARK = { proc: 0, type: 1, t: 2, value: 3 } as const;
export const MARK_STRIDE = 4;
export const MARK_TYPE = { failure: 0, bufferFree: 1, interrupt: 2, poll: 3, pollEmpty: 4, handshake: 5, close: 6, mutated: 7 } as const;

/** A ring of fixed-stride numeric records, addressable by a running serial number. */
class Ring {
  readonly data: Float64Array;
  count = 0;
  constructor(
    readonly stride: number,
    readonly cap: number,
  ) {
    this.data = new Float64Array(stride * cap);
  }

  /** Appends a record; returns its serial number. */
  push(values: number[]): number {
    const o = (this.count % this.cap) * this.stride;
    for (let i = 0; i < this.stride; i++) this.data[o + i] = values[i] ?? 0;
    return this.count++;
  }

  /** Offset of a serial number's record, or -1 when it has been overwritten. */
  offset(serial: number): number {
    if (serial < 0 || serial >= this.count || serial < this.count - this.cap) return -1;
    return (serial % this.cap) * this.stride;
  }

  set(serial: number, field: number, v: number): void {
    const o = this.offset(serial);
    if (o >= 0) this.data[o + field] = v;
  }

  get(serial: number, field: number): number {
    const o = this.offset(serial);
    return o >= 0 ? this.data[o + field]! : NaN;
  }

  /** The records, oldest first, as a fresh array (structured-clone friendly). */
  ordered(): Float64Array {
    const n = Math.min(this.count, this.cap);
    const out = new Float64Array(n * this.stride);
    const first = this.count - n;
    for (let s = first, k = 0; s < this.count; s++, k += this.stride) {
      const o = (s % this.cap) * this.stride;
      out.set(this.data.subarray(o, o + this.stride), k);
    }
    return out;
  }
}

export interface DiagramView {
  tx: Float64Array;
  spans: Float64Array;
  calls: Float64Array;
  marks: Float64Array;
}

export class Diagram {
  /** The last 2,000 transmissions. */
  readonly tx = new Ring(TX_STRIDE, 2000);
  readonly spans = new Ring(SPAN_STRIDE, 1000);
  readonly calls = new Ring(CALL_STRIDE, 300);
  readonly marks = new Ring(MARK_STRIDE, 600);
  /** Open span of each process (serial), -1 when none. */
  private open: number[] = [];

  /** A transmission leaves: returns its serial (the arrow's id, carried in the payload). */
  send(kind: number, from: number, to: number, t: number, expect: number, flags: number, call: number): number {
    const s = this.tx.count;
    this.tx.push([s, kind, from, to, t, -1, -1, flags, expect, call]);
    return s;
  }

  arrived(serial: number, t: number, kid: number, extra: number): void {
    this.tx.set(serial, TX.tEnd, t);
    this.tx.set(serial, TX.kid, kid);
    const f = this.tx.get(serial, TX.flags);
    if (!Number.isNaN(f)) this.tx.set(serial, TX.flags, f | TXF.delivered | extra);
  }

  flag(serial: number, bit: number): void {
    const f = this.tx.get(serial, TX.flags);
    if (!Number.isNaN(f)) this.tx.set(serial, TX.flags, f | bit);
  }

  /** A process changed state: closes its open span and opens one for a blocked state. */
  state(proc: number, state: number, t: number, blocked: boolean): void {
    const o = this.open[proc] ?? -1;
    if (o >= 0) this.spans.set(o, SPAN.t1, t);
    this.open[proc] = blocked ? this.spans.push([proc, state, t, -1]) : -1;
  }

  callStarted(client: number, server: number, id: number, t: number, async: boolean): number {
    return this.calls.push([client, server, id, t, -1, 0, async ? 1 : 0]);
  }

  callEnded(serial: number, t: number, outcome: number): void {
    this.calls.set(serial, CALL.t1, t);
    this.calls.set(serial, CALL.outcome, outcome);
  }

  mark(proc: number, type: number, t: number, value = 0): void {
    this.marks.push([proc, type, t, value]);
  }

  view(): DiagramView {
    return { tx: this.tx.ordered(), spans: this.spans.ordered(), calls: this.calls.ordered(), marks: this.marks.ordered() };
  }
}
