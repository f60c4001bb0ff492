import { calendarDateIn, conversionRate } from './exchange-rate';

describe('exchange rates', () => {
  it('dates an order in the account time zone', () => {
    expect(calendarDateIn('2025-01-01T23:30:00Z', 'UTC')).toBe('2025-01-01');
    expect(calendarDateIn('2025-01-01T23:30:00Z', 'Europe/Madrid')).toBe('2025-01-02');
    expect(calendarDateIn('2025-01-02T01:00:00+03:00', 'America/New_York')).toBe('2025-01-01');
  });

  it('converts at 1 in the account currency and at the latest known rate otherwise', () => {
    expect(conversionRate('EUR', 'EUR', '2025-01-01', undefined)).toEqual({ ok: true, rate: 1 });
    expect(conversionRate('GBP', 'EUR', '2025-01-05', { date: '2025-01-03', rate: 1.2 })).toEqual({ ok: true, rate: 1.2 });
  });

  it('says which currency and date lack a rate', () => {
    const missing = conversionRate('USD', 'EUR', '2025-01-05', undefined);
    expect(missing).toEqual({ ok: false, message: expect.stringMatching(/^there is no exchange rate from USD to the account currency EUR on or before 2025-01-05/) });
  });
});
