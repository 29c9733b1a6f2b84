import { SlotHeap } from './heap';

/** The near window, in µs (a power of two): events due sooner than this go in per-microsecond buckets. */
const WINDOW = 8192;
const MASK = WINDOW - 1;

/**
 * The event queue, ordered by (time, sequence): equal times come out in the
 * order they were queued, which is what makes runs deterministic.
 *
 * An event lives in a slot: its kind, four numbers and one reference, in
 * columns, so queueing one allocates nothing. Events due within WINDOW µs of
 * the last one taken (most of them: messages crossing a LAN) go in a bucket
 * per microsecond, a FIFO list, so they need no comparisons at all; a bitmap
 * finds the next full bucket. Later or fractional times go in a heap. Taking
 * the earlier of the two keeps the order exact: an event in the heap was
 * queued before any bucketed event of the same time (the window only moves
 * forward), so on equal times the heap's goes first.
 */
export class EventQueue<R> {
  private n = 0;
  private nextSeq = 0;
  // ---- slots: what each event carries, by slot index
  private seqs = new Float64Array(1024);
  private slotTime = new Float64Array(1024);
  /** The next slot in the same bucket, -1 at the end. */
  private next = new Int32Array(1024);
  /** The kind of the event in each slot (the caller's codes). */
  kinds = new Uint8Array(1024);
  /** Four numbers per slot (`slot * 4 + i`), the caller's to interpret. */
  nums = new Float64Array(4096);
  /** One reference per slot (a message, a command, a timer's data). */
  private refs: (R | undefined)[] = new Array<R | undefined>(1024).fill(undefined);
  /** Free slots, as a stack. */
  private free = new Int32Array(1024);
  private freeTop = 0;
  private slotsUsed = 0;
  // ---- near events: buckets for times in [cursor, cursor + WINDOW), indexed by time & MASK
  private cursor = 0;
  private head = new Int32Array(WINDOW).fill(-1);
  private tail = new Int32Array(WINDOW).fill(-1);
  /** One bit per bucket that holds events, and one per word of those bits that is not zero. */
  private bits = new Uint32Array(WINDOW >> 5);
  private words = new Uint32Array(WINDOW >> 10);
  private bucketed = 0;
  /** Time of the earliest bucketed event, or Infinity. */
  private bucketMin = Infinity;
  // ---- later events
  private far = new SlotHeap();

  get size(): number {
    return this.n;
  }

  /** Time of the earliest event, or Infinity when empty. */
  peekTime(): number {
    return this.far.n > 0 && this.far.minTime <= this.bucketMin ? this.far.minTime : this.bucketMin;
  }

  /** Queues an event; the numbers and the reference go with it until `pop` hands its slot back. */
  push(timeUs: number, kind: number, a: number, b: number, c: number, d: number, ref: R | undefined): void {
    let slot: number;
    if (this.freeTop > 0) slot = this.free[--this.freeTop]!;
    else {
      if (this.slotsUsed === this.seqs.length) this.grow();
      slot = this.slotsUsed++;
    }
    this.n++;
    this.seqs[slot] = this.nextSeq++;
    this.slotTime[slot] = timeUs;
    this.kinds[slot] = kind;
    const o = slot * 4;
    const nums = this.nums;
    nums[o] = a;
    nums[o + 1] = b;
    nums[o + 2] = c;
    nums[o + 3] = d;
    this.refs[slot] = ref;
    if (timeUs - this.cursor < WINDOW && timeUs >= this.cursor && Math.floor(timeUs) === timeUs) this.bucket(timeUs, slot);
    else this.far.push(timeUs, slot, this.seqs);
  }

  /**
   * Removes the earliest event and returns its slot, whose kind, numbers and
   * reference stay readable until the next push; call only when size > 0.
   */
  pop(): number {
    this.n--;
    let slot: number;
    if (this.far.n > 0 && this.far.minTime <= this.bucketMin) slot = this.far.pop(this.seqs);
    else {
      const t = this.bucketMin;
      const i = t & MASK;
      slot = this.head[i]!;
      const after = this.next[slot]!;
      this.head[i] = after;
      this.bucketed--;
      if (after < 0) {
        this.tail[i] = -1;
        this.clearBit(i);
        this.bucketMin = this.bucketed > 0 ? this.nextBucketTime(t) : Infinity;
      }
    }
    // the window moves up to the time taken; every bucketed event is at or after it
    const t = this.slotTime[slot]!;
    if (t > this.cursor) this.cursor = t;
    // the slot is reused by a later push only: the caller reads it first
    this.free[this.freeTop++] = slot;
    return slot;
  }

  /** The references of the queued events of one kind, in slot order, each with its slot (to read its numbers). */
  forEachRef(kind: number, fn: (ref: R, slot: number) => void): void {
    const { refs, kinds } = this;
    // a free slot's reference was taken (takeRef) when its event was popped
    for (let s = 0; s < this.slotsUsed; s++) {
      const r = refs[s];
      if (r !== undefined && kinds[s] === kind) fn(r, s);
    }
  }

  /** The reference a popped slot held, which the queue then forgets (so it does not keep it alive). */
  takeRef(slot: number): R | undefined {
    const r = this.refs[slot];
    this.refs[slot] = undefined;
    return r;
  }

  private bucket(timeUs: number, slot: number): void {
    const i = timeUs & MASK;
    this.next[slot] = -1;
    const last = this.tail[i]!;
    if (last < 0) {
      this.head[i] = slot;
      this.bits[i >> 5]! |= 1 << (i & 31);
      this.words[i >> 10]! |= 1 << ((i >> 5) & 31);
    } else this.next[last] = slot;
    this.tail[i] = slot;
    this.bucketed++;
    if (timeUs < this.bucketMin) this.bucketMin = timeUs;
  }

  private clearBit(i: number): void {
    const w = i >> 5;
    const bits = (this.bits[w]! &= ~(1 << (i & 31)));
    if (bits === 0) this.words[w >> 5]! &= ~(1 << (w & 31));
  }

  /** The time of the first full bucket after time t (there is one): every bucketed event is within WINDOW after t. */
  private nextBucketTime(t: number): number {
    const from = (t + 1) & MASK;
    const lastWord = (WINDOW >> 5) - 1;
    let w = from >> 5;
    // the rest of from's word first, then on round the ring (back to its start, for times nearly a window ahead)
    let m = this.bits[w]! & (~0 << (from & 31));
    while (m === 0) {
      w = (w + 1) & lastWord;
      // at the start of a group of 32 words, skip the group at once if the summary says it is empty
      if ((w & 31) === 0) while (this.words[w >> 5] === 0) w = (w + 32) & lastWord;
      m = this.bits[w]!;
    }
    const i = (w << 5) + (31 - Math.clz32(m & -m));
    return t + 1 + ((i - from) & MASK);
  }

  private grow(): void {
    const cap = this.seqs.length * 2;
    const f64 = (a: Float64Array, size: number) => {
      const out = new Float64Array(size);
      out.set(a);
      return out;
    };
    const i32 = (a: Int32Array) => {
      const out = new Int32Array(cap);
      out.set(a);
      return out;
    };
    this.seqs = f64(this.seqs, cap);
    this.slotTime = f64(this.slotTime, cap);
    this.nums = f64(this.nums, cap * 4);
    this.next = i32(this.next);
    this.free = i32(this.free);
    const k = new Uint8Array(cap);
    k.set(this.kinds);
    this.kinds = k;
    for (let i = this.refs.length; i < cap; i++) this.refs.push(undefined);
  }
}
