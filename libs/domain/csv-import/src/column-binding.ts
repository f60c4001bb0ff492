import type { ColumnMapping, ImportDefaults } from '@marea/contracts';
import { CsvFileError } from './csv-file-error';

/** A field a CSV column can feed. */
export interface FieldSpec {
  readonly name: string;
  /** Other header names that mean this field without a mapping (compared normalised). */
  readonly aliases?: readonly string[];
  /** The file cannot be imported without a column for it (unless `defaultKey` has a default). */
  readonly required?: boolean;
  readonly defaultKey?: keyof ImportDefaults;
  /** Several columns may feed it: their numbers are added up (e.g. two kinds of discount). */
  readonly sums?: boolean;
}

const ATTRIBUTE_PREFIX = 'attributes.';

/** Which columns feed which field, and the columns nothing takes. */
export interface ColumnBinding {
  readonly header: readonly string[];
  /** field → column indexes */
  readonly columns: ReadonlyMap<string, readonly number[]>;
  readonly ignoredColumns: readonly string[];
}

const normalise = (name: string) => name.toLowerCase().replace(/[\s_\-.]/g, '');

/**
 * Binds the file's header to fields: explicit mapping first, then same-name matching. Problems
 * that would import every row wrongly (an unknown field, a required field with no column) stop
 * the whole file.
 */
export function bindColumns(
  header: readonly string[],
  fields: readonly FieldSpec[],
  mapping: ColumnMapping,
  defaults: ImportDefaults,
  options: { attributes: boolean; entity: string },
): ColumnBinding {
  const byName = new Map<string, FieldSpec>();
  for (const field of fields) {
    for (const name of [field.name, ...(field.aliases ?? [])]) byName.set(normalise(name), field);
  }
  const fieldNamed = (name: string): string | undefined => {
    if (options.attributes && name.startsWith(ATTRIBUTE_PREFIX) && name.length > ATTRIBUTE_PREFIX.length) return name;
    return byName.get(normalise(name))?.name;
  };

  for (const column of Object.keys(mapping)) {
    if (!header.includes(column)) {
      throw new CsvFileError(
        'UNKNOWN_COLUMN',
        `The mapping names column '${column}', which the file does not have. Its columns are: ${header.join(', ')}.`,
      );
    }
  }

  const columns = new Map<string, number[]>();
  const ignoredColumns: string[] = [];
  header.forEach((column, index) => {
    const target = column in mapping ? mapping[column] : fieldNamed(column);
    if (target === null || target === undefined) {
      if (column !== '') ignoredColumns.push(column);
      return;
    }
    const field = fieldNamed(target);
    if (!field) {
      throw new CsvFileError(
        'UNKNOWN_FIELD',
        `The mapping sends column '${column}' to '${target}', which is not a field of ${options.entity}. ` +
          `Fields: ${fields.map((f) => f.name).join(', ')}${options.attributes ? ', attributes.<name>' : ''}.`,
      );
    }
    const bound = columns.get(field) ?? [];
    const spec = fields.find((f) => f.name === field);
    if (bound.length > 0 && !spec?.sums) {
      throw new CsvFileError(
        'DUPLICATE_FIELD',
        `Columns '${header[bound[0]]}' and '${column}' both feed the field '${field}'; map one of them to null.`,
      );
    }
    columns.set(field, [...bound, index]);
  });

  for (const field of fields) {
    if (field.required && !columns.has(field.name) && !(field.defaultKey && defaults[field.defaultKey] !== undefined)) {
      const how = field.defaultKey ? ` or give a default ${field.defaultKey}` : '';
      throw new CsvFileError(
        'MISSING_COLUMN',
        `No column gives the ${field.name} of the ${options.entity}: name a column '${field.name}', ` +
          `or map one with {"<your column>": "${field.name}"}${how}.`,
      );
    }
  }
  return { header, columns, ignoredColumns };
}

/** The file's column name(s) behind a field, as a report shows them. */
export function columnOf(binding: ColumnBinding, field: string): string | null {
  const indexes = binding.columns.get(field);
  return indexes ? indexes.map((index) => binding.header[index]).join(' + ') : null;
}

export function attributeFields(binding: ColumnBinding): string[] {
  return [...binding.columns.keys()].filter((field) => field.startsWith(ATTRIBUTE_PREFIX));
}

export { ATTRIBUTE_PREFIX };
