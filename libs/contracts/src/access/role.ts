import * as z from 'zod';

/** What a person may do in Marea; docs/access.md has the table of each role's rights. */
export const Role = z.enum(['admin', 'marketer', 'manager']);
export type Role = z.infer<typeof Role>;

/** What an integration's API key may do: push data in, read, or everything an admin may. */
export const KeyScope = z.enum(['ingest', 'read', 'admin']);
export type KeyScope = z.infer<typeof KeyScope>;
