import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { EventQueue } from './queue';
import { runs } from '../testRuns';

describe('event queue', () => {
  it('gives events in (time, order queued) order, near or far, whole or fractional, as a sorted list would', () => {
    // each step queues a few events some way ahead of the last taken (ties likely), then takes some
    const ahead = fc.oneof(fc.integer({ min: 0, max: 20 }), fc.integer({ min: 0, max: 20_000 }), fc.constantFrom(8191, 8192, 8193, 0.5, 2.25, 5e9));
    const step = fc.record({ add: fc.array(ahead, { maxLength: 6 }), take: fc.integer({ min: 0, max: 6 }) });
    fc.assert(
      fc.property(fc.array(step, { maxLength: 80 }), (steps) => {
        const q = new EventQueue<number>();
        const ref: { t: number; id: number }[] = [];
        let now = 0;
        let id = 0;
        const take = () => {
          ref.sort((x, y) => x.t - y.t || x.id - y.id);
          const want = ref.shift()!;
          expect(q.peekTime()).toBe(want.t);
          const slot = q.pop();
          expect(q.takeRef(slot)).toBe(want.id);
          now = want.t;
        };
        for (const s of steps) {
          for (const a of s.add) {
            q.push(now + a, 0, 0, 0, 0, 0, id);
            ref.push({ t: now + a, id: id++ });
          }
          for (let k = 0; k < s.take && ref.length > 0; k++) take();
          expect(q.size).toBe(ref.length);
        }
        while (ref.length > 0) take();
        expect(q.peekTime()).toBe(Infinity);
      }),
      { numRuns: runs(300) },
    );
  });

  it('grows past its first slots and wraps its ring of buckets', () => {
    const q = new EventQueue<number>();
    let x = 12345;
    const rnd = (n: number) => (x = (Math.imul(x, 1103515245) + 12345) >>> 0) % n;
    const ref: { t: number; id: number }[] = [];
    let now = 0;
    for (let round = 0; round < 20; round++) {
      for (let k = 0; k < 300; k++) {
        const t = now + rnd(9000);
        q.push(t, 0, 0, 0, 0, 0, ref.length);
        ref.push({ t, id: ref.length });
      }
      const order = ref.filter((e) => e.t >= now).sort((a, b) => a.t - b.t || a.id - b.id);
      for (const want of order.slice(0, 200)) {
        expect(q.takeRef(q.pop())).toBe(want.id);
        now = want.t;
        want.t = -1;
      }
    }
  });
});
