/** Runs one parameterised statement inside the batch's transaction and returns its rows. */
export type SqlQuery = <Row = Record<string, unknown>>(text: string, parameters?: unknown[]) => Promise<Row[]>;

/**
 * A write raced with another transaction creating the same record (both saw it missing): the
 * batch is run again from the start, when the record is visible.
 */
export class ConcurrentCreation extends Error {
  constructor(what: string) {
    super(`concurrent creation of ${what}; the batch is retried`);
    this.name = 'ConcurrentCreation';
  }
}

