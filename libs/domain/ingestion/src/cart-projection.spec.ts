import type { EventItem } from '@marea/contracts';
import { projectShopperEvents, type ShopperEvent } from './cart-projection';
import { readShopperAction, type ShopperAction } from './shopper-action';

const anEvent = (type: string, at: string, properties: Record<string, unknown>): EventItem => ({
  externalId: `${type}-${at}`, customerExternalId: 'c-1', type, occurredAt: at, properties: properties as EventItem['properties'],
});

function shopperEvent(type: string, at: string, properties: Record<string, unknown>): ShopperEvent {
  const action = readShopperAction(anEvent(type, at, properties));
  if (!action.ok || !action.value) throw new Error(`not a shopper action: ${type}`);
  return { customerExternalId: 'c-1', storeExternalId: undefined, occurredAt: at, action: action.value as ShopperAction };
}

describe('readShopperAction', () => {
  it('needs the SKU of a cart or favourite event and checks quantity and price', () => {
    expect(readShopperAction(anEvent('add_to_cart', '2025-01-01T00:00:00Z', { quantity: 0, price: -1 }))).toEqual({
      ok: false,
      errors: [
        { field: 'properties.sku', message: 'is required for a add_to_cart event: the SKU of the product' },
        { field: 'properties.quantity', message: 'must be a number greater than 0' },
        { field: 'properties.price', message: 'must be a number, 0 or more' },
      ],
    });
    expect(readShopperAction(anEvent('page_view', '2025-01-01T00:00:00Z', {}))).toEqual({ ok: true, value: null });
  });

  it('puts an event without a cart id in the customer cart', () => {
    const action = readShopperAction(anEvent('add_to_cart', '2025-01-01T00:00:00Z', { sku: 'a' }));
    expect(action).toMatchObject({ ok: true, value: { cartExternalId: 'customer:c-1', quantity: undefined } });
  });
});

describe('projectShopperEvents', () => {
  it('folds a batch into one change per cart line, in the order events happened', () => {
    const { cartLines } = projectShopperEvents([
      shopperEvent('remove_from_cart', '2025-01-01T10:03:00Z', { sku: 'a', quantity: 1, cartId: 'k' }),
      shopperEvent('add_to_cart', '2025-01-01T10:01:00Z', { sku: 'a', quantity: 2, price: 3, cartId: 'k' }),
      shopperEvent('add_to_cart', '2025-01-01T10:02:00Z', { sku: 'b', cartId: 'k' }),
    ]);
    expect(cartLines).toEqual([
      expect.objectContaining({ sku: 'a', reset: false, delta: 1, unitPrice: 3, firstAt: '2025-01-01T10:01:00Z', lastAt: '2025-01-01T10:03:00Z' }),
      expect.objectContaining({ sku: 'b', reset: false, delta: 1 }),
    ]);
  });

  it('starts a line from zero after a removal of the whole line', () => {
    const { cartLines } = projectShopperEvents([
      shopperEvent('add_to_cart', '2025-01-01T10:01:00Z', { sku: 'a', quantity: 5 }),
      shopperEvent('remove_from_cart', '2025-01-01T10:02:00Z', { sku: 'a' }),
      shopperEvent('add_to_cart', '2025-01-01T10:03:00Z', { sku: 'a', quantity: 2 }),
    ]);
    expect(cartLines).toEqual([expect.objectContaining({ reset: true, delta: 2 })]);
  });

  it('keeps the latest favourite event per product', () => {
    const { favourites } = projectShopperEvents([
      shopperEvent('unfavourite', '2025-01-01T10:02:00Z', { sku: 'a' }),
      shopperEvent('favourite', '2025-01-01T10:01:00Z', { sku: 'a' }),
    ]);
    expect(favourites).toEqual([expect.objectContaining({ sku: 'a', favourite: false, at: '2025-01-01T10:02:00Z' })]);
  });
});
