import type { ImportOptions } from '@marea/contracts';
import { columnOf, type ColumnBinding, type FieldSpec } from './column-binding';
import type { CsvFormat, FieldLocation, MappedItem, MappedRows, MappingContext } from './csv-format';
import type { CsvRow } from './read-csv';
import { RowReader } from './row-reader';
import { rejectFor, rejectsForCompanions, rejectsForProblems } from './row-rejects';
import type { RowReject } from './row-reject';

/** CSV field → OrderItem property, for the order-level fields read from an order's first row. */
const ORDER_FIELDS = {
  orderId: 'externalId',
  customerId: 'customerExternalId',
  storeId: 'storeExternalId',
  channel: 'channel',
  kind: 'kind',
  status: 'status',
  returnedOrderId: 'returnedOrderExternalId',
  orderedAt: 'orderedAt',
  currency: 'currency',
  shipping: 'shipping',
  orderDiscount: 'discount',
  orderTax: 'tax',
  orderTotal: 'total',
  orderCost: 'cost',
  margin: 'margin',
} as const;

/** CSV field → OrderLineItem property. */
const LINE_FIELDS = {
  sku: 'sku',
  productName: 'productName',
  quantity: 'quantity',
  unitPrice: 'unitPrice',
  lineDiscount: 'discount',
  lineTax: 'tax',
  lineTotal: 'total',
  lineCost: 'cost',
} as const;

const MONEY_ORDER_FIELDS = ['shipping', 'orderDiscount', 'orderTax', 'orderTotal', 'orderCost', 'margin'] as const;
const MONEY_LINE_FIELDS = ['lineDiscount', 'lineTax', 'lineTotal', 'lineCost'] as const;

const fields: FieldSpec[] = [
  { name: 'orderId', aliases: ['externalId', 'orderExternalId', 'invoiceNo', 'invoice'], required: true },
  { name: 'customerId', aliases: ['customerExternalId'], required: true },
  { name: 'storeId', aliases: ['storeExternalId'], required: true, defaultKey: 'storeId' },
  { name: 'orderedAt', aliases: ['date', 'orderDate', 'invoiceDate'], required: true },
  { name: 'channel', defaultKey: 'channel' },
  { name: 'kind', defaultKey: 'kind' },
  { name: 'status', defaultKey: 'status' },
  { name: 'returnedOrderId' },
  { name: 'currency', defaultKey: 'currency' },
  ...MONEY_ORDER_FIELDS.map((name) => ({ name, sums: name === 'orderDiscount' })),
  { name: 'sku', aliases: ['productId', 'stockCode'], required: true },
  { name: 'productName', aliases: ['description'] },
  { name: 'quantity', aliases: ['qty'], required: true },
  { name: 'unitPrice', aliases: ['price'] },
  ...MONEY_LINE_FIELDS.map((name) => ({ name, sums: name === 'lineDiscount' })),
];

interface Draft {
  first: RowReader;
  lines: { row: CsvRow; line: Record<string, unknown> }[];
  guilty: Map<number, RowReject[]>;
}

/**
 * One row per order line; the rows of an order share its `orderId` and may be anywhere in the
 * file. Order-level columns are read from the order's first row. An order is all or nothing: a
 * bad line rejects the order, and every row of it is reported.
 */
