/**
 * Seeded pseudo-random numbers (sfc32, seeded through splitmix32).
 * Every subsystem asks for its own stream with `split(name)`, so adding a
 * model or drawing one more number in one place never shifts another's
 * numbers: the stream depends only on the root seed and the stream's name.
 */
export class Prng {
  /**
   * The four state words. A typed array rather than four fields: the words
   * use all 32 bits, which as fields V8 would keep as boxed doubles, turning
   * every draw into loads, conversions and stores through boxes.
   */
  private s = new Int32Array(4);

  constructor(seed: number) {
    let x = seed >>> 0;
    const next = (): number => {
      // splitmix32: spreads a small or sequential seed over the whole state
      x = (x + 0x9e3779b9) | 0;
      let z = x;
      z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
      z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
      return (z ^ (z >>> 16)) >>> 0;
    };
    for (let i = 0; i < 4; i++) this.s[i] = next();
    for (let i = 0; i < 12; i++) this.nextU32();
  }

  /** A 32-bit unsigned integer. */
  nextU32(): number {
    return this.step() >>> 0;
  }

  /** One step of sfc32: the next output as a signed 32-bit integer. */
  private step(): number {
    const s = this.s;
    const a = s[0]!;
    const b = s[1]!;
    const c = s[2]!;
    const d = s[3]!;
    const t = (((a + b) | 0) + d) | 0;
    s[3] = (d + 1) | 0;
    s[0] = b ^ (b >>> 9);
    s[1] = (c + (c << 3)) | 0;
    s[2] = (((c << 21) | (c >>> 11)) + t) | 0;
    return t;
  }

  /** A float in [0, 1). */
  next(): number {
    return (this.step() >>> 0) / 4294967296;
  }

  /** An integer in [min, max] inclusive. */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  /** An exponentially distributed integer with the given mean (for think times). */
  exp(mean: number): number {
    return Math.round(-Math.log(1 - this.next()) * mean);
  }

  /** True with probability p. */
  chance(p: number): boolean {
    return p > 0 && this.next() < p;
  }
}

/** FNV-1a over a string, used to derive a stream seed from its name. */
export function hashString(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** Hands out one independent stream per subsystem name. */
export class RandomSource {
  private readonly streams = new Map<string, Prng>();
  constructor(readonly seed: number) {}

  /** The stream for a subsystem; the same name always yields the same stream. */
  split(name: string): Prng {
    let p = this.streams.get(name);
    if (!p) {
      p = new Prng((Math.imul(this.seed >>> 0, 0x9e3779b1) ^ hashString(name)) >>> 0);
      this.streams.set(name, p);
    }
    return p;
  }
}
