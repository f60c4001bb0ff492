import { Inject, Injectable } from '@nestjs/common';
import type { Request } from 'express';
import type { SignedInUser, User } from '@marea/contracts';
import {
  decoyPasswordHash,
  hashPassword,
  passwordMatches,
  PgSessionStore,
  PgUserStore,
  UserChangeRefused,
  type OpenedSession,
} from '@marea/infra/persistence';
import { RequestRefusal } from '../http/request-refusal';
import { AuditLog } from './audit-log';

export interface SignedIn {
  user: SignedInUser;
  session: OpenedSession;
}

const signedInUser = ({ id, email, name, role }: User): SignedInUser => ({ id, email, name, role });

/** Signing in with a password, creating the first admin, and accepting an invitation. */
@Injectable()
export class SignInService {
  constructor(
    @Inject(PgUserStore) private readonly users: PgUserStore,
    @Inject(PgSessionStore) private readonly sessions: PgSessionStore,
    private readonly audit: AuditLog,
  ) {}

  /** One answer for an unknown email and a wrong password, after the same argon2 work. */
  async signIn(request: Request, email: string, password: string): Promise<SignedIn> {
    const user = await this.users.findForSignIn(email);
    const matches = await passwordMatches(user?.passwordHash ?? (await decoyPasswordHash()), password);
    if (!user || !matches) {
      await this.audit.record(request, 'session.sign-in-failed', { subject: email.toLowerCase(), actor: null });
      throw new RequestRefusal(401, 'SIGN_IN_FAILED', 'The email or the password is wrong, or the user is deactivated.');
    }
    return this.open(request, user, 'session.signed-in');
  }

  async createFirstAdmin(request: Request, email: string, name: string, password: string): Promise<SignedIn> {
    const user = await refusalsAsAnswers(async () => this.users.createFirstAdmin(email, name, await hashPassword(password)));
    return this.open(request, user, 'user.first-admin');
  }

  async acceptInvitation(request: Request, token: string, password: string): Promise<SignedIn> {
    const user = await refusalsAsAnswers(async () => this.users.acceptInvitation(token, await hashPassword(password)));
    return this.open(request, user, 'user.invitation-accepted');
  }

  private async open(request: Request, user: User, action: 'session.signed-in' | 'user.first-admin' | 'user.invitation-accepted'): Promise<SignedIn> {
    await this.sessions.removeExpired();
    const session = await this.sessions.open(user.id);
    await this.users.recordSignIn(user.id);
    await this.audit.record(request, action, { subject: user.email, actor: { kind: 'user', userId: user.id, email: user.email } });
    return { user: signedInUser(user), session };
  }
}

const REFUSALS: Record<UserChangeRefused['reason'], [number, ConstructorParameters<typeof RequestRefusal>[1], string]> = {
  'setup-done': [409, 'SETUP_DONE', 'Marea already has an admin; sign in instead.'],
  'email-taken': [409, 'EMAIL_TAKEN', 'A user with this email can already sign in.'],
  'not-found': [404, 'USER_NOT_FOUND', 'There is no such user.'],
  'last-admin': [409, 'LAST_ADMIN', 'This is the last active admin: make another user admin first.'],
  'invitation-invalid': [400, 'INVITATION_INVALID', 'This invitation link was already used or has expired; ask an admin for a new one.'],
  'reset-impossible': [409, 'RESET_IMPOSSIBLE', 'This user has no password to reset, or is deactivated: invite or reactivate them instead.'],
  'reset-invalid': [400, 'RESET_LINK_INVALID', 'This reset link was already used or has expired; ask for a new one.'],
};

/** Turns the store's refusals into answers the client can act on. */
export async function refusalsAsAnswers<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (!(error instanceof UserChangeRefused)) throw error;
    const [status, code, message] = REFUSALS[error.reason];
    throw new RequestRefusal(status, code, message);
  }
}
