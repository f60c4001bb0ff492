import type { RandomSource } from './seeded-random';

/** A standard normal draw (Box–Muller, one of the pair). */
export function normalSample(random: RandomSource): number {
  let u = 0;
  while (u === 0) u = random();
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * random());
}

/**
 * A draw from Gamma(shape, rate) by Marsaglia & Tsang (2000); shapes below 1 use the boost
 * Gamma(a) = Gamma(a + 1) · U^(1/a). Used to simulate customers from fitted CLV models.
 */
export function gammaSample(random: RandomSource, shape: number, rate: number): number {
  if (!(shape > 0) || !(rate > 0)) throw new RangeError(`gamma needs shape > 0 and rate > 0 (got ${shape}, ${rate})`);
  if (shape < 1) {
    let u = 0;
    while (u === 0) u = random();
    return gammaSample(random, shape + 1, rate) * Math.pow(u, 1 / shape);
  }
  const d = shape - 1 / 3;
  const c = 1 / Math.sqrt(9 * d);
  for (;;) {
    let x: number;
    let v: number;
    do {
      x = normalSample(random);
      v = 1 + c * x;
    } while (v <= 0);
    v = v * v * v;
    const u = random();
    if (u < 1 - 0.0331 * x * x * x * x || Math.log(u) < 0.5 * x * x + d * (1 - v + Math.log(v))) return (d * v) / rate;
  }
}

/** A draw from Beta(a, b) as a ratio of gamma draws. */
export function betaSample(random: RandomSource, a: number, b: number): number {
  const x = gammaSample(random, a, 1);
  const y = gammaSample(random, b, 1);
  return x / (x + y);
}
