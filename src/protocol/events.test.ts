import { describe, expect, it } from 'vitest';
import type { TraceEvent } from '../engine/kernel/trace';
import { packEvents, unpackEvents } from './events';

const ev = (seq: number, type: TraceEvent['type'] = 'messageSent'): TraceEvent => ({ seq, t: seq * 10.5, type, node: seq % 3, peer: -1, link: 2, msg: seq, a: 0.25, b: -3, c: 7 });

describe('packed events', () => {
  it('come back as the same objects', () => {
    const events = [ev(1), ev(2, 'nodeCrashed'), ev(3), ev(4, 'requestFailed')];
    const p = packEvents(events);
    expect(p.types).toEqual(['messageSent', 'nodeCrashed', 'requestFailed']);
    expect(unpackEvents(p)).toEqual(events);
    expect(unpackEvents(p, 1, 3)).toEqual(events.slice(1, 3));
    expect(unpackEvents(packEvents([]))).toEqual([]);
  });

});
