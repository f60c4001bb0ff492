import { describeImpossibleDate } from './impossible-date';

describe('describeImpossibleDate', () => {
  it.each([
    ['2025-02-30', '2025-02-30 is not a real date: February 2025 has 28 days'],
    ['2023-02-29T10:00:00Z', '2023-02-29T10:00:00Z is not a real date: February 2023 has 28 days'],
    ['2025-13-01', '2025-13-01 is not a real date: there is no month 13'],
    ['2025-04-31', '2025-04-31 is not a real date: April 2025 has 30 days'],
    ['2025-01-01T24:00:00Z', '2025-01-01T24:00:00Z is not a real time of day: hours go to 23, minutes and seconds to 59'],
  ])('explains %s', (text, message) => {
    expect(describeImpossibleDate(text)).toBe(message);
  });

  it.each(['2024-02-29', '2025-12-31T23:59:59Z', 'yesterday', 42])('has nothing to say about %p', (value) => {
    expect(describeImpossibleDate(value)).toBeUndefined();
  });
});
