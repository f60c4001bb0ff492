import type { RfmSegmentName } from '@marea/contracts';

/**
 * The named RFM segment of each (R, FM) pair, FM being the frequency and monetary scores
 * combined (see `combinedFrequencyMonetary`). Rows are R = 1…5, columns FM = 1…5. It is the
 * widely published R × FM grid (Putler's eleven segments), made total: every pair has exactly
 * one name. docs/customer-metrics.md publishes the same table.
 */
export const RFM_SEGMENT_GRID: readonly (readonly RfmSegmentName[])[] = [
  /* R=1 */ ['lost', 'lost', 'at_risk', 'at_risk', 'cant_lose'],
  /* R=2 */ ['hibernating', 'hibernating', 'at_risk', 'at_risk', 'cant_lose'],
  /* R=3 */ ['about_to_sleep', 'about_to_sleep', 'needs_attention', 'loyal', 'loyal'],
  /* R=4 */ ['promising', 'potential_loyalist', 'potential_loyalist', 'loyal', 'loyal'],
  /* R=5 */ ['new', 'potential_loyalist', 'potential_loyalist', 'champions', 'champions'],
];

function assertScore(score: number, name: string): void {
  if (!Number.isInteger(score) || score < 1 || score > 5) throw new RangeError(`${name} score ${score} is not 1…5`);
}

/** FM: the mean of the frequency and monetary scores, halves rounded up ((F + M + 1) div 2). */
export function combinedFrequencyMonetary(frequency: number, monetary: number): number {
  assertScore(frequency, 'frequency');
  assertScore(monetary, 'monetary');
  return Math.floor((frequency + monetary + 1) / 2);
}

export function rfmSegment(recency: number, frequency: number, monetary: number): RfmSegmentName {
  assertScore(recency, 'recency');
  return RFM_SEGMENT_GRID[recency - 1][combinedFrequencyMonetary(frequency, monetary) - 1];
}

/** The grid read row by row, for SQL: the name of (R, FM) is at 1-based index (R − 1) × 5 + FM. */
export const RFM_SEGMENT_GRID_ROW_MAJOR: readonly RfmSegmentName[] = RFM_SEGMENT_GRID.flat();
