import { AccountSettings } from '@marea/contracts';
import { IngestionError, parseItem } from '@marea/domain/ingestion';
import type { IngestionStore } from './ingestion-store';

export function getAccount(store: IngestionStore): Promise<AccountSettings> {
  return store.transaction((tx) => tx.readAccount());
}

/**
 * Replaces the account settings. The currency is refused once orders or currency rates are
 * stored: their converted amounts and rates are expressed in it and would silently become wrong.
 */
export async function updateAccount(store: IngestionStore, raw: unknown): Promise<AccountSettings> {
  const parsed = parseItem(AccountSettings, raw);
  if (!parsed.ok) throw new IngestionError('INVALID_ACCOUNT', 'The account settings are not valid.', parsed.errors);
  const next = parsed.value;
  return store.transaction(async (tx) => {
    const current = await tx.readAccount(true);
    if (current.currency !== next.currency) {
      const inUse = await tx.currencyInUse();
      const holders = [inUse.orders && 'orders', inUse.rates && 'currency rates'].filter(Boolean);
      if (holders.length) {
        throw new IngestionError(
          'ACCOUNT_CURRENCY_LOCKED',
          `The account currency cannot change from ${current.currency} to ${next.currency}: ${holders.join(' and ')} are ` +
            `already stored with amounts converted to ${current.currency}.`,
          [{ field: 'currency', message: `must stay ${current.currency}` }],
        );
      }
    }
    await tx.saveAccount(next);
    return next;
  });
}
