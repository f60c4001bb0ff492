import type { BatchResult, ItemError, ItemOutcome, ItemResult } from '@marea/contracts';
import { itemPath, type FieldError } from '@marea/domain/ingestion';

interface References {
  customers: number;
  products: number;
  managers?: number;
}

/** Collects the outcome of each item of a batch, in batch order, into a BatchResult. */
export class BatchReport {
  private readonly results: (ItemResult | undefined)[];
  private references: References | undefined;

  constructor(received: number, results?: (ItemResult | undefined)[]) {
    this.results = results ? [...results] : new Array(received).fill(undefined);
  }

  /** A copy to fill in one attempt of a transaction, which may be retried. */
  fork(): BatchReport {
    const copy = new BatchReport(this.results.length, this.results);
    copy.references = this.references && { ...this.references };
    return copy;
  }

  reject(index: number, externalId: string | undefined, errors: FieldError[]): void {
    const withPaths: ItemError[] = errors.map((error) => ({ ...error, path: itemPath(index, error.field) }));
    this.results[index] = { index, ...(externalId === undefined ? {} : { externalId }), outcome: 'rejected', errors: withPaths };
  }

  record(index: number, externalId: string | undefined, outcome: Exclude<ItemOutcome, 'rejected'>): void {
    this.results[index] = { index, ...(externalId === undefined ? {} : { externalId }), outcome };
  }

  isRejected(index: number): boolean {
    return this.results[index]?.outcome === 'rejected';
  }

  countReferences(created: Partial<References>): void {
    const current = this.references ?? { customers: 0, products: 0 };
    this.references = {
      customers: current.customers + (created.customers ?? 0),
      products: current.products + (created.products ?? 0),
      ...(created.managers !== undefined || current.managers !== undefined
        ? { managers: (current.managers ?? 0) + (created.managers ?? 0) }
        : {}),
    };
  }

  result(): BatchResult {
    const items = this.results.map((result, index): ItemResult => {
      if (!result) throw new Error(`ingestion: item ${index} of the batch got no outcome`);
      return result;
    });
    const count = (outcome: ItemOutcome) => items.filter((item) => item.outcome === outcome).length;
    return {
      received: items.length,
      created: count('created'),
      updated: count('updated'),
      unchanged: count('unchanged'),
      rejected: count('rejected'),
      items,
      ...(this.references ? { referencesCreated: this.references } : {}),
    };
  }
}
