import type { ValueTest } from '@marea/contracts';
import { addDays, dayOfYear, monthOf, previousMonth } from './calendar';
import { exact, timesInteger, type Exact } from './exact-decimal';

/** A value as the reference sees it: text, an exact number, a day `YYYY-MM-DD`, a boolean, or nothing. */
export type ReferenceValue =
  | { type: 'text'; value: string | null }
  | { type: 'number'; value: Exact | null }
  | { type: 'date'; value: string | null }
  | { type: 'boolean'; value: boolean | null };

function textPasses(v: string | null, test: ValueTest): boolean {
  switch (test.op) {
    case 'equals':
      return v !== null && v === String(test.value);
    case 'not_equals':
      return v === null || v !== String(test.value);
    case 'in':
      return v !== null && test.values.map(String).includes(v);
    case 'not_in':
      return v === null || !test.values.map(String).includes(v);
    case 'contains':
      return v !== null && v.includes(test.value);
    case 'not_contains':
      return v === null || !v.includes(test.value);
    case 'starts_with':
      return v !== null && v.startsWith(test.value);
    case 'is_empty':
      return v === null || v === '';
    case 'is_not_empty':
      return v !== null && v !== '';
    default:
      return false;
  }
}

function numberPasses(v: Exact | null, test: ValueTest): boolean {
  if (test.op === 'is_empty') return v === null;
  if (test.op === 'is_not_empty') return v !== null;
  if (test.op === 'not_equals') return v === null || v !== exact(Number(test.value));
  if (v === null) return false;
  switch (test.op) {
    case 'equals':
      return v === exact(Number(test.value));
    case 'gt':
      return v > exact(test.value);
    case 'gte':
      return v >= exact(test.value);
    case 'lt':
      return v < exact(test.value);
    case 'lte':
      return v <= exact(test.value);
    case 'between':
      return v >= exact(Number(test.from)) && v <= exact(Number(test.to));
    default:
      return false;
  }
}

function anniversary(v: string, first: number, last: number): boolean {
  const day = dayOfYear(v);
  return first <= last ? day >= first && day <= last : day >= first || day <= last;
}

/** `today` is the evaluation moment's day in the account's time zone. */
function datePasses(v: string | null, test: ValueTest, today: string): boolean {
  if (test.op === 'is_empty') return v === null;
  if (test.op === 'is_not_empty') return v !== null;
  if (test.op === 'not_equals') return v === null || v !== String(test.value);
  if (v === null) return false;
  switch (test.op) {
    case 'equals':
      return v === String(test.value);
    case 'before':
      return v < test.date;
    case 'after':
      return v > test.date;
    case 'between':
      return v >= String(test.from) && v <= String(test.to);
    case 'in_last_days':
      return v >= addDays(today, -test.days) && v <= today;
    case 'in_next_days':
      return v >= today && v <= addDays(today, test.days);
    case 'before_days_from_now':
      return v < addDays(today, test.days);
    case 'after_days_from_now':
      return v > addDays(today, test.days);
    case 'this_month':
      return monthOf(v) === monthOf(today);
    case 'last_month':
      return monthOf(v) === previousMonth(today);
    case 'anniversary_between':
      return anniversary(v, dayOfYear(`2000-${test.from}`), dayOfYear(`2000-${test.to}`));
    case 'anniversary_in_days':
      return test.to - test.from >= 365 || anniversary(v, dayOfYear(addDays(today, test.from)), dayOfYear(addDays(today, test.to)));
    default:
      return false;
  }
}

function booleanPasses(v: boolean | null, test: ValueTest): boolean {
  switch (test.op) {
    case 'is_true':
      return v === true;
    case 'is_false':
      return v === false;
    case 'is_empty':
      return v === null;
    case 'is_not_empty':
      return v !== null;
    default:
      return false;
  }
}

export function passes(value: ReferenceValue, test: ValueTest, today: string): boolean {
  switch (value.type) {
    case 'text':
      return textPasses(value.value, test);
    case 'number':
      return numberPasses(value.value, test);
    case 'date':
      return datePasses(value.value, test, today);
    case 'boolean':
      return booleanPasses(value.value, test);
  }
}

/** An average tested without dividing, as `total op x × count`; no tickets = no average. */
export function averagePasses(total: Exact, count: number, test: ValueTest): boolean {
  if (test.op === 'is_empty') return count === 0;
  if (test.op === 'is_not_empty') return count > 0;
  if (test.op === 'not_equals') return count === 0 || total !== timesInteger(exact(Number(test.value)), count);
  if (count === 0) return false;
  const scaled = (x: unknown) => timesInteger(exact(Number(x)), count);
  switch (test.op) {
    case 'equals':
      return total === scaled(test.value);
    case 'gt':
      return total > scaled(test.value);
    case 'gte':
      return total >= scaled(test.value);
    case 'lt':
      return total < scaled(test.value);
    case 'lte':
      return total <= scaled(test.value);
    case 'between':
      return total >= scaled(test.from) && total <= scaled(test.to);
    default:
      return false;
  }
}
