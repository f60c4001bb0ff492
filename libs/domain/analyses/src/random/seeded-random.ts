/** A source of uniform numbers in [0, 1), the only randomness the analyses use. */
export type RandomSource = () => number;

/**
 * mulberry32 (Tommy Ettinger, public domain): a 32-bit generator, fast, with a full 2^32 period
 * and good statistical quality for sampling. The same seed always gives the same sequence, on
 * every platform, which is what makes a persona analysis reproducible from its stored seed.
 */
export function seededRandom(seed: number): RandomSource {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A fresh 32-bit seed drawn from `random`: how restarts get their own reproducible streams. */
export function nextSeed(random: RandomSource): number {
  return Math.floor(random() * 4294967296) >>> 0;
}
