import { abandonedCartContext } from './cart-abandonment-trigger-source';
import { changeConcerns, customerChangeContext } from './customer-change-trigger-source';

describe('what a trigger hands to the run', () => {
  it('an abandoned cart: its lines and total for the template, its id for waits keyed on cartId', () => {
    const context = abandonedCartContext({
      id: '7',
      externalId: 'web-ana',
      customerId: '1',
      updatedAt: new Date('2026-05-01T10:00:00Z'),
      version: '1777629600000000',
      currency: 'EUR',
      lines: [
        { sku: 'pot', name: 'Terracotta pot', imageUrl: null, quantity: 3, unitPrice: 4.99 },
        { sku: 'soil', name: 'Potting soil', imageUrl: null, quantity: 1, unitPrice: 7.5 },
      ],
    });
    expect(context).toEqual({
      cartId: 'web-ana',
      cart: { id: 'web-ana', currency: 'EUR', total: 22.47, updatedAt: '2026-05-01T10:00:00.000Z', lines: expect.any(Array) },
    });
  });

  const moved = { position: '900:12', customerId: '1', changes: { city: { before: 'Madrid', after: 'Sevilla' }, 'attributes.tier': { before: null, after: 'gold' } }, at: new Date('2026-05-01T10:00:00Z') };

  it('a profile change concerns an automation watching any of its fields, or watching none', () => {
    expect(changeConcerns([], moved)).toBe(true);
    expect(changeConcerns(['attributes.tier'], moved)).toBe(true);
    expect(changeConcerns(['email', 'phone'], moved)).toBe(false);
  });

  it('a profile change gives the changed fields and their values before and after', () => {
    expect(customerChangeContext(moved)).toEqual({ fields: ['city', 'attributes.tier'], changes: moved.changes, changedAt: '2026-05-01T10:00:00.000Z' });
  });
});
