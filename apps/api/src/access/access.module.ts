import { Global, Logger, Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { ThrottlerModule } from '@nestjs/throttler';
import { DataSource } from 'typeorm';
import { createEmailChannel, describeChannels } from '@marea/infra/messaging';
import { PgApiKeyStore, PgAuditLog, PgPasswordResets, PgSessionStore, PgSharedRateLimit, PgUserStore } from '@marea/infra/persistence';
import type { AppConfig } from '../config/app-config';
import { APP_CONFIG } from '../config/app-config.token';
import { AccessGuard } from './access.guard';
import { ApiKeyAuthenticator } from './api-key-authenticator';
import { ApiKeysController } from './api-keys.controller';
import { AuditLog } from './audit-log';
import { AuditLogController } from './audit-log.controller';
import { FirstAdminFromEnvironment } from './first-admin-from-environment';
import { PasswordResetController } from './password-reset.controller';
import { PASSWORD_RESET_MAIL, PasswordResetService, type PasswordResetMail } from './password-reset.service';
import { rateLimits, RateLimitGuard } from './rate-limit';
import { SessionController } from './session.controller';
import { SetupController } from './setup.controller';
import { SharedThrottlerStorage } from './shared-throttler-storage';
import { SignInService } from './sign-in.service';
import { UsersController } from './users.controller';

/**
 * Who may do what: the guard on every route, sign-in and sessions, users, API keys and the
 * audit log. Global, so any feature can inject AuditLog.
 */
@Global()
@Module({
  imports: [
    ThrottlerModule.forRootAsync({
      inject: [APP_CONFIG, DataSource],
      useFactory: (config: AppConfig, db: DataSource) => {
        const logger = new Logger('RateLimits');
        return rateLimits(config, new SharedThrottlerStorage(new PgSharedRateLimit(db, (error) => logger.warn(error, 'could not sweep old rate-limit windows'))));
      },
    }),
  ],
  controllers: [SessionController, SetupController, UsersController, ApiKeysController, AuditLogController, PasswordResetController],
  providers: [
    { provide: PgUserStore, inject: [DataSource], useFactory: (db: DataSource) => new PgUserStore(db) },
    {
      provide: PgSessionStore,
      inject: [DataSource, APP_CONFIG],
      useFactory: (db: DataSource, config: AppConfig) => new PgSessionStore(db, config.SESSION_TTL_HOURS),
    },
    { provide: PgApiKeyStore, inject: [DataSource], useFactory: (db: DataSource) => new PgApiKeyStore(db) },
    { provide: PgAuditLog, inject: [DataSource], useFactory: (db: DataSource) => new PgAuditLog(db) },
    { provide: PgPasswordResets, inject: [DataSource], useFactory: (db: DataSource) => new PgPasswordResets(db) },
    {
      // Reset links go out by SMTP only: see PasswordResetService.requestByEmail.
      provide: PASSWORD_RESET_MAIL,
      inject: [APP_CONFIG, DataSource],
      useFactory: (config: AppConfig, db: DataSource): PasswordResetMail => ({
        channel: describeChannels(config).email === 'smtp' ? createEmailChannel(config, db) : null,
      }),
    },
    PasswordResetService,
    {
      provide: ApiKeyAuthenticator,
      inject: [PgApiKeyStore],
      useFactory: (keys: PgApiKeyStore) => {
        const logger = new Logger('ApiKeyAuthenticator');
        return new ApiKeyAuthenticator(keys, (error) => logger.error(error, 'could not record when an API key was used'));
      },
    },
    AuditLog,
    SignInService,
    FirstAdminFromEnvironment,
    // Order matters: the rate limit of ingestion counts per principal, which AccessGuard finds.
    { provide: APP_GUARD, useClass: AccessGuard },
    { provide: APP_GUARD, useClass: RateLimitGuard },
  ],
  exports: [AuditLog, PgUserStore],
})
export class AccessModule {}
