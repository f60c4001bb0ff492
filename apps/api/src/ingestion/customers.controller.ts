import { Body, Controller } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { BatchResult } from '@marea/contracts';
import { IngestionService } from '@marea/engine/ingestion';
import { BatchEnvelopePipe } from './batch-envelope.pipe';
import { BatchRoute } from './batch-route';
import { ConsentBatchDto, CustomerBatchDto } from './ingestion-documents';
import { Allow } from '../access/allow.decorator';
import { RateLimited } from '../access/rate-limit';

/** Customer profiles and their consents. */
@ApiTags('ingestion: customers')
@Allow(['admin'], ['ingest'])
@RateLimited('ingestion')
@Controller('v1')
export class CustomersController {
  constructor(private readonly ingestion: IngestionService) {}

  @BatchRoute(
    'customers',
    'Create or update customers',
    'Keyed by `externalId`. A field left out keeps its stored value, `null` clears it; `tags` replace the stored tags; ' +
      '`attributes` set only the custom fields they name (typed by their definition, `null` clears one). `managerEmail` ' +
      'names the responsible manager: an unknown email creates a user with the role manager (counted in `referencesCreated.managers`).',
    CustomerBatchDto,
  )
  customers(@Body(BatchEnvelopePipe) items: unknown[]): Promise<BatchResult> {
    return this.ingestion.upsertCustomers(items);
  }

  @BatchRoute(
    'consents',
    'Record consents given or withdrawn',
    'Each change (customer, channel, status, `changedAt`) is kept once in the history: `created` the first time, `unchanged` ' +
      'when sent again. The newest change per customer and channel is the consent, whatever order changes arrive in; at the ' +
      'same instant a withdrawal wins. An unknown customer is created.',
    ConsentBatchDto,
  )
  consents(@Body(BatchEnvelopePipe) items: unknown[]): Promise<BatchResult> {
    return this.ingestion.recordConsents(items);
  }
}
