import type {
  AccountSettings,
  ConsentItem,
  CurrencyRateItem,
  CustomFieldItem,
  CustomFieldType,
  CustomerItem,
  ProductItem,
  StoreItem,
} from '@marea/contracts';
import type {
  CartLineChange,
  CategoryLevel,
  FavouriteChange,
  KnownRate,
  PricedOrder,
  PricedOrderLine,
} from '@marea/domain/ingestion';

/** What a write did to one row: the engine turns it into the item's outcome. */
export type WriteOutcome = 'created' | 'updated' | 'unchanged';

export interface StoreRef {
  id: number;
  currency: string;
  channel: 'ecommerce' | 'store';
}

/** Internal ids (bigint, as text) by external id, and how many rows had to be created. */
export interface ResolvedReferences {
  ids: Map<string, string>;
  created: number;
  /** Customer references naming an erased person, with the erasure date: not resolved, not created. */
  erased?: Map<string, Date>;
}

/** The identifiers of a customer item that may name an erased person. */
export interface CustomerIdentifiers {
  externalId: string;
  email?: string | null;
  phone?: string | null;
}

export interface ProductReference {
  sku: string;
  /** Name of the stub created when the SKU is unknown. */
  name: string;
}

/** A customer to write; `managerId` undefined keeps the stored manager, null clears it. */
export type CustomerRow = Omit<CustomerItem, 'managerEmail'> & { managerId?: string | null };

/** A product to write; `categories` (normalised paths, every level) replace its categories when present. */
export type ProductRow = Omit<ProductItem, 'categories'> & { categories?: string[] };

export type OrderRow = Omit<PricedOrder, 'lines'> & {
  customerId: string;
  storeId: number;
  lines: (PricedOrderLine & { productId: string })[];
};

export interface EventRow {
  externalId: string;
  customerId: string;
  type: string;
  occurredAt: string;
  visitId: string | null;
  storeId: number | null;
  pageUrl: string | null;
  properties: unknown;
}

/** An event whose customer is known only by external id yet. */
export type PendingEventRow = Omit<EventRow, 'customerId'> & { customerExternalId: string };

/** What recording events of already known customers did, and the references it looked up on the way. */
export interface KnownCustomerEvents {
  /** External ids of the events recorded now. */
  recorded: Set<string>;
  /** Customers found; events of customers not among them were not recorded. */
  customerIds: Map<string, string>;
  /** Products found among the SKUs asked for. */
  productIds: Map<string, string>;
}

export type CartLineRow = CartLineChange & { customerId: string; storeId: number | null; productId: string };
export type FavouriteRow = FavouriteChange & { customerId: string; productId: string };
export type ConsentRow = ConsentItem & { customerId: string };

/**
 * One transaction of the ingestion store: everything a batch reads and writes. Writes take rows
 * in batch order and answer per row, in the same order.
 */
export interface IngestionTransaction {
  /** `forChange` locks the account until commit (settings about to change); otherwise it is only shared. */
  readAccount(forChange?: boolean): Promise<AccountSettings>;
  saveAccount(account: AccountSettings): Promise<void>;
  /** Whether stored data is expressed in the account currency. */
  currencyInUse(): Promise<{ orders: boolean; rates: boolean }>;

  findStores(externalIds: string[]): Promise<Map<string, StoreRef>>;
  customFieldTypes(): Promise<Map<string, CustomFieldType>>;
  customFieldsWithValues(keys: string[]): Promise<Set<string>>;
  /** The newest rate on or before each date, keyed `${currency} ${date}`. */
  latestRates(wanted: { currency: string; date: string }[]): Promise<Map<string, KnownRate>>;
  existingOrders(externalIds: string[]): Promise<Set<string>>;

  /** Customers by external id; unknown ones are created with only that id, unless they name an erased person. */
  customerIds(externalIds: string[]): Promise<ResolvedReferences>;
  /** Items whose external id, email or phone was an erased person's, by external id, with the erasure date. */
  erasedCustomers(items: CustomerIdentifiers[]): Promise<Map<string, Date>>;
  /** Products by SKU; unknown ones are created as stubs with the given name. */
  productIds(references: ProductReference[]): Promise<ResolvedReferences>;
  /** Users by email (lower-cased key); unknown ones are created with the role manager. */
  managerIds(emails: string[]): Promise<ResolvedReferences>;

  writeStores(rows: StoreItem[]): Promise<WriteOutcome[]>;
  writeCurrencyRates(rows: CurrencyRateItem[]): Promise<WriteOutcome[]>;
  writeCustomFields(rows: CustomFieldItem[]): Promise<WriteOutcome[]>;
  writeCustomers(rows: CustomerRow[]): Promise<WriteOutcome[]>;
  writeProducts(rows: ProductRow[], levels: CategoryLevel[]): Promise<WriteOutcome[]>;
  writeOrders(rows: OrderRow[]): Promise<WriteOutcome[]>;
  /** true where the event was recorded now, false where its external id was already recorded. */
  insertEvents(rows: EventRow[]): Promise<boolean[]>;
  /**
   * The hot path of event ingestion in one round trip: resolves the customers, records the
   * events of those that exist, and looks up the products of `skus`.
   */
  insertEventsOfKnownCustomers(rows: PendingEventRow[], skus: string[]): Promise<KnownCustomerEvents>;
  applyShopperChanges(cartLines: CartLineRow[], favourites: FavouriteRow[]): Promise<void>;
  /** true where the change is new to the history; the newest change per channel becomes the consent. */
  recordConsentChanges(rows: ConsentRow[]): Promise<boolean[]>;
}

/**
 * The port the ingestion engine writes through. `transaction` commits before it resolves, and
 * may run `work` again from the start when the database asks for a retry (deadlock, concurrent
 * creation of the same record), so `work` keeps no state outside itself.
 */
export interface IngestionStore {
  transaction<T>(work: (tx: IngestionTransaction) => Promise<T>): Promise<T>;
}
