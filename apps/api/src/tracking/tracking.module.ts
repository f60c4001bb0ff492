import { Module } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { PgMessageEventRecorder, PgSuppressionList, SignedMessageTracking, TrackingTokens, trackingSecret } from '@marea/infra/tracking';
import { APP_CONFIG } from '../config/app-config.token';
import type { AppConfig } from '../config/app-config';
import { TrackingController } from './tracking.controller';

/**
 * Message tracking: the public routes behind the links in messages (open pixel, click redirect,
 * unsubscribe), and the adapters the automation engine sends through — SignedMessageTracking
 * (the MessageTracking port), PgMessageEventRecorder and PgSuppressionList.
 */
@Module({
  controllers: [TrackingController],
  providers: [
    {
      provide: TrackingTokens,
      inject: [DataSource, APP_CONFIG],
      useFactory: async (db: DataSource, config: AppConfig) => new TrackingTokens(await trackingSecret(db, config.MAREA_SECRET)),
    },
    {
      provide: SignedMessageTracking,
      inject: [TrackingTokens, APP_CONFIG],
      useFactory: (tokens: TrackingTokens, config: AppConfig) => new SignedMessageTracking(tokens, config.PUBLIC_URL),
    },
    { provide: PgMessageEventRecorder, inject: [DataSource], useFactory: (db: DataSource) => new PgMessageEventRecorder(db) },
    { provide: PgSuppressionList, inject: [DataSource], useFactory: (db: DataSource) => new PgSuppressionList(db) },
  ],
  exports: [TrackingTokens, SignedMessageTracking, PgMessageEventRecorder, PgSuppressionList],
})
export class TrackingModule {}
