import type { AccountSettings, CurrencyRateItem, CustomFieldItem, StoreItem } from '@marea/contracts';
import type { CategoryLevel } from '@marea/domain/ingestion';
import type {
  CartLineRow,
  ConsentRow,
  CustomerIdentifiers,
  CustomerRow,
  EventRow,
  FavouriteRow,
  IngestionTransaction,
  OrderRow,
  PendingEventRow,
  ProductReference,
  ProductRow,
} from '@marea/engine/ingestion';
import { currencyInUse, readAccount, saveAccount } from './account-rows';
import { recordConsentChanges } from './consent-rows';
import { latestRates, writeCurrencyRates } from './currency-rate-rows';
import { customFieldTypes, customFieldsWithValues, writeCustomFields } from './custom-field-rows';
import { customerIds, erasedCustomers } from './customer-references';
import { writeCustomers } from './customer-rows';
import { insertEvents, insertEventsOfKnownCustomers } from './event-rows';
import { managerIds } from './manager-users';
import { existingOrders, writeOrders } from './order-rows';
import { productIds } from './product-references';
import { writeProducts } from './product-rows';
import { applyShopperChanges } from './shopper-projection-rows';
import type { SqlQuery } from './sql-query';
import { findStores, writeStores } from './store-rows';

/** The ingestion port on one open PostgreSQL transaction; each method is one file's SQL. */
export class PostgresIngestionTransaction implements IngestionTransaction {
  /** Customers whose events this transaction recorded, announced once it commits. */
  readonly customersWithNewEvents = new Set<string>();

  constructor(private readonly sql: SqlQuery) {}

  readAccount(forChange = false) {
    return readAccount(this.sql, forChange);
  }
  saveAccount(account: AccountSettings) {
    return saveAccount(this.sql, account);
  }
  currencyInUse() {
    return currencyInUse(this.sql);
  }
  findStores(externalIds: string[]) {
    return findStores(this.sql, externalIds);
  }
  customFieldTypes() {
    return customFieldTypes(this.sql);
  }
  customFieldsWithValues(keys: string[]) {
    return customFieldsWithValues(this.sql, keys);
  }
  latestRates(wanted: { currency: string; date: string }[]) {
    return latestRates(this.sql, wanted);
  }
  existingOrders(externalIds: string[]) {
    return existingOrders(this.sql, externalIds);
  }
  customerIds(externalIds: string[]) {
    return customerIds(this.sql, externalIds);
  }

  erasedCustomers(items: CustomerIdentifiers[]) {
    return erasedCustomers(this.sql, items);
  }
  productIds(references: ProductReference[]) {
    return productIds(this.sql, references);
  }
  managerIds(emails: string[]) {
    return managerIds(this.sql, emails);
  }
  writeStores(rows: StoreItem[]) {
    return writeStores(this.sql, rows);
  }
  writeCurrencyRates(rows: CurrencyRateItem[]) {
    return writeCurrencyRates(this.sql, rows);
  }
  writeCustomFields(rows: CustomFieldItem[]) {
    return writeCustomFields(this.sql, rows);
  }
  writeCustomers(rows: CustomerRow[]) {
    return writeCustomers(this.sql, rows);
  }
  writeProducts(rows: ProductRow[], levels: CategoryLevel[]) {
    return writeProducts(this.sql, rows, levels);
  }
  writeOrders(rows: OrderRow[]) {
    return writeOrders(this.sql, rows);
  }
  async insertEvents(rows: EventRow[]) {
    const recorded = await insertEvents(this.sql, rows);
    rows.forEach((row, i) => recorded[i] && this.customersWithNewEvents.add(row.customerId));
    return recorded;
  }
  async insertEventsOfKnownCustomers(rows: PendingEventRow[], skus: string[]) {
    const known = await insertEventsOfKnownCustomers(this.sql, rows, skus);
    for (const row of rows) {
      const customerId = known.customerIds.get(row.customerExternalId);
      if (customerId && known.recorded.has(row.externalId)) this.customersWithNewEvents.add(customerId);
    }
    return known;
  }
  applyShopperChanges(cartLines: CartLineRow[], favourites: FavouriteRow[]) {
    return applyShopperChanges(this.sql, cartLines, favourites);
  }
  recordConsentChanges(rows: ConsentRow[]) {
    return recordConsentChanges(this.sql, rows);
  }
}
