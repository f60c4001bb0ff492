import { sparklinePoints } from './sparkline-points';

describe('the points of a size sparkline', () => {
  it('spreads the sizes across the width, the largest at the top and the smallest at the bottom', () => {
    expect(sparklinePoints([10, 30, 20], 104, 24)).toBe('2,22 52,2 102,12');
  });

  it('draws one size or a constant series as a flat line in the middle', () => {
    expect(sparklinePoints([7], 104, 24)).toBe('2,12 102,12');
    expect(sparklinePoints([5, 5, 5], 104, 24)).toBe('2,12 52,12 102,12');
  });

  it('draws nothing without history', () => {
    expect(sparklinePoints([], 104, 24)).toBe('');
  });
});
