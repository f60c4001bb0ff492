import type { DataSource } from 'typeorm';
import { withPgClient } from '../../database/with-pg-client';
import { completeClvModelFit, failClvModelFit, type FitOutcome, type StartedClvModelFit } from './clv-model-fit-store';
import { bgNbdParameters, daysHistories, fitPurchaseModel, fitSpendModel, gammaGammaParameters } from './fit-clv-model';
import { holdoutCheck } from './holdout-check';
import { readPurchaseHistories } from './read-purchase-histories';
import { scoreCustomers } from './score-customers';
import { writeCustomerClv } from './write-customer-clv';

const DAY_MS = 86_400_000;

/**
 * Runs a fit recorded by `startClvModelFit` to its end: reads the base's purchase histories (one
 * statement), fits BG/NBD and Gamma-Gamma, runs the holdout check, scores every customer and writes
 * the figures and the fit in one transaction. A failure marks the fit failed with its reason and is
 * rethrown. Returns the outcome recorded with the fit.
 */
export async function runClvModelFit(dataSource: DataSource, fit: StartedClvModelFit): Promise<FitOutcome> {
  const started = performance.now();
  const timings: Record<string, number> = {};
  let phaseStart = started;
  const phase = (name: string) => {
    const now = performance.now();
    timings[name] = Math.round(now - phaseStart);
    phaseStart = now;
  };
  try {
    const base = await withPgClient(dataSource, (client) => readPurchaseHistories(client, fit.calibrationEnd, fit.holdoutWeeks));
    if (base.customers === 0) throw new Error('No customer has a purchase yet: there is nothing to fit.');
    phase('readMs');

    const histories = daysHistories(base.firstDay, base.lastDay, base.repeatPurchases, base.windowEndDay);
    const bgNbd = fitPurchaseModel(histories);
    const spend = fitSpendModel(base.repeatPurchases, base.meanRepeatValue);
    phase('fitMs');

    const holdout = base.holdout ? holdoutCheck(base.holdout) : null;
    phase('holdoutMs');

    const scores = scoreCustomers(histories, base.meanRepeatValue, base.meanTicketValue, bgNbdParameters(bgNbd), spend.fit && gammaGammaParameters(spend.fit), {
      annualDiscountRate: fit.discountRate,
      windowEnd: fit.calibrationEnd,
    });
    phase('scoreMs');

    const outcome: FitOutcome = {
      customers: base.customers,
      repeatCustomers: spend.repeatCustomers,
      bgNbd,
      gammaGamma: spend.fit,
      holdout: holdout && {
        cutoff: new Date(holdout.cutoffDay * DAY_MS).toISOString().slice(0, 10),
        weeks: holdout.weeks,
        predictedTotal: holdout.predictedTotal,
        actualTotal: holdout.actualTotal,
      },
      timings,
      durationMs: 0,
    };
    await withPgClient(dataSource, async (client) => {
      await client.query('BEGIN');
      try {
        await writeCustomerClv(client, fit.id, fit.calibrationEnd, base.customerIds, scores);
        phase('writeMs');
        outcome.durationMs = performance.now() - started;
        await completeClvModelFit(async (text, parameters) => (await client.query(text, parameters)).rows, fit.id, outcome, new Date());
        await client.query('COMMIT');
      } catch (error) {
        await client.query('ROLLBACK').catch(() => undefined);
        throw error;
      }
    });
    return outcome;
  } catch (error) {
    await failClvModelFit(dataSource, fit.id, error, performance.now() - started).catch(() => undefined);
    throw error;
  }
}
