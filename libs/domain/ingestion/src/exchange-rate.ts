const formatters = new Map<string, Intl.DateTimeFormat>();

/**
 * The calendar day of an instant in a time zone (`YYYY-MM-DD`). An order is converted at the
 * rate of its date in the account's time zone: the calendar the account reports in.
 */
export function calendarDateIn(instant: string, timeZone: string): string {
  let format = formatters.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' });
    formatters.set(timeZone, format);
  }
  return format.format(new Date(instant));
}

/** The newest stored rate of a currency on or before a date. */
export interface KnownRate {
  date: string;
  rate: number;
}

export type ConversionRate = { ok: true; rate: number } | { ok: false; message: string };

/**
 * How many account-currency units one unit of the order's currency was worth on its date: 1 when
 * they are the same currency, else the latest rate on or before that date. A missing rate is the
 * integrator's to send, so the message says which currency and date.
 */
export function conversionRate(
  currency: string,
  accountCurrency: string,
  date: string,
  latest: KnownRate | undefined,
): ConversionRate {
  if (currency === accountCurrency) return { ok: true, rate: 1 };
  if (latest) return { ok: true, rate: latest.rate };
  return {
    ok: false,
    message:
      `there is no exchange rate from ${currency} to the account currency ${accountCurrency} on or before ${date}; ` +
      `send one to POST /api/v1/currency-rates ({ "currency": "${currency}", "date": "${date}", "rate": <${accountCurrency} per ${currency}> })`,
  };
}
