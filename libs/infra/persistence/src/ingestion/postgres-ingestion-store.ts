import type { DataSource } from 'typeorm';
import type { IngestionStore, IngestionTransaction } from '@marea/engine/ingestion';
import { MetricsMaintainingTransaction } from '../customer-metrics/metrics-maintaining-transaction';
import { announceCustomerActivity } from './customer-activity-notice';
import { ConcurrentCreation, type SqlQuery } from './sql-query';

const ATTEMPTS = 5;
// deadlock_detected, serialization_failure, unique_violation (a concurrent insert of the same key)
const RETRYABLE = new Set(['40P01', '40001', '23505']);

function retryable(error: unknown): boolean {
  if (error instanceof ConcurrentCreation) return true;
  const code = (error as { code?: string; driverError?: { code?: string } } | null)?.code;
  return RETRYABLE.has(code ?? (error as { driverError?: { code?: string } })?.driverError?.code ?? '');
}

/**
 * The PostgreSQL ingestion store: one READ COMMITTED transaction per batch, committed before
 * `transaction` resolves. Conflicts with concurrent batches (deadlocks, two batches creating the
 * same customer) are retried from the start a few times; anything else rolls back and throws.
 */
export class PostgresIngestionStore implements IngestionStore {
  constructor(private readonly dataSource: DataSource) {}

  async transaction<T>(work: (tx: IngestionTransaction) => Promise<T>): Promise<T> {
    for (let attempt = 1; ; attempt++) {
      try {
        return await this.once(work);
      } catch (error) {
        if (attempt >= ATTEMPTS || !retryable(error)) throw error;
        await new Promise((resolve) => setTimeout(resolve, Math.random() * 20 * attempt));
      }
    }
  }

  private async once<T>(work: (tx: IngestionTransaction) => Promise<T>): Promise<T> {
    const runner = this.dataSource.createQueryRunner();
    await runner.connect();
    try {
      await runner.startTransaction();
      const sql: SqlQuery = async <Row>(text: string, parameters: unknown[] = []) =>
        ((await runner.query(text, parameters, true)) as { records: Row[] }).records;
      const tx = new MetricsMaintainingTransaction(sql);
      const result = await work(tx);
      await tx.refreshCustomerMetrics();
      await runner.commitTransaction();
      await announceCustomerActivity(runner, tx.customersWithNewEvents);
      return result;
    } catch (error) {
      if (runner.isTransactionActive) await runner.rollbackTransaction().catch(() => undefined);
      throw error;
    } finally {
      await runner.release();
    }
  }
}
