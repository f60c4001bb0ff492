import { CellError, readId, readInstant, readNumber } from './cell-values';

describe('cell values', () => {
  it('reads numbers with either decimal separator', () => {
    expect(readNumber('2.55', '.')).toBe(2.55);
    expect(readNumber('-1,234.5', '.')).toBe(-1234.5);
    expect(readNumber('1.234,5', ',')).toBe(1234.5);
    expect(readNumber('2,55', ',')).toBe(2.55);
    expect(() => readNumber('2,55', '.')).toThrow(CellError);
    expect(() => readNumber('abc', '.')).toThrow('must be a number');
  });

  it('normalises float-written ids', () => {
    expect(readId('17850.0')).toBe('17850');
    expect(readId('C536379')).toBe('C536379');
    expect(readId('12.5')).toBe('12.5');
  });

  it('reads instants with an offset as written and local times in the import zone', () => {
    expect(readInstant('2017-01-28T19:06:53Z', 'UTC')).toBe('2017-01-28T19:06:53.000Z');
    expect(readInstant('2025-03-01T11:15:00+01:00', 'UTC')).toBe('2025-03-01T10:15:00.000Z');
    expect(readInstant('2010-12-01 08:26:00', 'UTC')).toBe('2010-12-01T08:26:00.000Z');
    expect(readInstant('2011-07-01 08:26', 'Europe/London')).toBe('2011-07-01T07:26:00.000Z');
    expect(readInstant('2011-01-01 08:26', 'Europe/Madrid')).toBe('2011-01-01T07:26:00.000Z');
    expect(readInstant('2011-02-01', 'UTC')).toBe('2011-02-01T00:00:00.000Z');
  });

  it('refuses impossible or unreadable date-times', () => {
    expect(() => readInstant('2023-02-29 10:00', 'UTC')).toThrow('not a real date-time');
    expect(() => readInstant('01/02/2023', 'UTC')).toThrow('must be a date-time');
  });
});
