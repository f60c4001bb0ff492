import type { ApiUnderTest } from '../../ingestion/testing/api-under-test';

/**
 * A small shop pushed through the batch API, as an integrator would: a web shop and a physical
 * store, two customers whose names, emails and phones differ in accents, case and punctuation,
 * products with images, orders, a visit, consents and a typed custom field.
 */
export async function pushCustomerShop(api: ApiUnderTest): Promise<{ lucia: string; marek: string }> {
  const batches: [string, unknown[]][] = [
    [
      'stores',
      [
        { externalId: 'web', name: 'Tienda online', channel: 'ecommerce', currency: 'EUR', timezone: 'Europe/Madrid' },
        { externalId: 'krakow', name: 'Sklep Kraków', channel: 'store', currency: 'EUR', timezone: 'Europe/Warsaw' },
      ],
    ],
    [
      'custom-fields',
      [
        { key: 'shoe_size', label: 'Shoe size', type: 'number' },
        { key: 'newsletter_since', label: 'Newsletter since', type: 'date' },
        { key: 'vip', label: 'VIP', type: 'boolean' },
      ],
    ],
    [
      'customers',
      [
        {
          externalId: 'CRM-1001',
          firstName: 'Lucía',
          lastName: 'García Núñez',
          email: 'Lucia.Garcia@Example.com',
          phone: '+34 600 123 456',
          birthDate: '1990-04-02',
          gender: 'female',
          city: 'Sevilla',
          country: 'ES',
          tags: ['vip', 'eco'],
          attributes: { shoe_size: 38, vip: true },
        },
        { externalId: 'CRM-2002', firstName: 'Marek', lastName: 'Łukasiewicz', email: 'marek@example.pl', phone: '+48 512-987-654', country: 'PL' },
      ],
    ],
    [
      'products',
      [
        { externalId: 'sku-maceta', name: 'Maceta de barro', price: 12.5, imageUrl: 'https://cdn.example.com/maceta.jpg', categories: ['Jardín y exterior > Macetas'] },
        { externalId: 'sku-semillas', name: 'Semillas de tomate', price: 3, imageUrl: 'https://cdn.example.com/semillas.jpg', categories: ['Huerto ECO'] },
      ],
    ],
    [
      'orders',
      [
        {
          externalId: 'o-1',
          customerExternalId: 'CRM-1001',
          storeExternalId: 'krakow',
          orderedAt: '2025-01-10T10:00:00Z',
          lines: [{ sku: 'sku-semillas', quantity: 4, unitPrice: 3 }],
        },
        {
          externalId: 'o-2',
          customerExternalId: 'CRM-1001',
          storeExternalId: 'web',
          orderedAt: '2025-03-01T10:00:00Z',
          lines: [
            { sku: 'sku-maceta', quantity: 2, unitPrice: 12.5 },
            { sku: 'sku-semillas', quantity: 1, unitPrice: 3 },
          ],
        },
        { externalId: 'o-3', customerExternalId: 'CRM-2002', storeExternalId: 'web', orderedAt: '2025-02-01T10:00:00Z', lines: [{ sku: 'sku-maceta', quantity: 1, unitPrice: 12.5 }] },
      ],
    ],
    [
      'events',
      [
        { externalId: 'e-1', customerExternalId: 'CRM-1001', type: 'page_view', occurredAt: '2025-03-01T09:40:00Z', visitId: 'visit-1', storeExternalId: 'web', pageUrl: 'https://shop.example.com/' },
        { externalId: 'e-2', customerExternalId: 'CRM-1001', type: 'product_view', occurredAt: '2025-03-01T09:45:00Z', visitId: 'visit-1', storeExternalId: 'web', pageUrl: 'https://shop.example.com/p/maceta', properties: { sku: 'sku-maceta' } },
        { externalId: 'e-3', customerExternalId: 'CRM-1001', type: 'add_to_cart', occurredAt: '2025-03-01T09:50:00Z', visitId: 'visit-1', storeExternalId: 'web', properties: { sku: 'sku-maceta', quantity: 1, price: 12.5 } },
        { externalId: 'e-4', customerExternalId: 'CRM-1001', type: 'form_answer', occurredAt: '2025-02-15T12:00:00Z', properties: { form: 'survey', answer: 'yes' } },
        { externalId: 'e-5', customerExternalId: 'CRM-1001', type: 'favourite', occurredAt: '2025-02-20T12:00:00Z', properties: { sku: 'sku-semillas' } },
      ],
    ],
    [
      'consents',
      [
        { customerExternalId: 'CRM-1001', channel: 'email', status: 'given', changedAt: '2024-12-01T10:00:00Z', source: 'checkout' },
        { customerExternalId: 'CRM-1001', channel: 'sms', status: 'given', changedAt: '2024-12-01T10:00:00Z', source: 'checkout' },
        { customerExternalId: 'CRM-1001', channel: 'sms', status: 'withdrawn', changedAt: '2025-02-01T10:00:00Z', source: 'unsubscribe link' },
      ],
    ],
  ];
  for (const [resource, items] of batches) {
    const { status, body } = await api.batch(resource, items);
    if (status !== 200 || body.rejected > 0) throw new Error(`${resource}: ${status} ${JSON.stringify(body)}`);
  }
  const ids = await api.rows<{ external_id: string; id: string }>(`SELECT external_id, id::text FROM customers ORDER BY id`);
  const idOf = (externalId: string) => ids.find((row) => row.external_id === externalId)?.id as string;
  return { lucia: idOf('CRM-1001'), marek: idOf('CRM-2002') };
}
