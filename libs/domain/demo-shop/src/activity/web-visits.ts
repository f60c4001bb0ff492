import type { SeededRandom } from '../random/seeded-random';
import { exponential, poisson } from '../random/distributions';
import type { EventRow, OrderRow, ProductRow } from '../demo-shop-rows';
import type { BasketChooser } from '../orders/basket';
import { DAY_MS } from '../orders/purchase-timeline';
import { WEB_STORE } from '../shop/shop-setup';

export const SHOP_URL = 'https://tiendaverde.example';
const SEARCHES = ['maceta', 'tomate', 'semillas eco', 'aceite de oliva', 'pañales', 'manguera', 'monstera', 'sábanas lino', 'barbacoa', 'compost'];

/** Zero-padded so ids sort in creation order (the unique index grows at its right edge). */
function eventExternalId(id: number): string {
  return `evt-${String(id).padStart(10, '0')}`;
}

/** Items left in the cart at the end of the customer's last browsing visit. */
export interface CartDraft {
  readonly startedAt: number;
  readonly updatedAt: number;
  readonly items: { product: ProductRow; quantity: number; addedAt: number }[];
}

export interface VisitsInput {
  readonly customerId: number;
  readonly preferences: readonly number[];
  readonly registeredAt: number;
  readonly nowMs: number;
  /** How likely the customer still browses: 0 (gone) … 1 (regular). */
  readonly engagement: number;
  /** Web orders of the customer; recent ones get the visit that led to them. */
  readonly webOrders: readonly OrderRow[];
  readonly productsById: readonly ProductRow[];
  readonly basket: BasketChooser;
  readonly nextEventId: () => number;
}

/**
 * Web activity of one customer as visits: the visit before each recent web order (views,
 * add-to-cart, checkout) and browsing visits concentrated in the last weeks, a few of them
 * happening right now. Returns the events and what the last browsing visit left in the cart.
 */
export function webVisits(random: SeededRandom, input: VisitsInput): { events: EventRow[]; cart: CartDraft | null } {
  const events: EventRow[] = [];
  let visitNumber = 0;
  const emit = (visitId: string, at: number, type: string, pageUrl: string, properties: Record<string, unknown>) => {
    const id = input.nextEventId();
    events.push({ id, externalId: eventExternalId(id), type, occurredAt: at, visitId, storeId: WEB_STORE.id, pageUrl, properties });
  };
  const productUrl = (product: ProductRow) => `${SHOP_URL}/p/${product.slug}`;
  const productView = (product: ProductRow) => ({ sku: product.externalId, name: product.name, price: product.priceCents / 100, category: product.categoryPath });
  const cartId = `cart-${input.customerId}`;

  for (const order of input.webOrders) {
    if (order.kind !== 'sale' || input.nowMs - order.orderedAt > 30 * DAY_MS) continue;
    const visitId = `v${input.customerId}-${++visitNumber}`;
    let at = order.orderedAt - random.int(5, 40) * 60_000;
    emit(visitId, at, 'page_view', `${SHOP_URL}/`, { title: 'Inicio' });
    for (const line of order.lines) {
      const product = input.productsById[line.productId - 1];
      at += random.int(15, 120) * 1000;
      emit(visitId, at, 'product_view', productUrl(product), productView(product));
      at += random.int(10, 60) * 1000;
      emit(visitId, at, 'add_to_cart', productUrl(product), { cartId, sku: product.externalId, quantity: line.quantity, price: product.priceCents / 100 });
    }
    emit(visitId, Math.min(at + 30_000, order.orderedAt - 1000), 'checkout_started', `${SHOP_URL}/checkout`, { cartId, value: order.total / 100 });
  }

  let cart: CartDraft | null = null;
  const browsing = poisson(random, 1.1 * input.engagement);
  const live = input.engagement > 0.3 && random.chance(0.01);
  const starts: number[] = [];
  for (let i = 0; i < browsing; i++) starts.push(input.nowMs - exponential(random, 1 / (20 * DAY_MS)));
  if (live) starts.push(input.nowMs - random.int(1, 25) * 60_000);
  starts.sort((a, b) => a - b);
  for (const start of starts) {
    if (start < input.registeredAt) continue;
    const visitId = `v${input.customerId}-${++visitNumber}`;
    let at = start;
    const step = () => (at = Math.min(input.nowMs - 1000, at + random.int(10, 90) * 1000));
    emit(visitId, at, 'page_view', `${SHOP_URL}/`, { title: 'Inicio' });
    if (random.chance(0.3)) {
      step();
      const query = random.pick(SEARCHES);
      emit(visitId, at, 'search', `${SHOP_URL}/buscar?q=${encodeURIComponent(query)}`, { query });
    }
    const viewed = input.basket.browse(random, input.preferences, random.int(1, 4));
    const added: CartDraft['items'] = [];
    for (const product of viewed) {
      step();
      emit(visitId, at, 'product_view', productUrl(product), productView(product));
      if (random.chance(0.08)) {
        step();
        emit(visitId, at, 'favourite', productUrl(product), { sku: product.externalId });
      }
      if (random.chance(0.22)) {
        step();
        const quantity = random.chance(0.85) ? 1 : 2;
        emit(visitId, at, 'add_to_cart', productUrl(product), { cartId, sku: product.externalId, quantity, price: product.priceCents / 100 });
        added.push({ product, quantity, addedAt: at });
      }
    }
    if (added.length > 1 && random.chance(0.15)) {
      const removed = added[added.length - 1];
      added.pop();
      step();
      emit(visitId, at, 'remove_from_cart', productUrl(removed.product), { cartId, sku: removed.product.externalId });
    }
    if (added.length > 0) cart = { startedAt: start, updatedAt: at, items: added };
  }
  return { events, cart };
}

/** A satisfaction survey answer some customers gave after a purchase. */
export function surveyAnswer(random: SeededRandom, afterMs: number, nowMs: number, nextEventId: () => number): EventRow | null {
  const at = afterMs + random.int(2, 10) * DAY_MS;
  if (at >= nowMs) return null;
  const id = nextEventId();
  const score = Math.min(10, Math.max(1, Math.round(8 + (random.float() - 0.6) * 6)));
  return {
    id,
    externalId: eventExternalId(id),
    type: 'form_answer',
    occurredAt: at,
    visitId: null,
    storeId: WEB_STORE.id,
    pageUrl: `${SHOP_URL}/encuesta`,
    properties: { form: 'satisfaction-survey', score, recommend: score >= 8 },
  };
}
