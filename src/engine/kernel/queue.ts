/**
 * The event queue: a 4-ary min-heap ordered by (time, sequence) (half the
 * levels of a binary heap, and the four children of a node side by side).
 * An event lives in a slot: its kind, four numbers and one reference, in
 * columns; the heap itself moves only (time, slot) pairs. So a push or pop
 * allocates nothing, and a sift touches two typed arrays. The sequence number
 * breaks ties in insertion order, which is what makes runs with equal times
 * deterministic.
 */
export class EventQueue<R> {
  private times = new Float64Array(1024);
  private heap = new Int32Array(1024);
  private n = 0;
  private nextSeq = 0;
  // ---- slots: what each event carries, by slot index
  private seqs = new Float64Array(1024);
  /** The kind of the event in each slot (the caller's codes). */
  kinds = new Uint8Array(1024);
  /** Four numbers per slot (`slot * 4 + i`), the caller's to interpret. */
  nums = new Float64Array(4096);
  /** One reference per slot (a message, a command, a timer's data). */
  private refs: (R | undefined)[] = new Array<R | undefined>(1024);
  /** Free slots, as a stack. */
  private free = new Int32Array(1024);
  private freeTop = 0;
  private slotsUsed = 0;

  get size(): number {
    return this.n;
  }

  /** Time of the earliest event, or Infinity when empty. */
  peekTime(): number {
    return this.n > 0 ? this.times[0]! : Infinity;
  }

  /** Queues an event; the numbers and the reference go with it until `pop` hands its slot back. */
  push(timeUs: number, kind: number, a: number, b: number, c: number, d: number, ref: R | undefined): void {
    if (this.n === this.times.length) this.grow();
    const slot = this.freeTop > 0 ? this.free[--this.freeTop]! : this.slotsUsed++;
    const seq = this.nextSeq++;
    this.seqs[slot] = seq;
    this.kinds[slot] = kind;
    const o = slot * 4;
    const nums = this.nums;
    nums[o] = a;
    nums[o + 1] = b;
    nums[o + 2] = c;
    nums[o + 3] = d;
    this.refs[slot] = ref;
    const times = this.times;
    const heap = this.heap;
    const seqs = this.seqs;
    let i = this.n++;
    while (i > 0) {
      const p = (i - 1) >> 2;
      const pt = times[p]!;
      if (pt < timeUs || (pt === timeUs && seqs[heap[p]!]! < seq)) break;
      times[i] = pt;
      heap[i] = heap[p]!;
      i = p;
    }
    times[i] = timeUs;
    heap[i] = slot;
  }

  /**
   * Removes the earliest event and returns its slot, whose kind, numbers and
   * reference stay readable until the next push; call only when size > 0.
   */
  pop(): number {
    const times = this.times;
    const heap = this.heap;
    const seqs = this.seqs;
    const top = heap[0]!;
    const last = --this.n;
    const lt = times[last]!;
    const ls = heap[last]!;
    const lseq = seqs[ls]!;
    let i = 0;
    for (;;) {
      const first = 4 * i + 1;
      if (first >= last) break;
      // the earliest of up to four children
      let c = first;
      let ct = times[c]!;
      const end = first + 4 < last ? first + 4 : last;
      for (let j = first + 1; j < end; j++) {
        const jt = times[j]!;
        if (jt < ct || (jt === ct && seqs[heap[j]!]! < seqs[heap[c]!]!)) {
          c = j;
          ct = jt;
        }
      }
      if (lt < ct || (lt === ct && lseq < seqs[heap[c]!]!)) break;
      times[i] = ct;
      heap[i] = heap[c]!;
      i = c;
    }
    if (last > 0) {
      times[i] = lt;
      heap[i] = ls;
    }
    // the slot is reused by a later push only: the caller reads it first
    this.free[this.freeTop++] = top;
    return top;
  }

  /** The reference a popped slot held, which the queue then forgets (so it does not keep it alive). */
  takeRef(slot: number): R | undefined {
    const r = this.refs[slot];
    this.refs[slot] = undefined;
    return r;
  }

  private grow(): void {
    const cap = this.times.length * 2;
    const t = new Float64Array(cap);
    t.set(this.times);
    this.times = t;
    const h = new Int32Array(cap);
    h.set(this.heap);
    this.heap = h;
    const s = new Float64Array(cap);
    s.set(this.seqs);
    this.seqs = s;
    const k = new Uint8Array(cap);
    k.set(this.kinds);
    this.kinds = k;
    const nums = new Float64Array(cap * 4);
    nums.set(this.nums);
    this.nums = nums;
    const f = new Int32Array(cap);
    f.set(this.free);
    this.free = f;
    this.refs.length = cap;
  }
}
