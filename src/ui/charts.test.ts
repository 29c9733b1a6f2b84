import { describe, expect, it } from 'vitest';
import type { Sample } from '../store/labStore';
import { BOX, chartDefs, formatNumber, formatValue, seriesPath, timeDomain, timeTicks, yMax, yOf } from './charts';

const sample = (s: number, over: Partial<Sample> = {}): Sample => ({
  tUs: s * 1e6,
  serverUtil: 0.5,
  appUtil: 0.5,
  dbUtil: 0.2,
  clientUtil: 0.1,
  bytesPerTx: 2_400,
  messagesPerTx: 4,
  p50Us: 120_000,
  p95Us: 300_000,
  throughput: 5,
  ...over,
});

describe('chart definitions', () => {
  it('has the five charts, with app and db lines when both servers exist', () => {
    const defs = chartDefs(true, true);
    expect(defs.map((d) => d.id)).toEqual(['serverUtil', 'clientUtil', 'bytes', 'latency', 'throughput']);
    expect(defs[0]!.series.map((s) => s.label)).toEqual(['app', 'db']);
    expect(defs[0]!.headline(sample(1))).toBe(50);
    expect(defs[3]!.series.map((s) => s.value(sample(1)))).toEqual([120, 300]);
  });

  it('draws one unlabelled server line for a mainframe (no separate database)', () => {
    const server = chartDefs(true, false)[0]!;
    expect(server.series).toHaveLength(1);
    expect(server.series[0]!.label).toBeNull();
  });
});

describe('scales and paths', () => {
  it('spans the samples in seconds, at least one second wide', () => {
    expect(timeDomain([])).toEqual([0, 1]);
    expect(timeDomain([sample(3)])).toEqual([3, 4]);
    expect(timeDomain([sample(2), sample(10)])).toEqual([2, 10]);
  });

  it('rounds the y axis up to a nice number, or keeps a fixed top', () => {
    expect(yMax([0, 73, 12], 100)).toBe(100);
    expect(yMax([0, 0])).toBe(1);
    expect(yMax([3.2, 7.4])).toBe(8);
    expect(yMax([1234, Number.NaN])).toBe(1500);
  });

  it('builds a path from the left to the right edge of the plot, top = max', () => {
    const s = [sample(0, { appUtil: 0 }), sample(5, { appUtil: 1 })];
    const d = seriesPath(s, (x) => x.appUtil * 100, timeDomain(s), 100);
    expect(d).toBe(`M${BOX.left},${BOX.height - BOX.bottom}L${BOX.width - BOX.right},${BOX.top}`);
    expect(seriesPath([], (x) => x.appUtil, [0, 1], 1)).toBe('');
    expect(seriesPath([sample(1)], (x) => x.appUtil, [1, 2], 1)).toMatch(/^M[\d.]+,[\d.]+L/);
  });

  it('clamps values over the top to the edge', () => {
    const d = seriesPath([sample(0), sample(1)], () => 500, [0, 1], 100);
    expect(d).toBe(`M${BOX.left},${BOX.top}L${BOX.width - BOX.right},${BOX.top}`);
    expect(yOf(0, 10)).toBe(BOX.height - BOX.bottom);
  });

  it('picks a few whole-second ticks inside the domain', () => {
    const ticks = timeTicks([0, 120]);
    expect(ticks.length).toBeGreaterThanOrEqual(2);
    expect(ticks.length).toBeLessThanOrEqual(4);
    for (const tk of ticks) {
      expect(Number.isInteger(tk.s)).toBe(true);
      expect(tk.x).toBeGreaterThanOrEqual(BOX.left);
      expect(tk.x).toBeLessThanOrEqual(BOX.width - BOX.right);
    }
    expect(timeTicks([0.2, 0.8]).every((tk) => Number.isInteger(tk.s))).toBe(true);
  });
});

describe('formatting', () => {
  it('shrinks precision as numbers grow, in the reader’s language', () => {
    expect(formatNumber(1.234, 'en')).toBe('1.23');
    expect(formatNumber(12.34, 'en')).toBe('12.3');
    expect(formatNumber(1234.5, 'en')).toBe('1,235');
    expect(formatNumber(1.5, 'es')).toBe('1,5');
    expect(formatNumber(Number.NaN, 'en')).toBe('—');
  });

  it('scales bytes and rounds percentages', () => {
    expect(formatValue('bytes', 850, 'en')).toEqual({ n: '850', unit: 'B' });
    expect(formatValue('bytes', 2_400, 'en')).toEqual({ n: '2.4', unit: 'kB' });
    expect(formatValue('bytes', 25_000_000, 'en')).toEqual({ n: '25', unit: 'MB' });
    expect(formatValue('pct', 73.4, 'en')).toEqual({ n: '73', unit: 'pct' });
    expect(formatValue('ms', 120, 'en')).toEqual({ n: '120', unit: 'ms' });
    expect(formatValue('txs', 5.25, 'en')).toEqual({ n: '5.25', unit: 'txs' });
  });
});
