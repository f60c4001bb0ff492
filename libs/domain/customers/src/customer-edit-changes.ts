import type { AttributeValue, CustomerEdit } from '@marea/contracts';

/** A customer's editable fields as stored (null where empty). */
export interface EditableCustomer {
  readonly firstName: string | null;
  readonly lastName: string | null;
  readonly documentNumber: string | null;
  readonly email: string | null;
  readonly phone: string | null;
  readonly birthDate: string | null;
  readonly gender: 'female' | 'male' | 'other' | null;
  readonly city: string | null;
  readonly country: string | null;
  readonly language: string | null;
  readonly tags: readonly string[];
  readonly attributes: Readonly<Record<string, AttributeValue>>;
}

/** One field an edit changed, as the timeline shows it: `attributes.<key>` for a custom field. */
export interface FieldChange {
  readonly field: string;
  readonly before: unknown;
  readonly after: unknown;
}

const SCALARS = [
  'firstName',
  'lastName',
  'documentNumber',
  'email',
  'phone',
  'birthDate',
  'gender',
  'city',
  'country',
  'language',
] as const satisfies readonly (keyof CustomerEdit & keyof EditableCustomer)[];

const sameTags = (a: readonly string[], b: readonly string[]) => a.length === b.length && a.every((tag, i) => tag === b[i]);

/**
 * What an edit changes, field by field: a field left out of the edit, or sent with the value it
 * already has, is no change. Tags keep their order but lose duplicates.
 */
export function changesOf(before: EditableCustomer, edit: CustomerEdit): FieldChange[] {
  const changes: FieldChange[] = [];
  for (const field of SCALARS) {
    const after = edit[field];
    if (after === undefined) continue;
    const value = after === '' ? null : after;
    if (value !== before[field]) changes.push({ field, before: before[field], after: value });
  }
  if (edit.tags !== undefined) {
    const tags = [...new Set(edit.tags)];
    if (!sameTags(tags, before.tags)) changes.push({ field: 'tags', before: before.tags, after: tags });
  }
  for (const [key, after] of Object.entries(edit.attributes ?? {})) {
    const previous = Object.hasOwn(before.attributes, key) ? before.attributes[key] : null;
    if (after !== previous) changes.push({ field: `attributes.${key}`, before: previous, after });
  }
  return changes;
}
