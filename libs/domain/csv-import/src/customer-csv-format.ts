import type { ImportOptions } from '@marea/contracts';
import { ATTRIBUTE_PREFIX, attributeFields, type ColumnBinding, type FieldSpec } from './column-binding';
import type { CsvFormat, FieldLocation, MappedItem, MappedRows } from './csv-format';
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
  toItems(rows: readonly CsvRow[], binding: ColumnBinding, options: ImportOptions): MappedRows {
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
      const attributes: Record<string, string> = {};
      for (const field of attributeFields(binding)) {
        const value = reader.text(field);
        if (value !== undefined) attributes[field.slice(ATTRIBUTE_PREFIX.length)] = value;
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
