import { CustomerEdit, EditableField, type AttributeOperation, type AttributeValue, type CustomFieldType } from '@marea/contracts';
import { checkCustomerEdit } from '@marea/domain/customers';
import { parseItem, type FieldError } from '@marea/domain/ingestion';

/** What an attribute update needs of the customer as stored: increments and tag operations start from it. */
export interface CustomerAttributeState {
  readonly tags: readonly string[];
  readonly attributes: Readonly<Record<string, AttributeValue>>;
}

export type AttributeEditPlan = { readonly ok: true; readonly edit: CustomerEdit } | { readonly ok: false; readonly problems: FieldError[] };

/** The plain fields an operation may set or clear: the profile's editable fields, not the collections. */
const SCALAR_FIELDS: ReadonlySet<string> = new Set(EditableField.options.filter((field) => field !== 'tags' && field !== 'attributes'));
const CUSTOM_PREFIX = 'attributes.';

const describeFields = (definitions: ReadonlyMap<string, CustomFieldType>) =>
  [...SCALAR_FIELDS, ...[...definitions.keys()].sort().map((key) => `${CUSTOM_PREFIX}${key}`)].join(', ');

/**
 * Turns an automation's operations into one profile edit, so that it is checked, stored and
 * recorded exactly like an edit made on the profile page. Every problem names the operation
 * (`operations[1].value`) and the customer field it was about.
 */
export function planAttributeEdit(
  operations: readonly AttributeOperation[],
  current: CustomerAttributeState,
  definitions: ReadonlyMap<string, CustomFieldType>,
  today: string,
): AttributeEditPlan {
  const problems: FieldError[] = [];
  const scalars: Record<string, unknown> = {};
  const attributes: Record<string, AttributeValue> = {};
  // Which operation last wrote a customer field, to point a problem found on the edit back at it.
  const origin = new Map<string, string>();
  let tags = [...current.tags];
  let tagsTouched = false;

  operations.forEach((operation, index) => {
    const at = `operations[${index}]`;
    if (operation.op === 'add-tag' || operation.op === 'remove-tag') {
      tags = operation.op === 'add-tag' ? [...tags.filter((tag) => tag !== operation.tag), operation.tag] : tags.filter((tag) => tag !== operation.tag);
      tagsTouched = true;
      origin.set('tags', `${at}.tag`);
      return;
    }
    const field = operation.field;
    const customKey = field.startsWith(CUSTOM_PREFIX) ? field.slice(CUSTOM_PREFIX.length) : null;
    if (customKey === null && !SCALAR_FIELDS.has(field)) {
      problems.push({ field: `${at}.field`, message: `"${field}" is not a customer field (known: ${describeFields(definitions)})` });
      return;
    }
    if (customKey !== null && !definitions.has(customKey)) {
      problems.push({ field: `${at}.field`, message: `there is no custom field "${customKey}" (known: ${describeFields(definitions)})` });
      return;
    }
    if (operation.op === 'increment') {
      if (customKey === null || definitions.get(customKey) !== 'number') {
        problems.push({ field: `${at}.field`, message: `"${field}" is not a number field; only number custom fields can be incremented` });
        return;
      }
      const before = Object.hasOwn(attributes, customKey) ? attributes[customKey] : Object.hasOwn(current.attributes, customKey) ? current.attributes[customKey] : null;
      attributes[customKey] = (typeof before === 'number' ? before : 0) + operation.by;
      origin.set(field, `${at}.by`);
      return;
    }
    const value = operation.op === 'set' ? operation.value : null;
    if (customKey !== null) attributes[customKey] = value;
    else scalars[field] = value;
    origin.set(field, operation.op === 'set' ? `${at}.value` : `${at}.field`);
  });
  if (problems.length) return { ok: false, problems };

  const draft = { ...scalars, ...(Object.keys(attributes).length ? { attributes } : {}), ...(tagsTouched ? { tags } : {}) };
  const parsed = parseItem(CustomerEdit, draft);
  const edit = parsed.ok ? parsed.value : null;
  const found = edit ? checkCustomerEdit(edit, definitions, today) : parsed.ok ? [] : parsed.errors;
  if (found.length || !edit) {
    return {
      ok: false,
      problems: found.map((problem) => {
        const field = problem.field.startsWith('tags') ? 'tags' : problem.field;
        return { field: origin.get(field) ?? problem.field, message: `${field}: ${problem.message}` };
      }),
    };
  }
  return { ok: true, edit };
}
