import * as z from 'zod';
import { Password } from './session';
import { User } from './user';

/** A person who forgot their password asks for a reset link by email. */
export const PasswordResetRequest = z.object({ email: z.email().max(320) });
export type PasswordResetRequest = z.infer<typeof PasswordResetRequest>;

/** The one-time token from a reset link, and the new password (the same rule as at setup). */
export const CompletePasswordResetRequest = z.object({ token: z.string().min(1).max(200), password: Password });
export type CompletePasswordResetRequest = z.infer<typeof CompletePasswordResetRequest>;

/**
 * A reset link an admin issued for a user: shown once, passed on by the admin, single use,
 * until `expiresAt`; only the token's digest is stored.
 */
export const PasswordResetLink = z.object({ user: User, token: z.string(), path: z.string(), expiresAt: z.iso.datetime() });
export type PasswordResetLink = z.infer<typeof PasswordResetLink>;
