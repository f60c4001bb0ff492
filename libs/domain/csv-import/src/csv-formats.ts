import type { ImportEntity } from '@marea/contracts';
import type { CsvFormat } from './csv-format';
import { customerCsvFormat } from './customer-csv-format';
import { orderCsvFormat } from './order-csv-format';
import { productCsvFormat } from './product-csv-format';

/** The CSV format of each importable entity; a new entity fails to compile until it has one. */
export const csvFormats: Record<ImportEntity, CsvFormat> = {
  customers: customerCsvFormat,
  products: productCsvFormat,
  orders: orderCsvFormat,
};
