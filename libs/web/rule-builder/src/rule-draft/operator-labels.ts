import type { RuleValueType, ValueTestOperator } from '@marea/contracts';

/** What each operator is called in the builder's menus. */
export const OPERATOR_LABELS: Record<ValueTestOperator, string> = {
  equals: $localize`:@@rules.op.equals:is`,
  not_equals: $localize`:@@rules.op.notEquals:is not`,
  in: $localize`:@@rules.op.in:is one of`,
  not_in: $localize`:@@rules.op.notIn:is none of`,
  contains: $localize`:@@rules.op.contains:contains`,
  not_contains: $localize`:@@rules.op.notContains:does not contain`,
  starts_with: $localize`:@@rules.op.startsWith:starts with`,
  gt: $localize`:@@rules.op.gt:is more than`,
  gte: $localize`:@@rules.op.gte:is at least`,
  lt: $localize`:@@rules.op.lt:is less than`,
  lte: $localize`:@@rules.op.lte:is at most`,
  between: $localize`:@@rules.op.between:is between`,
  before: $localize`:@@rules.op.before:is before`,
  after: $localize`:@@rules.op.after:is after`,
  in_last_days: $localize`:@@rules.op.inLastDays:in the last … days`,
  in_next_days: $localize`:@@rules.op.inNextDays:in the next … days`,
  before_days_from_now: $localize`:@@rules.op.beforeDaysFromNow:before … days from today`,
  after_days_from_now: $localize`:@@rules.op.afterDaysFromNow:after … days from today`,
  this_month: $localize`:@@rules.op.thisMonth:this month`,
  last_month: $localize`:@@rules.op.lastMonth:last month`,
  anniversary_between: $localize`:@@rules.op.anniversaryBetween:any year, between two days`,
  anniversary_in_days: $localize`:@@rules.op.anniversaryInDays:any year, in … days from today`,
  is_true: $localize`:@@rules.op.isTrue:is yes`,
  is_false: $localize`:@@rules.op.isFalse:is no`,
  is_empty: $localize`:@@rules.op.isEmpty:is empty`,
  is_not_empty: $localize`:@@rules.op.isNotEmpty:is not empty`,
};

/** Date operators by mode, so the menu reads as absolute / relative / ignoring the year. */
export const DATE_OPERATOR_MODES: { label: string; operators: readonly ValueTestOperator[] }[] = [
  { label: $localize`:@@rules.dateMode.absolute:On a date`, operators: ['equals', 'not_equals', 'before', 'after', 'between'] },
  {
    label: $localize`:@@rules.dateMode.relative:Relative to today`,
    operators: ['in_last_days', 'in_next_days', 'before_days_from_now', 'after_days_from_now', 'this_month', 'last_month'],
  },
  { label: $localize`:@@rules.dateMode.anniversary:Ignoring the year`, operators: ['anniversary_between', 'anniversary_in_days'] },
  { label: $localize`:@@rules.dateMode.presence:Presence`, operators: ['is_empty', 'is_not_empty'] },
];

/** A new test for an operator, with the fields that operator needs (empty until typed). */
export function testFor(op: ValueTestOperator): { op: ValueTestOperator } & Record<string, unknown> {
  switch (op) {
    case 'in':
    case 'not_in':
      return { op, values: [] };
    case 'equals':
    case 'not_equals':
    case 'contains':
    case 'not_contains':
    case 'starts_with':
      return { op, value: '' };
    case 'gt':
    case 'gte':
    case 'lt':
    case 'lte':
      return { op };
    case 'between':
      return { op };
    case 'before':
    case 'after':
      return { op, date: '' };
    case 'in_last_days':
    case 'in_next_days':
      return { op, days: 30 };
    case 'before_days_from_now':
      return { op, days: -90 };
    case 'after_days_from_now':
      return { op, days: 0 };
    case 'anniversary_between':
      return { op, from: '', to: '' };
    case 'anniversary_in_days':
      return { op, from: 0, to: 7 };
    default:
      return { op };
  }
}

/** The test a new condition on a value of this type starts with: "in the last 30 days", "at least …", "is …". */
export function defaultTestFor(type: RuleValueType | string): { op: ValueTestOperator } & Record<string, unknown> {
  if (type === 'date') return testFor('in_last_days');
  if (type === 'number') return testFor('gte');
  if (type === 'boolean') return testFor('is_true');
  return testFor('equals');
}
