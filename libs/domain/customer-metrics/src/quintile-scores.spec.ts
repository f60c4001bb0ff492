import { quintileAt, quintileScores } from './quintile-scores';

const customers = (values: number[]) => values.map((value, i) => ({ customerId: String(i + 1), value }));

describe('quintile scores', () => {
  it('deals ten customers two per fifth, the best values scoring 5', () => {
    const scores = quintileScores(customers([10, 20, 30, 40, 50, 60, 70, 80, 90, 100]), 'higher');
    expect([...scores.entries()].sort(([a], [b]) => Number(a) - Number(b)).map(([, score]) => score))
      .toEqual([1, 1, 2, 2, 3, 3, 4, 4, 5, 5]);
  });

  it('scores the lowest value best when fewer is better (days since the last purchase)', () => {
    const scores = quintileScores(customers([1, 400, 30, 90, 200]), 'lower');
    expect(scores.get('1')).toBe(5);
    expect(scores.get('2')).toBe(1);
    expect(scores.get('3')).toBe(4);
  });

  it('gives the extra customers of an uneven base to the lower fifths, as ntile(5) does', () => {
    expect(Array.from({ length: 7 }, (_, p) => quintileAt(p, 7))).toEqual([1, 1, 2, 2, 3, 4, 5]);
    expect(Array.from({ length: 3 }, (_, p) => quintileAt(p, 3))).toEqual([1, 2, 3]);
    expect(quintileAt(0, 1)).toBe(1);
  });

  it('breaks ties by customer id: the customer known for longer (smaller id) ranks higher', () => {
    const tied = [
      { customerId: '12', value: 1 },
      { customerId: '3', value: 1 },
      { customerId: '100', value: 1 },
      { customerId: '7', value: 1 },
      { customerId: '25', value: 1 },
    ];
    const scores = quintileScores(tied, 'higher');
    expect(Object.fromEntries(scores)).toEqual({ '3': 5, '7': 4, '12': 3, '25': 2, '100': 1 });
  });

  it('gives the same scores whatever order the customers arrive in', () => {
    const base = customers([5, 5, 5, 1, 9, 9, 2, 5, 5, 3, 3, 8]);
    const shuffled = [...base].reverse();
    expect(Object.fromEntries(quintileScores(shuffled, 'higher'))).toEqual(Object.fromEntries(quintileScores(base, 'higher')));
  });

  it('compares ids as numbers, not as text', () => {
    const scores = quintileScores([{ customerId: '9', value: 0 }, { customerId: '10', value: 0 }], 'higher');
    expect(scores.get('9')).toBe(2);
    expect(scores.get('10')).toBe(1);
  });

  it('refuses a position outside the base', () => {
    expect(() => quintileAt(5, 5)).toThrow(RangeError);
  });
});
