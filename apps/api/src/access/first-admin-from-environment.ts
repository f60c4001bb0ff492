import { Inject, Injectable, type OnApplicationBootstrap } from '@nestjs/common';
import { PinoLogger } from 'nestjs-pino';
import { hashPassword, PgUserStore, UserChangeRefused } from '@marea/infra/persistence';
import type { AppConfig } from '../config/app-config';
import { APP_CONFIG } from '../config/app-config.token';

/**
 * Automated installs name their first admin in MAREA_ADMIN_EMAIL / MAREA_ADMIN_PASSWORD instead
 * of using the setup screen. Only a new installation takes them: once an admin exists, the
 * variables change nothing (a password is changed by that admin, not by a restart).
 */
@Injectable()
export class FirstAdminFromEnvironment implements OnApplicationBootstrap {
  constructor(
    @Inject(PgUserStore) private readonly users: PgUserStore,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly logger: PinoLogger,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    const { MAREA_ADMIN_EMAIL: email, MAREA_ADMIN_PASSWORD: password } = this.config;
    if (Boolean(email) !== Boolean(password)) {
      this.logger.warn('MAREA_ADMIN_EMAIL and MAREA_ADMIN_PASSWORD go together; with only one, no admin is created');
    }
    if (!email || !password) return;
    if (!(await this.users.needsFirstAdmin())) return;
    try {
      await this.users.createFirstAdmin(email, email.split('@')[0], await hashPassword(password));
      this.logger.info({ email }, 'first admin created from MAREA_ADMIN_EMAIL');
    } catch (error) {
      if (!(error instanceof UserChangeRefused)) throw error; // another process created it first
    }
  }
}

/** What `npm start` prints under the address, so a newcomer knows how to get in. */
export async function signInHint(users: PgUserStore, url: string, config: AppConfig): Promise<string> {
  if (await users.needsFirstAdmin()) return `  First start: open ${url}/setup to create the first admin.\n`;
  if (config.MAREA_ADMIN_EMAIL) return `  Sign in at ${url}/sign-in as ${config.MAREA_ADMIN_EMAIL}.\n`;
  return `  Sign in at ${url}/sign-in.\n`;
}
