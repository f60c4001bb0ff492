import type { CurrencyRateItem } from '@marea/contracts';
import type { WriteOutcome } from '@marea/engine/ingestion';
import type { KnownRate } from '@marea/domain/ingestion';
import type { SqlQuery } from './sql-query';
import { writeOutcomes, type WrittenRow } from './write-outcomes';

/** The newest rate on or before each date: one backward step on the (currency, rate_date) key each. */
export async function latestRates(
  sql: SqlQuery,
  wanted: { currency: string; date: string }[],
): Promise<Map<string, KnownRate>> {
  const unique = [...new Map(wanted.map((w) => [`${w.currency} ${w.date}`, w])).values()];
  const rows = await sql<{ currency: string; date: string; rate_date: string; rate: string }>(
    `SELECT w.currency, w.date::text AS date, r.rate_date::text AS rate_date, r.rate::text AS rate
     FROM unnest($1::text[], $2::date[]) AS w(currency, date)
     CROSS JOIN LATERAL (
       SELECT rate_date, rate FROM currency_rates cr
       WHERE cr.currency = w.currency AND cr.rate_date <= w.date
       ORDER BY cr.rate_date DESC LIMIT 1
     ) r`,
    [unique.map((w) => w.currency), unique.map((w) => w.date)],
  );
  return new Map(rows.map((row) => [`${row.currency} ${row.date}`, { date: row.rate_date, rate: Number(row.rate) }]));
}

export async function writeCurrencyRates(sql: SqlQuery, rows: CurrencyRateItem[]): Promise<WriteOutcome[]> {
  const written = await sql<WrittenRow>(
    `INSERT INTO currency_rates AS r (currency, rate_date, rate)
     SELECT * FROM unnest($1::text[], $2::date[], $3::numeric[]) ORDER BY 1, 2
     ON CONFLICT (currency, rate_date) DO UPDATE SET rate = EXCLUDED.rate
       WHERE r.rate IS DISTINCT FROM EXCLUDED.rate
     RETURNING r.currency || ' ' || r.rate_date::text AS key, (r.xmax = 0) AS inserted`,
    [rows.map((r) => r.currency), rows.map((r) => r.date), rows.map((r) => String(r.rate))],
  );
  return writeOutcomes(rows.map((r) => `${r.currency} ${r.date}`), written);
}
