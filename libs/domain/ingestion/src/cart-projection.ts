import type { ShopperAction } from './shopper-action';

/** The net effect of a batch's events on one line (cart × product) of a cart. */
export interface CartLineChange {
  cartExternalId: string;
  customerExternalId: string;
  storeExternalId: string | undefined;
  sku: string;
  productName: string | undefined;
  /** The line was removed at some point: start from 0 instead of the stored quantity. */
  reset: boolean;
  /** Units to add to the starting quantity (negative for removals); ≤ 0 in the end removes the line. */
  delta: number;
  unitPrice: number | undefined;
  firstAt: string;
  lastAt: string;
}

/** Whether a product is among the customer's favourites after the batch (the latest event wins). */
export interface FavouriteChange {
  customerExternalId: string;
  sku: string;
  productName: string | undefined;
  favourite: boolean;
  at: string;
}

export interface ShopperEvent {
  customerExternalId: string;
  storeExternalId: string | undefined;
  occurredAt: string;
  action: ShopperAction;
}

/**
 * Folds the new cart and favourite events of a batch, in the order they happened, into one
 * change per cart line and per favourite, so the database applies each with one set-based
 * statement (a statement cannot update the same row twice).
 */
export function projectShopperEvents(events: readonly ShopperEvent[]): {
  cartLines: CartLineChange[];
  favourites: FavouriteChange[];
} {
  const ordered = events
    .map((event, position) => ({ event, position, at: Date.parse(event.occurredAt) }))
    .sort((a, b) => a.at - b.at || a.position - b.position)
    .map(({ event }) => event);

  const lines = new Map<string, CartLineChange>();
  const favourites = new Map<string, FavouriteChange>();
  for (const event of ordered) {
    const { action } = event;
    if (action.kind === 'favourite') {
      favourites.set(JSON.stringify([event.customerExternalId, action.sku]), {
        customerExternalId: event.customerExternalId,
        sku: action.sku,
        productName: action.productName,
        favourite: action.favourite,
        at: event.occurredAt,
      });
      continue;
    }
    const key = JSON.stringify([action.cartExternalId, action.sku]);
    const line =
      lines.get(key) ??
      ({
        cartExternalId: action.cartExternalId,
        customerExternalId: event.customerExternalId,
        storeExternalId: undefined,
        sku: action.sku,
        productName: undefined,
        reset: false,
        delta: 0,
        unitPrice: undefined,
        firstAt: event.occurredAt,
        lastAt: event.occurredAt,
      } satisfies CartLineChange);
    line.storeExternalId = event.storeExternalId ?? line.storeExternalId;
    line.productName = action.productName ?? line.productName;
    line.unitPrice = action.unitPrice ?? line.unitPrice;
    line.lastAt = event.occurredAt;
    if (action.add) line.delta += action.quantity ?? 1;
    else if (action.quantity === undefined) {
      line.reset = true;
      line.delta = 0;
    } else line.delta -= action.quantity;
    lines.set(key, line);
  }
  return { cartLines: [...lines.values()], favourites: [...favourites.values()] };
}
