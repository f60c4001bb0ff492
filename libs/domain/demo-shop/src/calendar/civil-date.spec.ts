import { utcMonthDay } from './civil-date';

describe('the month and day of an instant', () => {
  it('agrees with Date for every day of several years, leap days included', () => {
    for (let ms = Date.UTC(2023, 0, 1, 13); ms < Date.UTC(2027, 0, 1); ms += 86_400_000) {
      const date = new Date(ms);
      expect(utcMonthDay(ms)).toEqual({ month: date.getUTCMonth(), day: date.getUTCDate() });
    }
  });
});
