import { describe, expect, it } from 'vitest';
import type { TraceEvent } from '../protocol';
import { packEvents } from '../protocol/events';
import { PendingEvents } from './pendingEvents';

const ev = (seq: number, type: TraceEvent['type'] = 'messageSent'): TraceEvent => ({ seq, t: seq * 10.5, type, node: seq % 3, peer: -1, link: 2, msg: seq, a: 0.25, b: -3, c: 7 });

describe('pending events', () => {
  it('wait for the store in order, only as many as it keeps, skipped ones counted', () => {
    const pending = new PendingEvents(5);
    expect(pending.empty).toBe(true);
    pending.add(packEvents([ev(1), ev(2), ev(3)]), 0);
    pending.add(packEvents([ev(4), ev(5), ev(6)]), 2);
    pending.add(packEvents([ev(7)]), 1);
    const kept = [ev(0)];
    const r = pending.take(kept, 10);
    expect(r.events.map((e) => e.seq)).toEqual([3, 4, 5, 6, 7]);
    expect(r.skippedEvents).toBe(13);
    expect(pending.empty).toBe(true);
    pending.add(packEvents([ev(8)]), 0);
    expect(pending.take(r.events, 0).events.map((e) => e.seq)).toEqual([4, 5, 6, 7, 8]);
  });
});
