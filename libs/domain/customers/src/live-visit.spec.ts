import { isVisitLive } from './live-visit';

describe('isVisitLive', () => {
  const now = new Date('2026-05-01T12:00:00Z');
  it.each([
    ['2026-05-01T11:59:00Z', true],
    ['2026-05-01T11:30:01Z', true],
    ['2026-05-01T11:30:00Z', false],
    ['2026-04-30T12:00:00Z', false],
  ])('last event at %s → %s', (at, live) => {
    expect(isVisitLive(new Date(at), now)).toBe(live);
  });
});
