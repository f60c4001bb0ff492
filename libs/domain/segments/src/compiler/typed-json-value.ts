import type { RuleValueType } from '@marea/contracts';

/** YYYY-MM-DD with a year PostgreSQL accepts, a month and a day of at most 31. */
const DATE_SHAPE = '^[1-9][0-9]{3}-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])$';

/**
 * A typed value out of a JSON object (custom fields, event properties): a value of another
 * JSON type than the field's counts as empty instead of failing the whole statement.
 */
export function typedJsonValue(object: string, key: string, type: RuleValueType): string {
  const at = `${object} -> ${key}`;
  switch (type) {
    case 'text':
      return `(CASE WHEN jsonb_typeof(${at}) = 'string' THEN ${object} ->> ${key} END)`;
    case 'number':
      return `(CASE WHEN jsonb_typeof(${at}) = 'number' THEN (${object} ->> ${key})::numeric END)`;
    case 'boolean':
      return `(CASE WHEN jsonb_typeof(${at}) = 'boolean' THEN (${object} ->> ${key})::boolean END)`;
    case 'date':
      // Only the shape of a date is checked here: custom-field values were checked as real dates when stored.
      return `(CASE WHEN jsonb_typeof(${at}) = 'string' AND (${object} ->> ${key}) ~ '${DATE_SHAPE}' THEN (${object} ->> ${key})::date END)`;
  }
}
