import { SeededRandom } from '../random/seeded-random';
import { gamma } from '../random/distributions';
import { WeightedPicker } from '../random/weighted-picker';
import { discountSeasonBoost } from '../calendar/seasonality';
import { utcMonthDay } from '../calendar/civil-date';
import type { Catalogue } from '../catalogue/product-catalogue';
import type { CartRow, CustomerHistory, EventRow, FavouriteRow, ManagerRow, OrderRow, ProductRow } from '../demo-shop-rows';
import type { CurrencyRates } from '../shop/currency-rates';
import { PHYSICAL_STORE, WEB_STORE } from '../shop/shop-setup';
import { customerProfile } from '../people/customer-profile';
import { BasketChooser } from '../orders/basket';
import { buildReturn, buildSale } from '../orders/order-builder';
import { atShoppingHour, DAY_MS, purchaseBehaviour, purchaseTimes } from '../orders/purchase-timeline';
import { surveyAnswer, webVisits } from '../activity/web-visits';
import { consentHistory, currentConsents } from './consent-history';
import { PERSONAS, type Persona } from './personas';
import { customerAttributes, customerTags } from './customer-attributes';

/** Ids of rows that are numbered across customers; a bulk load inserts them as they are. */
export interface IdCounters {
  order: number;
  cart: number;
  event: number;
}

export interface ShopContext {
  readonly random: SeededRandom;
  readonly catalogue: Catalogue;
  readonly rates: CurrencyRates;
  readonly managers: readonly ManagerRow[];
  readonly historyStartMs: number;
  readonly nowMs: number;
}

const personaPicker = new WeightedPicker(PERSONAS, PERSONAS.map((persona) => persona.share));
/** Spend above which a customer is treated as a key account (tag "vip", usually a manager). */
const VIP_SPEND_EUR = 1500;

/** The persona's department weights with per-customer noise: clusters are clear but not crisp. */
function personalPreferences(random: SeededRandom, persona: Persona): number[] {
  const noisy = persona.departmentWeights.map((weight) => weight * gamma(random, 6, 1 / 6) + 0.01);
  const total = noisy.reduce((a, b) => a + b, 0);
  return noisy.map((weight) => weight / total);
}

/** Builds one customer with everything they did, from the customer's own random stream. */
export class CustomerHistoryBuilder {
  private readonly basket: BasketChooser;

  constructor(private readonly shop: ShopContext) {
    this.basket = new BasketChooser(shop.catalogue, shop.random.derive(-1));
  }

