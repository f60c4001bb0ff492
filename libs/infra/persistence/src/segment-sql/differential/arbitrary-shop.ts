import type { ReferenceCustomer, ReferenceOrder, ReferenceShop } from '@marea/domain/segments';
import * as fc from 'fast-check';
import { somePersonaAnalyses } from './arbitrary-persona-analyses';
import { emptyShop } from './empty-shop';

const MINUTE = 60_000;
const DAY = 86_400_000;

/** An instant between two dates, to the minute (so some fall near midnight in every zone). */
export const anInstant = (from: string, to: string) =>
  fc.integer({ min: Date.parse(from) / MINUTE, max: Date.parse(to) / MINUTE }).map((m) => new Date(m * MINUTE).toISOString());

/** A calendar day between two dates. */
export const aDay = (from: string, to: string) =>
  fc.integer({ min: Date.parse(from) / DAY, max: Date.parse(to) / DAY }).map((d) => new Date(d * DAY).toISOString().slice(0, 10));

const cents = (max: number) => fc.integer({ min: 0, max }).map((c) => (c / 100).toFixed(2));
const maybe = <T>(arb: fc.Arbitrary<T>) => fc.option(arb, { nil: null, freq: 3 });

const aBirthDate = fc.oneof(
  aDay('1950-01-01', '2010-12-31'),
  fc.constantFrom('2000-02-29', '1990-12-31', '1985-01-01', '1970-12-02', '1999-01-03'),
);

const aCustomer = (id: number): fc.Arbitrary<ReferenceCustomer> =>
  fc.record({
    id: fc.constant(id),
    externalId: fc.constant(`c${id}`),
    firstName: fc.constantFrom(null, 'Ana', 'Lucía', 'Piotr', 'Marta', ''),
    lastName: fc.constantFrom(null, 'García', 'Nowak'),
    email: fc.constantFrom(null, 'ana@example.com', 'piotr@sklep.pl', 'MARTA@example.com', ''),
    phone: fc.constantFrom(null, '+34 600 123 456', '+48 500 100 200'),
    documentNumber: fc.constantFrom(null, 'X123', 'Y456'),
    gender: fc.constantFrom(null, 'female' as const, 'male' as const, 'other' as const),
    city: fc.constantFrom(null, 'Madrid', 'Moscú', 'Kraków', '', 'Mad'),
    country: fc.constantFrom(null, 'ES', 'PL'),
    language: fc.constantFrom(null, 'es', 'pl', 'pt-BR'),
    birthDate: maybe(aBirthDate),
    createdAt: anInstant('2024-01-01', '2026-12-31'),
    tags: fc.subarray(['vip', 'wholesale', 'newsletter']),
    attributes: fc.record(
      {
        loyalty_points: fc.oneof(fc.integer({ min: 0, max: 600 }), fc.constantFrom(100.5, 250), fc.constant('many')),
        wedding_date: fc.oneof(aBirthDate, fc.constant(12)),
        newsletter_club: fc.oneof(fc.boolean(), fc.constant('yes')),
        favourite_plant: fc.constantFrom('Monstera', 'Cactus', 'Helecho', 'Mon', ''),
      },
      { requiredKeys: [] },
    ),
    managerId: fc.constantFrom(null, 1, 2),
  });

const aLine = (sign: 1 | -1) =>
  fc.record({
    productId: fc.integer({ min: 1, max: 6 }),
    quantity: fc.constantFrom('1', '2', '0.5', '3'),
    total: cents(20000),
    tax: cents(500),
    cost: maybe(cents(8000)),
  }).map((line) => ({
    ...line,
    quantity: sign < 0 ? `-${line.quantity}` : line.quantity,
    total: sign < 0 && line.total !== '0.00' ? `-${line.total}` : line.total,
  }));

