import type { CustomerHistory } from '@marea/domain/demo-shop';
import { CopyBuffer } from './copy-buffer';

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
 * Collects COPY rows of many customers, table by table, as bytes. A customer's identities are
 * its external id, e-mail and phone; its consents are the newest change per channel.
 */
export class CustomerHistoryCopy {
  private readonly out = Object.fromEntries(HISTORY_TABLE_NAMES.map((table) => [table, new CopyBuffer()])) as unknown as Record<HistoryTable, CopyBuffer>;
  private consentChangeId: number;

  constructor(
    /** users.id of each manager number. */
    private readonly managerIds: ReadonlyMap<number, string>,
    firstConsentChangeId = 1,
  ) {
    this.consentChangeId = firstConsentChangeId;
  }

  add(history: CustomerHistory): void {
    const out = this.out;
    const c = history.customer;
    const id = c.id;
    const manager = c.managerNumber === null ? null : (this.managerIds.get(c.managerNumber) ?? null);
    out.customers
      .int(id).tab().text(c.externalId).tab().text(c.firstName).tab().text(c.lastName).tab().text(c.documentNumber).tab()
      .text(c.email).tab().text(c.phone).tab().text(c.birthDate).tab().ascii(c.gender).tab().text(c.city).tab()
      .ascii(c.country).tab().ascii(c.language).tab().text(textArray(c.tags)).tab().text(JSON.stringify(c.attributes)).tab()
      .text(manager).tab().instant(c.createdAt).tab().instant(c.updatedAt).end();
    const identities = out.customer_identities;
    identities.ascii('external_id').tab().text(c.externalId).tab().int(id).end();
    if (c.email) identities.ascii('email').tab().text(c.email.toLowerCase()).tab().int(id).end();
    if (c.phone) identities.ascii('phone').tab().text(c.phone).tab().int(id).end();

    for (const change of history.consentChanges) {
      out.consent_changes
        .int(this.consentChangeId++).tab().int(id).tab().ascii(change.channel).tab().ascii(change.status).tab()
        .instant(change.changedAt).tab().text(change.source).tab().instant(change.changedAt).end();
    }
    for (const consent of history.consents) {
      out.consents.int(id).tab().ascii(consent.channel).tab().ascii(consent.status).tab().instant(consent.changedAt).tab().text(consent.source).end();
    }

    const orders = out.orders;
    const lines = out.order_lines;
    for (const o of history.orders) {
      orders.int(o.id).tab().ascii(o.externalId).tab().int(id).tab().int(o.storeId).tab().ascii(o.channel).tab().ascii(o.kind).tab().ascii(o.status).tab();
      if (o.returnedOrderId === null) orders.nul();
      else orders.int(o.returnedOrderId);
      orders
        .tab().instant(o.orderedAt).tab().ascii(o.currency).tab().cents(o.subtotal).tab().cents(o.discountTotal).tab().cents(o.taxTotal).tab()
        .cents(o.shippingTotal).tab().cents(o.total).tab().cents(o.costTotal).tab().cents(o.margin).tab().int(o.itemQuantity).tab()
        .number(o.fxRate).tab().instant(o.orderedAt).tab().instant(o.orderedAt).end();
      for (const l of o.lines) {
        lines
          .int(o.id).tab().int(l.lineNo).tab().int(l.productId).tab().int(l.quantity).tab().cents(l.unitPrice).tab()
          .cents(l.discount).tab().cents(l.tax).tab().cents(l.total).tab().cents(l.cost).end();
      }
    }

    for (const cart of history.carts) {
      out.carts.int(cart.id).tab().text(cart.externalId).tab().int(id).tab().int(cart.storeId).tab().ascii(cart.status).tab().instant(cart.createdAt).tab().instant(cart.updatedAt).end();
      for (const item of cart.items) {
        out.cart_items.int(cart.id).tab().int(item.productId).tab().int(item.quantity).tab().cents(item.unitPrice).tab().instant(item.addedAt).end();
      }
    }
    for (const favourite of history.favourites) out.favourites.int(id).tab().int(favourite.productId).tab().instant(favourite.addedAt).end();

    const events = out.events;
    for (const e of history.events) {
      events.int(e.id).tab().ascii(e.externalId).tab().int(id).tab().ascii(e.type).tab().instant(e.occurredAt).tab().instant(e.occurredAt).tab().text(e.visitId).tab();
      if (e.storeId === null) events.nul();
      else events.int(e.storeId);
      events.tab().text(e.pageUrl).tab().text(JSON.stringify(e.properties)).end();
    }
  }

  /** The collected COPY bytes per table; the collector starts empty again. */
  drain(): { table: HistoryTable; rows: Buffer }[] {
    return HISTORY_TABLE_NAMES.map((table) => ({ table, rows: this.out[table].take() }));
  }
}

/** A text[] literal; every element quoted so commas and braces inside tags stay intact. */
function textArray(values: readonly string[]): string {
  if (values.length === 0) return '{}';
  return `{${values.map((value) => `"${value.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`).join(',')}}`;
}
