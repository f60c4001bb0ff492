import { RfmSegmentName } from '@marea/contracts';
import { combinedFrequencyMonetary, RFM_SEGMENT_GRID_ROW_MAJOR, rfmSegment } from './rfm-segment';

describe('RFM named segments', () => {
  it.each([
    [5, 5, 5, 'champions'],
    [5, 4, 4, 'champions'],
    [4, 5, 4, 'loyal'],
    [3, 4, 5, 'loyal'],
    [5, 2, 3, 'potential_loyalist'],
    [5, 1, 1, 'new'],
    [4, 1, 1, 'promising'],
    [3, 3, 3, 'needs_attention'],
    [3, 2, 1, 'about_to_sleep'],
    [2, 3, 4, 'at_risk'],
    [1, 5, 5, 'cant_lose'],
    [2, 5, 4, 'cant_lose'],
    [2, 1, 2, 'hibernating'],
    [1, 1, 2, 'lost'],
  ] as const)('R=%i F=%i M=%i is %s', (r, f, m, name) => {
    expect(rfmSegment(r, f, m)).toBe(name);
  });

  it('combines frequency and monetary as their mean, halves rounded up', () => {
    expect(combinedFrequencyMonetary(1, 2)).toBe(2);
    expect(combinedFrequencyMonetary(4, 5)).toBe(5);
    expect(combinedFrequencyMonetary(3, 3)).toBe(3);
  });

  it('names every one of the 125 score combinations with one of the eleven segments, each used', () => {
    const names = new Set<string>();
    for (let r = 1; r <= 5; r++)
      for (let f = 1; f <= 5; f++)
        for (let m = 1; m <= 5; m++) names.add(RfmSegmentName.parse(rfmSegment(r, f, m)));
    expect([...names].sort()).toEqual([...RfmSegmentName.options].sort());
  });

  it('lays the grid out row by row for SQL: index (R − 1) × 5 + FM', () => {
    expect(RFM_SEGMENT_GRID_ROW_MAJOR).toHaveLength(25);
    expect(RFM_SEGMENT_GRID_ROW_MAJOR[(5 - 1) * 5 + 1 - 1]).toBe('new');
    expect(RFM_SEGMENT_GRID_ROW_MAJOR[(1 - 1) * 5 + 5 - 1]).toBe('cant_lose');
  });

  it('refuses a score outside 1…5', () => {
    expect(() => rfmSegment(0, 3, 3)).toThrow(RangeError);
    expect(() => rfmSegment(3, 6, 3)).toThrow(RangeError);
  });
});
