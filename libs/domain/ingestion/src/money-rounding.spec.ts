import fc from 'fast-check';
import { roundMoney, roundTo } from './money-rounding';

describe('money rounding', () => {
  it('rounds half away from zero, as PostgreSQL numeric does', () => {
    expect(roundMoney(1.005)).toBe(1.01);
    expect(roundMoney(-1.005)).toBe(-1.01);
    expect(roundMoney(2.675)).toBe(2.68);
    expect(roundTo(0.0005, 3)).toBe(0.001);
    expect(roundMoney(-0.001)).toBe(0);
  });

  it('is idempotent, so a stored amount sent again is unchanged', () => {
    fc.assert(
      fc.property(fc.double({ min: -1e9, max: 1e9, noNaN: true }), (value) => {
        const once = roundMoney(value);
        expect(roundMoney(once)).toBe(once);
        expect(Math.abs(once - value)).toBeLessThanOrEqual(0.005 + 1e-6);
      }),
    );
  });
});
