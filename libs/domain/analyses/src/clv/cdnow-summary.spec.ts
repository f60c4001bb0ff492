import { CALIBRATION_END, cdnowSamplePurchases, publishedCdnowSummary } from '../testing/cdnow';
import { summarisePurchases } from './purchase-history';

// The published file rounds to 2 decimals (15.235 is written 15.24), plus room for binary floating point.
const HALF_CENT = 0.005 + 1e-9;

describe('the CDNOW calibration summary rebuilt from the raw transactions', () => {
  const purchases = cdnowSamplePurchases();
  const published = publishedCdnowSummary();

  it('matches the published summary for all 2,357 customers (x, t_x, T in weeks, z̄)', () => {
    expect(purchases.size).toBe(2357);
    expect(published).toHaveLength(2357);
    const mismatches = published.filter((customer) => {
      const ours = summarisePurchases(purchases.get(customer.id) ?? [], CALIBRATION_END, 7);
      return (
        ours === null ||
        ours.repeatPurchases !== customer.x ||
        Math.abs(ours.lastPurchaseAt - customer.tx) > HALF_CENT ||
        Math.abs(ours.observedFor - customer.T) > HALF_CENT ||
        Math.abs(ours.meanRepeatValue - customer.zbar) > HALF_CENT
      );
    });
    expect(mismatches).toEqual([]);
  });

  it('counts 946 repeaters, 1,411 one-time buyers and 2,457 repeat purchases', () => {
    const summaries = [...purchases.values()].map((p) => summarisePurchases(p, CALIBRATION_END, 7));
    const repeats = summaries.map((s) => s?.repeatPurchases ?? 0);
    expect(repeats.filter((x) => x > 0)).toHaveLength(946);
    expect(repeats.filter((x) => x === 0)).toHaveLength(1411);
    expect(repeats.reduce((a, b) => a + b, 0)).toBe(2457);
  });

  it('merges purchases of one day into one and ignores purchases after the window', () => {
    const summary = summarisePurchases(
      [
        { day: 10, value: 5 },
        { day: 12, value: 3 },
        { day: 12, value: 4 },
        { day: 40, value: 100 },
      ],
      24,
      7,
    );
    expect(summary).toEqual({ repeatPurchases: 1, lastPurchaseAt: 2 / 7, observedFor: 2, meanRepeatValue: 7 });
    expect(summarisePurchases([{ day: 40, value: 1 }], 24)).toBeNull();
  });
});
