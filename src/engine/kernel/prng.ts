/**
 * Seeded pseudo-random numbers (sfc32, seeded through splitmix32).
 * Every subsystem asks for its own stream with `split(name)`, so adding a
 * model or drawing one more number in one place never shifts another's
 * numbers: the stream depends only on the root seed and the stream's name.
 */
export class Prng {
  private a: number;
  private b: number;
  private c: number;
  private d: number;

  constructor(seed: number) {
    let s = seed >>> 0;
    const next = (): number => {
      // splitmix32: spreads a small or sequential seed over the whole state
      s = (s + 0x9e3779b9) | 0;
      let z = s;
      z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
      z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
      return (z ^ (z >>> 16)) >>> 0;
    };
    this.a = next();
    this.b = next();
    this.c = next();
    this.d = next();
    for (let i = 0; i < 12; i++) this.nextU32();
  }

  /** A 32-bit unsigned integer. */
  nextU32(): number {
    const t = (((this.a + this.b) | 0) + this.d) | 0;
    this.d = (this.d + 1) | 0;
    this.a = this.b ^ (this.b >>> 9);
    this.b = (this.c + (this.c << 3)) | 0;
    this.c = (this.c << 21) | (this.c >>> 11);
    this.c = (this.c + t) | 0;
    return t >>> 0;
  }

  /** A float in [0, 1). */
  next(): number {
    return this.nextU32() / 4294967296;
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
