import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Prng } from '../../../engine/kernel/prng';
import { Picker, type Pool } from './algorithms';
import { runs } from '../../../engine/testRuns';

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

  it('smooth weighted round robin shares by the weights of the nodes in rotation only, never two light picks in a row', () => {
    const p = new Picker();
    const picks = Array.from({ length: 40 }, () => p.pick('swrr', pool([3, 5, 1], [true, false, true]), new Prng(1), ''));
    expect(picks.filter((x) => x === 0)).toHaveLength(30);
    expect(picks.filter((x) => x === 2)).toHaveLength(10);
    for (let i = 1; i < picks.length; i++) expect(picks[i - 1] === 2 && picks[i] === 2).toBe(false);
  });

  it('least connections sends ties round robin, so equal idle nodes share', () => {
    const p = new Picker();
    expect(Array.from({ length: 6 }, () => p.pick('leastconn', pool([1, 1, 1]), new Prng(1), ''))).toEqual([0, 1, 2, 0, 1, 2]);
    // out of rotation nodes are skipped even when idle
    const q = new Picker();
    expect(Array.from({ length: 4 }, () => q.pick('leastconn', pool([1, 1, 1], [false, true, true], [0, 5, 5]), new Prng(1), ''))).toEqual([1, 2, 1, 2]);
  });

  it('random picks in proportion to weight, and only nodes in rotation', () => {
    const p = new Picker();
    const rng = new Prng(5);
    const picks = Array.from({ length: 4000 }, () => p.pick('random', pool([3, 1, 4], [true, true, false]), rng, ''));
    expect(picks.filter((x) => x === 2)).toHaveLength(0);
    expect(picks.filter((x) => x === 0).length / 4000).toBeGreaterThan(0.72);
    expect(picks.filter((x) => x === 0).length / 4000).toBeLessThan(0.78);
    // a node out of rotation weighs nothing, wherever it is in the list
    const q = Array.from({ length: 2000 }, () => p.pick('random', pool([4, 3, 1], [false, true, true]), rng, ''));
    expect(q.filter((x) => x === 0)).toHaveLength(0);
    expect(q.filter((x) => x === 1).length / 2000).toBeGreaterThan(0.7);
  });

  it('consistent hashing sends the keys of a node out of rotation where a ring without it would: the next node clockwise', () => {
    const ids = ['web-1', 'web-2', 'web-3', 'web-4'];
    const p = new Picker();
    const without = new Picker();
    const rest = { ids: ids.filter((_, i) => i !== 1), weight: [1, 1, 1], active: [0, 0, 0], eligible: [true, true, true] };
    for (let i = 0; i < 500; i++) {
      const s = p.pick('chash', { ...pool([1, 1, 1, 1], [true, false, true, true]), ids }, new Prng(1), `key-${i}`);
      const r = without.pick('chash', rest, new Prng(1), `key-${i}`);
      expect(s).toBe([0, 2, 3][r]);
    }
  });

  it('power of two choices compares open connections per unit of weight', () => {
    const p = new Picker();
    const rng = new Prng(11);
    // node 0: 4 open on weight 4 (1 each), node 1: 2 open on weight 1 (2 each)
    const picks = Array.from({ length: 1000 }, () => p.pick('p2c', pool([4, 1], undefined, [4, 2]), rng, ''));
    // node 1 only when both weighted draws land on it: (1/5)^2
    expect(picks.filter((x) => x === 1).length / 1000).toBeLessThan(0.08);
    expect(picks.filter((x) => x === 1).length).toBeGreaterThan(0);
  });

  it('hashing sends a key to the same node every time, spreads keys over every node in rotation, and never to one out of it', () => {
    for (const alg of ['hash', 'chash'] as const) {
      const p = new Picker();
      const counts = [0, 0, 0, 0];
      for (let i = 0; i < 800; i++) {
        const key = `client-${i}`;
        const s = p.pick(alg, pool([1, 1, 1, 1], [true, true, false, true]), new Prng(1), key);
        expect(p.pick(alg, pool([1, 1, 1, 1], [true, true, false, true]), new Prng(2), key), alg).toBe(s);
        counts[s]!++;
      }
      expect(counts[2], alg).toBe(0);
      for (const i of [0, 1, 3]) expect(counts[i], `${alg} ${i}`).toBeGreaterThan(150);
    }
  });

  it('consistent hashing gives a heavier node more keys, and follows a weight change', () => {
    const share = (p: Picker, weights: number[]) => {
      let n = 0;
      for (let i = 0; i < 2000; i++) if (p.pick('chash', pool(weights), new Prng(1), `k${i}`) === 0) n++;
      return n / 2000;
    };
    const p = new Picker();
    const even = share(p, [1, 1]);
    expect(even).toBeGreaterThan(0.35);
    expect(even).toBeLessThan(0.65);
    const heavy = share(p, [4, 1]);
    expect(heavy).toBeGreaterThan(0.7);
    expect(heavy).toBeLessThan(0.92);
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
