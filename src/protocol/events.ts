/**
 * Trace events on the wire: a frame's events packed into one Float64Array
 * (transferred, not cloned) instead of an array of thousands of objects that
 * the page would have to deserialise on its main thread every frame.
 */
import type { TraceEvent, TraceType } from '../engine/kernel/trace';

/** Numbers per event in `data`: seq, t, type (an index into `types`), node, peer, link, msg, a, b, c. */
export const EVENT_STRIDE = 10;

export interface PackedEvents {
  count: number;
  data: Float64Array;
  /** The event types named in this pack, indexed by the third number of each event. */
  types: TraceType[];
}

export function packEvents(events: readonly TraceEvent[]): PackedEvents {
  const data = new Float64Array(events.length * EVENT_STRIDE);
  const types: TraceType[] = [];
  const index = new Map<TraceType, number>();
  events.forEach((e, i) => {
    let ty = index.get(e.type);
    if (ty === undefined) {
      ty = types.push(e.type) - 1;
      index.set(e.type, ty);
    }
    data.set([e.seq, e.t, ty, e.node, e.peer, e.link, e.msg, e.a, e.b, e.c], i * EVENT_STRIDE);
  });
  return { count: events.length, data, types };
}

/** The events `from` to `to` (exclusive) of a pack, as objects. */
export function unpackEvents(p: PackedEvents, from = 0, to = p.count): TraceEvent[] {
  const out: TraceEvent[] = [];
  const d = p.data;
  for (let i = from; i < to; i++) {
    const o = i * EVENT_STRIDE;
    out.push({ seq: d[o]!, t: d[o + 1]!, type: p.types[d[o + 2]!]!, node: d[o + 3]!, peer: d[o + 4]!, link: d[o + 5]!, msg: d[o + 6]!, a: d[o + 7]!, b: d[o + 8]!, c: d[o + 9]! });
  }
  return out;
}
