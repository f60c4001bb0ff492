import type { CustomerHistory } from '@marea/domain/demo-shop';
import { cents, instant, json, NULL, text, textArray } from './copy-text';

/** The per-customer tables of the demo shop, in an order that satisfies their foreign keys. */
export const HISTORY_TABLES = {
  customers: ['id', 'external_id', 'first_name', 'last_name', 'document_number', 'email', 'phone', 'birth_date', 'gender', 'city', 'country', 'language', 'tags', 'attributes', 'manager_id', 'created_at', 'updated_at'],
  customer_identities: ['kind', 'value', 'customer_id'],
  consent_changes: ['id', 'customer_id', 'channel', 'status', 'changed_at', 'source', 'recorded_at'],
  consents: ['customer_id', 'channel', 'status', 'changed_at', 'source'],
  orders: ['id', 'external_id', 'customer_id', 'store_id', 'channel', 'kind', 'status', 'returned_order_id', 'ordered_at', 'currency', 'subtotal', 'discount_total', 'tax_total', 'shipping_total', 'total', 'cost_total', 'margin', 'item_quantity', 'fx_rate', 'created_at', 'updated_at'],
  order_lines: ['order_id', 'line_no', 'product_id', 'quantity', 'unit_price', 'discount', 'tax', 'total', 'cost'],
  carts: ['id', 'external_id', 'customer_id', 'store_id', 'status', 'created_at', 'updated_at'],
  cart_items: ['cart_id', 'product_id', 'quantity', 'unit_price', 'added_at'],
  favourites: ['customer_id', 'product_id', 'added_at'],
  events: ['id', 'external_id', 'customer_id', 'type', 'occurred_at', 'received_at', 'visit_id', 'store_id', 'page_url', 'properties'],
} as const;

export type HistoryTable = keyof typeof HISTORY_TABLES;
export const HISTORY_TABLE_NAMES = Object.keys(HISTORY_TABLES) as HistoryTable[];

/**
 * Collects COPY lines of many customers, table by table. A customer's identities are its
 * external id, e-mail and phone; its consents are the newest change per channel.
 */
export class CustomerHistoryCopy {
  private lines: Record<HistoryTable, string[]> = emptyLines();
  private consentChangeId: number;

  constructor(
    /** users.id of each manager number. */
    private readonly managerIds: ReadonlyMap<number, string>,
    firstConsentChangeId = 1,
  ) {
    this.consentChangeId = firstConsentChangeId;
  }

  add(history: CustomerHistory): void {
    const out = this.lines;
    const c = history.customer;
    const id = c.id;
    const manager = c.managerNumber === null ? NULL : (this.managerIds.get(c.managerNumber) ?? NULL);
    out.customers.push(
      `${id}\t${text(c.externalId)}\t${text(c.firstName)}\t${text(c.lastName)}\t${text(c.documentNumber)}\t${text(c.email)}\t${text(c.phone)}\t${text(c.birthDate)}\t${c.gender}\t${text(c.city)}\t${c.country}\t${c.language}\t${textArray(c.tags)}\t${json(c.attributes)}\t${manager}\t${instant(c.createdAt)}\t${instant(c.updatedAt)}\n`,
    );
    out.customer_identities.push(`external_id\t${text(c.externalId)}\t${id}\n`);
    if (c.email) out.customer_identities.push(`email\t${text(c.email.toLowerCase())}\t${id}\n`);
    if (c.phone) out.customer_identities.push(`phone\t${text(c.phone)}\t${id}\n`);

    for (const change of history.consentChanges) {
      const at = instant(change.changedAt);
      out.consent_changes.push(`${this.consentChangeId++}\t${id}\t${change.channel}\t${change.status}\t${at}\t${text(change.source)}\t${at}\n`);
    }
    for (const consent of history.consents) {
      out.consents.push(`${id}\t${consent.channel}\t${consent.status}\t${instant(consent.changedAt)}\t${text(consent.source)}\n`);
    }

    for (const o of history.orders) {
      const at = instant(o.orderedAt);
      out.orders.push(
        `${o.id}\t${o.externalId}\t${id}\t${o.storeId}\t${o.channel}\t${o.kind}\t${o.status}\t${o.returnedOrderId ?? NULL}\t${at}\t${o.currency}\t${cents(o.subtotal)}\t${cents(o.discountTotal)}\t${cents(o.taxTotal)}\t${cents(o.shippingTotal)}\t${cents(o.total)}\t${cents(o.costTotal)}\t${cents(o.margin)}\t${o.itemQuantity}\t${o.fxRate}\t${at}\t${at}\n`,
      );
      for (const l of o.lines) {
        out.order_lines.push(`${o.id}\t${l.lineNo}\t${l.productId}\t${l.quantity}\t${cents(l.unitPrice)}\t${cents(l.discount)}\t${cents(l.tax)}\t${cents(l.total)}\t${cents(l.cost)}\n`);
      }
    }

    for (const cart of history.carts) {
      out.carts.push(`${cart.id}\t${text(cart.externalId)}\t${id}\t${cart.storeId}\t${cart.status}\t${instant(cart.createdAt)}\t${instant(cart.updatedAt)}\n`);
      for (const item of cart.items) out.cart_items.push(`${cart.id}\t${item.productId}\t${item.quantity}\t${cents(item.unitPrice)}\t${instant(item.addedAt)}\n`);
    }
    for (const favourite of history.favourites) out.favourites.push(`${id}\t${favourite.productId}\t${instant(favourite.addedAt)}\n`);

    for (const e of history.events) {
      const at = instant(e.occurredAt);
      out.events.push(`${e.id}\t${e.externalId}\t${id}\t${e.type}\t${at}\t${at}\t${text(e.visitId)}\t${e.storeId ?? NULL}\t${text(e.pageUrl)}\t${json(e.properties)}\n`);
    }
  }

  /** The collected COPY text per table, emptying the collector for the next batch. */
  drain(): { table: HistoryTable; rows: string }[] {
    const lines = this.lines;
    this.lines = emptyLines();
    return HISTORY_TABLE_NAMES.map((table) => ({ table, rows: lines[table].join('') }));
  }
}

function emptyLines(): Record<HistoryTable, string[]> {
  return Object.fromEntries(HISTORY_TABLE_NAMES.map((table) => [table, []])) as unknown as Record<HistoryTable, string[]>;
}
