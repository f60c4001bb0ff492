import * as z from 'zod';
import { Role } from './role';

const Email = z.email().max(320);
/** Long enough to resist guessing offline, short enough to be typed; argon2 takes any length. */
export const Password = z.string().min(12, 'must be at least 12 characters').max(200);

export const SignInRequest = z.object({ email: Email, password: z.string().min(1).max(200) });
export type SignInRequest = z.infer<typeof SignInRequest>;

/** The first admin, created once on a new installation. */
export const FirstAdminRequest = z.object({ email: Email, name: z.string().trim().min(1).max(200), password: Password });
export type FirstAdminRequest = z.infer<typeof FirstAdminRequest>;

/** Accepting an invitation: the one-time token from the link, and the password the user chooses. */
export const AcceptInvitationRequest = z.object({ token: z.string().min(1).max(200), password: Password });
export type AcceptInvitationRequest = z.infer<typeof AcceptInvitationRequest>;

export const SignedInUser = z.object({ id: z.string(), email: z.string(), name: z.string(), role: Role });
export type SignedInUser = z.infer<typeof SignedInUser>;

/**
 * The signed-in user and the CSRF token the web app sends back in `X-CSRF-Token` with every
 * request that changes something (the session cookie itself is httpOnly).
 */
export const SessionInfo = z.object({ user: SignedInUser, csrfToken: z.string() });
export type SessionInfo = z.infer<typeof SessionInfo>;

/** Whether the installation still waits for its first admin (the setup screen). */
export const SetupStatus = z.object({ needsFirstAdmin: z.boolean() });
export type SetupStatus = z.infer<typeof SetupStatus>;
