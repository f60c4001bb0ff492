import { CronExpressionParser } from 'cron-parser';
import { inZone } from './time-zone';

const FIELDS = ['minute', 'hour', 'day of month', 'month', 'day of week'] as const;

/** A schedule a marketer wrote that cannot be read; the message names the field at fault. */
export class InvalidCronExpression extends Error {
  constructor(
    readonly expression: string,
    readonly field: (typeof FIELDS)[number] | null,
    detail: string,
  ) {
    super(`Invalid schedule "${expression}": ${field ? `the ${field} field ${detail}` : detail}`);
    this.name = 'InvalidCronExpression';
  }
}

/**
 * The first occurrence strictly after `after` of a five-field cron expression
 * (minute hour day-of-month month day-of-week) read as wall-clock time in `timeZone`:
 * '0 9 * * 1' is 09:00 every Monday for the customer, summer or winter.
 */
export function nextCronOccurrence(cron: string, timeZone: string, after: Date): Date {
  inZone(after, timeZone); // rejects an unknown zone with a clear message
  const fields = cron.trim().split(/\s+/);
  if (fields.length !== FIELDS.length) {
    throw new InvalidCronExpression(cron, null, `expected 5 fields (${FIELDS.join(', ')}), got ${fields.length}`);
  }
  fields.forEach((value, index) => checkField(cron, index, value));
  try {
    return CronExpressionParser.parse(fields.join(' '), { tz: timeZone, currentDate: after }).next().toDate();
  } catch (error) {
    // Every field is valid alone, so the combination is impossible (e.g. 31 February).
    throw new InvalidCronExpression(cron, null, `never occurs (${(error as Error).message})`);
  }
}

/** Parses the field with every other one left open, so an error belongs to that field alone. */
function checkField(cron: string, index: number, value: string): void {
  const probe = FIELDS.map((_, i) => (i === index ? value : '*')).join(' ');
  try {
    CronExpressionParser.parse(probe, { strict: false });
  } catch (error) {
    throw new InvalidCronExpression(cron, FIELDS[index], `"${value}" is not valid (${(error as Error).message})`);
  }
}
