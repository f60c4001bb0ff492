import { DEFAULT_RECENCY_LIMITS, recencyLimitProblems, recencyState } from './recency-states';

describe('CLV recency states', () => {
  it.each([
    [0, 'active'],
    [181, 'active'],
    [182, 'inactive'],
    [364, 'inactive'],
    [365, 'hibernating'],
    [729, 'hibernating'],
    [730, 'lost'],
    [4000, 'lost'],
  ])('a customer whose last purchase was %d days ago is %s with the default limits', (days, state) => {
    expect(recencyState(days)).toBe(state);
  });

  it('follows limits a shop adjusted to a faster buying cycle', () => {
    const limits = { activeDays: 30, inactiveDays: 90, hibernatingDays: 180 };
    expect([10, 30, 100, 200].map((days) => recencyState(days, limits))).toEqual(['active', 'inactive', 'hibernating', 'lost']);
  });

  it('accepts the default limits and says which limit is wrong and why', () => {
    expect(recencyLimitProblems(DEFAULT_RECENCY_LIMITS)).toEqual([]);
    expect(recencyLimitProblems({ activeDays: 200, inactiveDays: 150, hibernatingDays: 730 })).toEqual([
      { field: 'inactiveDays', message: 'must be greater than activeDays (200)' },
    ]);
    expect(recencyLimitProblems({ activeDays: 0, inactiveDays: 1.5, hibernatingDays: 730 })).toEqual([
      { field: 'activeDays', message: 'must be at least 1 day' },
      { field: 'inactiveDays', message: 'must be a whole number of days' },
    ]);
  });
});
