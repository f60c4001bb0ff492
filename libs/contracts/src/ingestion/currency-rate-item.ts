import * as z from 'zod';
import { CalendarDate, CurrencyCode } from './primitives';

/**
 * How many units of the account currency one unit of `currency` was worth on `date`. An order is
 * converted at the latest rate on or before its date.
 */
export const CurrencyRateItem = z
  .object({
    currency: CurrencyCode,
    date: CalendarDate,
    rate: z
      .number({ message: 'must be a number' })
      .finite()
      .positive('must be greater than 0')
      .refine((rate) => rate < 1e9, 'is too large'),
  })
  .strict();
export type CurrencyRateItem = z.infer<typeof CurrencyRateItem>;
