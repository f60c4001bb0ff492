import type { OrderItem } from '@marea/contracts';
import { priceOrder, type PricedOrder } from './order-pricing';

const context = { currency: 'EUR', channel: 'ecommerce' as const, fxRate: 1 };

function anOrder(overrides: Partial<OrderItem> = {}): OrderItem {
  return {
    externalId: 'o-1', customerExternalId: 'c-1', storeExternalId: 'web', kind: 'sale', status: 'completed',
    orderedAt: '2025-03-01T10:00:00Z', lines: [{ sku: 'a', quantity: 2, unitPrice: 10 }], ...overrides,
  };
}

const priced = (order: OrderItem): PricedOrder => {
  const result = priceOrder(order, context);
  if (!result.ok) throw new Error(JSON.stringify(result.errors));
  return result.value;
};
const errorsOf = (order: OrderItem) => {
  const result = priceOrder(order, context);
  return result.ok ? [] : result.errors;
};

describe('priceOrder', () => {
  it('computes line totals as quantity × unitPrice − discount + tax and the order total as lines + shipping', () => {
    const order = priced(anOrder({ lines: [{ sku: 'a', quantity: 2, unitPrice: 10, discount: 2, tax: 3.78 }, { sku: 'b', quantity: 1, unitPrice: 5 }], shipping: 4.95 }));
    expect(order.lines.map((l) => l.total)).toEqual([21.78, 5]);
    expect(order).toMatchObject({ subtotal: 25, discountTotal: 2, taxTotal: 3.78, shippingTotal: 4.95, total: 31.73, itemQuantity: 3 });
  });

  it('takes an order discount that is not on the lines off the total', () => {
    expect(priced(anOrder({ discount: 5 })).total).toBe(15);
    expect(errorsOf(anOrder({ lines: [{ sku: 'a', quantity: 1, unitPrice: 10, discount: 3 }], discount: 2 }))).toEqual([
      { field: 'discount', message: expect.stringMatching(/is 2.00 but the lines already carry 3.00 of discount/) },
    ]);
  });

  it('computes the margin as total − tax − cost when every cost is known, or takes it as given', () => {
    expect(priced(anOrder({ lines: [{ sku: 'a', quantity: 2, unitPrice: 12.1, tax: 4.2, cost: 10 }] })).margin).toBe(14.2);
    expect(priced(anOrder({ lines: [{ sku: 'a', quantity: 2, unitPrice: 10, cost: 5 }, { sku: 'b', quantity: 1, unitPrice: 1 }] })).margin).toBeNull();
    expect(priced(anOrder({ cost: 12 })).margin).toBe(8);
    expect(priced(anOrder({ margin: 3 })).margin).toBe(3);
  });

  it('prices a return negatively; its discount reduces the refund', () => {
    const refund = priced(anOrder({ kind: 'return', lines: [{ sku: 'a', quantity: -2, unitPrice: 10, discount: 2, tax: -3.78, cost: -8 }] }));
    expect(refund).toMatchObject({ total: -21.78, taxTotal: -3.78, costTotal: -8, margin: -10, itemQuantity: -2 });
  });

  it('rejects totals that do not add up, naming both figures', () => {
    expect(errorsOf(anOrder({ total: 25 }))).toEqual([
      { field: 'total', message: 'is 25.00 but the order adds up to 20.00 (lines 20.00, shipping 0.00)' },
    ]);
    expect(errorsOf(anOrder({ lines: [{ sku: 'a', quantity: 2, unitPrice: 10, tax: 4.2, total: 30 }] }))).toEqual([
      { field: 'lines[0].total', message: 'is 30.00 but quantity × unitPrice − discount + tax is 24.20' },
    ]);
  });

  it('accepts a given total within rounding, and a line total whose tax is not given', () => {
    expect(priced(anOrder({ total: 20.01 })).total).toBe(20.01);
    expect(priced(anOrder({ lines: [{ sku: 'a', quantity: 2, unitPrice: 10, total: 24.2 }] })).total).toBe(24.2);
  });

  it('rejects signs that do not fit the kind of order', () => {
    expect(errorsOf(anOrder({ lines: [{ sku: 'a', quantity: -1, unitPrice: 10 }] }))[0]).toMatchObject({ field: 'lines[0].quantity' });
    expect(errorsOf(anOrder({ kind: 'return' }))[0]).toEqual({ field: 'lines[0].quantity', message: 'must be negative in a return (the units given back)' });
    expect(errorsOf(anOrder({ tax: -1 }))).toEqual([{ field: 'tax', message: 'must not be negative in a sale' }]);
    expect(errorsOf(anOrder({ returnedOrderExternalId: 'o-0' }))).toEqual([
      { field: 'returnedOrderExternalId', message: 'only an order of kind "return" refers to a returned order' },
    ]);
  });

  it('takes channel and currency from the context unless the order gives a channel', () => {
    expect(priced(anOrder())).toMatchObject({ channel: 'ecommerce', currency: 'EUR', fxRate: 1 });
    expect(priced(anOrder({ channel: 'store' })).channel).toBe('store');
  });
});
