import type { Segment } from '@marea/contracts';

/** What the segment list is narrowed to: a size range and a creation-date range, each end optional. */
export interface SegmentListFilter {
  minSize: number | null;
  maxSize: number | null;
  /** Calendar days (YYYY-MM-DD) in the browser's time zone, both ends included. */
  createdFrom: string | null;
  createdTo: string | null;
}

export const NO_FILTER: SegmentListFilter = { minSize: null, maxSize: null, createdFrom: null, createdTo: null };

/** The local calendar day of an instant, as YYYY-MM-DD. */
function localDay(instant: string): string {
  const date = new Date(instant);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

/** The segments that pass the filter, in their order. A shop has tens of segments, so the list is filtered where it is shown. */
export function filterSegments(segments: readonly Segment[], filter: SegmentListFilter): Segment[] {
  return segments.filter((segment) => {
    if (filter.minSize !== null && segment.size < filter.minSize) return false;
    if (filter.maxSize !== null && segment.size > filter.maxSize) return false;
    const day = localDay(segment.createdAt);
    if (filter.createdFrom && day < filter.createdFrom) return false;
    if (filter.createdTo && day > filter.createdTo) return false;
    return true;
  });
}
