import { createDemoShop } from './demo-shop';
import type { CustomerHistory, OrderRow } from './demo-shop-rows';
import { countHistory, emptyRowCounts } from './demo-shop-summary';
import { DEPARTMENT_NAMES } from './catalogue/category-tree';
import { PERSONAS } from './customers/personas';

const NOW = new Date('2026-11-23T12:00:00Z');
const shop = createDemoShop({ seed: 42, customers: 3000, now: NOW });
const histories: CustomerHistory[] = [...shop.histories()];
const orders: OrderRow[] = histories.flatMap((history) => history.orders);
const sales = orders.filter((order) => order.kind === 'sale');
const productsById = new Map(shop.products.map((product) => [product.id, product]));

describe('the demo shop', () => {
  it('is the same shop, row for row, for the same seed, size and date', () => {
    const again = [...createDemoShop({ seed: 42, customers: 3000, now: NOW }).histories()];
    expect(JSON.stringify(again)).toEqual(JSON.stringify(histories));
  });

  it('is another shop for another seed', () => {
    const other = createDemoShop({ seed: 43, customers: 50, now: NOW }).histories().next().value as CustomerHistory;
    expect(other.customer.email).not.toEqual(histories[0].customer.email);
  });

  it('sells in the six departments of the product brief, each with subcategories', () => {
    const roots = shop.categories.filter((category) => category.parentId === null).map((category) => category.path);
    expect(roots).toEqual(['Bebé y niño', 'Hogar', 'Huerto ECO', 'Jardín y exterior', 'Plantas', 'Supermercado ECO']);
    expect(shop.categories).toContainEqual(expect.objectContaining({ path: 'Hogar > Cocina' }));
    for (const product of shop.products) {
      expect(product.attributes['brand']).toEqual(expect.any(String));
      expect(product.imageUrl).toMatch(/^https:\/\//);
      expect(product.costCents).toBeLessThan(product.priceCents);
    }
  });

  it('has an EUR web shop and a PLN store with a daily EUR/PLN rate', () => {
    expect(shop.stores.map((store) => [store.channel, store.currency])).toEqual([['ecommerce', 'EUR'], ['store', 'PLN']]);
    expect(shop.currencyRates.length).toBeGreaterThan(3 * 365);
    for (const rate of shop.currencyRates) {
      expect(rate.rate).toBeGreaterThan(0.19);
      expect(rate.rate).toBeLessThan(0.28);
    }
    for (const order of orders) expect(order.fxRate).toBe(order.currency === 'EUR' ? 1 : shop.currencyRates.find((r) => r.date === new Date(order.orderedAt).toISOString().slice(0, 10))?.rate);
  });

  it('makes about ten orders per customer, most customers buying once or twice and a few very often', () => {
    const perCustomer = histories.map((history) => history.orders.filter((order) => order.kind === 'sale').length).sort((a, b) => a - b);
    expect(orders.length / histories.length).toBeGreaterThan(7.5);
    expect(orders.length / histories.length).toBeLessThan(12.5);
    expect(perCustomer.filter((count) => count <= 2).length / perCustomer.length).toBeGreaterThan(0.45);
    expect(perCustomer[Math.floor(perCustomer.length * 0.99)]).toBeGreaterThan(60);
  });

  it('totals every order as the sum of its lines plus shipping, after discounts and with tax', () => {
    for (const order of orders) {
      const lines = order.lines.reduce((sum, line) => sum + line.total, 0);
      expect(order.total).toBe(lines + order.shippingTotal);
      for (const line of order.lines) expect(line.total).toBe(line.quantity * line.unitPrice - line.discount + line.tax);
    }
    expect(sales.filter((order) => order.discountTotal > 0).length / sales.length).toBeGreaterThan(0.1);
    expect(sales.every((order) => order.taxTotal > 0)).toBe(true);
  });

  it('returns goods with negative quantities and totals, after a sale of the same customer', () => {
    for (const history of histories) {
      for (const order of history.orders.filter((o) => o.kind === 'return')) {
        const sale = history.orders.find((o) => o.id === order.returnedOrderId);
        expect(sale?.kind).toBe('sale');
        expect(order.orderedAt).toBeGreaterThan(sale?.orderedAt ?? Infinity);
        expect(order.total).toBeLessThan(0);
        expect(order.lines.every((line) => line.quantity < 0)).toBe(true);
      }
    }
    const returns = orders.length - sales.length;
    expect(returns / sales.length).toBeGreaterThan(0.02);
    expect(returns / sales.length).toBeLessThan(0.08);
  });

  it('sells more in December than in August, and the garden in spring rather than in winter', () => {
    const inMonth = (year: number, month: number) =>
      sales.filter((order) => new Date(order.orderedAt).getUTCFullYear() === year && new Date(order.orderedAt).getUTCMonth() === month).length;
    expect(inMonth(2025, 11)).toBeGreaterThan(inMonth(2025, 7) * 1.5);
    const gardenShare = (months: number[]) => {
      const lines = sales.filter((o) => months.includes(new Date(o.orderedAt).getUTCMonth())).flatMap((o) => o.lines);
      return lines.filter((l) => productsById.get(l.productId)?.departmentIndex === DEPARTMENT_NAMES.indexOf('Jardín y exterior')).length / lines.length;
    };
    expect(gardenShare([3, 4])).toBeGreaterThan(gardenShare([10, 11, 0]) * 2);
  });

  it('gives each latent persona a clear favourite department, as a clustering will find', () => {
    for (const persona of PERSONAS.filter((p) => p.name !== 'bargain-hunter')) {
      const favourite = persona.departmentWeights.indexOf(Math.max(...persona.departmentWeights));
      const lines = histories.filter((h) => h.customer.persona === persona.name).flatMap((h) => h.orders.flatMap((o) => o.lines));
      const share = lines.filter((line) => productsById.get(line.productId)?.departmentIndex === favourite).length / lines.length;
      expect(share).toBeGreaterThan(0.35);
    }
  });

  it('keeps the current consent equal to the newest change, and nothing after "now"', () => {
    for (const history of histories) {
      for (const consent of history.consents) {
        const newest = history.consentChanges.filter((c) => c.channel === consent.channel).sort((a, b) => b.changedAt - a.changedAt)[0];
        expect(consent).toEqual(newest);
      }
      for (const order of history.orders) expect(order.orderedAt).toBeLessThan(NOW.getTime());
      for (const event of history.events) expect(event.occurredAt).toBeLessThan(NOW.getTime());
    }
    const withdrawn = histories.filter((h) => h.consents.some((c) => c.status === 'withdrawn')).length;
    expect(withdrawn).toBeGreaterThan(50);
  });

  it('shows a living shop: recent visits, open carts, favourites, managers, birthdays and custom fields', () => {
    const week = NOW.getTime() - 7 * 86_400_000;
    const events = histories.flatMap((h) => h.events);
    expect(events.filter((e) => e.occurredAt > week).length).toBeGreaterThan(300);
    expect(new Set(events.map((e) => e.type))).toEqual(expect.objectContaining({ size: expect.any(Number) }));
    expect([...new Set(events.map((e) => e.type))].sort()).toEqual(expect.arrayContaining(['add_to_cart', 'page_view', 'product_view', 'checkout_started']));
    expect(histories.filter((h) => h.carts.some((c) => c.status === 'open')).length).toBeGreaterThan(50);
    expect(histories.filter((h) => h.favourites.length > 0).length).toBeGreaterThan(300);
    const managed = histories.filter((h) => h.customer.managerNumber !== null).length / histories.length;
    expect(managed).toBeGreaterThan(0.15);
    expect(managed).toBeLessThan(0.5);
    expect(histories.filter((h) => h.customer.birthDate).length / histories.length).toBeGreaterThan(0.8);
    expect(histories.filter((h) => 'loyalty_points' in h.customer.attributes).length).toBeGreaterThan(300);
    expect(new Set(histories.map((h) => h.customer.language))).toEqual(new Set(['es', 'pl']));
  });

  it('numbers orders, carts and events without gaps or repeats, and counts what it made', () => {
    const ids = orders.map((order) => order.id).sort((a, b) => a - b);
    expect(ids).toEqual(ids.map((_, i) => i + 1));
    const counts = histories.reduce(countHistory, emptyRowCounts());
    expect(counts.orders).toBe(orders.length);
    expect(counts.customers).toBe(3000);
  });
});
