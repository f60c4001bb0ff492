import { Module } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { OutboxStore } from '@marea/infra/messaging';
import { OutboxController } from './outbox.controller';

/** The outbox API: what the embedded default kept instead of sending. */
@Module({
  controllers: [OutboxController],
  providers: [{ provide: OutboxStore, inject: [DataSource], useFactory: (db: DataSource) => new OutboxStore(db) }],
  exports: [OutboxStore],
})
export class OutboxModule {}
