import * as z from 'zod';
import { CurrencyCode, Instant } from '../ingestion/primitives';

/** A customer's state by days since their last purchase; docs/analyses.md gives the default limits. */
export const ClvState = z.enum(['active', 'inactive', 'hibernating', 'lost']);
export type ClvState = z.infer<typeof ClvState>;

const Days = z.number().int('must be a whole number of days').min(1, 'must be at least 1 day');

/**
 * Where each state ends, in days since the last purchase: active below `activeDays`, inactive
 * below `inactiveDays`, hibernating below `hibernatingDays`, lost from there on.
 */
export const ClvStateLimits = z
  .object({
    activeDays: Days.describe('a customer is active below this many days since their last purchase (default 182)'),
    inactiveDays: Days.describe('… inactive below this many (default 365)'),
    hibernatingDays: Days.describe('… hibernating below this many, lost from there on (default 730)'),
  })
  .superRefine((limits, context) => {
    if (limits.inactiveDays <= limits.activeDays) {
      context.addIssue({ code: 'custom', path: ['inactiveDays'], message: `must be greater than activeDays (${limits.activeDays})` });
    }
    if (limits.hibernatingDays <= limits.inactiveDays) {
      context.addIssue({ code: 'custom', path: ['hibernatingDays'], message: `must be greater than inactiveDays (${limits.inactiveDays})` });
    }
  });
export type ClvStateLimits = z.infer<typeof ClvStateLimits>;

/** Query parameters of the score table: each limit optional (the default), written as a whole number. */
export const ClvStateLimitsQuery = z.object({
  activeDays: z.coerce.number({ message: 'must be a whole number of days' }).default(182),
  inactiveDays: z.coerce.number({ message: 'must be a whole number of days' }).default(365),
  hibernatingDays: z.coerce.number({ message: 'must be a whole number of days' }).default(730),
});

/** One state's row of the CLV score table. Money in the account currency, net of returns. */
export const ClvStateFigures = z.object({
  state: ClvState,
  customers: z.number().int(),
  tickets: z.number().int(),
  averageTicket: z.number().nullable().describe('spend / tickets; null without tickets'),
  meanRecencyDays: z.number().nullable().describe('mean days since the last purchase; null without customers'),
  totalSpend: z.number(),
  ticketsPerCustomer: z.number().nullable(),
  spendPerCustomer: z.number().nullable(),
  customerShare: z.number().describe('share of the customers with a purchase, 0–1'),
  revenueShare: z.number().nullable().describe('share of the net revenue, 0–1; null when the base has none'),
});
export type ClvStateFigures = z.infer<typeof ClvStateFigures>;

/** The CLV score table: the customers with at least one purchase, by recency state, as of `computedAt`. */
export const ClvScoreTable = z.object({
  computedAt: Instant,
  currency: CurrencyCode,
  limits: ClvStateLimits,
  states: z.array(ClvStateFigures).length(4).describe('active, inactive, hibernating, lost, in that order'),
  total: z.object({ customers: z.number().int(), tickets: z.number().int(), totalSpend: z.number() }),
});
export type ClvScoreTable = z.infer<typeof ClvScoreTable>;
