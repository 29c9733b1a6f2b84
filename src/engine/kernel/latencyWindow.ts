/**
 * The latest `size` latencies in a ring, and their percentiles: what the
 * models' panels report as p50/p95 without keeping every request.
 */
export class LatencyWindow {
  private readonly values: Float64Array;
  private count = 0;

  constructor(private readonly size: number) {
    this.values = new Float64Array(size);
  }

  push(v: number): void {
    this.values[this.count % this.size] = v;
    this.count++;
  }

  /** The median and 95th percentile of the window from one sort, 0 when empty. */
  quantiles(): { p50: number; p95: number } {
    const n = Math.min(this.count, this.size);
    if (n === 0) return { p50: 0, p95: 0 };
    const sorted = this.values.slice(0, n).sort();
    const at = (q: number) => sorted[Math.min(n - 1, Math.floor(q * n))]!;
    return { p50: at(0.5), p95: at(0.95) };
  }
}
