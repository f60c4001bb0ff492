import { denseMatrix, type DenseMatrix } from '@marea/domain/analyses';
import type { DataSource } from 'typeorm';
import type { PersonaMatrixStatement } from './persona-matrix-sql';

/** The matrix of an analysis: one row per customer (ids ascending), one column per value. */
export interface PersonaMatrix {
  /** Customer ids, row by row (bigints below 2^53, as every id Marea issues). */
  customerIds: Float64Array;
  values: string[];
  matrix: DenseMatrix;
}

interface MatrixRow {
  customer_id: string | null;
  names: string[] | null;
  cols: number[] | null;
  amounts: number[] | null;
}

/** Rows fetched per round trip from the cursor: a few MB, whatever the base size. */
const FETCH_ROWS = 20_000;

/** A typed array that doubles when full. */
class Growing<T extends Float64Array | Int32Array> {
  length = 0;
  constructor(private array: T) {}
  push(value: number): void {
    if (this.length === this.array.length) {
      const bigger = new (this.array.constructor as new (size: number) => T)(this.array.length * 2);
      bigger.set(this.array);
      this.array = bigger;
    }
    this.array[this.length++] = value;
  }
  get(i: number): number {
    return this.array[i];
  }
  take(): T {
    return this.array.subarray(0, this.length) as T;
  }
}

/**
 * Runs the matrix statement through a server-side cursor and streams its rows into compressed
 * sparse rows (offsets, columns, amounts: typed arrays, no object per customer kept), then
 * spreads them into the dense row-major matrix the k-means takes.
 */
export async function readPersonaMatrix(dataSource: DataSource, statement: PersonaMatrixStatement): Promise<PersonaMatrix> {
  const runner = dataSource.createQueryRunner();
  await runner.connect();
  try {
    await runner.startTransaction();
    // The per-customer, per-value grouping sorts a few million line rows: in memory, not in
    // temporary files (the default 4 MB spills at 100k customers). Only for this transaction.
    await runner.query(`SET LOCAL work_mem = '256MB'`);
    await runner.query(`DECLARE persona_matrix NO SCROLL CURSOR FOR ${statement.sql}`, statement.params);
    let values: string[] = [];
    const ids = new Growing(new Float64Array(1024));
    const offsets = new Growing(new Int32Array(1024));
    const cols = new Growing(new Int32Array(4096));
    const amounts = new Growing(new Float64Array(4096));
    offsets.push(0);
    for (;;) {
      const rows: MatrixRow[] = await runner.query(`FETCH FORWARD ${FETCH_ROWS} FROM persona_matrix`);
      for (const row of rows) {
        if (row.customer_id === null) {
          values = row.names ?? [];
          continue;
        }
        ids.push(Number(row.customer_id));
        const rowCols = row.cols ?? [];
        const rowAmounts = row.amounts ?? [];
        for (let j = 0; j < rowCols.length; j++) {
          cols.push(rowCols[j]);
          amounts.push(rowAmounts[j]);
        }
        offsets.push(cols.length);
      }
      if (rows.length < FETCH_ROWS) break;
    }
    await runner.commitTransaction();
    const rows = ids.length;
    const width = Math.max(values.length, 1);
    const dense = new Float64Array(rows * width);
    for (let i = 0; i < rows; i++) {
      for (let at = offsets.get(i), end = offsets.get(i + 1); at < end; at++) dense[i * width + cols.get(at)] = amounts.get(at);
    }
    return { customerIds: ids.take(), values, matrix: denseMatrix(rows, width, dense) };
  } catch (error) {
    if (runner.isTransactionActive) await runner.rollbackTransaction();
    throw error;
  } finally {
    await runner.release();
  }
}
