import * as z from 'zod';

/** A calendar date written YYYY-MM-DD (2023-02-29 does not exist). */
const RuleDate = z.iso.date({ message: 'needs a real date written YYYY-MM-DD' });

/** A day of the year written MM-DD, for anniversaries that ignore the year ("12-02"). */
export const MonthDay = z
  .string()
  .regex(/^(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/, 'needs a day of the year written MM-DD, e.g. 12-02')
  .refine((md) => !['02-30', '02-31', '04-31', '06-31', '09-31', '11-31'].includes(md), {
    message: 'is not a day of any year',
  });
export type MonthDay = z.infer<typeof MonthDay>;

/** A number a marketer can type: finite and below a trillion, so it fits every money column. */
const RuleNumber = z
  .number({ message: 'needs a number' })
  .refine((n) => Number.isFinite(n) && Math.abs(n) < 1e12, { message: 'needs a number below a trillion' });
const DayCount = z.number({ message: 'needs a whole number of days' }).int('needs a whole number of days');
const Scalar = z.union([z.string().min(1, 'must not be empty').max(2000), RuleNumber, z.boolean()], {
  message: 'needs a text, a number or true/false',
});

/**
 * The test a value must pass. One vocabulary for every value in a rule; which operators a value
 * accepts depends on its type (text, number, date, boolean) and is checked by the validator, so
 * the builder can offer exactly those. Dates are local calendar dates in the account's time zone;
 * relative operators count from the evaluation moment (docs/segment-rules.md).
 */
export const ValueTest = z.discriminatedUnion(
  'op',
  [
    z.object({ op: z.literal('equals'), value: Scalar }).strict(),
    z.object({ op: z.literal('not_equals'), value: Scalar }).strict(),
    z.object({ op: z.literal('in'), values: z.array(Scalar).min(1, 'needs at least one value').max(1000) }).strict(),
    z.object({ op: z.literal('not_in'), values: z.array(Scalar).min(1, 'needs at least one value').max(1000) }).strict(),
    z.object({ op: z.literal('contains'), value: z.string().min(1, 'must not be empty').max(2000) }).strict(),
    z.object({ op: z.literal('not_contains'), value: z.string().min(1, 'must not be empty').max(2000) }).strict(),
    z.object({ op: z.literal('starts_with'), value: z.string().min(1, 'must not be empty').max(2000) }).strict(),
    z.object({ op: z.literal('gt'), value: RuleNumber }).strict(),
    z.object({ op: z.literal('gte'), value: RuleNumber }).strict(),
    z.object({ op: z.literal('lt'), value: RuleNumber }).strict(),
    z.object({ op: z.literal('lte'), value: RuleNumber }).strict(),
    z.object({ op: z.literal('between'), from: z.union([RuleNumber, RuleDate]), to: z.union([RuleNumber, RuleDate]) }).strict(),
    z.object({ op: z.literal('before'), date: RuleDate }).strict(),
    z.object({ op: z.literal('after'), date: RuleDate }).strict(),
    z.object({ op: z.literal('in_last_days'), days: DayCount.min(0, 'needs 0 days or more').max(36600) }).strict(),
    z.object({ op: z.literal('in_next_days'), days: DayCount.min(0, 'needs 0 days or more').max(36600) }).strict(),
    z.object({ op: z.literal('before_days_from_now'), days: DayCount.min(-36600).max(36600) }).strict(),
    z.object({ op: z.literal('after_days_from_now'), days: DayCount.min(-36600).max(36600) }).strict(),
    z.object({ op: z.literal('this_month') }).strict(),
    z.object({ op: z.literal('last_month') }).strict(),
    z.object({ op: z.literal('anniversary_between'), from: MonthDay, to: MonthDay }).strict(),
    z.object({ op: z.literal('anniversary_in_days'), from: DayCount.min(-366).max(366), to: DayCount.min(-366).max(366) }).strict(),
    z.object({ op: z.literal('is_true') }).strict(),
    z.object({ op: z.literal('is_false') }).strict(),
    z.object({ op: z.literal('is_empty') }).strict(),
    z.object({ op: z.literal('is_not_empty') }).strict(),
  ],
  { message: 'needs a known operator' },
);
export type ValueTest = z.infer<typeof ValueTest>;
export type ValueTestOperator = ValueTest['op'];

/** The types a tested value can have; each accepts its own operators. */
export const RuleValueType = z.enum(['text', 'number', 'date', 'boolean']);
export type RuleValueType = z.infer<typeof RuleValueType>;

/** Which operators each value type accepts (the builder offers these, the validator enforces them). */
export const OPERATORS_BY_TYPE: Readonly<Record<RuleValueType, readonly ValueTestOperator[]>> = {
  text: ['equals', 'not_equals', 'in', 'not_in', 'contains', 'not_contains', 'starts_with', 'is_empty', 'is_not_empty'],
  number: ['equals', 'not_equals', 'gt', 'gte', 'lt', 'lte', 'between', 'is_empty', 'is_not_empty'],
  date: [
    'equals', 'not_equals', 'before', 'after', 'between', 'in_last_days', 'in_next_days', 'before_days_from_now',
    'after_days_from_now', 'this_month', 'last_month', 'anniversary_between', 'anniversary_in_days', 'is_empty', 'is_not_empty',
  ],
  boolean: ['is_true', 'is_false', 'is_empty', 'is_not_empty'],
};

/** Operators that describe a span of days, usable as the time window of orders, events and messages. */
export const WINDOW_OPERATORS: readonly ValueTestOperator[] = [
  'equals', 'before', 'after', 'between', 'in_last_days', 'in_next_days', 'before_days_from_now', 'after_days_from_now',
  'this_month', 'last_month',
];
