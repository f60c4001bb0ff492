import type { SeededRandom } from './seeded-random';

/** Standard normal by Box–Muller. */
export function normal(random: SeededRandom, mean = 0, deviation = 1): number {
  const u = 1 - random.float(); // (0, 1]: log(0) would be -Infinity
  const v = random.float();
  return mean + deviation * Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
}

export function logNormal(random: SeededRandom, mu: number, sigma: number): number {
  return Math.exp(normal(random, mu, sigma));
}

/** Waiting time of a Poisson process with `rate` events per unit. */
export function exponential(random: SeededRandom, rate: number): number {
  return -Math.log(1 - random.float()) / rate;
}

/**
 * Gamma(shape, scale) by Marsaglia–Tsang. It drives purchase rates (the "NBD" of BG/NBD) and
 * spend, so it must handle shapes below 1, which make the heavy tail of very frequent buyers.
 */
export function gamma(random: SeededRandom, shape: number, scale = 1): number {
  if (shape < 1) return gamma(random, shape + 1, scale) * Math.pow(1 - random.float(), 1 / shape);
  const d = shape - 1 / 3;
  const c = 1 / Math.sqrt(9 * d);
  for (;;) {
    let x: number;
    let v: number;
    do {
      x = normal(random);
      v = 1 + c * x;
    } while (v <= 0);
    v = v * v * v;
    const u = random.float();
    if (u < 1 - 0.0331 * x * x * x * x || Math.log(u) < 0.5 * x * x + d * (1 - v + Math.log(v))) return d * v * scale;
  }
}

/** Beta(a, b) from two gammas: the dropout probability of BG/NBD. */
export function beta(random: SeededRandom, a: number, b: number): number {
  const x = gamma(random, a);
  const y = gamma(random, b);
  return x / (x + y);
}

/** Poisson count: Knuth's product method for small means, a rounded normal above 30. */
export function poisson(random: SeededRandom, mean: number): number {
  if (mean <= 0) return 0;
  if (mean > 30) return Math.max(0, Math.round(normal(random, mean, Math.sqrt(mean))));
  const limit = Math.exp(-mean);
  let count = 0;
  let product = random.float();
  while (product > limit) {
    count++;
    product *= random.float();
  }
  return count;
}
