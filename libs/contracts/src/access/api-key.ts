import * as z from 'zod';
import { KeyScope } from './role';

export const ApiKey = z.object({
  id: z.string(),
  name: z.string(),
  scope: KeyScope,
  /** The first characters of the key, to recognise it in a list and in logs. */
  prefix: z.string(),
  createdBy: z.string().nullable(),
  createdAt: z.iso.datetime(),
  lastUsedAt: z.iso.datetime().nullable(),
  revokedAt: z.iso.datetime().nullable(),
});
export type ApiKey = z.infer<typeof ApiKey>;

export const CreateApiKeyRequest = z.object({ name: z.string().trim().min(1).max(200), scope: KeyScope });
export type CreateApiKeyRequest = z.infer<typeof CreateApiKeyRequest>;

/** The new key and its secret, which is shown this once and never stored. */
export const CreatedApiKey = z.object({ key: ApiKey, secret: z.string() });
export type CreatedApiKey = z.infer<typeof CreatedApiKey>;
