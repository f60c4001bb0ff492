import { Client } from 'pg';
import type { BgNbdFit, ClvHoldout, ClvModelFit, CustomerClv, CustomerMetrics, GammaGammaFit } from '@marea/contracts';
import { compressHistories, fitBgNbd, fitGammaGamma, summarisePurchases, type DatedPurchase, type SummarisedPurchases } from '@marea/domain/analyses';
import { seedDemoShop } from '@marea/infra/persistence';
import { useTestDatabase } from '@marea/testing';
import { startApi, type ApiUnderTest } from '../../ingestion/testing/api-under-test';

const CUSTOMERS = 600;
const FIT_TIMEOUT_MS = 60_000;

/** Relative difference, for parameters that two fits of the same histories must share. */
const relative = (a: number, b: number) => Math.abs(a - b) / Math.max(Math.abs(a), Math.abs(b), 1e-12);

describe('the CLV model over the demo shop, through the API', () => {
  const db = useTestDatabase();
  let api: ApiUnderTest;
  let fit: ClvModelFit;

  const waitUntilFinished = async (id: string): Promise<ClvModelFit> => {
    const deadline = Date.now() + FIT_TIMEOUT_MS;
    for (;;) {
      const answer = await api.send('GET', `/api/v1/analyses/clv-model/fits/${id}`);
      expect(answer.status).toBe(200);
      if (answer.body.status !== 'running') return answer.body;
      if (Date.now() > deadline) throw new Error(`fit ${id} still running after ${FIT_TIMEOUT_MS} ms`);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  };

  beforeAll(async () => {
    const client = new Client({ connectionString: db().url });
    await client.connect();
    try {
      expect((await seedDemoShop(client, { customers: CUSTOMERS, seed: 11 })).seeded).toBe(true);
    } finally {
      await client.end();
    }
    api = await startApi(db());
  });
  afterAll(() => api?.close());

  it('has no model before the first fit', async () => {
    const answer = await api.send('GET', '/api/v1/analyses/clv-model');
    expect(answer.status).toBe(404);
    expect(answer.body.error.code).toBe('NO_CLV_MODEL');
  });

  it('refuses wrong fit options with 400, naming the field', async () => {
    const rate = await api.send('POST', '/api/v1/analyses/clv-model/fits', { discountRate: 2 });
    expect(rate.status).toBe(400);
    expect(rate.body.error).toMatchObject({ code: 'INVALID_CLV_MODEL_FIT', details: [{ field: 'discountRate', message: 'must be at most 1 (100 % a year)' }] });
    const weeks = await api.send('POST', '/api/v1/analyses/clv-model/fits', { holdoutWeeks: 2.5 });
    expect(weeks.status).toBe(400);
    expect(weeks.body.error.details).toEqual([{ field: 'holdoutWeeks', message: 'must be a whole number of weeks' }]);
    expect((await api.send('GET', '/api/v1/analyses/clv-model/fits/abc')).body.error.details).toEqual([{ field: 'id', message: 'must be a fit id such as 12' }]);
    expect(await api.count('clv_model_fits')).toBe(0);
  });

  it('fits in the background (202), one fit at a time, and reaches done', async () => {
    const [first, second] = await Promise.all([
      api.send('POST', '/api/v1/analyses/clv-model/fits', { discountRate: 0.1, holdoutWeeks: 26 }),
      api.send('POST', '/api/v1/analyses/clv-model/fits', { discountRate: 0.1, holdoutWeeks: 26 }),
    ]);
    const [started, refused] = first.status === 202 ? [first, second] : [second, first];
    expect(started.status).toBe(202);
    expect(started.body).toMatchObject({ status: 'running', bgNbd: null, discountRate: 0.1 });
    expect(refused.status).toBe(409);
    expect(refused.body.error.code).toBe('CLV_MODEL_FIT_RUNNING');

    fit = await waitUntilFinished(started.body.id);
    expect(fit).toMatchObject({ status: 'done', error: null });
    expect((await api.send('GET', '/api/v1/analyses/clv-model')).body).toEqual(fit);
  }, FIT_TIMEOUT_MS + 10_000);

  it('writes a row per buyer with P(alive) in [0, 1], CLV ≥ 0, and the CLV in customer_metrics.predicted_clv', async () => {
    const [check] = await api.rows<Record<string, number>>(
      `SELECT (SELECT count(DISTINCT customer_id)::int FROM orders WHERE kind = 'sale' AND status <> 'cancelled') AS buyers,
              count(*)::int AS rows,
              count(*) FILTER (WHERE probability_alive BETWEEN 0 AND 1 AND clv_12m >= 0 AND expected_purchases_12m >= 0
                                 AND expected_average_order_value > 0)::int AS sane,
              count(*) FILTER (WHERE fit_id = $1)::int AS of_the_fit,
              count(*) FILTER (WHERE expected_next_order_at IS NOT NULL)::int AS with_next_order,
              (SELECT count(*)::int FROM customer_metrics m JOIN customer_clv c USING (customer_id) WHERE m.predicted_clv = c.clv_12m) AS predicted
       FROM customer_clv`,
      [fit.id],
    );
    expect(fit.customers).toBe(check.buyers);
    expect(check).toMatchObject({ rows: check.buyers, sane: check.buyers, of_the_fit: check.buyers, predicted: check.buyers });
    expect(check.with_next_order).toBeGreaterThan(0);
  });

  it('has the parameters of the domain fit of the same histories, read independently with plain SQL', async () => {
    const rows = await api.rows<{ customer_id: string; day: number; value: string; end_day: number }>(
      `SELECT o.customer_id::text, (o.ordered_at AT TIME ZONE s.timezone)::date - DATE '1970-01-01' AS day, o.total_account AS value,
              (($1::timestamptz AT TIME ZONE a.timezone)::date - DATE '1970-01-01') AS end_day
       FROM orders o JOIN stores s ON s.id = o.store_id CROSS JOIN account a
       WHERE o.kind = 'sale' AND o.status <> 'cancelled' AND o.ordered_at <= $1`,
      [fit.calibrationEnd],
    );
    const byCustomer = new Map<string, DatedPurchase[]>();
    for (const row of rows) byCustomer.set(row.customer_id, [...(byCustomer.get(row.customer_id) ?? []), { day: row.day, value: Number(row.value) }]);
    const endDay = rows[0].end_day;
    const histories = [...byCustomer.values()].map((purchases) => summarisePurchases(purchases, endDay)).filter((h): h is SummarisedPurchases => h !== null);
    expect(histories).toHaveLength(fit.customers as number);

    const bgNbd = fitBgNbd(compressHistories({
      repeatPurchases: Float64Array.from(histories, (h) => h.repeatPurchases),
      lastPurchaseAt: Float64Array.from(histories, (h) => h.lastPurchaseAt),
      observedFor: Float64Array.from(histories, (h) => h.observedFor),
    }));
    const repeat = histories.filter((h) => h.repeatPurchases > 0 && h.meanRepeatValue > 0);
    const gammaGamma = fitGammaGamma({
      repeatPurchases: Float64Array.from(repeat, (h) => h.repeatPurchases),
      meanRepeatValue: Float64Array.from(repeat, (h) => h.meanRepeatValue),
    });
    // Equal up to the optimiser's own tolerance (its stopping rule sees sums taken in another row order).
    const stored = { ...(fit.bgNbd as BgNbdFit), ...(fit.gammaGamma as GammaGammaFit) };
    for (const name of ['r', 'alpha', 'a', 'b'] as const) expect(relative(stored[name], bgNbd.parameters[name])).toBeLessThan(1e-5);
    expect(relative((fit.bgNbd as BgNbdFit).logLikelihood, bgNbd.logLikelihood)).toBeLessThan(1e-9);
    for (const name of ['p', 'q', 'gamma'] as const) expect(relative(stored[name], gammaGamma.parameters[name])).toBeLessThan(1e-5);
    expect(fit.repeatCustomers).toBe(repeat.length);
  });

  it('stores the holdout check: predicted against actual repeat purchases, week by week after the cut-off', async () => {
    const holdout = fit.holdout as ClvHoldout;
    expect(holdout.weeks.map((w) => w.week)).toEqual(Array.from({ length: 26 }, (_, i) => i + 1));
    expect(holdout.weeks.every((w) => w.predicted >= 0 && w.actual >= 0)).toBe(true);
    // The actual side, counted apart: tickets after the cut-off of the customers who had one by then.
    const [{ actual }] = await api.rows<{ actual: number }>(
      `WITH tickets AS (
         SELECT DISTINCT o.customer_id, (o.ordered_at AT TIME ZONE s.timezone)::date AS day
         FROM orders o JOIN stores s ON s.id = o.store_id
         WHERE o.kind = 'sale' AND o.status <> 'cancelled' AND o.ordered_at <= $1
       )
       SELECT count(*)::int AS actual FROM tickets t
       WHERE t.day > $2::date AND t.customer_id IN (SELECT customer_id FROM tickets WHERE day <= $2::date)`,
      [fit.calibrationEnd, holdout.cutoff],
    );
    expect(holdout.actualTotal).toBe(actual);
    expect(holdout.weeks.reduce((sum, w) => sum + w.actual, 0)).toBe(actual);
    // A sane model on a shop it was not calibrated on the end of: within a factor of two of what happened.
    expect(holdout.predictedTotal).toBeGreaterThan(actual / 2);
    expect(holdout.predictedTotal).toBeLessThan(actual * 2);
  });

  it("shows the customer's CLV, with when it was computed, in the profile's metrics", async () => {
    const [best] = await api.rows<{ customer_id: string; clv_12m: string }>(`SELECT customer_id::text, clv_12m::text FROM customer_clv ORDER BY clv_12m DESC LIMIT 1`);
    const answer = await api.send('GET', `/api/v1/customers/${best.customer_id}/metrics`);
    expect(answer.status).toBe(200);
    const clv = (answer.body as CustomerMetrics).clv as CustomerClv;
    expect(clv).toMatchObject({ clv12m: Number(best.clv_12m), fitId: fit.id, computedAt: fit.calibrationEnd });
    expect(clv.probabilityAlive).toBeGreaterThan(0);
    expect(clv.clv12m).toBeGreaterThan(0);
  });
});
