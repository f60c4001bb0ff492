import { ATTRIBUTE_PREFIX, attributeFields, type ColumnBinding, type FieldSpec } from './column-binding';
import type { CsvFormat, FieldLocation, MappedItem, MappedRows, MappingContext } from './csv-format';
import type { CsvRow } from './read-csv';
import { RowReader } from './row-reader';
import { rejectsForProblems } from './row-rejects';
import type { RowReject } from './row-reject';

const LEVELS = ['category1', 'category2', 'category3'] as const;

const fields: FieldSpec[] = [
  { name: 'externalId', aliases: ['sku', 'id', 'productId'], required: true },
  { name: 'name', aliases: ['productName', 'title'] },
  { name: 'price' },
  { name: 'currency', defaultKey: 'currency' },
  { name: 'imageUrl', aliases: ['image'] },
  { name: 'categories' },
  ...LEVELS.map((name) => ({ name })),
];

/**
 * One row per product. Categories come from `categories` (paths separated by `|`) and from
 * `category1..3`, the levels of one path ("GROCERY > FRZN ICE"). Without a name the SKU names
 * the product: many catalogue exports (e.g. by department only) have none.
 */
export const productCsvFormat: CsvFormat = {
  entity: 'products',
  fields,
  attributes: true,
  toItems(rows: readonly CsvRow[], binding: ColumnBinding, { options }: MappingContext): MappedRows {
    const items: MappedItem[] = [];
    const rejects: RowReject[] = [];
    let rejectedRows = 0;
    for (const row of rows) {
      const reader = new RowReader(binding, row, options.format);
      const externalId = reader.id('externalId') ?? '';
      const item: Record<string, unknown> = { externalId, name: reader.text('name') ?? externalId };
      const price = reader.number('price');
      if (price !== undefined) item['price'] = price;
      const currency = reader.text('currency')?.toUpperCase() ?? (price !== undefined ? options.defaults.currency : undefined);
      if (currency !== undefined) item['currency'] = currency;
      const imageUrl = reader.text('imageUrl');
      if (imageUrl !== undefined) item['imageUrl'] = imageUrl;
      const categories = categoriesOf(reader);
      if (categories.length > 0) item['categories'] = categories;
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
        items.push({ item, rows: [row], label: `product ${externalId}` });
      }
    }
    return { items, rejects, rejectedRows };
  },
  locate(path: string): FieldLocation {
    if (path.startsWith('attributes.')) return { field: path, line: null };
    const field = path.replace(/\[\d+\].*$/, '').split('.')[0];
    if (field === 'categories') return { field: 'categories', line: null };
    return { field: fields.some((f) => f.name === field) ? field : null, line: null };
  },
};

function categoriesOf(reader: RowReader): string[] {
  const paths = reader.list('categories') ?? [];
  const levels: string[] = [];
  for (const level of LEVELS) {
    const name = reader.text(level);
    if (name === undefined) break; // a path stops at its first empty level
    levels.push(name);
  }
  if (levels.length > 0) paths.push(levels.join(' > '));
  return [...new Set(paths)];
}
