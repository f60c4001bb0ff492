import type { AttributeValue, CustomFieldType } from '@marea/contracts';
import { ATTRIBUTE_PREFIX, attributeFields, type ColumnBinding, type FieldSpec } from './column-binding';
import type { CsvFormat, FieldLocation, MappedItem, MappedRows, MappingContext } from './csv-format';
import type { CsvRow } from './read-csv';
import { RowReader } from './row-reader';
import { rejectsForProblems } from './row-rejects';
import type { RowReject } from './row-reject';

const TEXT_FIELDS = ['firstName', 'lastName', 'documentNumber', 'email', 'phone', 'birthDate', 'city', 'managerEmail'];

const fields: FieldSpec[] = [
  { name: 'externalId', aliases: ['id', 'customerId', 'customerExternalId'], required: true },
  ...TEXT_FIELDS.map((name) => ({ name })),
  { name: 'gender' },
  { name: 'country', defaultKey: 'country' },
  { name: 'language', defaultKey: 'language' },
  { name: 'tags' },
];

const GENDERS: Record<string, string> = { f: 'female', female: 'female', m: 'male', male: 'male', other: 'other' };

/**
 * One row per customer. An empty cell leaves the stored value as it is (a CSV cannot tell
 * "unknown" from "clear it"), so re-importing an older, sparser export never erases data.
 */
export const customerCsvFormat: CsvFormat = {
  entity: 'customers',
  fields,
  attributes: true,
  toItems(rows: readonly CsvRow[], binding: ColumnBinding, { options, customFieldTypes }: MappingContext): MappedRows {
    const items: MappedItem[] = [];
    const rejects: RowReject[] = [];
    let rejectedRows = 0;
    for (const row of rows) {
      const reader = new RowReader(binding, row, options.format);
      const item: Record<string, unknown> = { externalId: reader.id('externalId') ?? '' };
      for (const name of TEXT_FIELDS) {
        const value = reader.text(name);
        if (value !== undefined) item[name] = value;
      }
      const gender = reader.text('gender');
      if (gender !== undefined) item['gender'] = GENDERS[gender.toLowerCase()] ?? gender;
      const country = reader.text('country') ?? options.defaults.country;
      if (country !== undefined) item['country'] = country;
      const language = reader.text('language') ?? options.defaults.language;
      if (language !== undefined) item['language'] = language;
      const tags = reader.list('tags');
      if (tags !== undefined) item['tags'] = tags;
      const attributes: Record<string, AttributeValue> = {};
      for (const field of attributeFields(binding)) {
        const key = field.slice(ATTRIBUTE_PREFIX.length);
        const value = readAttribute(reader, field, customFieldTypes.get(key));
        if (value !== undefined) attributes[key] = value;
      }
      if (Object.keys(attributes).length > 0) item['attributes'] = attributes;

      if (reader.problems.length > 0) {
        rejects.push(...rejectsForProblems(row, reader.problems));
        rejectedRows += 1;
      } else {
        items.push({ item, rows: [row], label: `customer ${String(item['externalId'])}` });
      }
    }
    return { items, rejects, rejectedRows };
  },
  locate(path: string): FieldLocation {
    if (path.startsWith('attributes.')) return { field: path.replace(/\[\d+\]$/, ''), line: null };
    const field = path.replace(/\[\d+\].*$/, '').split('.')[0];
    return { field: fields.some((f) => f.name === field) ? field : null, line: null };
  },
};

const BOOLEANS: Record<string, boolean> = {
  ...Object.fromEntries(['true', 'yes', 'y', '1', 'sí', 'si', 'tak', 'sim'].map((word) => [word, true])),
  ...Object.fromEntries(['false', 'no', 'n', '0', 'nie', 'não', 'nao'].map((word) => [word, false])),
};

/** A custom-field cell typed by its definition, so "42" reaches a number field as 42. */
function readAttribute(reader: RowReader, field: string, type: CustomFieldType | undefined): AttributeValue | undefined {
  if (type === 'number') return reader.number(field);
  const text = reader.text(field);
  if (text === undefined || type !== 'boolean') return text;
  const value = BOOLEANS[text.toLowerCase()];
  if (value === undefined) reader.problem(field, `must be true or false (custom field of type boolean), not '${text}'`);
  return value;
}
