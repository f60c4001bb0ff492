import type * as z from 'zod';
import { RequestRefusal } from '../../http/request-refusal';

/** Query parameters checked against their contract; a refusal names each wrong parameter. */
export function parseQuery<T extends z.ZodType>(schema: T, query: unknown): z.infer<T> {
  const parsed = schema.safeParse(query);
  if (parsed.success) return parsed.data;
  const details = parsed.error.issues.map((issue) => ({ field: issue.path.join('.') || '(query)', message: issue.message }));
  throw new RequestRefusal(400, 'INVALID_REQUEST', `The request is not valid: ${details.map((d) => `${d.field} ${d.message}`).join('; ')}.`, details);
}

/** A cluster index from the path; anything but a small whole number is a cluster that does not exist (-1). */
export function clusterIndex(cluster: string): number {
  return /^\d{1,2}$/.test(cluster) ? Number(cluster) : -1;
}
