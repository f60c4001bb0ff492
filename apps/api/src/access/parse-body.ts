import type * as z from 'zod';
import { RequestRefusal } from '../http/request-refusal';

/** Validates a request body against its contract; a refusal names every wrong field. */
export function parseBody<T extends z.ZodType>(schema: T, body: unknown): z.infer<T> {
  const parsed = schema.safeParse(body);
  if (parsed.success) return parsed.data;
  const details = parsed.error.issues.map((issue) => ({ field: issue.path.join('.') || '(body)', message: issue.message }));
  throw new RequestRefusal(400, 'INVALID_REQUEST', `The request is not valid: ${details.map((d) => `${d.field} ${d.message}`).join('; ')}.`, details);
}
