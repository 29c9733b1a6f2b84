import type { Message } from '../model';

/** Numbers per hop of a booked path: from node, link, tx start, arrival. */
export const HOP_FIELDS = 4;
export const PATH = { from: 0, link: 1, txStartUs: 2, arriveUs: 3 } as const;
/** Longest path booked at once; a longer one goes hop by hop. */
export const MAX_PATH_HOPS = 8;
const ROW = MAX_PATH_HOPS * HOP_FIELDS;

/**
 * The booked paths of cut-through messages, one row each in one typed array
 * (a message holds its row's index in `path`), so sending one allocates
 * nothing and a fork copies them all in one go.
 */
export class PathStore {
  /** Hops in each row. */
  private count = new Uint8Array(256);
  private data = new Float64Array(256 * ROW);
  private free: number[] = [];
  private used = 0;

  /** A fresh row for `hops` hops. */
  take(hops: number): number {
    let r = this.free.pop();
    if (r === undefined) {
      r = this.used++;
      if (r === this.count.length) this.grow();
    }
    this.count[r] = hops;
    return r;
  }

  release(row: number): void {
    this.free.push(row);
  }

  hops(row: number): number {
    return this.count[row]!;
  }

  get(row: number, hop: number, field: number): number {
    return this.data[row * ROW + hop * HOP_FIELDS + field]!;
  }

  set(row: number, hop: number, from: number, link: number, txStartUs: number, arriveUs: number): void {
    const o = row * ROW + hop * HOP_FIELDS;
    const d = this.data;
    d[o] = from;
    d[o + 1] = link;
    d[o + 2] = txStartUs;
    d[o + 3] = arriveUs;
  }

  /**
   * The hop a path is on at `nowUs`: the first whose arrival is not yet past
   * (an arrival at exactly `nowUs` is still to come, as an event at the
   * current time would be), or the last.
   */
  hopAt(row: number, nowUs: number): number {
    const last = this.count[row]! - 1;
    const o = row * ROW + PATH.arriveUs;
    let k = 0;
    while (k < last && this.data[o + k * HOP_FIELDS]! < nowUs) k++;
    return k;
  }

  /** Where hop k of message m's path ends: the next hop's sender, or the destination. */
  hopTo(m: Message, k: number): number {
    return k + 1 < this.count[m.path]! ? this.get(m.path, k + 1, PATH.from) : m.dst;
  }

  private grow(): void {
    const c = new Uint8Array(this.count.length * 2);
    c.set(this.count);
    this.count = c;
    const d = new Float64Array(this.data.length * 2);
    d.set(this.data);
    this.data = d;
  }
}
