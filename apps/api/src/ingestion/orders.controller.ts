import { Body, Controller } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { BatchResult } from '@marea/contracts';
import { IngestionService } from '@marea/engine/ingestion';
import { BatchEnvelopePipe } from './batch-envelope.pipe';
import { BatchRoute } from './batch-route';
import { OrderBatchDto } from './ingestion-documents';
import { Allow } from '../access/allow.decorator';
import { RateLimited } from '../access/rate-limit';

/** Orders and returns. */
@ApiTags('ingestion: orders')
@Allow(['admin'], ['ingest'])
@RateLimited('ingestion')
@Controller('v1')
export class OrdersController {
  constructor(private readonly ingestion: IngestionService) {}

  @BatchRoute(
    'orders',
    'Create or replace orders and returns',
    'Keyed by `externalId`; an order is replaced as a whole. Quantities, tax, cost and totals are positive in a sale and ' +
      'negative in a return (`kind: "return"`). A line total defaults to quantity × unitPrice − discount + tax (a return\'s ' +
      'discount reduces the refund); the order total defaults to the lines plus shipping less any order discount not on ' +
      'the lines, and a given total must agree with that. Margin = total − tax − cost when the cost is known. Money is in ' +
      '`currency` (default: the store\'s) and converted to the account currency at the latest rate on or before the order ' +
      'date. The store must exist; an unknown customer or SKU is created and counted in `referencesCreated`.',
    OrderBatchDto,
  )
  orders(@Body(BatchEnvelopePipe) items: unknown[]): Promise<BatchResult> {
    return this.ingestion.upsertOrders(items);
  }
}
