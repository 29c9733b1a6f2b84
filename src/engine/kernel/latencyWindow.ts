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

  /** The q-quantile (0..1) of the window, 0 when empty. */
  percentile(q: number): number {
    const n = Math.min(this.count, this.size);
    if (n === 0) return 0;
    const sorted = this.values.slice(0, n).sort();
    return sorted[Math.min(n - 1, Math.floor(q * n))]!;
  }
}
