import * as z from 'zod';
import { Role } from './role';

/** invited: has an open invitation; active: can sign in; deactivated: cannot; none: a manager created by ingestion, never invited. */
export const UserStatus = z.enum(['none', 'invited', 'active', 'deactivated']);
export type UserStatus = z.infer<typeof UserStatus>;

export const User = z.object({
  id: z.string(),
  email: z.string(),
  name: z.string(),
  role: Role,
  status: UserStatus,
  invitedAt: z.iso.datetime().nullable(),
  lastSignInAt: z.iso.datetime().nullable(),
  createdAt: z.iso.datetime(),
});
export type User = z.infer<typeof User>;

export const InviteUserRequest = z.object({ email: z.email().max(320), name: z.string().trim().min(1).max(200), role: Role });
export type InviteUserRequest = z.infer<typeof InviteUserRequest>;

/** An invitation is shown once: the admin passes the link on; only its digest is stored. */
export const Invitation = z.object({ user: User, token: z.string(), path: z.string(), expiresAt: z.iso.datetime() });
export type Invitation = z.infer<typeof Invitation>;

/** What an admin may change on a user: the role, or whether the user may sign in. */
export const UpdateUserRequest = z
  .object({ role: Role.optional(), active: z.boolean().optional() })
  .refine((change) => change.role !== undefined || change.active !== undefined, 'give a role or active');
export type UpdateUserRequest = z.infer<typeof UpdateUserRequest>;
