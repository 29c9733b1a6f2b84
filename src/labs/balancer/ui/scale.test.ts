import { describe, expect, it } from 'vitest';
import { scaleRows } from './scale';

const W = 5_000_000;

describe('scaling figures (CL-SCALE-INC, CL-HA, CL-PRICE)', () => {
  it('gives throughput per pool size after the ramp-up, availability rising and the big machine dearer with size', () => {
    const rows = scaleRows(
      [
        { servers: 2, startUs: 0, endUs: 30e6, completed: 2500, warmupUs: W },
        { servers: 3, startUs: 30e6, endUs: 60e6, completed: 3750, warmupUs: W },
        { servers: 4, startUs: 60e6, endUs: -1, completed: 100, warmupUs: W },
      ],
      66e6,
    );
    expect(rows.map((r) => r.nodes)).toEqual([2, 3, 4]);
    expect(rows[0]!.throughput).toBeCloseTo(100);
    expect(rows[1]!.throughput).toBeCloseTo(150);
    // the current epoch has only 1 s past its ramp-up: not shown yet
    expect(rows[2]!.throughput).toBeNull();
    expect(rows[2]!.availability).toBeGreaterThan(rows[0]!.availability);
    expect(rows[2]!.smpPrice / rows[2]!.clusterPrice).toBeGreaterThan(rows[0]!.smpPrice / rows[0]!.clusterPrice);
  });

  it('a short revisit of a size does not hide its earlier measurement', () => {
    const rows = scaleRows(
      [
        { servers: 2, startUs: 0, endUs: 30e6, completed: 2500, warmupUs: W },
        { servers: 3, startUs: 30e6, endUs: 40e6, completed: 10, warmupUs: W },
        { servers: 2, startUs: 40e6, endUs: 42e6, completed: 10, warmupUs: W },
      ],
      50e6,
    );
    expect(rows.find((r) => r.nodes === 2)!.throughput).toBeCloseTo(100);
  });

  it('compares only sizes measured under the current interconnect, and says when a size was never measured', () => {
    const rows = scaleRows(
      [
        { servers: 2, bps: 10e6, startUs: 0, endUs: 30e6, completed: 900, warmupUs: W },
        { servers: 2, bps: 100e6, startUs: 30e6, endUs: 60e6, completed: 2500, warmupUs: W },
        { servers: 3, bps: 100e6, startUs: 60e6, endUs: 62e6, completed: 10, warmupUs: W },
        { servers: 4, bps: 100e6, startUs: 62e6, endUs: -1, completed: 100, warmupUs: W },
      ],
      64e6,
    );
    expect(rows.map((r) => r.nodes)).toEqual([2, 3, 4]);
    expect(rows[0]!.throughput).toBeCloseTo(100);
    expect(rows[1]).toMatchObject({ throughput: null, over: true });
    expect(rows[2]).toMatchObject({ throughput: null, over: false });
  });
});
