import type { CustomerEdit, CustomFieldType } from '@marea/contracts';
import { checkCustomFieldValues, type FieldError } from '@marea/domain/ingestion';

const OLDEST_BIRTH_DATE = '1900-01-01';

/**
 * The rules of an edit the contract cannot check alone: the birth date against today (the
 * caller's clock, as a calendar date) and every custom-field value against its definition.
 */
export function checkCustomerEdit(
  edit: CustomerEdit,
  definitions: ReadonlyMap<string, CustomFieldType>,
  today: string,
): FieldError[] {
  const errors: FieldError[] = [];
  if (edit.birthDate && edit.birthDate > today) errors.push({ field: 'birthDate', message: 'must not be in the future' });
  if (edit.birthDate && edit.birthDate < OLDEST_BIRTH_DATE) {
    errors.push({ field: 'birthDate', message: `must not be before ${OLDEST_BIRTH_DATE}` });
  }
  return [...errors, ...checkCustomFieldValues(edit.attributes, definitions)];
}
