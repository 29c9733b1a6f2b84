/**
 * One link direction's transmitter: its bookings as sorted [start, end)
 * pairs in a typed array, touching ones merged. Pairs before `head` are over.
 * Messages reaching the link in time order simply queue one behind the other
 * (first come, first served); a message whose path was booked when it was
 * sent (cut-through) holds the link from the time it will reach it, and one
 * reaching the link earlier may still use the gap before that if it fits.
 */
export class Bookings {
  private b = new Float64Array(16);
  private head = 0;
  private n = 0;

  /**
   * Books `durUs` from the first moment at or after `atUs` when the
   * transmitter is free that long, and returns that moment. `nowUs` is the
   * simulation clock: nothing can reach the link before it, so bookings that
   * ended by then are forgotten.
   */
  book(atUs: number, durUs: number, nowUs: number): number {
    const b = this.b;
    let h = this.head;
    let n = this.n;
    // forget what is over; once nothing is booked ahead, start again at the front
    while (h < n && b[h + 1]! <= nowUs) h += 2;
    if (h === n) h = n = this.n = 0;
    this.head = h;
    // the usual case: after every booking (merging with the last when it follows on)
    if (n === h || atUs >= b[n - 1]!) {
      if (durUs === 0) return atUs;
      if (n > h && atUs === b[n - 1]) b[n - 1] = atUs + durUs;
      else this.insert(n, atUs, atUs + durUs);
      return atUs;
    }
    // inside the last booking (a queue building up at one instant): right after it
    if (durUs > 0 && atUs >= b[n - 2]!) {
      b[n - 1] = b[n - 1]! + durUs;
      return b[n - 1]! - durUs;
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
      this.remove(i);
    } else if (joinsPrev) b[i - 1] = end;
    else if (joinsNext) b[i] = t;
    else this.insert(i, t, end);
    return t;
  }

  /** Gives back a booking of `durUs` from `startUs` (a message re-routed before it reached the link). */
  unbook(startUs: number, durUs: number): void {
    const b = this.b;
    const end = startUs + durUs;
    if (durUs === 0) return;
    for (let i = this.head; i < this.n; i += 2) {
      if (b[i]! > startUs) return;
      if (b[i + 1]! < end) continue;
      // the booking lies inside pair i (merged with its neighbours): cut it out
      const s = b[i]!;
      const e = b[i + 1]!;
      if (s === startUs && e === end) this.remove(i);
      else if (s === startUs) b[i] = end;
      else if (e === end) b[i + 1] = startUs;
      else this.insert(i + 1, startUs, end);
      return;
    }
  }

  /** When the transmitter is booked until (0 if never): the end of its queue. */
  until(): number {
    return this.n > this.head ? this.b[this.n - 1]! : 0;
  }

  /** Opens a pair at index i (moving the later ones up; the bookings ahead are few). */
  private insert(i: number, x: number, y: number): void {
    if (this.n + 2 > this.b.length) {
      // keep only the live pairs, and make room
      const live = this.n - this.head;
      const next = new Float64Array(Math.max(16, 2 * (live + 2)));
      next.set(this.b.subarray(this.head, this.n));
      this.b = next;
      i -= this.head;
      this.n = live;
      this.head = 0;
    }
    const b = this.b;
    // by hand: copyWithin is a call into the runtime, slow for the few numbers moved here
    for (let j = this.n - 1; j >= i; j--) b[j + 2] = b[j]!;
    b[i] = x;
    b[i + 1] = y;
    this.n += 2;
  }

  private remove(i: number): void {
    const b = this.b;
    const n = (this.n -= 2);
    for (let j = i; j < n; j++) b[j] = b[j + 2]!;
  }
}
