import { OPERATORS_BY_TYPE, type RuleValueType, type ValueTest, type ValueTestOperator } from '@marea/contracts';
import type { TestedSubject } from './condition-subject';

/** A problem before its path is made absolute. */
export interface LocalProblem {
  path: (string | number)[];
  code: 'invalid' | 'unknown_reference' | 'type_mismatch' | 'membership_cycle' | 'not_available';
  message: string;
}

const TYPE_WORDS: Record<RuleValueType, string> = {
  text: 'a text',
  number: 'a number',
  date: 'a date written YYYY-MM-DD',
  boolean: 'true or false',
};

const OPERATOR_WORDS: Record<ValueTestOperator, string> = {
  equals: 'is',
  not_equals: 'is not',
  in: 'is one of',
  not_in: 'is none of',
  contains: 'contains',
  not_contains: 'does not contain',
  starts_with: 'starts with',
  gt: 'is more than',
  gte: 'is at least',
  lt: 'is less than',
  lte: 'is at most',
  between: 'is between',
  before: 'is before',
  after: 'is after',
  in_last_days: 'is in the last days',
  in_next_days: 'is in the next days',
  before_days_from_now: 'is before days from now',
  after_days_from_now: 'is after days from now',
  this_month: 'is this month',
  last_month: 'is last month',
  anniversary_between: 'has its anniversary between',
  anniversary_in_days: 'has its anniversary in days',
  is_true: 'is yes',
  is_false: 'is no',
  is_empty: 'is empty',
  is_not_empty: 'is not empty',
};

const isDate = (value: unknown): value is string => typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value);

function fitsType(type: RuleValueType, value: unknown): boolean {
  switch (type) {
    case 'text':
      return typeof value === 'string';
    case 'number':
      return typeof value === 'number';
    case 'date':
      return isDate(value);
    case 'boolean':
      return typeof value === 'boolean';
  }
}

/**
 * Problems of a value test against the type of what it tests: an operator the type does not
 * take, values of the wrong type, reversed ranges. `path` is where the test sits.
 */
export function valueTestProblems(
  test: ValueTest,
  subject: TestedSubject,
  path: (string | number)[],
  operators: readonly ValueTestOperator[] = subject.operators ?? OPERATORS_BY_TYPE[subject.type],
): LocalProblem[] {
  const { label, type } = subject;
  if (!operators.includes(test.op)) {
    return [
      {
        path: [...path, 'op'],
        code: 'type_mismatch',
        message: `"${label}" cannot use "${OPERATOR_WORDS[test.op]}"; it takes: ${operators.map((op) => `"${OPERATOR_WORDS[op]}"`).join(', ')}`,
      },
    ];
  }
  const wrong = (at: (string | number)[]): LocalProblem => ({
    path: [...path, ...at],
    code: 'type_mismatch',
    message: `"${label}" needs ${TYPE_WORDS[type]}`,
  });
  switch (test.op) {
    case 'equals':
    case 'not_equals':
      return fitsType(type, test.value) ? [] : [wrong(['value'])];
    case 'in':
    case 'not_in':
      return test.values.flatMap((value, i) => (fitsType(type, value) ? [] : [wrong(['values', i])]));
    case 'between': {
      const problems = [test.from, test.to].flatMap((value, i) => (fitsType(type, value) ? [] : [wrong([i === 0 ? 'from' : 'to'])]));
      if (problems.length === 0 && test.from > test.to) {
        problems.push({ path: [...path, 'to'], code: 'invalid', message: `"${label}": the end of the range comes before its start` });
      }
      return problems;
    }
    case 'anniversary_in_days':
      return test.from > test.to
        ? [{ path: [...path, 'to'], code: 'invalid', message: `"${label}": the last day comes before the first` }]
        : [];
    default:
      return [];
  }
}
