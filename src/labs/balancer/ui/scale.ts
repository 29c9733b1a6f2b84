/**
 * The scaling figures (CL-SCALE-ABS, CL-SCALE-INC, CL-HA, CL-PRICE) from the
 * load balancer's throughput epochs: one row per pool size measured.
 */

export interface Epoch {
  servers: number;
  /** Interconnect bandwidth meanwhile; only epochs under the current one are compared. */
  bps?: number;
  startUs: number;
  /** -1 while it is the current epoch. */
  endUs: number;
  completed: number;
  warmupUs: number;
}

export interface ScaleRow {
  nodes: number;
  /** Requests per second after the ramp-up; null while still warming up (or never measured). */
  throughput: number | null;
  /** That size is no longer running, so a missing figure will stay missing. */
  over: boolean;
  /** Chance that at least one of n nodes is up, each up a fraction `a` of the time. */
  availability: number;
  clusterPrice: number;
  smpPrice: number;
}

/** Each node on its own is up 99 % of the time (about 3.7 days down a year): illustrative. */
export const NODE_AVAILABILITY = 0.99;
/** One machine with n times a commodity node's power costs n^1.5 of them: illustrative. */
export const SMP_EXPONENT = 1.5;
/** Shorter measurements than this after the ramp-up are too noisy to show. */
const MIN_MEASURE_US = 5_000_000;

export function scaleRows(all: readonly Epoch[], nowUs: number): ScaleRow[] {
  // figures measured under another interconnect are not comparable with the current ones
  const current = all[all.length - 1]?.bps;
  const epochs = all.filter((e) => e.bps === current);
  const last = epochs[epochs.length - 1];
  const byNodes = new Map<number, number | null>();
  for (const e of epochs) {
    if (e.servers < 1) continue;
    const end = e.endUs < 0 ? nowUs : e.endUs;
    const measured = end - e.startUs - e.warmupUs;
    const throughput = measured >= MIN_MEASURE_US ? (e.completed * 1e6) / measured : null;
    // the latest good measurement of a size wins; a short one does not hide an earlier good one
    if (throughput !== null || !byNodes.has(e.servers)) byNodes.set(e.servers, throughput);
  }
  return [...byNodes.entries()]
    .sort((a, b) => a[0] - b[0])
    .map(([nodes, throughput]) => ({
      nodes,
      throughput,
      over: last?.servers !== nodes,
      availability: 1 - (1 - NODE_AVAILABILITY) ** nodes,
      clusterPrice: nodes,
      smpPrice: nodes ** SMP_EXPONENT,
    }));
}