  build(index: number, ids: IdCounters): CustomerHistory {
    const { nowMs, historyStartMs, catalogue, rates } = this.shop;
    const random = this.shop.random.derive(index + 1);
    const id = index + 1;
    const polish = random.chance(0.3);
    const persona = personaPicker.pick(random);
    const preferences = personalPreferences(random, persona);
    const profile = customerProfile(random, id, polish, persona, nowMs);
    // A growing shop: more customers joined recently than three years ago.
    const registeredAt = Math.floor(historyStartMs + (nowMs - historyStartMs) * Math.pow(random.float(), 0.6));

    const orders: OrderRow[] = [];
    const habits: ProductRow[] = [];
    if (random.chance(0.92)) {
      const first = registeredAt + Math.floor(random.float() * 7 * DAY_MS);
      const times = first < nowMs ? purchaseTimes(random, purchaseBehaviour(random, persona.frequency), first, nowMs) : [];
      for (const time of times) {
        const store = polish && random.chance(0.75) ? PHYSICAL_STORE : WEB_STORE;
        const orderedAt = atShoppingHour(random, time, store.channel, nowMs);
        const { month, day } = utcMonthDay(orderedAt);
        const discounted = random.chance(persona.discountAffinity * discountSeasonBoost(month, day));
        const items = this.basket.choose(random, preferences, month, persona.basketLines, habits);
        const sale = buildSale(random, { id: ++ids.order, store, orderedAt, items, discountRate: discounted ? random.pick([0.1, 0.15, 0.2]) : 0, nowMs }, rates);
        orders.push(sale);
        if (random.chance(persona.returnRate * (store.channel === 'ecommerce' ? 1.3 : 0.6))) {
          const returned = buildReturn(random, ids.order + 1, sale, store, catalogue.products, rates, nowMs);
          if (returned) {
            ids.order++;
            orders.push(returned);
          }
        }
      }
      orders.sort((a, b) => a.orderedAt - b.orderedAt);
    }

    let spendEur = 0;
    for (const order of orders) if (order.status !== 'cancelled') spendEur += (order.total * order.fxRate) / 100;
    const lastOrderAt = orders.length ? orders[orders.length - 1].orderedAt : null;
    const sinceLast = nowMs - (lastOrderAt ?? registeredAt);
    const engagement = sinceLast < 60 * DAY_MS ? 1 : sinceLast < 180 * DAY_MS ? 0.5 : sinceLast < 365 * DAY_MS ? 0.2 : 0.05;

    const nextEventId = () => ++ids.event;
    const webOrders = orders.filter((order) => order.channel === 'ecommerce');
    const visits = webVisits(random, { customerId: id, preferences, registeredAt, nowMs, engagement, webOrders, productsById: catalogue.products, basket: this.basket, nextEventId });
    const events: EventRow[] = visits.events;
    if (orders.length > 0 && random.chance(0.04)) {
      const answer = surveyAnswer(random, orders[0].orderedAt, nowMs, nextEventId);
      if (answer) events.push(answer);
    }

    const carts: CartRow[] = [];
    const cartOrdered = visits.cart && lastOrderAt !== null && lastOrderAt > visits.cart.updatedAt;
    if (visits.cart && !cartOrdered) {
      const cartId = ++ids.cart;
      const open = nowMs - visits.cart.updatedAt < 30 * DAY_MS;
      carts.push({
        id: cartId,
        externalId: `cart-${id}`,
        storeId: WEB_STORE.id,
        status: open ? 'open' : 'abandoned',
        createdAt: visits.cart.startedAt,
        updatedAt: visits.cart.updatedAt,
        items: visits.cart.items.map((item) => ({ productId: item.product.id, quantity: item.quantity, unitPrice: item.product.priceCents, addedAt: item.addedAt })),
      });
    }

    const favourites: FavouriteRow[] = random.chance(0.2)
      ? this.basket
          .browse(random, preferences, random.int(1, 6))
          .map((product) => ({ productId: product.id, addedAt: registeredAt + Math.floor(random.float() * (nowMs - registeredAt)) }))
      : [];

    const consentChanges = consentHistory(random, profile, registeredAt, nowMs, polish);
    const consents = currentConsents(consentChanges);
    const emailConsent = consents.some((consent) => consent.channel === 'email' && consent.status === 'given');
    const vip = spendEur >= VIP_SPEND_EUR;
    const sameCountry = this.shop.managers.filter((manager) => manager.country === profile.country);
    const managed = sameCountry.length > 0 && random.chance(vip ? 0.85 : 0.2);

    let lastActivity = Math.max(registeredAt, lastOrderAt ?? 0);
    for (const event of events) lastActivity = Math.max(lastActivity, event.occurredAt);
    events.sort((a, b) => a.occurredAt - b.occurredAt);

    return {
      customer: {
        id,
        externalId: `C${String(id).padStart(8, '0')}`,
        ...profile,
        tags: customerTags(random, { persona: persona.name, vip, emailConsent, orders: orders.length }),
        attributes: customerAttributes(random, { persona, polish, registeredAt, nowMs, orders: orders.length, spendEur }),
        managerNumber: managed ? random.pick(sameCountry).number : null,
        createdAt: registeredAt,
        updatedAt: Math.min(nowMs, lastActivity),
        persona: persona.name,
      },
      consentChanges,
      consents,
      orders,
      carts,
      favourites,
      events,
    };
  }
}
