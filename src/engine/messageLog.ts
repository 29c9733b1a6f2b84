import { newMessage } from './context';
import type { Message } from './model';

const SIZE = 4096;
const COLS = 6; // id, src, dst, kind, bytes, model

/**
 * The latest messages sent, in a ring indexed by id, so the inspector can
 * show what one carried. Their figures are kept in columns and only the
 * payload by reference: holding the messages themselves kept thousands of
 * short-lived objects alive through every young-generation collection.
 * (A Map with constant eviction was worse still: V8 skips deleted entries on
 * every `keys()`.)
 */
export class MessageLog {
  private cols = new Float64Array(SIZE * COLS).fill(-1);
  private payloads: unknown[] = new Array<unknown>(SIZE).fill(undefined);

  remember(m: Message): void {
    const slot = m.id % SIZE;
    const o = slot * COLS;
    const c = this.cols;
    c[o] = m.id;
    c[o + 1] = m.src;
    c[o + 2] = m.dst;
    c[o + 3] = m.kind;
    c[o + 4] = m.bytes;
    c[o + 5] = m.model;
    this.payloads[slot] = m.payload;
  }

  /** The message with this id as it was sent, or null once it is too old to remember. */
  recall(id: number): Message | null {
    const slot = id % SIZE;
    const o = slot * COLS;
    const c = this.cols;
    if (c[o] !== id) return null;
    return newMessage(id, c[o + 5]!, c[o + 1]!, c[o + 2]!, c[o + 3]!, c[o + 4]!, this.payloads[slot]);
  }

  /** A copy for a fork; `payload` maps each payload to the fork's own (or keeps it, when nothing changes it any more). */
  clone(payload: (p: unknown) => unknown): MessageLog {
    const out = new MessageLog();
    out.cols = this.cols.slice();
    out.payloads = this.payloads.map(payload);
    return out;
  }
}
