import type { AccountSettings } from '@marea/contracts';
import type { SqlQuery } from './sql-query';

/**
 * The account row, locked for the rest of the batch: shared while a batch converts with its
 * currency, exclusive while the settings change, so a currency change and a first order batch
 * cannot interleave.
 */
export async function readAccount(sql: SqlQuery, forChange: boolean): Promise<AccountSettings> {
  const [row] = await sql<AccountSettings>(
    `SELECT name, currency, timezone FROM account WHERE id = 1 FOR ${forChange ? 'UPDATE' : 'SHARE'}`,
  );
  return row;
}

export async function saveAccount(sql: SqlQuery, account: AccountSettings): Promise<void> {
  await sql(`UPDATE account SET name = $1, currency = $2, timezone = $3 WHERE id = 1`, [
    account.name,
    account.currency,
    account.timezone,
  ]);
}

export async function currencyInUse(sql: SqlQuery): Promise<{ orders: boolean; rates: boolean }> {
  const [row] = await sql<{ orders: boolean; rates: boolean }>(
    `SELECT EXISTS (SELECT 1 FROM orders) AS orders, EXISTS (SELECT 1 FROM currency_rates) AS rates`,
  );
  return row;
}
