import { expectedPurchases } from './bg-nbd';
import { customerLifetimeValue } from './customer-lifetime-value';
import { expectedAverageSpend } from './gamma-gamma';

// The CDNOW fits (weeks), see bg-nbd.spec.ts and gamma-gamma.spec.ts.
const PURCHASES = { r: 0.242593, alpha: 4.413532, a: 0.792886, b: 2.425752 };
const SPEND = { p: 6.2488, q: 3.7446, gamma: 15.4477 };
const CUSTOMER_1 = { repeatPurchases: 2, lastPurchaseAt: 30.43, observedFor: 38.86, meanRepeatValue: 22.35 };

describe('12-month customer lifetime value', () => {
  it('is the expected purchases of the year times the expected spend when money is not discounted', () => {
    const value = customerLifetimeValue(PURCHASES, SPEND, CUSTOMER_1, { months: 12, annualDiscountRate: 0, daysPerTimeUnit: 7 });
    const yearInWeeks = 365.25 / 7;
    const undiscounted = expectedPurchases(PURCHASES, CUSTOMER_1, yearInWeeks) * expectedAverageSpend(SPEND, 2, 22.35);
    expect(value).toBeCloseTo(undiscounted, 8);
  });

  it('is worth less the higher the discount rate, and more for a frequent recent buyer than a silent one', () => {
    const at = (annualDiscountRate: number) => customerLifetimeValue(PURCHASES, SPEND, CUSTOMER_1, { months: 12, annualDiscountRate, daysPerTimeUnit: 7 });
    expect(at(0.1)).toBeLessThan(at(0));
    expect(at(0.3)).toBeLessThan(at(0.1));
    const silent = { repeatPurchases: 2, lastPurchaseAt: 2, observedFor: 38.86, meanRepeatValue: 22.35 };
    expect(customerLifetimeValue(PURCHASES, SPEND, silent, { months: 12, annualDiscountRate: 0.1, daysPerTimeUnit: 7 })).toBeLessThan(at(0.1));
  });

  it('refuses a horizon that is not a whole number of months', () => {
    expect(() => customerLifetimeValue(PURCHASES, SPEND, CUSTOMER_1, { months: 0, annualDiscountRate: 0.1, daysPerTimeUnit: 7 })).toThrow(/months/);
  });
});
