import type { SeededRandom } from '../random/seeded-random';
import type { OrderLineRow, OrderRow, ProductRow, StoreRow } from '../demo-shop-rows';
import { taxRate } from '../shop/shop-setup';
import type { CurrencyRates } from '../shop/currency-rates';
import type { BasketItem } from './basket';
import { DAY_MS } from './purchase-timeline';

/** Free shipping from 49 EUR in the web shop; the physical store charges none. */
const FREE_SHIPPING_FROM = 4900;
const SHIPPING = 495;

export interface SaleInput {
  readonly id: number;
  readonly store: StoreRow;
  readonly orderedAt: number;
  readonly items: readonly BasketItem[];
  /** Fraction taken off every line (a coupon or a promotion), 0 for none. */
  readonly discountRate: number;
  readonly nowMs: number;
}

/** Shelf price in the store's currency: PLN prices are rounded to x.99 zł at about 4.3 PLN/EUR. */
function grossUnitPrice(product: ProductRow, store: StoreRow): number {
  if (store.currency === 'EUR') return product.priceCents;
  return Math.max(1, Math.round((product.priceCents * 4.3) / 100)) * 100 - 1;
}

function saleStatus(random: SeededRandom, store: StoreRow, ageMs: number): OrderRow['status'] {
  if (random.chance(0.015)) return 'cancelled';
  if (store.channel === 'store') return 'completed';
  if (ageMs < DAY_MS) return random.chance(0.4) ? 'placed' : 'paid';
  if (ageMs < 4 * DAY_MS) return 'shipped';
  return 'completed';
}

type OrderHead = Omit<OrderRow, 'subtotal' | 'discountTotal' | 'taxTotal' | 'total' | 'costTotal' | 'margin' | 'itemQuantity' | 'shippingTotal'>;

/** The order totals as exact sums of its lines. Written out field by field: a spread here was the generator's hottest line. */
function assemble(head: OrderHead, shipping: number): OrderRow {
  let subtotal = 0;
  let discountTotal = 0;
  let taxTotal = 0;
  let total = 0;
  let costTotal = 0;
  let itemQuantity = 0;
  for (const line of head.lines) {
    subtotal += line.quantity * line.unitPrice;
    discountTotal += line.discount;
    taxTotal += line.tax;
    total += line.total;
    costTotal += line.cost;
    itemQuantity += line.quantity;
  }
  return {
    id: head.id,
    externalId: head.externalId,
    storeId: head.storeId,
    channel: head.channel,
    kind: head.kind,
    status: head.status,
    returnedOrderId: head.returnedOrderId,
    orderedAt: head.orderedAt,
    currency: head.currency,
    subtotal,
    discountTotal,
    taxTotal,
    shippingTotal: shipping,
    total: total + shipping,
    costTotal,
    margin: subtotal - discountTotal - costTotal,
    itemQuantity,
    fxRate: head.fxRate,
    lines: head.lines,
  };
}

/**
 * A sale: net unit prices from the tax-inclusive shelf price, the discount taken off the net
 * amount, tax on what remains, and the order totals as exact sums of the lines.
 */
export function buildSale(random: SeededRandom, input: SaleInput, rates: CurrencyRates): OrderRow {
  const { store, orderedAt } = input;
  const fxRate = rates.rateAt(store.currency, orderedAt);
  const lines = input.items.map(({ product, quantity }, index): OrderLineRow => {
    const rate = taxRate(store.country, product.taxClass);
    const unitPrice = Math.round(grossUnitPrice(product, store) / (1 + rate));
    const net = quantity * unitPrice;
    const discount = Math.round(net * input.discountRate);
    const tax = Math.round((net - discount) * rate);
    const unitCost = store.currency === 'EUR' ? product.costCents : Math.round(product.costCents / fxRate);
    return { lineNo: index + 1, productId: product.id, quantity, unitPrice, discount, tax, total: net - discount + tax, cost: quantity * unitCost };
  });
  let goods = 0;
  for (const line of lines) goods += line.total;
  const shipping = store.channel === 'ecommerce' && goods < FREE_SHIPPING_FROM ? SHIPPING : 0;
  const prefix = store.channel === 'store' ? 'KRK' : 'WEB';
  return assemble(
    {
      id: input.id,
      externalId: `${prefix}-${String(input.id).padStart(8, '0')}`,
      storeId: store.id,
      channel: store.channel,
      kind: 'sale',
      status: saleStatus(random, store, input.nowMs - orderedAt),
      returnedOrderId: null,
      orderedAt,
      currency: store.currency,
      fxRate,
      lines,
    },
    shipping,
  );
}

/**
 * A return of one line, or of the whole order, some days after the sale: negative quantities,
 * refunded at the net price actually paid per unit (after the discount) plus its tax, so the
 * return's total is negative and cancels that part of the sale.
 */
export function buildReturn(
  random: SeededRandom,
  id: number,
  sale: OrderRow,
  store: StoreRow,
  productsById: readonly ProductRow[],
  rates: CurrencyRates,
  nowMs: number,
): OrderRow | null {
  const returnedAt = sale.orderedAt + random.int(3, 28) * DAY_MS + random.int(0, 8 * 3_600_000);
  if (returnedAt >= nowMs || sale.status === 'cancelled' || sale.status === 'placed') return null;
  const returned = random.chance(0.3) ? sale.lines : [random.pick(sale.lines)];
  const lines = returned.map((line, index): OrderLineRow => {
    const product = productsById[line.productId - 1];
    const rate = taxRate(store.country, product.taxClass);
    const unitPaid = Math.round((line.quantity * line.unitPrice - line.discount) / line.quantity);
    const net = -line.quantity * unitPaid;
    const tax = Math.round(net * rate);
    return { lineNo: index + 1, productId: line.productId, quantity: -line.quantity, unitPrice: unitPaid, discount: 0, tax, total: net + tax, cost: -line.cost };
  });
  return assemble(
    {
      id,
      externalId: `RET-${String(id).padStart(8, '0')}`,
      storeId: sale.storeId,
      channel: sale.channel,
      kind: 'return',
      status: 'completed',
      returnedOrderId: sale.id,
      orderedAt: returnedAt,
      currency: sale.currency,
      fxRate: rates.rateAt(sale.currency, returnedAt),
      lines,
    },
    0,
  );
}
