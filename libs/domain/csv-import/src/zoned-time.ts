const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(zone: string): Intl.DateTimeFormat {
  let cached = formatters.get(zone);
  if (!cached) {
    cached = new Intl.DateTimeFormat('en-US', {
      timeZone: zone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
    formatters.set(zone, cached);
  }
  return cached;
}

/** Milliseconds the zone's wall clock is ahead of UTC at the instant `utcMs`. */
function zoneOffset(zone: string, utcMs: number): number {
  const parts = Object.fromEntries(formatter(zone).formatToParts(new Date(utcMs)).map((p) => [p.type, p.value]));
  const wall = Date.UTC(+parts['year'], +parts['month'] - 1, +parts['day'], +parts['hour'], +parts['minute'], +parts['second']);
  return wall - (utcMs - (utcMs % 1000));
}

/**
 * The instant at which the wall clock of `zone` showed the given local time. Exports of shop
 * systems often write local times without an offset; the import's timezone says whose clock.
 */
export function zonedTimeToUtc(localMs: number, zone: string): Date {
  // Two passes settle the offset across a daylight-saving change.
  const first = localMs - zoneOffset(zone, localMs);
  return new Date(localMs - zoneOffset(zone, first));
}
