const DAY_MS = 86_400_000;

/** Whole days from `from` to `asOf` (24-hour periods, rounded down): "days since", tenure. */
export function elapsedDays(from: Date, asOf: Date): number {
  return Math.floor((asOf.getTime() - from.getTime()) / DAY_MS);
}
