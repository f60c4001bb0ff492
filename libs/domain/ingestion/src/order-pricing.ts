import type { OrderItem } from '@marea/contracts';
import type { FieldError } from './field-path';
import type { ParsedItem } from './item-parsing';
import { roundMoney, roundTo } from './money-rounding';
import { checkOrderSigns } from './order-signs';

export interface PricedOrderLine {
  lineNo: number;
  sku: string;
  productName: string | undefined;
  quantity: number;
  unitPrice: number;
  discount: number;
  tax: number;
  total: number;
  cost: number | null;
}

/** An order with every amount the database keeps, computed where the integrator left it out. */
export interface PricedOrder {
  externalId: string;
  customerExternalId: string;
  storeExternalId: string;
  channel: 'ecommerce' | 'store';
  kind: 'sale' | 'return';
  status: OrderItem['status'];
  returnedOrderExternalId: string | null;
  orderedAt: string;
  currency: string;
  subtotal: number;
  discountTotal: number;
  taxTotal: number;
  shippingTotal: number;
  total: number;
  costTotal: number | null;
  margin: number | null;
  itemQuantity: number;
  /** Account-currency units per order-currency unit on the order date. */
  fxRate: number;
  lines: PricedOrderLine[];
}

/** What the order's store and the account decide: its currency, channel and conversion rate. */
export interface OrderPricingContext {
  currency: string;
  channel: 'ecommerce' | 'store';
  fxRate: number;
}

const LIMIT = 1e12; // numeric(14, 2)
const sum = (values: number[]) => values.reduce((a, b) => a + b, 0);
const show = (value: number) => value.toFixed(2);

/**
 * Prices an order. A line's total defaults to quantity × unitPrice − discount + tax (in a
 * return the discount is a magnitude that reduces the refund: quantity × unitPrice + discount +
 * tax). The order's total defaults to the lines plus shipping, less any order discount not
 * already on the lines; a given total must agree with that within rounding. The margin is
 * total − tax − cost when the cost is known, unless given.
 */
export function priceOrder(order: OrderItem, context: OrderPricingContext): ParsedItem<PricedOrder> {
  const errors: FieldError[] = checkOrderSigns(order);
  const sign = order.kind === 'sale' ? 1 : -1;
  const refund = sign < 0 ? 'quantity × unitPrice + discount + tax' : 'quantity × unitPrice − discount + tax';

  const lines = order.lines.map((line, i): PricedOrderLine => {
    const quantity = roundTo(line.quantity, 3);
    const unitPrice = roundTo(line.unitPrice, 4);
    const discount = roundMoney(line.discount ?? 0);
    const tax = roundMoney(line.tax ?? 0);
    const computed = roundMoney(quantity * unitPrice - sign * discount + tax);
    const total = line.total === undefined ? computed : roundMoney(line.total);
    // Without the tax the given total cannot be checked: tax may be included in it.
    if (line.total !== undefined && line.tax !== undefined && Math.abs(total - computed) > 0.01) {
      errors.push({ field: `lines[${i}].total`, message: `is ${show(total)} but ${refund} is ${show(computed)}` });
    }
    if (line.total === undefined && sign * computed < 0) {
      errors.push({ field: `lines[${i}].discount`, message: `is larger than the line's amount (${show(quantity * unitPrice)})` });
    }
    const cost = line.cost === undefined ? null : roundMoney(line.cost);
    return { lineNo: i + 1, sku: line.sku, productName: line.productName, quantity, unitPrice, discount, tax, total, cost };
  });

  const lineDiscounts = roundMoney(sum(lines.map((line) => line.discount)));
  const discountTotal = order.discount === undefined ? lineDiscounts : roundMoney(order.discount);
  const orderOnlyDiscount = roundMoney(discountTotal - lineDiscounts);
  if (orderOnlyDiscount < 0) {
    errors.push({
      field: 'discount',
      message: `is ${show(discountTotal)} but the lines already carry ${show(lineDiscounts)} of discount; the order discount includes the lines' discounts`,
    });
  }
  const shippingTotal = roundMoney(order.shipping ?? 0);
  const linesTotal = roundMoney(sum(lines.map((line) => line.total)));
  const computedTotal = roundMoney(linesTotal + sign * shippingTotal - sign * Math.max(orderOnlyDiscount, 0));
  const total = order.total === undefined ? computedTotal : roundMoney(order.total);
  const tolerance = 0.01 + 0.005 * lines.length;
  if (order.total !== undefined && Math.abs(total - computedTotal) > tolerance) {
    const parts = [`lines ${show(linesTotal)}`, `shipping ${show(shippingTotal)}`];
    if (orderOnlyDiscount > 0) parts.push(`order discount ${show(orderOnlyDiscount)}`);
    errors.push({ field: 'total', message: `is ${show(total)} but the order adds up to ${show(computedTotal)} (${parts.join(', ')})` });
  }
  if (order.total === undefined && sign * total < 0) {
    errors.push({ field: 'discount', message: `makes the total negative (${show(total)})` });
  }

  const taxTotal = order.tax === undefined ? roundMoney(sum(lines.map((line) => line.tax))) : roundMoney(order.tax);
  const lineCosts = lines.map((line) => line.cost);
  const costTotal =
    order.cost !== undefined
      ? roundMoney(order.cost)
      : lineCosts.every((cost): cost is number => cost !== null)
        ? roundMoney(sum(lineCosts))
        : null;
  const margin =
    order.margin !== undefined ? roundMoney(order.margin) : costTotal === null ? null : roundMoney(total - taxTotal - costTotal);
  const subtotal = roundMoney(sum(lines.map((line) => line.quantity * line.unitPrice)));
  const itemQuantity = roundTo(sum(lines.map((line) => line.quantity)), 3);

  const amounts = [subtotal, total, taxTotal, discountTotal, shippingTotal, costTotal ?? 0, margin ?? 0, ...lines.map((l) => l.total)];
  if (amounts.some((amount) => Math.abs(amount) >= LIMIT) || Math.abs(itemQuantity) >= 1e11) {
    errors.push({ field: '', message: 'its amounts are too large to store (at most 999,999,999,999.99)' });
  }
  if (errors.length > 0) return { ok: false, errors };

  return {
    ok: true,
    value: {
      externalId: order.externalId,
      customerExternalId: order.customerExternalId,
      storeExternalId: order.storeExternalId,
      channel: order.channel ?? context.channel,
      kind: order.kind,
      status: order.status,
      returnedOrderExternalId: order.returnedOrderExternalId ?? null,
      orderedAt: order.orderedAt,
      currency: context.currency,
      subtotal,
      discountTotal,
      taxTotal,
      shippingTotal,
      total,
      costTotal,
      margin,
      itemQuantity,
      fxRate: context.fxRate,
      lines,
    },
  };
}
