import { isAnniversaryInDays } from './anniversary';

describe('birthdays and anniversaries, N days before, ignoring the year', () => {
  it('matches the birthday itself and N days ahead of it', () => {
    expect(isAnniversaryInDays('1990-06-15', 0, '2026-06-15')).toBe(true);
    expect(isAnniversaryInDays('1990-06-15', 7, '2026-06-08')).toBe(true);
    expect(isAnniversaryInDays('1990-06-15', 7, '2026-06-09')).toBe(false);
    expect(isAnniversaryInDays('1990-06-15', 0, '2026-06-16')).toBe(false);
  });

  it('reaches across New Year', () => {
    expect(isAnniversaryInDays('1985-01-02', 3, '2026-12-30')).toBe(true);
    expect(isAnniversaryInDays('1985-01-02', 3, '2026-01-30')).toBe(false);
  });

  it('celebrates 29 February on 28 February in a common year, and on the 29th in a leap year', () => {
    expect(isAnniversaryInDays('2000-02-29', 0, '2027-02-28')).toBe(true);
    expect(isAnniversaryInDays('2000-02-29', 0, '2027-03-01')).toBe(false);
    expect(isAnniversaryInDays('2000-02-29', 0, '2028-02-29')).toBe(true);
    expect(isAnniversaryInDays('2000-02-29', 0, '2028-02-28')).toBe(false);
    expect(isAnniversaryInDays('2000-02-29', 5, '2027-02-23')).toBe(true);
  });

  it('counts the days before 1 March by the actual length of February', () => {
    expect(isAnniversaryInDays('1970-03-01', 1, '2027-02-28')).toBe(true);
    expect(isAnniversaryInDays('1970-03-01', 1, '2028-02-29')).toBe(true);
  });

  it('refuses a date that is not a calendar day', () => {
    expect(() => isAnniversaryInDays('15/06/1990', 0, '2026-06-15')).toThrow(/15\/06\/1990/);
    expect(() => isAnniversaryInDays('1990-02-30', 0, '2026-06-15')).toThrow(/1990-02-30/);
  });
});
