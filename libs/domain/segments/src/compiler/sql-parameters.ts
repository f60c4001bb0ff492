/** PostgreSQL types a rule's values are bound as; the cast is written next to the placeholder. */
export type SqlParameterType = 'text' | 'text[]' | 'numeric' | 'integer' | 'date' | 'timestamptz';

/**
 * The values of one compiled statement. Every value of a rule enters the SQL as a `$n`
 * placeholder with an explicit cast, never as text, so a rule cannot inject SQL and the plan
 * does not depend on how a value is written.
 */
export class SqlParameters {
  readonly values: (string | string[])[] = [];

  add(value: string | number | readonly (string | number)[], type: SqlParameterType): string {
    this.values.push(Array.isArray(value) ? value.map(String) : String(value));
    return `$${this.values.length}::${type}`;
  }
}
