import type { AttributeValue, CustomFieldType } from '@marea/contracts';
import { fieldPath, type FieldError } from './field-path';
import { describeImpossibleDate } from './impossible-date';

const EXPECTED: Record<CustomFieldType, string> = {
  text: 'text',
  number: 'a number',
  date: 'a date written YYYY-MM-DD',
  boolean: 'true or false',
};

function fits(type: CustomFieldType, value: Exclude<AttributeValue, null>): boolean {
  switch (type) {
    case 'text':
      return typeof value === 'string';
    case 'number':
      return typeof value === 'number';
    case 'boolean':
      return typeof value === 'boolean';
    case 'date':
      return typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value) && !describeImpossibleDate(value);
  }
}

/**
 * Checks a customer's custom-field values against their definitions: each key must be defined
 * and each value of its type (null clears a value). Definitions come as a Map so that a key such
 * as "constructor" is looked up as data, never found on Object.prototype.
 */
export function checkCustomFieldValues(
  attributes: Readonly<Record<string, AttributeValue>> | undefined,
  definitions: ReadonlyMap<string, CustomFieldType>,
): FieldError[] {
  if (!attributes) return [];
  return Object.entries(attributes).flatMap(([key, value]): FieldError[] => {
    const field = fieldPath(['attributes', key]);
    const type = definitions.get(key);
    if (type === undefined) {
      const known = [...definitions.keys()].sort();
      return [
        {
          field,
          message:
            `there is no custom field "${key}"; define it first with POST /api/v1/custom-fields` +
            (known.length ? ` (defined: ${known.join(', ')})` : ' (none is defined yet)'),
        },
      ];
    }
    if (value === null || fits(type, value)) return [];
    const impossible = type === 'date' ? describeImpossibleDate(value) : undefined;
    return [{ field, message: impossible ?? `must be ${EXPECTED[type]} (custom field "${key}" is of type ${type})` }];
  });
}
