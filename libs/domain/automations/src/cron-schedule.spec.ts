import { InvalidCronExpression, nextCronOccurrence } from './cron-schedule';

const at = (iso: string) => new Date(iso);

describe('cron schedules in a time zone', () => {
  it('finds the next Monday 09:00 in the automation’s zone', () => {
    // Wednesday 3 June 2026 → Monday 8 June 09:00 Madrid (UTC+2)
    expect(nextCronOccurrence('0 9 * * 1', 'Europe/Madrid', at('2026-06-03T12:00:00Z'))).toEqual(at('2026-06-08T07:00:00Z'));
  });

  it('is strictly after the given instant', () => {
    expect(nextCronOccurrence('0 9 * * *', 'UTC', at('2026-06-03T09:00:00Z'))).toEqual(at('2026-06-04T09:00:00Z'));
  });

  it('stays at 09:00 local time when the clocks change', () => {
    expect(nextCronOccurrence('0 9 * * *', 'Europe/Berlin', at('2026-03-28T10:00:00Z'))).toEqual(at('2026-03-29T07:00:00Z'));
    expect(nextCronOccurrence('0 9 * * *', 'Europe/Berlin', at('2026-10-24T10:00:00Z'))).toEqual(at('2026-10-25T08:00:00Z'));
  });

  it('supports ranges, lists and steps', () => {
    expect(nextCronOccurrence('*/15 8-17 * * 1-5', 'UTC', at('2026-06-05T17:50:00Z'))).toEqual(at('2026-06-08T08:00:00Z')); // Friday evening → Monday
    expect(nextCronOccurrence('30 10 1,15 * *', 'UTC', at('2026-06-02T00:00:00Z'))).toEqual(at('2026-06-15T10:30:00Z'));
  });

  it('names the field at fault in a bad expression', () => {
    expect(() => nextCronOccurrence('61 9 * * *', 'UTC', at('2026-06-01T00:00:00Z'))).toThrow(/the minute field "61" is not valid/);
    expect(() => nextCronOccurrence('0 25 * * *', 'UTC', at('2026-06-01T00:00:00Z'))).toThrow(/the hour field "25"/);
    expect(() => nextCronOccurrence('0 9 * 13 *', 'UTC', at('2026-06-01T00:00:00Z'))).toThrow(/the month field "13"/);
    expect(() => nextCronOccurrence('0 9 * * funday', 'UTC', at('2026-06-01T00:00:00Z'))).toThrow(/the day of week field "funday"/);
    expect(() => nextCronOccurrence('0 9 32 * *', 'UTC', at('2026-06-01T00:00:00Z'))).toThrow(/the day of month field "32"/);
  });

  it('reports the field in a structured error too', () => {
    try {
      nextCronOccurrence('0 x * * *', 'UTC', at('2026-06-01T00:00:00Z'));
      throw new Error('expected a failure');
    } catch (error) {
      expect(error).toBeInstanceOf(InvalidCronExpression);
      expect((error as InvalidCronExpression).field).toBe('hour');
    }
  });

  it('asks for exactly five fields', () => {
    expect(() => nextCronOccurrence('0 9 *', 'UTC', at('2026-06-01T00:00:00Z'))).toThrow(/expected 5 fields .* got 3/);
    expect(() => nextCronOccurrence('0 0 9 * * *', 'UTC', at('2026-06-01T00:00:00Z'))).toThrow(/got 6/);
  });

  it('rejects a date that never occurs and an unknown zone', () => {
    expect(() => nextCronOccurrence('0 9 31 2 *', 'UTC', at('2026-06-01T00:00:00Z'))).toThrow(/never occurs/);
    expect(() => nextCronOccurrence('0 9 * * *', 'Europe/Atlantis', at('2026-06-01T00:00:00Z'))).toThrow(/Europe\/Atlantis/);
  });
});
