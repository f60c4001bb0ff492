/**
 * The one pseudo-random generator of the demo shop: sfc32, seeded through splitmix32. Fast,
 * 32-bit, and good enough for synthetic data. Every customer gets its own stream derived from
 * the shop seed and the customer's number, so one customer's history never depends on how many
 * random numbers an earlier customer consumed.
 */
export class SeededRandom {
  private a: number;
  private b: number;
  private c: number;
  private d: number;
  /** The initial state, so derive() does not depend on how far this generator has run. */
  private readonly origin: number;

  constructor(seed: number, stream = 0) {
    let state = (Math.imul(seed | 0, 0x9e3779b1) ^ Math.imul(stream | 0, 0x85ebca6b) ^ 0x6a09e667) | 0;
    const splitmix = () => {
      state = (state + 0x9e3779b9) | 0;
      let z = state;
      z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
      z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
      return (z ^ (z >>> 16)) | 0;
    };
    this.a = splitmix();
    this.b = splitmix();
    this.c = splitmix();
    this.d = splitmix();
    this.origin = this.a;
    for (let i = 0; i < 12; i++) this.nextUint32(); // let the state mix before it is used
  }

  /** A generator for a sub-stream (a customer, a product …) that is independent of this one's position. */
  derive(stream: number): SeededRandom {
    return new SeededRandom(this.origin ^ 0x5bd1e995, stream);
  }

  nextUint32(): number {
    const t = (((this.a + this.b) | 0) + this.d) | 0;
    this.d = (this.d + 1) | 0;
    this.a = this.b ^ (this.b >>> 9);
    this.b = (this.c + (this.c << 3)) | 0;
    this.c = (this.c << 21) | (this.c >>> 11);
    this.c = (this.c + t) | 0;
    return t >>> 0;
  }

  /** Uniform in [0, 1). */
  float(): number {
    return this.nextUint32() / 4294967296;
  }

  /** Uniform integer in [min, max], both included. */
  int(min: number, max: number): number {
    return min + Math.floor(this.float() * (max - min + 1));
  }

  /** Uniform real in [min, max). */
  between(min: number, max: number): number {
    return min + this.float() * (max - min);
  }

  chance(probability: number): boolean {
    return this.float() < probability;
  }

  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.float() * items.length)];
  }

  /** `count` distinct items (fewer when there are not enough), in random order. */
  sample<T>(items: readonly T[], count: number): T[] {
    const pool = items.slice();
    const taken = Math.min(count, pool.length);
    for (let i = 0; i < taken; i++) {
      const j = i + Math.floor(this.float() * (pool.length - i));
      [pool[i], pool[j]] = [pool[j], pool[i]];
    }
    return pool.slice(0, taken);
  }
}
