import { nextComputationAt } from './segment-schedule';

describe('when a segment is computed again', () => {
  const now = new Date('2026-03-01T10:00:00Z');

  it('never for a static segment: it is locked after its one computation', () => {
    expect(nextComputationAt({ kind: 'static', recomputeEveryMinutes: 240, timeRelative: true }, now)).toBeNull();
  });

  it('after its own interval for a dynamic segment (4 hours by default)', () => {
    expect(nextComputationAt({ kind: 'dynamic', recomputeEveryMinutes: 240, timeRelative: false }, now)).toEqual(new Date('2026-03-01T14:00:00Z'));
  });

  it('within the hour when the rule reads the clock, unless its own interval is shorter', () => {
    expect(nextComputationAt({ kind: 'dynamic', recomputeEveryMinutes: 240, timeRelative: true }, now)).toEqual(new Date('2026-03-01T11:00:00Z'));
    expect(nextComputationAt({ kind: 'dynamic', recomputeEveryMinutes: 15, timeRelative: true }, now)).toEqual(new Date('2026-03-01T10:15:00Z'));
  });
});
