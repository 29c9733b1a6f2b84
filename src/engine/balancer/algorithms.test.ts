import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Prng } from '../kernel/prng';
import { Picker, type Pool } from './algorithms';
import { runs } from '../testRuns';

const pool = (weights: number[], eligible = weights.map(() => true), active = weights.map(() => 0)): Pool => ({
  ids: weights.map((_, i) => `web-${i + 1}`),
  weight: weights,
  active,
  eligible,
});

describe('balancing algorithms (CL-LB)', () => {
  it('smooth weighted round robin spreads weights 5:1:1 as a a b a c a a (nginx)', () => {
    const p = new Picker();
    const seq = Array.from({ length: 7 }, () => 'abc'[p.pick('swrr', pool([5, 1, 1]), new Prng(1), '')]).join(' ');
    expect(seq).toBe('a a b a c a a');
  });

  it('round robin visits every eligible node in turn and skips those out of rotation', () => {
    const p = new Picker();
    const picks = Array.from({ length: 6 }, () => p.pick('roundrobin', pool([1, 1, 1], [true, false, true]), new Prng(1), ''));
    expect(picks).toEqual([0, 2, 0, 2, 0, 2]);
  });

  it('least connections picks the node with the fewest open connections per weight', () => {
    expect(new Picker().pick('leastconn', pool([1, 1, 1], undefined, [4, 1, 3]), new Prng(1), '')).toBe(1);
    expect(new Picker().pick('leastconn', pool([4, 1], undefined, [4, 2]), new Prng(1), '')).toBe(0);
  });

  it('power of two choices never picks the busier of two equal-weight nodes', () => {
    const rng = new Prng(7);
    const p = new Picker();
    for (let i = 0; i < 200; i++) expect(p.pick('p2c', pool([1, 1], undefined, [0, 9]), rng, '')).not.toBe(-1);
    const picks = Array.from({ length: 400 }, () => p.pick('p2c', pool([1, 1], undefined, [0, 9]), rng, ''));
    // the busy node wins only when both draws land on it (one time in four)
    expect(picks.filter((x) => x === 1).length / 400).toBeLessThan(0.35);
  });

  it('no eligible node gives -1 for every algorithm (the dispatcher answers 503)', () => {
    for (const alg of ['roundrobin', 'swrr', 'leastconn', 'random', 'p2c', 'hash', 'chash'] as const) {
      expect(new Picker().pick(alg, pool([1, 1], [false, false]), new Prng(1), 'k')).toBe(-1);
    }
  });

  it('consistent hashing moves only the removed node’s keys; modulo hashing moves most keys (property, many key sets)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 3, max: 8 }), fc.integer({ min: 0, max: 1e6 }), (n, salt) => {
        const keys = Array.from({ length: 300 }, (_, i) => `client-${salt}-${i}`);
        const all = pool(Array(n).fill(1));
        const less = pool(Array(n).fill(1), Array.from({ length: n }, (_, i) => i !== 1));
        const moved = (alg: 'hash' | 'chash') => {
          const p = new Picker();
          const before = keys.map((k) => p.pick(alg, all, new Prng(1), k));
          const after = keys.map((k) => p.pick(alg, less, new Prng(1), k));
          return keys.filter((_, i) => before[i] !== after[i] && before[i] !== 1).length;
        };
        expect(moved('chash')).toBe(0);
        expect(moved('hash')).toBeGreaterThan(keys.length / 4);
      }),
      { numRuns: runs(30), seed: 42 },
    );
  });
});
