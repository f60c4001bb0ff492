const DAY = 24 * 60 * 60 * 1000;
const daysAgo = (days: number) => new Date(Date.now() - days * DAY).toISOString();

/**
 * A small shop pushed through the batch API, and the figures a user must then read on the
 * Overview, worked out here by hand rather than by the SQL under test.
 */
export const smallShop = {
  stores: [{ externalId: 'web', name: 'Huerto web', channel: 'ecommerce', currency: 'EUR', timezone: 'Europe/Madrid' }],
  customers: [
    { externalId: 'c-1', firstName: 'Lucía', email: 'lucia@example.com' },
    { externalId: 'c-2', firstName: 'Tomasz', email: 'tomasz@example.com' },
    { externalId: 'c-3', firstName: 'Joana', email: 'joana@example.com' },
  ],
  products: [
    { externalId: 'tomato-seeds', name: 'Semillas de tomate', price: 120.5 },
    { externalId: 'planter', name: 'Maceta', price: 45 },
    { externalId: 'compost', name: 'Compost ECO', price: 19.99 },
  ],
  orders: [
    { externalId: 'o-1', customerExternalId: 'c-1', storeExternalId: 'web', orderedAt: daysAgo(10), lines: [{ sku: 'tomato-seeds', quantity: 1, unitPrice: 120.5 }] },
    { externalId: 'o-2', customerExternalId: 'c-2', storeExternalId: 'web', orderedAt: daysAgo(40), lines: [{ sku: 'planter', quantity: 2, unitPrice: 45 }] },
    { externalId: 'o-3', customerExternalId: 'c-1', storeExternalId: 'web', orderedAt: daysAgo(200), lines: [{ sku: 'compost', quantity: 3, unitPrice: 19.99 }] },
    { externalId: 'o-4', customerExternalId: 'c-3', storeExternalId: 'web', orderedAt: daysAgo(500), lines: [{ sku: 'planter', quantity: 1, unitPrice: 300 }] },
  ],
  events: [
    { externalId: 'e-1', customerExternalId: 'c-1', type: 'page_view', occurredAt: daysAgo(1) },
    { externalId: 'e-2', customerExternalId: 'c-2', type: 'product_view', occurredAt: daysAgo(3) },
    { externalId: 'e-3', customerExternalId: 'c-3', type: 'page_view', occurredAt: daysAgo(60) },
  ],
};

export const expectedFigures = {
  customers: 3,
  products: 3,
  stores: 1,
  orders: 4,
  orders12Months: 3,
  revenue: 120.5 + 2 * 45 + 3 * 19.99 + 300,
  revenue12Months: 120.5 + 2 * 45 + 3 * 19.99,
  eventsLast30Days: 2,
};

/** Sends each collection to its batch route (with a signed-in session's headers) and fails loudly on any rejected item. */
export async function pushSmallShop(baseUrl: string, credentials: Record<string, string>): Promise<void> {
  for (const route of ['stores', 'customers', 'products', 'orders', 'events'] as const) {
    const response = await fetch(`${baseUrl}/api/v1/${route}`, {
      method: 'POST',
      headers: { ...credentials, 'content-type': 'application/json' },
      body: JSON.stringify({ items: smallShop[route] }),
    });
    const result = await response.json();
    if (response.status !== 200 || result.rejected > 0) {
      throw new Error(`POST /api/v1/${route} answered ${response.status}: ${JSON.stringify(result)}`);
    }
  }
}
