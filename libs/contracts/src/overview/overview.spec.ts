import { Overview } from './overview';

describe('Overview contract', () => {
  const figures = {
    accountName: 'My shop',
    currency: 'EUR',
    asOf: '2026-11-23T10:00:00.000Z',
    customers: 2,
    products: 3,
    stores: 1,
    allTime: { orders: 4, revenue: 120.5 },
    last12Months: { orders: 1, revenue: 20 },
    eventsLast30Days: 7,
    lastOrderAt: null,
    months: [{ month: '2026-11', orders: 1, revenue: 20 }],
  };

  it('accepts the figures the API serves', () => {
    expect(Overview.parse(figures)).toEqual(figures);
  });

  it('rejects an amount sent as a string, as pg returns numerics', () => {
    expect(Overview.safeParse({ ...figures, allTime: { orders: 4, revenue: '120.50' } }).success).toBe(false);
  });
});
