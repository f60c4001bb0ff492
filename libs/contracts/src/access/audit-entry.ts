import * as z from 'zod';

export const AuditEntry = z.object({
  id: z.string(),
  at: z.iso.datetime(),
  actor: z.object({ kind: z.enum(['user', 'key', 'anonymous', 'system']), id: z.string().nullable(), label: z.string() }),
  action: z.string(),
  subject: z.string().nullable(),
  details: z.record(z.string(), z.unknown()),
  ip: z.string().nullable(),
});
export type AuditEntry = z.infer<typeof AuditEntry>;

export const AuditPage = z.object({ items: z.array(AuditEntry), limit: z.number().int(), before: z.string().nullable() });
export type AuditPage = z.infer<typeof AuditPage>;
