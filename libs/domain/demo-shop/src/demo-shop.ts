import { SeededRandom } from './random/seeded-random';
import { buildCatalogue } from './catalogue/product-catalogue';
import { buildCurrencyRates } from './shop/currency-rates';
import { ACCOUNT, CUSTOM_FIELDS, STORES, managersFor } from './shop/shop-setup';
import { CustomerHistoryBuilder, type IdCounters } from './customers/customer-history-builder';
import type {
  AccountRow,
  CategoryRow,
  CurrencyRateRow,
  CustomFieldRow,
  CustomerHistory,
  ManagerRow,
  ProductRow,
  StoreRow,
} from './demo-shop-rows';

export interface DemoShopOptions {
  /** Same seed, size and `now` give the same shop, row for row. */
  readonly seed: number;
  readonly customers: number;
  /** The moment the shop's history ends ("today"); nothing happens after it. */
  readonly now: Date;
  /** Years of history before `now`. */
  readonly historyYears?: number;
}

/** The reference data (small, in memory) and the customers' histories (streamed). */
export interface DemoShop {
  readonly options: DemoShopOptions;
  readonly account: AccountRow;
  readonly stores: readonly StoreRow[];
  readonly managers: readonly ManagerRow[];
  readonly customFields: readonly CustomFieldRow[];
  readonly currencyRates: readonly CurrencyRateRow[];
  readonly categories: readonly CategoryRow[];
  readonly products: readonly ProductRow[];
  /**
   * Every customer with their orders, consents, carts, favourites and events, one at a time,
   * so a million customers never sit in memory. Each call starts again from the first customer.
   */
  histories(): Generator<CustomerHistory>;
}

const YEAR_MS = 365.25 * 86_400_000;

/** A realistic Spanish/Polish garden-home-and-organic shop, deterministic from its seed. */
export function createDemoShop(options: DemoShopOptions): DemoShop {
  if (!Number.isInteger(options.customers) || options.customers < 0) throw new Error('customers must be a whole number ≥ 0');
  const nowMs = options.now.getTime();
  if (!Number.isFinite(nowMs)) throw new Error('now must be a valid date');
  const historyStartMs = nowMs - (options.historyYears ?? 3) * YEAR_MS;
  const root = new SeededRandom(options.seed);
  const catalogue = buildCatalogue(root.derive(-2));
  const rates = buildCurrencyRates(root.derive(-3), historyStartMs - 86_400_000, nowMs);
  const managers = managersFor(options.customers);
  const builder = new CustomerHistoryBuilder({ random: root, catalogue, rates, managers, historyStartMs, nowMs });

  return {
    options,
    account: ACCOUNT,
    stores: STORES,
    managers,
    customFields: CUSTOM_FIELDS,
    currencyRates: rates.rows,
    categories: catalogue.categories,
    products: catalogue.products,
    *histories() {
      const ids: IdCounters = { order: 0, cart: 0, event: 0 };
      for (let index = 0; index < options.customers; index++) yield builder.build(index, ids);
    },
  };
}
