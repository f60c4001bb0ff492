import type { z } from 'zod';
import { childField, fieldPath, type FieldError } from './field-path';
import { describeImpossibleDate } from './impossible-date';
import { findUnsafeInput } from './unsafe-input';

export type ParsedItem<T> = { ok: true; value: T } | { ok: false; errors: FieldError[] };

type Issue = z.core.$ZodIssue;

const TYPE_NAMES: Record<string, string> = {
  string: 'text',
  number: 'a number',
  int: 'a whole number',
  boolean: 'true or false',
  object: 'an object',
  array: 'a list',
  record: 'an object',
};

function describeType(input: unknown): string {
  if (input === null) return 'null';
  if (Array.isArray(input)) return 'a list';
  if (typeof input === 'string') return 'text';
  if (typeof input === 'number') return Number.isFinite(input) ? 'a number' : 'not a finite number';
  if (typeof input === 'boolean') return String(input);
  return `${typeof input === 'object' ? 'an object' : typeof input}`;
}

function sizeMessage(issue: Extract<Issue, { code: 'too_small' | 'too_big' }>): string {
  const small = issue.code === 'too_small';
  const bound = Number(small ? issue.minimum : issue.maximum);
  const inclusive = issue.inclusive !== false;
  switch (issue.origin) {
    case 'string':
      if (small && bound === 1) return 'must not be empty';
      return `must be at ${small ? 'least' : 'most'} ${bound} characters`;
    case 'array':
    case 'set':
      return `must have at ${small ? 'least' : 'most'} ${bound} entr${bound === 1 ? 'y' : 'ies'}`;
    default:
      if (inclusive) return `must be at ${small ? 'least' : 'most'} ${bound}`;
      return `must be ${small ? 'greater' : 'less'} than ${bound}`;
  }
}

/** Turns one zod issue into errors an integrator understands, each at its field. */
function issueErrors(issue: Issue, base = ''): FieldError[] {
  const field = childField(base, fieldPath(issue.path));
  switch (issue.code) {
    case 'invalid_type': {
      if (issue.input === undefined) return [{ field, message: 'is required' }];
      const expected = TYPE_NAMES[issue.expected] ?? issue.expected;
      return [{ field, message: `must be ${expected}, not ${describeType(issue.input)}` }];
    }
    case 'unrecognized_keys':
      return issue.keys.map((key) => ({
        field: childField(field, fieldPath([key])),
        message: 'is not a known field (names are case-sensitive, e.g. externalId)',
      }));
    case 'invalid_format': {
      if (issue.format === 'date' || issue.format === 'datetime') {
        const impossible = describeImpossibleDate(issue.input);
        if (impossible) return [{ field, message: impossible }];
      }
      return [{ field, message: issue.message }];
    }
    case 'invalid_value':
      return [{ field, message: `must be one of: ${issue.values.map((v) => JSON.stringify(v)).join(', ')}` }];
    case 'too_small':
    case 'too_big':
      return [{ field, message: sizeMessage(issue) }];
    case 'invalid_key':
      return issue.issues.flatMap((inner) =>
        issueErrors(inner as Issue, field).map((error) => ({ ...error, message: `key ${error.message}` })),
      );
    case 'invalid_element':
      return issue.issues.flatMap((inner) => issueErrors(inner as Issue, field));
    case 'invalid_union':
      return [{ field, message: 'must be text, a number, true/false or null' }];
    default:
      return [{ field, message: issue.message }];
  }
}

/**
 * Validates one raw item against its contract. Unsafe input (see findUnsafeInput) is refused
 * before the schema sees it; every problem is reported, not only the first.
 */
export function parseItem<T>(schema: z.ZodType<T>, raw: unknown): ParsedItem<T> {
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) {
    return { ok: false, errors: [{ field: '', message: `must be an object, not ${describeType(raw)}` }] };
  }
  const unsafe = findUnsafeInput(raw);
  if (unsafe.length > 0) return { ok: false, errors: unsafe };
  // The fast path first; inputs are reported (for messages about impossible dates) only on failure.
  const fast = schema.safeParse(raw);
  if (fast.success) return { ok: true, value: fast.data };
  const parsed = schema.safeParse(raw, { reportInput: true });
  if (parsed.success) return { ok: true, value: parsed.data };
  // One error per place: a later check on the same field (e.g. "known currency" after "three
  // capital letters") only repeats the first in other words.
  const errors = parsed.error.issues.flatMap((issue) => issueErrors(issue));
  return { ok: false, errors: errors.filter((error, i) => errors.findIndex((other) => other.field === error.field) === i) };
}