const anOrder = (customerId: number) =>
  fc
    .record({
      storeId: fc.integer({ min: 1, max: 3 }),
      channel: fc.constantFrom('ecommerce' as const, 'store' as const),
      kind: fc.constantFrom('sale' as const, 'sale' as const, 'sale' as const, 'return' as const),
      status: fc.constantFrom('completed' as const, 'paid' as const, 'placed' as const, 'cancelled' as const),
      orderedAt: fc.oneof(anInstant('2025-01-01', '2026-12-31'), anInstant('2025-12-25', '2026-01-08')),
      fxRate: fc.constantFrom('1', '0.25', '0.2345678901', '4.3'),
      margin: maybe(cents(5000)),
      saleLines: fc.array(aLine(1), { minLength: 1, maxLength: 3 }),
      returnLines: fc.array(aLine(-1), { minLength: 1, maxLength: 2 }),
    })
    .map(({ saleLines, returnLines, ...order }): Omit<ReferenceOrder, 'id'> => {
      const lines = order.kind === 'sale' ? saleLines : returnLines;
      const cents100 = lines.reduce((sum, line) => sum + Math.round(Number(line.total) * 100), 0);
      const margin = order.margin === null ? null : order.kind === 'sale' ? order.margin : `-${order.margin}`;
      return { ...order, customerId, margin, total: (cents100 / 100).toFixed(2), lines };
    });

const anEvent = (customerId: number) =>
  fc.record({
    customerId: fc.constant(customerId),
    type: fc.constantFrom('add_to_cart', 'page_view', 'search'),
    occurredAt: anInstant('2025-10-01', '2026-12-31'),
    properties: fc.record(
      { category: fc.constantFrom('Plantas', 'Hogar', 5), price: fc.oneof(fc.integer({ min: 0, max: 40 }), fc.constant('cheap')) },
      { requiredKeys: [] },
    ),
  });

const aCustomerHistory = (id: number) =>
  fc.record({
    customer: aCustomer(id),
    orders: fc.array(anOrder(id), { maxLength: 5 }),
    events: fc.array(anEvent(id), { maxLength: 4 }),
    email: fc.constantFrom(null, 'given' as const, 'withdrawn' as const),
    sms: fc.constantFrom(null, 'given' as const, 'withdrawn' as const),
    metrics: fc.option(
      fc.record({
        customerId: fc.constant(id),
        rfmSegment: fc.constantFrom(null, 'champions', 'loyal', 'at_risk', 'lost'),
        rfmRecency: maybe(fc.integer({ min: 1, max: 5 })),
        rfmFrequency: maybe(fc.integer({ min: 1, max: 5 })),
        rfmMonetary: maybe(fc.integer({ min: 1, max: 5 })),
        rfmMargin: maybe(fc.integer({ min: 1, max: 5 })),
        clvState: fc.constantFrom(null, 'active', 'lost'),
        predictedClv: maybe(cents(100000)),
        primaryAffinity: fc.constantFrom(null, 'Jardín > Plantas', 'Hogar'),
      }),
      { nil: null, freq: 4 },
    ),
    memberships: fc.record({ vip: fc.constantFrom(null, 'open', 'exited'), churn: fc.constantFrom(null, 'open', 'exited') }),
  });

/** A random shop: customers with profiles, custom fields, orders, returns, events, consents, metrics, memberships, persona clusters. */
export function anyShop(customers: number): fc.Arbitrary<ReferenceShop> {
  return fc
    .record({
      timeZone: fc.constantFrom('Europe/Madrid', 'UTC', 'America/New_York', 'Pacific/Auckland'),
      histories: fc.tuple(...Array.from({ length: customers }, (_, i) => aCustomerHistory(i + 1))),
      personaAnalyses: somePersonaAnalyses(customers),
    })
    .map(({ timeZone, histories, personaAnalyses }) => {
      const shop = { ...emptyShop(timeZone), personaAnalyses };
      let orderId = 0;
      let eventId = 0;
      for (const h of histories) {
        shop.customers.push(h.customer);
        shop.orders.push(...h.orders.map((o) => ({ ...o, id: ++orderId })));
        shop.events.push(...h.events.map((e) => ({ ...e, id: ++eventId })));
        if (h.email) shop.consents.push({ customerId: h.customer.id, channel: 'email', status: h.email });
        if (h.sms) shop.consents.push({ customerId: h.customer.id, channel: 'sms', status: h.sms });
        if (h.metrics) shop.metrics.push(h.metrics);
        for (const [segmentId, state] of [[1, h.memberships.vip], [2, h.memberships.churn]] as const) {
          if (state) {
            shop.memberships.push({ segmentId, customerId: h.customer.id, enteredAt: '2025-01-01T00:00:00Z', exitedAt: state === 'exited' ? '2025-02-01T00:00:00Z' : null });
          }
        }
      }
      return shop;
    });
}
