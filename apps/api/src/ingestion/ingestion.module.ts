import { Module } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { IngestionService } from '@marea/engine/ingestion';
import { PostgresIngestionStore } from '@marea/infra/persistence';
import { AccountController } from './account.controller';
import { CatalogueController } from './catalogue.controller';
import { CustomersController } from './customers.controller';
import { EventsController } from './events.controller';
import { OrdersController } from './orders.controller';
import { ReferenceDataController } from './reference-data.controller';

/** The batch ingestion API under /api/v1 and the account settings. */
@Module({
  controllers: [ReferenceDataController, CustomersController, CatalogueController, OrdersController, EventsController, AccountController],
  providers: [
    {
      provide: IngestionService,
      inject: [DataSource],
      useFactory: (dataSource: DataSource) => new IngestionService(new PostgresIngestionStore(dataSource)),
    },
  ],
})
export class IngestionModule {}
