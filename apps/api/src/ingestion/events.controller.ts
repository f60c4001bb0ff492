import { Body, Controller } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { BatchResult } from '@marea/contracts';
import { IngestionService } from '@marea/engine/ingestion';
import { BatchEnvelopePipe } from './batch-envelope.pipe';
import { BatchRoute } from './batch-route';
import { EventBatchDto } from './ingestion-documents';
import { Allow } from '../access/allow.decorator';
import { RateLimited } from '../access/rate-limit';

/** Behaviour: page and product views, carts, favourites, messages, custom events. */
@ApiTags('ingestion: events')
@Allow(['admin'], ['ingest'])
@RateLimited('ingestion')
@Controller('v1')
export class EventsController {
  constructor(private readonly ingestion: IngestionService) {}

  @BatchRoute(
    'events',
    'Record events',
    'Keyed by the sender\'s event id in `externalId`: an event is recorded once and a repeat is `unchanged`. ' +
      '`add_to_cart` / `remove_from_cart` update the cart `properties.cartId` (default: the customer\'s own cart) with ' +
      '`properties.sku`, `quantity` (default 1; a removal without it removes the line) and `price`; `favourite` / ' +
      '`unfavourite` update the favourites with `properties.sku`. An unknown customer or SKU is created and counted in ' +
      '`referencesCreated`; a `storeExternalId` must name a known store.',
    EventBatchDto,
  )
  events(@Body(BatchEnvelopePipe) items: unknown[]): Promise<BatchResult> {
    return this.ingestion.recordEvents(items);
  }
}
