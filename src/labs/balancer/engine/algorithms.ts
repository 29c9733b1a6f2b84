import { hashString, type Prng } from '../../../engine/kernel/prng';
import { RING_POINTS, type Algorithm } from './spec';

/** What the dispatcher knows of its service nodes when it picks one. */
export interface Pool {
  ids: readonly string[];
  weight: readonly number[];
  /** Open connections (requests forwarded and not yet answered). */
  active: readonly number[];
  /** Up and not draining: may take new requests. */
  eligible: readonly boolean[];
}

/** FNV-1a spreads similar names badly; murmur3's finaliser mixes the bits. */
function mix(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

export const hashKey = (key: string): number => mix(hashString(key));

/**
 * The balancing algorithms of SEMANTICS §6, each keeping the little state it
 * needs between picks. Every pick returns a pool index, or -1 when no node
 * is eligible.
 */
export class Picker {
  private rr = 0;
  private current: number[] = [];
  private ring: { point: number; server: number }[] = [];
  private ringOf = '';

  pick(alg: Algorithm, pool: Pool, rng: Prng, key: string): number {
    const n = pool.ids.length;
    if (!pool.eligible.some(Boolean)) return -1;
    switch (alg) {
      case 'roundrobin':
        // plain rotation: every eligible node in turn, weights ignored (HAProxy static-rr with weight 1)
        for (let k = 0; k < n; k++) {
          const i = (this.rr + k) % n;
          if (pool.eligible[i]) {
            this.rr = (i + 1) % n;
            return i;
          }
        }
        return -1;
      case 'swrr':
        return this.smoothWeighted(pool);
      case 'leastconn':
        return this.leastConn(pool);
      case 'random':
        return this.weightedRandom(pool, rng);
      case 'p2c': {
        // power of two choices: two weighted draws, keep the less busy (HAProxy random(2), Envoy LEAST_REQUEST)
        const a = this.weightedRandom(pool, rng);
        const b = this.weightedRandom(pool, rng);
        return pool.active[b]! / pool.weight[b]! < pool.active[a]! / pool.weight[a]! ? b : a;
      }
      case 'hash': {
        // map-based (HAProxy's default hash-type): key modulo the eligible nodes, so most keys move when the set changes
        const live = pool.eligible.flatMap((e, i) => (e ? [i] : []));
        return live[hashKey(key) % live.length]!;
      }
      case 'chash':
        return this.consistent(pool, key);
    }
  }

  /** nginx's smooth weighted round robin: weights 5:1:1 give a a b a c a a. */
  private smoothWeighted(pool: Pool): number {
    let total = 0;
    let best = -1;
    for (let i = 0; i < pool.ids.length; i++) {
      if (!pool.eligible[i]) continue;
      this.current[i] = (this.current[i] ?? 0) + pool.weight[i]!;
      total += pool.weight[i]!;
      if (best < 0 || this.current[i]! > this.current[best]!) best = i;
    }
    this.current[best]! -= total;
    return best;
  }

  /** Fewest open connections per unit of weight; ties go round robin so equal nodes share. */
  private leastConn(pool: Pool): number {
    const n = pool.ids.length;
    let best = -1;
    for (let k = 0; k < n; k++) {
      const i = (this.rr + k) % n;
      if (!pool.eligible[i]) continue;
      if (best < 0 || pool.active[i]! / pool.weight[i]! < pool.active[best]! / pool.weight[best]!) best = i;
    }
    this.rr = (best + 1) % n;
    return best;
  }

  private weightedRandom(pool: Pool, rng: Prng): number {
    let total = 0;
    for (let i = 0; i < pool.ids.length; i++) if (pool.eligible[i]) total += pool.weight[i]!;
    let x = rng.next() * total;
    let last = -1;
    for (let i = 0; i < pool.ids.length; i++) {
      if (!pool.eligible[i]) continue;
      last = i;
      x -= pool.weight[i]!;
      if (x < 0) return i;
    }
    return last;
  }

  /**
   * Consistent hashing (nginx `hash consistent`, ketama): each node owns points
   * on a ring; a key goes to the first point clockwise whose node is eligible,
   * so when a node leaves only its own keys move.
   */
  private consistent(pool: Pool, key: string): number {
    const sig = pool.ids.join() + '|' + pool.weight.join();
    if (sig !== this.ringOf) {
      this.ringOf = sig;
      this.ring = [];
      pool.ids.forEach((id, server) => {
        for (let p = 0; p < RING_POINTS * pool.weight[server]!; p++) this.ring.push({ point: hashKey(`${id}#${p}`), server });
      });
      this.ring.sort((a, b) => a.point - b.point || a.server - b.server);
    }
    const h = hashKey(key);
    let lo = 0;
    let hi = this.ring.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.ring[mid]!.point < h) lo = mid + 1;
      else hi = mid;
    }
    for (let k = 0; k < this.ring.length; k++) {
      const s = this.ring[(lo + k) % this.ring.length]!.server;
      if (pool.eligible[s]) return s;
    }
    return -1;
  }
}
