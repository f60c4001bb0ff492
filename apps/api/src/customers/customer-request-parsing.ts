import type { z } from 'zod';
import { CustomerId } from '@marea/contracts';
import { parseItem } from '@marea/domain/ingestion';
import { CustomerRefusal } from './customer-request-refusal';

/** The `{id}` of a customer route, or a 400 naming what is wrong with it. */
export function customerIdOf(id: string): string {
  const parsed = CustomerId.safeParse(id);
  if (parsed.success) return parsed.data;
  const message = parsed.error.issues[0].message;
  throw new CustomerRefusal('INVALID_CUSTOMER_ID', `The customer id "${id}" ${message}.`, [{ field: 'id', message }]);
}

/** A merged-away id answers with a redirect to the survivor, so API callers keep working with the old id. */
export function customerMerged(id: string, survivorId: string): CustomerRefusal {
  return new CustomerRefusal('CUSTOMER_MERGED', `Customer ${id} was merged into customer ${survivorId}.`, [], survivorId);
}

export function customerNotFound(id: string): CustomerRefusal {
  return new CustomerRefusal('CUSTOMER_NOT_FOUND', `There is no customer with id ${id}.`);
}

/**
 * Query parameters or a body read against their contract, with the ingestion API's wording of
 * each problem (`birthDate: must be a real date written YYYY-MM-DD`).
 */
export function parseRequest<T>(schema: z.ZodType<T>, raw: unknown, code: 'INVALID_QUERY' | 'INVALID_CUSTOMER_EDIT' | 'INVALID_MERGE', what: string): T {
  const parsed = parseItem(schema, raw);
  if (parsed.ok) return parsed.value;
  const summary = parsed.errors.map((error) => (error.field ? `${error.field}: ${error.message}` : error.message)).join('; ');
  throw new CustomerRefusal(code, `The ${what} is not valid: ${summary}.`, parsed.errors);
}
