import type { Segment } from '@marea/contracts';
import { NO_FILTER, filterSegments } from './segment-list-filter';

const segment = (code: string, size: number, createdAt: string) => ({ code, size, createdAt }) as Segment;
const segments = [
  segment('vip', 120, '2026-03-10T12:00:00'),
  segment('lapsed', 4_500, '2026-05-02T09:00:00'),
  segment('newsletter', 0, '2026-05-20T18:00:00'),
];
const codes = (list: Segment[]) => list.map((s) => s.code);

describe('filtering the segment list', () => {
  it('keeps every segment without a filter', () => {
    expect(codes(filterSegments(segments, NO_FILTER))).toEqual(['vip', 'lapsed', 'newsletter']);
  });

  it('keeps sizes within the range, both ends included', () => {
    expect(codes(filterSegments(segments, { ...NO_FILTER, minSize: 120 }))).toEqual(['vip', 'lapsed']);
    expect(codes(filterSegments(segments, { ...NO_FILTER, minSize: 1, maxSize: 120 }))).toEqual(['vip']);
    expect(codes(filterSegments(segments, { ...NO_FILTER, maxSize: 0 }))).toEqual(['newsletter']);
  });

  it('keeps segments created on the days of the range, both days included', () => {
    expect(codes(filterSegments(segments, { ...NO_FILTER, createdFrom: '2026-05-02' }))).toEqual(['lapsed', 'newsletter']);
    expect(codes(filterSegments(segments, { ...NO_FILTER, createdFrom: '2026-03-10', createdTo: '2026-05-02' }))).toEqual(['vip', 'lapsed']);
  });
});
