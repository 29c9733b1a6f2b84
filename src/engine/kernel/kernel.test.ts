import { describe, expect, it } from 'vitest';
import { LatencyWindow } from './latencyWindow';
import { hashString, Prng, RandomSource } from './prng';
import { Trace, type TraceType } from './trace';

describe('random streams', () => {
  it('a seed gives the same numbers in every version (a shared link replays its run from seed and log)', () => {
    const p = new Prng(42);
    expect(Array.from({ length: 4 }, () => p.nextU32())).toEqual([1028872839, 2516511472, 400437680, 853279530]);
    const q = new Prng(0);
    expect(Array.from({ length: 3 }, () => q.next())).toEqual([0.9791452463250607, 0.8250711336731911, 0.2846157543826848]);
    const r = new RandomSource(7);
    expect(r.split('net').nextU32()).toBe(2440521298);
    expect(r.split('model:0').nextU32()).toBe(196103768);
  });

  it('each subsystem has its own stream: drawing from one never shifts another, and a name always gives the same stream', () => {
    const a = new RandomSource(99);
    const b = new RandomSource(99);
    for (let i = 0; i < 50; i++) a.split('noisy').next();
    expect(a.split('quiet').nextU32()).toBe(b.split('quiet').nextU32());
    expect(a.split('quiet')).toBe(a.split('quiet'));
    expect(new RandomSource(100).split('quiet').nextU32()).not.toBe(new RandomSource(99).split('quiet').nextU32());
  });

  it('names hash with FNV-1a', () => {
    expect(hashString('')).toBe(0x811c9dc5);
    expect(hashString('a')).toBe(0xe40c292c);
    expect(hashString('foobar')).toBe(0xbf9cf968);
  });

  it('int covers [min, max] inclusive, exp has the asked mean, chance has the asked probability', () => {
    const p = new Prng(3);
    const seen = new Set<number>();
    for (let i = 0; i < 2000; i++) {
      const v = p.int(-2, 2);
      expect(Number.isInteger(v)).toBe(true);
      seen.add(v);
    }
    expect([...seen].sort()).toEqual([-1, -2, 0, 1, 2]);
    let sum = 0;
    for (let i = 0; i < 20000; i++) sum += p.exp(1000);
    expect(sum / 20000).toBeGreaterThan(950);
    expect(sum / 20000).toBeLessThan(1050);
    let hits = 0;
    for (let i = 0; i < 10000; i++) if (p.chance(0.3)) hits++;
    expect(hits / 10000).toBeGreaterThan(0.28);
    expect(hits / 10000).toBeLessThan(0.32);
    for (let i = 0; i < 1000; i++) {
      expect(p.chance(0)).toBe(false);
      expect(p.chance(1)).toBe(true);
    }
  });
});

describe('latency window', () => {
  it('reports 0 when empty, and the median and 95th percentile of numbers, not of their text', () => {
    const w = new LatencyWindow(200);
    expect(w.quantiles()).toEqual({ p50: 0, p95: 0 });
    // pushed out of order; as strings 100 would sort before 11
    for (const v of [100, 9, 11, 2, 50, 70, 30, 80, 90, 60]) w.push(v);
    expect(w.quantiles()).toEqual({ p50: 60, p95: 100 });
    const one = new LatencyWindow(4);
    one.push(7);
    expect(one.quantiles()).toEqual({ p50: 7, p95: 7 });
  });

  it('keeps only the latest `size` values', () => {
    const w = new LatencyWindow(100);
    for (let i = 0; i < 100; i++) w.push(1_000_000);
    for (let i = 1; i <= 100; i++) w.push(i);
    expect(w.quantiles()).toEqual({ p50: 51, p95: 96 });
  });
});

describe('trace', () => {
  const fields = (t: number, type: TraceType, node: number, peer: number, link: number, msg: number, a: number, b: number, c: number) => ({ t, type, node, peer, link, msg, a, b, c });
  const base = fields(5, 'messageSent', 1, 2, 3, 4, 5.25, 6, 7);
  const hashOf = (...events: ReturnType<typeof fields>[]) => {
    const tr = new Trace();
    for (const e of events) tr.emit(e.t, e.type, e.node, e.peer, e.link, e.msg, e.a, e.b, e.c);
    return tr.hash();
  };

  it('hashes to 16 hex digits, the same for the same events in every version', () => {
    expect(new Trace().hash()).toBe('811c9dc59747b28c');
    expect(hashOf(base)).toBe('e19bd215988a9617');
    expect(hashOf(base, fields(2 ** 33 + 17, 'nodeCrashed', 0, -1, -1, -1, 0, 0, 0))).toBe('6f836d90339a2c86');
  });

  it('a change in any one field of any event changes the hash', () => {
    const h = hashOf(base, base);
    const variants = [
      { ...base, t: 6 },
      { ...base, t: base.t + 2 ** 32 },
      { ...base, type: 'messageDelivered' as const },
      { ...base, node: 9 },
      { ...base, peer: 9 },
      { ...base, link: 9 },
      { ...base, msg: 9 },
      { ...base, a: 6.25 },
      { ...base, a: 5.5 },
      { ...base, b: 9 },
      { ...base, c: 9 },
    ];
    const seen = new Set([h]);
    for (const v of variants) {
      const hv = hashOf(base, v);
      expect(hv, JSON.stringify(v)).not.toBe(h);
      seen.add(hv);
    }
    expect(seen.size).toBe(variants.length + 1);
    // the order of events counts too
    const other = fields(9, 'nodeRestarted', 0, 0, 0, 0, 0, 0, 0);
    expect(hashOf(base, other)).not.toBe(hashOf(other, base));
  });

  it('hands each event on once (drain), the newest 2000 at most with a count of the rest, and keeps the latest 4096 in order', () => {
    const tr = new Trace();
    for (let i = 0; i < 10; i++) tr.emit(i * 10, 'messageSent', i, -1, -1, 100 + i, i + 0.5, 0, 0);
    const first = tr.drain();
    expect(first.skipped).toBe(0);
    expect(first.events.map((e) => e.seq)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
    expect(first.events[3]).toEqual({ seq: 3, t: 30, type: 'messageSent', node: 3, peer: -1, link: -1, msg: 103, a: 3.5, b: 0, c: 0 });
    expect(tr.drain()).toEqual({ events: [], skipped: 0 });
    for (let i = 10; i < 5010; i++) tr.emit(i, 'nodeCrashed', i % 7);
    const second = tr.drain();
    expect(second.skipped).toBe(3000);
    expect(second.events).toHaveLength(2000);
    expect(second.events[0]!.seq).toBe(3010);
    expect(second.events.at(-1)!.seq).toBe(5009);
    const recent = tr.recentInOrder();
    expect(recent).toHaveLength(4096);
    expect(recent[0]!.seq).toBe(5010 - 4096);
    expect(recent.at(-1)).toMatchObject({ seq: 5009, t: 5009, type: 'nodeCrashed', node: 5009 % 7 });
    expect(tr.count).toBe(5010);
  });

  it('a clone goes on independently of the original', () => {
    const tr = new Trace();
    tr.emit(1, 'messageSent', 1);
    const copy = tr.clone();
    copy.emit(2, 'nodeCrashed', 2);
    expect(tr.count).toBe(1);
    expect(tr.recentInOrder().map((e) => e.type)).toEqual(['messageSent']);
    expect(copy.recentInOrder().map((e) => e.type)).toEqual(['messageSent', 'nodeCrashed']);
    tr.emit(2, 'nodeCrashed', 2);
    expect(tr.hash()).toBe(copy.hash());
  });
});
