import type { EventItem } from '@marea/contracts';
import type { FieldError } from './field-path';
import type { ParsedItem } from './item-parsing';

/** What a cart or favourite event does to the customer's open cart or favourites. */
export type ShopperAction =
  | {
      kind: 'cart';
      add: boolean;
      cartExternalId: string;
      sku: string;
      productName: string | undefined;
      /** Units added or removed; undefined on a removal means "the whole line". */
      quantity: number | undefined;
      unitPrice: number | undefined;
    }
  | { kind: 'favourite'; favourite: boolean; sku: string; productName: string | undefined };

/**
 * The cart an event without `properties.cartId` goes to: one per customer, named so it cannot be
 * mistaken for an integrator's cart id and so the same event always finds the same cart.
 */
export function defaultCartId(customerExternalId: string): string {
  return `customer:${customerExternalId}`;
}

function text(properties: Record<string, unknown>, name: string, max: number, errors: FieldError[]): string | undefined {
  const value = properties[name];
  if (value === undefined || value === null) return undefined;
  if (typeof value === 'number') return String(value);
  if (typeof value !== 'string' || value.trim() === '' || value.length > max) {
    errors.push({ field: `properties.${name}`, message: `must be non-empty text of at most ${max} characters` });
    return undefined;
  }
  return value.trim();
}

function amount(properties: Record<string, unknown>, name: string, positive: boolean, max: number, errors: FieldError[]) {
  const value = properties[name];
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'number' || !Number.isFinite(value) || (positive ? value <= 0 : value < 0) || value >= max) {
    errors.push({ field: `properties.${name}`, message: positive ? 'must be a number greater than 0' : 'must be a number, 0 or more' });
    return undefined;
  }
  return value;
}

/**
 * Reads the cart or favourite action of an event (`sku` required; `quantity`, `price`, `cartId`,
 * `productName` optional). Other event types have none.
 */
export function readShopperAction(event: EventItem): ParsedItem<ShopperAction | null> {
  const cart = event.type === 'add_to_cart' || event.type === 'remove_from_cart';
  const favourite = event.type === 'favourite' || event.type === 'unfavourite';
  if (!cart && !favourite) return { ok: true, value: null };

  const errors: FieldError[] = [];
  const properties = event.properties as Record<string, unknown>;
  const sku = text(properties, 'sku', 200, errors);
  if (sku === undefined && errors.length === 0) {
    errors.push({ field: 'properties.sku', message: `is required for a ${event.type} event: the SKU of the product` });
  }
  const productName = text(properties, 'productName', 500, errors);
  if (favourite) {
    if (errors.length > 0 || sku === undefined) return { ok: false, errors };
    return { ok: true, value: { kind: 'favourite', favourite: event.type === 'favourite', sku, productName } };
  }
  const cartExternalId = text(properties, 'cartId', 200, errors) ?? defaultCartId(event.customerExternalId);
  const quantity = amount(properties, 'quantity', true, 1e8, errors);
  const unitPrice = amount(properties, 'price', false, 1e10, errors);
  if (errors.length > 0 || sku === undefined) return { ok: false, errors };
  return {
    ok: true,
    value: { kind: 'cart', add: event.type === 'add_to_cart', cartExternalId, sku, productName, quantity, unitPrice },
  };
}
