import * as z from 'zod';
import { CalendarDate, Instant } from '../ingestion/primitives';

/** How a CLV model fit stands: running in the background, done (its figures are the customers'), or failed. */
export const ClvModelFitStatus = z.enum(['running', 'done', 'failed']);
export type ClvModelFitStatus = z.infer<typeof ClvModelFitStatus>;

/** BG/NBD parameters (time in days) and the log-likelihood of the fit over the whole base. */
export const BgNbdFit = z.object({
  r: z.number(),
  alpha: z.number(),
  a: z.number(),
  b: z.number(),
  logLikelihood: z.number(),
});
export type BgNbdFit = z.infer<typeof BgNbdFit>;

/** Gamma-Gamma parameters over the repeat customers and the log-likelihood of that fit. */
export const GammaGammaFit = z.object({
  p: z.number(),
  q: z.number(),
  gamma: z.number(),
  logLikelihood: z.number(),
});
export type GammaGammaFit = z.infer<typeof GammaGammaFit>;

/** One week after the holdout cut-off: the repeat purchases the calibrated model expected and those that happened. */
export const ClvHoldoutWeek = z.object({
  week: z.number().int().min(1),
  predicted: z.number(),
  actual: z.number().int(),
});
export type ClvHoldoutWeek = z.infer<typeof ClvHoldoutWeek>;

/**
 * The holdout check: the model calibrated on the purchases up to `calibrationEnd`, its expected
 * repeat purchases per week afterwards against the real ones (tickets of the customers known at
 * the cut-off).
 */
export const ClvHoldout = z.object({
  cutoff: CalendarDate.describe('the last calibration day (account time zone); week 1 starts the day after'),
  weeks: z.array(ClvHoldoutWeek),
  predictedTotal: z.number(),
  actualTotal: z.number().int(),
});
export type ClvHoldout = z.infer<typeof ClvHoldout>;

/**
 * A fit of BG/NBD (expected purchases, P(alive)) and Gamma-Gamma (expected spend) over the base's
 * purchase histories. The figures of a fit are null until it is done.
 */
export const ClvModelFit = z.object({
  id: z.string().describe('the fit id (a bigint in decimal)'),
  status: ClvModelFitStatus,
  startedAt: Instant,
  fittedAt: Instant.nullable().describe('when the fit finished; null while running or failed'),
  error: z.string().nullable(),
  calibrationEnd: Instant.describe('the end of the observation window of the histories (the fit\'s "now")'),
  customers: z.number().int().nullable().describe('customers with at least one purchase'),
  repeatCustomers: z.number().int().nullable().describe('customers with at least one repeat purchase (the Gamma-Gamma fit)'),
  bgNbd: BgNbdFit.nullable(),
  gammaGamma: GammaGammaFit.nullable().describe('null when too few repeat customers to fit it'),
  discountRate: z.number().describe('yearly discount rate of the 12-month CLV'),
  holdout: ClvHoldout.nullable().describe('null while running, or when the history is too short for the cut-off'),
  durationMs: z.number().int().nullable(),
});
export type ClvModelFit = z.infer<typeof ClvModelFit>;

/** POST /analyses/clv-model/fits: starts a fit in the background (202). */
export const ClvModelFitRequest = z.object({
  discountRate: z
    .number({ message: 'must be a number' })
    .min(0, 'must be at least 0')
    .max(1, 'must be at most 1 (100 % a year)')
    .default(0.1)
    .describe('yearly discount rate, 0.1 = 10 %'),
  holdoutWeeks: z
    .number({ message: 'must be a whole number of weeks' })
    .int('must be a whole number of weeks')
    .min(4, 'must be at least 4 weeks')
    .max(104, 'must be at most 104 weeks')
    .default(26)
    .describe('weeks kept out of the calibration for the holdout check'),
});
export type ClvModelFitRequest = z.infer<typeof ClvModelFitRequest>;

/** A customer's model-based CLV, from the latest done fit (null on the profile before any fit). */
export const CustomerClv = z.object({
  expectedPurchases12m: z.number().min(0).describe('tickets BG/NBD expects in the next 12 months'),
  probabilityAlive: z.number().min(0).max(1),
  expectedAverageOrderValue: z.number().describe('per ticket, Gamma-Gamma; the population mean without repeats'),
  clv12m: z.number().min(0).describe('discounted value of the next 12 months, account currency'),
  expectedNextOrderAt: Instant.nullable().describe('last purchase + the median time to the next one if alive; null when unlikely'),
  computedAt: Instant,
  fitId: z.string(),
});
export type CustomerClv = z.infer<typeof CustomerClv>;
