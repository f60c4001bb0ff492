import { SeededRandom } from './seeded-random';
import { beta, gamma, poisson } from './distributions';

const mean = (values: number[]) => values.reduce((a, b) => a + b, 0) / values.length;
const draw = (n: number, f: () => number) => Array.from({ length: n }, f);

describe('the seeded random generator', () => {
  it('repeats the same sequence for the same seed and stream', () => {
    const a = new SeededRandom(7, 3);
    const b = new SeededRandom(7, 3);
    expect(draw(20, () => a.nextUint32())).toEqual(draw(20, () => b.nextUint32()));
  });

  it('gives different streams for different seeds or customers', () => {
    expect(new SeededRandom(7).float()).not.toEqual(new SeededRandom(8).float());
    const root = new SeededRandom(7);
    expect(root.derive(1).float()).not.toEqual(root.derive(2).float());
  });

  it('derives a customer stream that does not depend on how much the parent was used', () => {
    const fresh = new SeededRandom(7);
    const used = new SeededRandom(7);
    draw(100, () => used.float());
    expect(used.derive(42).float()).toEqual(fresh.derive(42).float());
  });

  it('stays within its bounds and is roughly uniform', () => {
    const random = new SeededRandom(1);
    const ints = draw(20_000, () => random.int(1, 6));
    expect(Math.min(...ints)).toBe(1);
    expect(Math.max(...ints)).toBe(6);
    expect(mean(ints)).toBeCloseTo(3.5, 1);
  });
});

describe('the distributions', () => {
  const random = new SeededRandom(11);

  it('draws gamma values with mean shape × scale, also for shapes below 1', () => {
    expect(mean(draw(40_000, () => gamma(random, 0.45, 70)))).toBeGreaterThan(0.45 * 70 * 0.93);
    expect(mean(draw(40_000, () => gamma(random, 0.45, 70)))).toBeLessThan(0.45 * 70 * 1.07);
    expect(mean(draw(20_000, () => gamma(random, 6, 0.5)))).toBeCloseTo(3, 1);
  });

  it('draws beta values with mean a / (a + b)', () => {
    expect(mean(draw(20_000, () => beta(random, 0.6, 3)))).toBeCloseTo(0.6 / 3.6, 2);
  });

  it('draws Poisson counts with their mean, small and large', () => {
    expect(mean(draw(20_000, () => poisson(random, 1.4)))).toBeCloseTo(1.4, 1);
    expect(mean(draw(5000, () => poisson(random, 50)))).toBeGreaterThan(49);
  });
});
