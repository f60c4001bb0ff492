/** Rules that read the evaluation moment drift as time passes: they are swept at least this often. */
export const TIME_RELATIVE_SWEEP_MINUTES = 60;

/**
 * When a segment computed at `now` is due again: never for a static segment (it is locked),
 * after its own interval for a dynamic one, and within the hour when its rule reads the clock.
 */
export function nextComputationAt(
  segment: { kind: 'static' | 'dynamic'; recomputeEveryMinutes: number; timeRelative: boolean },
  now: Date,
): Date | null {
  if (segment.kind === 'static') return null;
  const minutes = segment.timeRelative
    ? Math.min(segment.recomputeEveryMinutes, TIME_RELATIVE_SWEEP_MINUTES)
    : segment.recomputeEveryMinutes;
  return new Date(now.getTime() + minutes * 60_000);
}