export const orderCsvFormat: CsvFormat = {
  entity: 'orders',
  fields,
  attributes: false,
  toItems(rows: readonly CsvRow[], binding: ColumnBinding, { options }: MappingContext): MappedRows {
    const drafts = new Map<string, Draft>();
    const rejects: RowReject[] = [];
    let rejectedRows = 0;
    for (const row of rows) {
      const reader = new RowReader(binding, row, options.format);
      const orderId = reader.id('orderId');
      if (orderId === undefined) {
        rejects.push(rejectFor(row, columnOf(binding, 'orderId'), 'must not be empty'));
        rejectedRows += 1;
        continue;
      }
      let draft = drafts.get(orderId);
      if (!draft) {
        draft = { first: reader, lines: [], guilty: new Map() };
        drafts.set(orderId, draft);
      } else {
        const customer = reader.id('customerId');
        const expected = draft.first.id('customerId');
        if (customer !== undefined && customer !== expected) {
          reader.problem('customerId', `is ${customer}, but row ${draft.first.row.rowNumber} of the same order says ${expected}`);
        }
      }
      const line = lineOf(reader);
      if (reader.problems.length > 0) draft.guilty.set(row.rowNumber, rejectsForProblems(row, reader.problems));
      draft.lines.push({ row, line });
    }

    const items: MappedItem[] = [];
    for (const [orderId, draft] of drafts) {
      const order = orderOf(draft.first, options, draft.lines.map((l) => l.line));
      if (draft.first.problems.length > 0) {
        // The first row's reader also holds the order-level problems found just now.
        draft.guilty.set(draft.first.row.rowNumber, rejectsForProblems(draft.first.row, draft.first.problems));
      }
      const rowsOfOrder = draft.lines.map((l) => l.row);
      const label = `order ${orderId}`;
      if (draft.guilty.size > 0) {
        for (const reasons of draft.guilty.values()) rejects.push(...reasons);
        rejects.push(...rejectsForCompanions(rowsOfOrder, new Set(draft.guilty.keys()), label));
        rejectedRows += rowsOfOrder.length;
      } else {
        items.push({ item: order, rows: rowsOfOrder, lineRows: rowsOfOrder, label });
      }
    }
    return { items, rejects, rejectedRows };
  },
  locate(path: string): FieldLocation {
    const line = /^lines\[(\d+)\](?:\.(\w+))?/.exec(path);
    if (line) {
      const property = line[2];
      const field = Object.entries(LINE_FIELDS).find(([, p]) => p === property)?.[0] ?? null;
      return { field, line: Number(line[1]) };
    }
    const property = path.split(/[.[]/)[0];
    const field = Object.entries(ORDER_FIELDS).find(([, p]) => p === property)?.[0] ?? null;
    return { field, line: null };
  },
};

function lineOf(reader: RowReader): Record<string, unknown> {
  const line: Record<string, unknown> = { sku: reader.id('sku') ?? '' };
  const name = reader.text('productName');
  if (name !== undefined) line['productName'] = name;
  const quantity = reader.number('quantity');
  if (quantity === undefined && !reader.problems.some((p) => p.field === 'quantity')) {
    reader.problem('quantity', 'must not be empty');
  }
  if (quantity !== undefined) line['quantity'] = quantity;
  for (const field of MONEY_LINE_FIELDS) {
    const value = reader.number(field);
    if (value !== undefined) line[LINE_FIELDS[field]] = value;
  }
  const unitPrice = reader.number('unitPrice');
  if (unitPrice !== undefined) {
    line['unitPrice'] = unitPrice;
  } else if (typeof line['total'] === 'number' && quantity !== undefined) {
    // Exports that give only what the line cost (e.g. sales value and its discounts): the
    // shelf price is what the line would have cost before discounts, per unit.
    if (quantity === 0) reader.problem('quantity', 'must not be 0');
    // In a return the discount reduces the refund (see the ingestion's order pricing).
    else line['unitPrice'] = round4((line['total'] + Math.sign(quantity) * num(line['discount']) - num(line['tax'])) / quantity);
  } else if (!reader.problems.some((p) => p.field === 'unitPrice')) {
    reader.problem(reader.has('unitPrice') ? 'unitPrice' : 'lineTotal', 'must not be empty: give unitPrice or lineTotal');
  }
  return line;
}

function orderOf(first: RowReader, options: ImportOptions, lines: Record<string, unknown>[]): Record<string, unknown> {
  const { defaults } = options;
  const order: Record<string, unknown> = {
    externalId: first.id('orderId'),
    customerExternalId: first.id('customerId') ?? '',
    storeExternalId: first.id('storeId') ?? defaults.storeId ?? '',
    orderedAt: first.instant('orderedAt') ?? '',
    lines,
  };
  const channel = first.text('channel')?.toLowerCase() ?? defaults.channel;
  if (channel !== undefined) order['channel'] = channel;
  const status = first.text('status')?.toLowerCase() ?? defaults.status;
  if (status !== undefined) order['status'] = status;
  const kind = first.text('kind')?.toLowerCase() ?? defaults.kind ?? 'infer';
  order['kind'] = kind === 'infer' ? inferKind(lines) : kind;
  const returned = first.id('returnedOrderId');
  if (returned !== undefined) order['returnedOrderExternalId'] = returned;
  const currency = first.text('currency')?.toUpperCase() ?? defaults.currency;
  if (currency !== undefined) order['currency'] = currency;
  for (const field of MONEY_ORDER_FIELDS) {
    const value = first.number(field);
    if (value !== undefined) order[ORDER_FIELDS[field]] = value;
  }
  return order;
}

/** A return is an order whose quantities are all negative (e.g. a cancelled invoice). */
function inferKind(lines: Record<string, unknown>[]): 'sale' | 'return' {
  const quantities = lines.map((line) => line['quantity']).filter((q): q is number => typeof q === 'number');
  return quantities.length > 0 && quantities.every((q) => q < 0) ? 'return' : 'sale';
}

const num = (value: unknown): number => (typeof value === 'number' ? value : 0);
const round4 = (value: number): number => Math.round(value * 10_000) / 10_000;
