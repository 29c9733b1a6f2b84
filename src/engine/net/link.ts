import type { LinkSettings } from '../types';

/**
 * A full-duplex link. Each direction transmits one message at a time: a
 * message of N bytes starts at the first moment at or after it reaches the
 * link when the transmitter is free for N*8/bandwidth, then takes the
 * propagation latency (plus jitter) to arrive. Messages reaching the link in
 * time order simply queue one behind the other (FIFO); a message whose whole
 * path was booked when it was sent (cut-through, see sim.ts) holds its later
 * links from the time it will reach them, and one reaching such a link
 * earlier may still use the gap before that booking if it fits.
 */
export class LinkRt implements LinkSettings {
  /** Cut by the user. */
  cut = false;
  /** Cut by a network partition (kept apart from `cut` so healing does not undo a user's cut). */
  partitioned = false;
  removed = false;
  /** Bumped whenever the link goes down: messages sent under an older epoch are lost. */
  epoch = 0;
  /**
   * Per direction (0: a→b, 1: b→a), the transmitter's bookings as sorted
   * [start, end) pairs, touching ones merged; pairs before `head` are over.
   */
  private readonly booked: [number[], number[]] = [[], []];
  private readonly head: [number, number] = [0, 0];
  delivered = 0;
  dropped = 0;
  bytes = 0;
  latencyUs: number;
  jitterUs: number;
  bandwidthBps: number;
  lossRate: number;

  constructor(
    readonly index: number,
    readonly id: string,
    readonly a: number,
    readonly b: number,
    s: LinkSettings,
  ) {
    this.latencyUs = s.latencyUs;
    this.jitterUs = s.jitterUs;
    this.bandwidthBps = s.bandwidthBps;
    this.lossRate = s.lossRate;
  }

  get up(): boolean {
    return !this.cut && !this.partitioned && !this.removed;
  }

  other(node: number): number {
    return node === this.a ? this.b : this.a;
  }

  /** Time to put `bytes` on the wire, rounded up to a whole microsecond. */
  txTimeUs(bytes: number): number {
    return Math.ceil((bytes * 8 * 1_000_000) / this.bandwidthBps);
  }

  /**
   * Books direction `dir` for `durUs` from the first moment at or after `atUs`
   * when it is free that long, and returns that moment. `nowUs` is the
   * simulation clock: no message can reach the link before it, so bookings
   * that ended by then are forgotten.
   */
  book(dir: number, atUs: number, durUs: number, nowUs: number): number {
    const b = this.booked[dir]!;
    let h = this.head[dir]!;
    while (h < b.length && b[h + 1]! <= nowUs) h += 2;
    if (h > 64 && h * 2 > b.length) {
      b.splice(0, h);
      h = 0;
    }
    this.head[dir] = h;
    const n = b.length;
    // the usual case: after every booking (merging with the last when it follows on)
    if (n === h || atUs >= b[n - 1]!) {
      if (durUs === 0) return atUs;
      if (n > h && atUs === b[n - 1]) b[n - 1] = atUs + durUs;
      else b.push(atUs, atUs + durUs);
      return atUs;
    }
    // the first booking that ends after atUs (binary search over the pairs)
    let lo = h >> 1;
    let hi = n >> 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (b[2 * mid + 1]! <= atUs) lo = mid + 1;
      else hi = mid;
    }
    let i = 2 * lo;
    let t = atUs;
    for (; i < n; i += 2) {
      if (t + durUs <= b[i]!) break;
      if (b[i + 1]! > t) t = b[i + 1]!;
    }
    if (durUs === 0) return t;
    const end = t + durUs;
    const joinsPrev = i > h && b[i - 1] === t;
    const joinsNext = i < n && b[i] === end;
    if (joinsPrev && joinsNext) {
      b[i - 1] = b[i + 1]!;
      b.splice(i, 2);
    } else if (joinsPrev) b[i - 1] = end;
    else if (joinsNext) b[i] = t;
    else b.splice(i, 0, t, end);
    return t;
  }

  /** Gives back a booking of `durUs` from `startUs` (a message re-routed before it reached this link). */
  unbook(dir: number, startUs: number, durUs: number): void {
    const b = this.booked[dir]!;
    const end = startUs + durUs;
    if (durUs === 0) return;
    for (let i = this.head[dir]!; i < b.length; i += 2) {
      if (b[i]! > startUs) return;
      if (b[i + 1]! < end) continue;
      // the booking lies inside pair i (merged with its neighbours): cut it out
      const [s, e] = [b[i]!, b[i + 1]!];
      if (s === startUs && e === end) b.splice(i, 2);
      else if (s === startUs) b[i] = end;
      else if (e === end) b[i + 1] = startUs;
      else b.splice(i + 1, 0, startUs, end);
      return;
    }
  }

  /** When direction `dir` is booked until (0 if never): the end of its queue. */
  busyUntilUs(dir: number): number {
    const b = this.booked[dir]!;
    return b.length > this.head[dir]! ? b[b.length - 1]! : 0;
  }
}
