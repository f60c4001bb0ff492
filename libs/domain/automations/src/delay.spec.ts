import { delayUntil } from './delay';

const at = (iso: string) => new Date(iso);

describe('delay steps', () => {
  describe('a duration', () => {
    it('waits that many minutes of elapsed time', () => {
      expect(delayUntil({ kind: 'duration', minutes: 90 }, at('2026-06-01T10:00:00Z'), 'Europe/Paris', {})).toEqual(at('2026-06-01T11:30:00Z'));
    });

    it('counts real hours across a DST change: 24 hours on the short night end at 11:00 local', () => {
      const end = delayUntil({ kind: 'duration', minutes: 24 * 60 }, at('2026-03-28T09:00:00Z'), 'Europe/Paris', {}); // 10:00 CET
      expect(end).toEqual(at('2026-03-29T09:00:00Z')); // 11:00 CEST
    });
  });

  describe('until a time of day in the customer’s zone', () => {
    const nineAm = { kind: 'time-of-day', time: '09:00' } as const;

    it('is today when that time is still ahead', () => {
      expect(delayUntil(nineAm, at('2026-06-01T05:00:00Z'), 'Europe/Paris', {})).toEqual(at('2026-06-01T07:00:00Z')); // 07:00 → 09:00 CEST
    });

    it('is tomorrow when that time has passed, or is now', () => {
      expect(delayUntil(nineAm, at('2026-06-01T10:00:00Z'), 'Europe/Paris', {})).toEqual(at('2026-06-02T07:00:00Z'));
      expect(delayUntil(nineAm, at('2026-06-01T07:00:00Z'), 'Europe/Paris', {})).toEqual(at('2026-06-02T07:00:00Z'));
    });

    it('uses the customer’s date, not the server’s: late evening in Los Angeles is already tomorrow in UTC', () => {
      // 2 June 03:00 UTC = 1 June 20:00 in Los Angeles → 09:00 on 2 June local = 16:00 UTC
      expect(delayUntil(nineAm, at('2026-06-02T03:00:00Z'), 'America/Los_Angeles', {})).toEqual(at('2026-06-02T16:00:00Z'));
    });

    it('keeps 09:00 local across the spring change', () => {
      expect(delayUntil(nineAm, at('2026-03-28T20:00:00Z'), 'Europe/Paris', {})).toEqual(at('2026-03-29T07:00:00Z'));
    });

    it('resolves a time skipped by the spring change to the first instant after the gap', () => {
      const skipped = { kind: 'time-of-day', time: '02:30' } as const;
      expect(delayUntil(skipped, at('2026-03-28T22:00:00Z'), 'Europe/Paris', {})).toEqual(at('2026-03-29T01:30:00Z')); // 03:30 CEST
    });
  });

  describe('until a date attribute', () => {
    const renewal = { kind: 'until-date', field: 'attributes.renewal_date', offsetDays: -7 } as const;

    it('waits until the start of that day in the customer’s zone, moved by the offset', () => {
      const end = delayUntil(renewal, at('2026-01-01T00:00:00Z'), 'Europe/Madrid', { 'attributes.renewal_date': '2026-07-15' });
      expect(end).toEqual(at('2026-07-07T22:00:00Z')); // 8 July 00:00 CEST
    });

    it('keeps the time of a full timestamp', () => {
      const followUp = { kind: 'until-date', field: 'last_order_at', offsetDays: 3 } as const;
      const end = delayUntil(followUp, at('2026-01-01T00:00:00Z'), 'UTC', { last_order_at: '2026-02-10T15:45:00Z' });
      expect(end).toEqual(at('2026-02-13T15:45:00Z'));
    });

    it('yields a past instant for a date already gone, so the step ends at once', () => {
      const end = delayUntil(renewal, at('2026-09-01T00:00:00Z'), 'UTC', { 'attributes.renewal_date': '2026-07-15' });
      expect(end?.getTime()).toBeLessThan(at('2026-09-01T00:00:00Z').getTime());
    });

    it('is null — the step is skipped — when the field is empty, missing or not a date', () => {
      const now = at('2026-01-01T00:00:00Z');
      expect(delayUntil(renewal, now, 'UTC', { 'attributes.renewal_date': null })).toBeNull();
      expect(delayUntil(renewal, now, 'UTC', {})).toBeNull();
      expect(delayUntil(renewal, now, 'UTC', { 'attributes.renewal_date': 'next spring' })).toBeNull();
    });
  });
});
