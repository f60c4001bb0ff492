import type { ReferenceCustomer, ReferenceShop } from '@marea/domain/segments';

/** A shop with two stores in different time zones and nothing else; tests and generators fill it. */
export function emptyShop(timeZone = 'Europe/Madrid'): ReferenceShop {
  return {
    timeZone,
    stores: [
      { id: 1, externalId: 'web', timeZone: 'Europe/Madrid' },
      { id: 2, externalId: 'pl-krakow', timeZone: 'Europe/Warsaw' },
      { id: 3, externalId: 'us-nyc', timeZone: 'America/New_York' },
    ],
    users: [
      { id: 1, email: 'ana@example.com' },
      { id: 2, email: 'piotr@example.com' },
    ],
    customFields: [
      { key: 'loyalty_points', label: 'Loyalty points', type: 'number' },
      { key: 'wedding_date', label: 'Wedding date', type: 'date' },
      { key: 'newsletter_club', label: 'Newsletter club', type: 'boolean' },
      { key: 'favourite_plant', label: 'Favourite plant', type: 'text' },
    ],
    categories: [
      { id: 1, path: 'Hogar' },
      { id: 2, path: 'Hogar > Cocina' },
      { id: 3, path: 'Jardín' },
      { id: 4, path: 'Jardín > Plantas' },
      { id: 5, path: 'Jardín > Plantas > Cactus' },
      { id: 6, path: 'Jardínes' },
    ],
    products: [
      { id: 1, externalId: 'SKU-POT', categoryIds: [1, 3], attributes: { brand: 'Acme', colour: 'red' } },
      { id: 2, externalId: 'SKU-PAN', categoryIds: [2], attributes: { brand: 'Fiskars', size: 28 } },
      { id: 3, externalId: 'SKU-FERN', categoryIds: [4], attributes: { brand: 'Acme', organic: true } },
      { id: 4, externalId: 'SKU-CACTUS', categoryIds: [5], attributes: {} },
      { id: 5, externalId: 'SKU-HOSE', categoryIds: [6], attributes: { brand: 'Fiskars' } },
      { id: 6, externalId: 'SKU-GIFT', categoryIds: [], attributes: { brand: null } },
    ],
    customers: [],
    orders: [],
    events: [],
    consents: [],
    metrics: [],
    segments: [
      { id: 1, code: 'vip' },
      { id: 2, code: 'churn-risk' },
    ],
    memberships: [],
  };
}

/** A customer with nothing known but the given fields. */
export function aCustomer(id: number, fields: Partial<ReferenceCustomer> = {}): ReferenceCustomer {
  return {
    id,
    externalId: `c${id}`,
    firstName: null,
    lastName: null,
    email: null,
    phone: null,
    documentNumber: null,
    gender: null,
    city: null,
    country: null,
    language: null,
    birthDate: null,
    createdAt: '2024-01-01T00:00:00Z',
    tags: [],
    attributes: {},
    managerId: null,
    ...fields,
  };
}
