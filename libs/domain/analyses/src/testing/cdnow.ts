import type { DatedPurchase } from '../clv/purchase-history';
import { dayNumber, readCsvRows, readDataLines } from './published-data';

/** The CDNOW calibration window ends on 1997-09-30 (inclusive); the holdout runs to 1998-06-30. */
export const CALIBRATION_END = dayNumber('19970930');
export const HOLDOUT_END = dayNumber('19980630');

/** The 1/10 sample's purchases by sample id (1 … 2,357). */
export function cdnowSamplePurchases(): Map<number, DatedPurchase[]> {
  const byCustomer = new Map<number, DatedPurchase[]>();
  for (const line of readDataLines('cdnow/CDNOW_sample.txt')) {
    const [, sampleId, date, , dollars] = line.trim().split(/\s+/);
    const id = Number(sampleId);
    const purchases = byCustomer.get(id) ?? [];
    purchases.push({ day: dayNumber(date), value: Number(dollars) });
    byCustomer.set(id, purchases);
  }
  return byCustomer;
}

export interface PublishedCdnowCustomer {
  id: number;
  x: number;
  tx: number;
  T: number;
  zbar: number;
}

/** `cdnow_customers_summary_with_transactions.csv`: the published calibration summary, in weeks. */
export function publishedCdnowSummary(): PublishedCdnowCustomer[] {
  return readCsvRows('cdnow/cdnow_customers_summary_with_transactions.csv').map(([id, x, tx, T, zbar]) => ({
    id: Number(id),
    x: Number(x),
    tx: Number(tx),
    T: Number(T),
    zbar: Number(zbar),
  }));
}
