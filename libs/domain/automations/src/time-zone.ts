import { DateTime } from 'luxon';

/** The customer's local time; an unknown IANA zone is an error, never a silent fall-back to UTC. */
export function inZone(instant: Date, timeZone: string): DateTime {
  const local = DateTime.fromJSDate(instant, { zone: timeZone });
  if (!local.isValid) throw new Error(`"${timeZone}" is not an IANA time zone (${local.invalidExplanation ?? local.invalidReason})`);
  return local;
}
