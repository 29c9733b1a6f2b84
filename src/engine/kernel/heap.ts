/**
 * A 4-ary min-heap of slot numbers ordered by (time, sequence): half the
 * levels of a binary heap, with a node's four children side by side. It moves
 * only (time, slot) pairs; the sequence numbers are looked up by slot (in the
 * queue's column), and only on equal times.
 */
export class SlotHeap {
  times = new Float64Array(256);
  private heap = new Int32Array(256);
  n = 0;

  /** Time of the earliest entry (read only when n > 0). */
  get minTime(): number {
    return this.times[0]!;
  }

  /** Adds a slot; `seqs` are the sequence numbers by slot. */
  push(timeUs: number, slot: number, seqs: Float64Array): void {
    if (this.n === this.times.length) this.grow();
    const times = this.times;
    const heap = this.heap;
    const seq = seqs[slot]!;
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

  /** Removes the earliest entry and returns its slot; call only when n > 0. */
  pop(seqs: Float64Array): number {
    const times = this.times;
    const heap = this.heap;
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
    return top;
  }

  private grow(): void {
    const t = new Float64Array(this.times.length * 2);
    t.set(this.times);
    this.times = t;
    const h = new Int32Array(this.heap.length * 2);
    h.set(this.heap);
    this.heap = h;
  }
}
