import type { ClientBase } from 'pg';
import { to as copyTo } from 'pg-copy-streams';

/** Days since 1970-01-01 (a local calendar day as a whole number). */
export type DayNumber = number;

/**
 * Every buyer's purchase history in columns, as the CLV models read it: tickets are distinct local
 * days (store time zone) of sales that are not cancelled, returns excluded (docs/customer-metrics.md);
 * a ticket's value is the day's sales in the account currency. Customer ids are kept as doubles
 * (exact below 2^53, far beyond any identity column here).
 */
export interface BasePurchaseHistories {
  readonly customers: number;
  /** The window's last day, in the account's time zone: "now" of the fit. */
  readonly windowEndDay: DayNumber;
  readonly customerIds: Float64Array;
  readonly firstDay: Int32Array;
  readonly lastDay: Int32Array;
  /** Tickets after the first one (x). */
  readonly repeatPurchases: Float64Array;
  /** Mean value of the repeat tickets (z̄), 0 without repeats. */
  readonly meanRepeatValue: Float64Array;
  /** Mean value of all the customer's tickets (the fallback when no spend model can be fitted). */
  readonly meanTicketValue: Float64Array;
  readonly holdout: HoldoutHistories | null;
}

/**
 * The same histories cut at `cutoffDay` for the holdout check: calibration columns (first day −1 for
 * a customer whose first ticket is after the cut-off) and the tickets after the cut-off, counted
 * per week, of the customers known at the cut-off.
 */
export interface HoldoutHistories {
  readonly cutoffDay: DayNumber;
  readonly weeks: number;
  readonly firstDay: Int32Array;
  readonly lastDay: Int32Array;
  readonly repeatPurchases: Float64Array;
  /** actualPerWeek[w − 1]: tickets in days (cutoff + 7(w − 1), cutoff + 7w]. */
  readonly actualPerWeek: Float64Array;
}

/** Growable column of numbers, so a million rows are parsed without an array of objects. */
class Column<T extends Float64Array | Int32Array> {
  private length = 0;
  constructor(private values: T, private readonly make: (size: number) => T) {}
  push(value: number): void {
    if (this.length === this.values.length) {
      const bigger = this.make(this.values.length * 2);
      bigger.set(this.values);
      this.values = bigger;
    }
    this.values[this.length++] = value;
  }
  done(): T {
    return this.values.subarray(0, this.length) as T;
  }
}
const doubles = () => new Column(new Float64Array(1024), (n) => new Float64Array(n));
const ints = () => new Column(new Int32Array(1024), (n) => new Int32Array(n));

/**
 * One statement over the orders (COPY … TO STDOUT, parsed straight into typed arrays): per buyer,
 * first and last ticket day, tickets, the value of the repeat tickets and of all tickets, the same
 * cut at the holdout cut-off, and the ticket days after it. COPY takes no bind parameters, so the
 * two values it needs are written in as numbers and an ISO instant made here.
 */
export async function readPurchaseHistories(client: ClientBase, windowEnd: Date, holdoutWeeks: number): Promise<BasePurchaseHistories> {
  const {
    rows: [{ end_day: windowEndDay }],
  } = await client.query<{ end_day: number }>(
    `SELECT (($1::timestamptz AT TIME ZONE timezone)::date - DATE '1970-01-01') AS end_day FROM account`,
    [windowEnd],
  );
  const cutoffDay = windowEndDay - 7 * holdoutWeeks;
  const statement = `COPY (
    WITH tickets AS (
      SELECT o.customer_id, (o.ordered_at AT TIME ZONE s.timezone)::date - DATE '1970-01-01' AS day, sum(o.total_account) AS value
      FROM orders o JOIN stores s ON s.id = o.store_id
      WHERE o.kind = 'sale' AND o.status <> 'cancelled' AND o.ordered_at <= '${windowEnd.toISOString()}'::timestamptz
      GROUP BY 1, 2
    )
    SELECT customer_id, min(day), max(day), count(*),
           sum(value) - (array_agg(value ORDER BY day))[1], sum(value),
           min(day) FILTER (WHERE day <= ${cutoffDay}), max(day) FILTER (WHERE day <= ${cutoffDay}),
           count(*) FILTER (WHERE day <= ${cutoffDay}),
           array_agg(day) FILTER (WHERE day > ${cutoffDay})
    FROM tickets GROUP BY customer_id
  ) TO STDOUT`;

  const ids = doubles();
  const first = ints();
  const last = ints();
  const repeats = doubles();
  const meanRepeat = doubles();
  const meanTicket = doubles();
  const calibrationFirst = ints();
  const calibrationLast = ints();
  const calibrationRepeats = doubles();
  const actualPerWeek = new Float64Array(holdoutWeeks);

  const parseLine = (line: string) => {
    const f = line.split('\t');
    const tickets = Number(f[3]);
    ids.push(Number(f[0]));
    first.push(Number(f[1]));
    last.push(Number(f[2]));
    repeats.push(tickets - 1);
    meanRepeat.push(tickets > 1 ? Number(f[4]) / (tickets - 1) : 0);
    meanTicket.push(Number(f[5]) / tickets);
    const known = f[6] !== '\\N';
    calibrationFirst.push(known ? Number(f[6]) : -1);
    calibrationLast.push(known ? Number(f[7]) : -1);
    calibrationRepeats.push(known ? Number(f[8]) - 1 : 0);
    if (known && f[9] !== '\\N') {
      for (const day of f[9].slice(1, -1).split(',')) {
        const week = Math.ceil((Number(day) - cutoffDay) / 7);
        if (week >= 1 && week <= holdoutWeeks) actualPerWeek[week - 1] += 1;
      }
    }
  };

  const stream = client.query(copyTo(statement));
  let pending = '';
  await new Promise<void>((resolve, reject) => {
    stream.on('data', (chunk: Buffer) => {
      const text = pending + chunk.toString('utf8');
      const lines = text.split('\n');
      pending = lines.pop() ?? '';
      for (const line of lines) parseLine(line);
    });
    stream.on('error', reject);
    stream.on('end', resolve);
  });
  if (pending) parseLine(pending);

  const customerIds = ids.done();
  const calibrationFirstDay = calibrationFirst.done();
  const anyoneKnown = calibrationFirstDay.some((day) => day >= 0);
  return {
    customers: customerIds.length,
    windowEndDay,
    customerIds,
    firstDay: first.done(),
    lastDay: last.done(),
    repeatPurchases: repeats.done(),
    meanRepeatValue: meanRepeat.done(),
    meanTicketValue: meanTicket.done(),
    holdout: anyoneKnown
      ? {
          cutoffDay,
          weeks: holdoutWeeks,
          firstDay: calibrationFirstDay,
          lastDay: calibrationLast.done(),
          repeatPurchases: calibrationRepeats.done(),
          actualPerWeek,
        }
      : null,
  };
}
