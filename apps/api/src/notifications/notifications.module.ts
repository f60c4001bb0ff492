import { Module } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { PgNotifications } from '@marea/infra/persistence';
import { NotificationsController } from './notifications.controller';

/** In-app notifications: written by background work (segment computations), read by their user. */
@Module({
  controllers: [NotificationsController],
  providers: [{ provide: PgNotifications, inject: [DataSource], useFactory: (db: DataSource) => new PgNotifications(db) }],
  exports: [PgNotifications],
})
export class NotificationsModule {}
