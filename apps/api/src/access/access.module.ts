import { Global, Logger, Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { ThrottlerModule } from '@nestjs/throttler';
import { DataSource } from 'typeorm';
import { PgApiKeyStore, PgAuditLog, PgSessionStore, PgUserStore } from '@marea/infra/persistence';
import type { AppConfig } from '../config/app-config';
import { APP_CONFIG } from '../config/app-config.token';
import { AccessGuard } from './access.guard';
import { ApiKeyAuthenticator } from './api-key-authenticator';
import { ApiKeysController } from './api-keys.controller';
import { AuditLog } from './audit-log';
import { AuditLogController } from './audit-log.controller';
import { FirstAdminFromEnvironment } from './first-admin-from-environment';
import { rateLimits, RateLimitGuard } from './rate-limit';
import { SessionController } from './session.controller';
import { SetupController } from './setup.controller';
import { SignInService } from './sign-in.service';
import { UsersController } from './users.controller';

/**
 * Who may do what: the guard on every route, sign-in and sessions, users, API keys and the
 * audit log. Global, so any feature can inject AuditLog.
 */
@Global()
@Module({
  imports: [ThrottlerModule.forRootAsync({ inject: [APP_CONFIG], useFactory: (config: AppConfig) => rateLimits(config) })],
  controllers: [SessionController, SetupController, UsersController, ApiKeysController, AuditLogController],
  providers: [
    { provide: PgUserStore, inject: [DataSource], useFactory: (db: DataSource) => new PgUserStore(db) },
    {
      provide: PgSessionStore,
      inject: [DataSource, APP_CONFIG],
      useFactory: (db: DataSource, config: AppConfig) => new PgSessionStore(db, config.SESSION_TTL_HOURS),
    },
    { provide: PgApiKeyStore, inject: [DataSource], useFactory: (db: DataSource) => new PgApiKeyStore(db) },
    { provide: PgAuditLog, inject: [DataSource], useFactory: (db: DataSource) => new PgAuditLog(db) },
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
