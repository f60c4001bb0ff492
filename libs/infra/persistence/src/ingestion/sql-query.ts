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

/** Row keys of an external-id table that came back from a statement, for quick lookups. */
export function byExternalId<Row extends { external_id: string }>(rows: Row[]): Map<string, Row> {
  return new Map(rows.map((row) => [row.external_id, row]));
}
