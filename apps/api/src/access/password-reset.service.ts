import { Inject, Injectable, Logger, type OnModuleDestroy } from '@nestjs/common';
import type { Request } from 'express';
import { randomUUID } from 'node:crypto';
import type { PasswordResetLink, User } from '@marea/contracts';
import type { EmailChannel } from '@marea/engine/messaging';
import { hashPassword, PgPasswordResets } from '@marea/infra/persistence';
import type { AppConfig } from '../config/app-config';
import { APP_CONFIG } from '../config/app-config.token';
import { AuditLog } from './audit-log';
import { passwordResetEmail } from './password-reset-email';
import { refusalsAsAnswers } from './sign-in.service';

/** How reset links go out: the SMTP email channel, or none without SMTP_URL (see requestByEmail). */
export interface PasswordResetMail {
  readonly channel: EmailChannel | null;
}
export const PASSWORD_RESET_MAIL = Symbol('PASSWORD_RESET_MAIL');

/** Where the web app's reset page is; the token follows in the query. */
export const PASSWORD_RESET_PATH = '/password-reset';
/** A link sent by email must be used soon: the mailbox is the only proof of identity. */
const EMAILED_LINK_MINUTES = 60;
/** A link an admin passes on by hand may take a day to reach the person. */
const ISSUED_LINK_MINUTES = 24 * 60;

/**
 * Resetting a forgotten password: an admin issues a one-time link for a user, or the user asks
 * for one by email. Completing it sets the new password and ends every session of the user.
 */
@Injectable()
export class PasswordResetService implements OnModuleDestroy {
  private readonly logger = new Logger('PasswordReset');
  /** Emailed requests, handled one after another after their answer was sent. */
  private queue: Promise<void> = Promise.resolve();

  constructor(
    @Inject(PgPasswordResets) private readonly resets: PgPasswordResets,
    @Inject(PASSWORD_RESET_MAIL) private readonly mail: PasswordResetMail,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly audit: AuditLog,
  ) {}

  async issueForUser(request: Request, userId: string): Promise<PasswordResetLink> {
    const { user, token, expiresAt } = await refusalsAsAnswers(() => this.resets.issueForUser(userId, ISSUED_LINK_MINUTES));
    await this.audit.record(request, 'user.password-reset-issued', { subject: user.email });
    return { user, token, path: `${PASSWORD_RESET_PATH}?token=${token}`, expiresAt: expiresAt.toISOString() };
  }

  /**
   * Queues the email and returns at once: whether the account exists, is looked up and mailed
   * after the answer, so neither the answer nor its timing tells anyone which emails have an
   * account. Requests are handled one at a time, which also keeps a flood from opening many
   * SMTP conversations.
   */
  requestByEmail(request: Request, email: string): void {
    this.queue = this.queue.then(() => this.sendLink(request, email)).catch((error) => this.logger.error(error, 'could not send a reset link'));
  }

  async complete(request: Request, token: string, password: string): Promise<User> {
    const user = await refusalsAsAnswers(async () => this.resets.complete(token, await hashPassword(password)));
    await this.audit.record(request, 'user.password-reset', {
      subject: user.email,
      actor: { kind: 'user', userId: user.id, email: user.email },
      details: { sessionsEnded: true },
    });
    return user;
  }

  async onModuleDestroy(): Promise<void> {
    await this.queue;
    await this.mail.channel?.close();
  }

  private async sendLink(request: Request, email: string): Promise<void> {
    const channel = this.mail.channel;
    if (!channel) {
      // Without SMTP, mail goes to the outbox, which every marketer can read: a reset link there
      // would let a marketer take over any account, an admin's included. An admin issues links
      // instead (Users screen), and passes them on.
      this.logger.warn('a password reset was asked for by email, but no SMTP_URL is set: an admin can issue a reset link instead');
      return;
    }
    const issued = await this.resets.issueForEmail(email, EMAILED_LINK_MINUTES);
    if (!issued) return;
    const link = `${this.config.PUBLIC_URL}${PASSWORD_RESET_PATH}?token=${issued.token}`;
    const outcome = await channel.send(
      { messageId: `<${randomUUID()}@marea>`, from: this.config.MAIL_FROM, to: issued.user.email, ...passwordResetEmail(issued.user.name, link, EMAILED_LINK_MINUTES) },
      async () => undefined,
    );
    const sent = outcome.kind === 'accepted';
    if (!sent) this.logger.warn({ code: outcome.code, message: outcome.message }, 'the email with a reset link was not accepted');
    await this.audit.record(request, 'user.password-reset-requested', { subject: issued.user.email, actor: null, details: { sent } });
  }
}
