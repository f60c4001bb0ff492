import type { TaxClass } from './catalogue/category-tree';

/**
 * The rows the demo shop produces, close to the tables they end in. Money is in integer cents
 * (exact sums: an order's total is the sum of its lines to the cent); instants are epoch
 * milliseconds; calendar dates are `YYYY-MM-DD`. Ids are assigned here so a bulk load can COPY
 * rows that refer to each other without asking the database.
 */
export type Cents = number;
export type EpochMs = number;

export interface AccountRow {
  readonly name: string;
  readonly currency: string;
  readonly timezone: string;
}

export interface StoreRow {
  readonly id: number;
  readonly externalId: string;
  readonly name: string;
  readonly channel: 'ecommerce' | 'store';
  readonly currency: string;
  readonly timezone: string;
  readonly country: 'ES' | 'PL';
}

export interface ManagerRow {
  /** 1-based number of the manager; the database id is whatever the users table gives it. */
  readonly number: number;
  readonly email: string;
  readonly name: string;
  readonly country: 'ES' | 'PL';
}

export interface CustomFieldRow {
  readonly key: string;
  readonly label: string;
  readonly type: 'text' | 'number' | 'date' | 'boolean';
}

export interface CurrencyRateRow {
  readonly currency: string;
  readonly date: string;
  /** Account-currency units for one unit of `currency`. */
  readonly rate: number;
}

export interface CategoryRow {
  readonly id: number;
  readonly path: string;
  readonly name: string;
  readonly parentId: number | null;
}

export interface ProductRow {
  readonly id: number;
  readonly externalId: string;
  readonly name: string;
  /** Shelf price in EUR, tax included. */
  readonly priceCents: Cents;
  readonly currency: 'EUR';
  readonly imageUrl: string;
  /** Unit cost in EUR before tax. */
  readonly costCents: Cents;
  readonly taxClass: TaxClass;
  readonly departmentIndex: number;
  /** The department and the subcategory: a product belongs to every level of its path. */
  readonly categoryIds: readonly number[];
  readonly categoryPath: string;
  readonly slug: string;
  readonly attributes: Readonly<Record<string, string | boolean>>;
}

export type AttributeValue = string | number | boolean;

export interface CustomerRow {
  readonly id: number;
  readonly externalId: string;
  readonly firstName: string;
  readonly lastName: string;
  readonly documentNumber: string | null;
  readonly email: string | null;
  readonly phone: string | null;
  readonly birthDate: string | null;
  readonly gender: 'female' | 'male' | 'other';
  readonly city: string;
  readonly country: 'ES' | 'PL';
  readonly language: 'es' | 'pl';
  readonly tags: readonly string[];
  readonly attributes: Readonly<Record<string, AttributeValue>>;
  /** ManagerRow.number of the responsible manager, if any. */
  readonly managerNumber: number | null;
  readonly createdAt: EpochMs;
  readonly updatedAt: EpochMs;
  /** The latent persona that drove this customer's behaviour: ground truth, never stored. */
  readonly persona: string;
}

export interface ConsentChangeRow {
  readonly channel: 'email' | 'sms';
  readonly status: 'given' | 'withdrawn';
  readonly changedAt: EpochMs;
  readonly source: string;
}

export interface OrderLineRow {
  readonly lineNo: number;
  readonly productId: number;
  /** Negative in a return. */
  readonly quantity: number;
  /** Before tax and discount, in the order currency. */
  readonly unitPrice: Cents;
  readonly discount: Cents;
  readonly tax: Cents;
  /** quantity × unitPrice − discount + tax. */
  readonly total: Cents;
  readonly cost: Cents;
}

export interface OrderRow {
  readonly id: number;
  readonly externalId: string;
  readonly storeId: number;
  readonly channel: 'ecommerce' | 'store';
  readonly kind: 'sale' | 'return';
  readonly status: 'placed' | 'paid' | 'shipped' | 'completed' | 'cancelled';
  readonly returnedOrderId: number | null;
  readonly orderedAt: EpochMs;
  readonly currency: string;
  readonly subtotal: Cents;
  readonly discountTotal: Cents;
  readonly taxTotal: Cents;
  readonly shippingTotal: Cents;
  /** Sum of the line totals plus shipping: after discounts, tax included, negative for a return. */
  readonly total: Cents;
  readonly costTotal: Cents;
  /** Net revenue (after discounts, before tax and shipping) minus cost. */
  readonly margin: Cents;
  readonly itemQuantity: number;
  /** Account-currency units per order-currency unit on the order date. */
  readonly fxRate: number;
  readonly lines: readonly OrderLineRow[];
}

export interface CartItemRow {
  readonly productId: number;
  readonly quantity: number;
  readonly unitPrice: Cents;
  readonly addedAt: EpochMs;
}

export interface CartRow {
  readonly id: number;
  readonly externalId: string;
  readonly storeId: number;
  readonly status: 'open' | 'abandoned';
  readonly createdAt: EpochMs;
  readonly updatedAt: EpochMs;
  readonly items: readonly CartItemRow[];
}

export interface FavouriteRow {
  readonly productId: number;
  readonly addedAt: EpochMs;
}

export interface EventRow {
  readonly id: number;
  readonly externalId: string;
  readonly type: string;
  readonly occurredAt: EpochMs;
  readonly visitId: string | null;
  readonly storeId: number | null;
  readonly pageUrl: string | null;
  readonly properties: Readonly<Record<string, unknown>>;
}

/** Everything about one customer, produced together so the pieces agree with each other. */
export interface CustomerHistory {
  readonly customer: CustomerRow;
  /** Oldest first. */
  readonly consentChanges: readonly ConsentChangeRow[];
  /** The newest change per channel. */
  readonly consents: readonly ConsentChangeRow[];
  /** Sales and returns, in time order. */
  readonly orders: readonly OrderRow[];
  readonly carts: readonly CartRow[];
  readonly favourites: readonly FavouriteRow[];
  readonly events: readonly EventRow[];
}
