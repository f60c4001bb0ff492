import * as z from 'zod';
import { CurrencyCode, TimeZone } from './primitives';

/**
 * The account: its name, the currency every amount is shown in, and the time zone its calendar
 * days are counted in (an order's date for currency conversion, "last 12 months" …). The
 * currency cannot change once orders or currency rates are stored: both are expressed in it.
 */
export const AccountSettings = z
  .object({
    name: z.string().trim().min(1, 'must not be empty').max(200),
    currency: CurrencyCode,
    timezone: TimeZone,
  })
  .strict();
export type AccountSettings = z.infer<typeof AccountSettings>;
