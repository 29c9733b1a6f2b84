/**
 * The accepted range of every number a user can set. One table, read by the
 * engine (which refuses out-of-range values) and by the protocol's schema and
 * the UI's controls, so the three never disagree.
 */
export const LIMITS = {
  latencyUs: { min: 0, max: 10_000_000 },
  jitterUs: { min: 0, max: 10_000_000 },
  bandwidthBps: { min: 1_000, max: 100_000_000_000 },
  lossRate: { min: 0, max: 1 },
  speed: { min: 0.1, max: 1000 },
  maxNodes: { min: 1, max: 10_000 },
  thinkTimeUs: { min: 100_000, max: 60_000_000 },
  clients: { min: 1, max: 1000 },
  /** A service node's share in weighted balancing (HAProxy: 1–256). */
  weight: { min: 1, max: 256 },
} as const;

export type LimitKey = keyof typeof LIMITS;

/** True when v is a finite number inside the range named by key. */
export function inRange(key: LimitKey, v: number): boolean {
  const r = LIMITS[key];
  return Number.isFinite(v) && v >= r.min && v <= r.max;
}
