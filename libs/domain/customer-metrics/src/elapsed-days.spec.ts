import { elapsedDays } from './elapsed-days';

describe('elapsed days', () => {
  it('counts whole 24-hour periods', () => {
    const asOf = new Date('2026-03-10T12:00:00Z');
    expect(elapsedDays(new Date('2026-03-09T12:00:00Z'), asOf)).toBe(1);
    expect(elapsedDays(new Date('2026-03-09T12:00:01Z'), asOf)).toBe(0);
    expect(elapsedDays(new Date('2025-03-10T12:00:00Z'), asOf)).toBe(365);
  });
});
