import { Body, Controller } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { BatchResult } from '@marea/contracts';
import { IngestionService } from '@marea/engine/ingestion';
import { BatchEnvelopePipe } from './batch-envelope.pipe';
import { BatchRoute } from './batch-route';
import { ProductBatchDto } from './ingestion-documents';
import { Allow } from '../access/allow.decorator';
import { RateLimited } from '../access/rate-limit';

/** The product catalogue. */
@ApiTags('ingestion: catalogue')
@Allow(['admin'], ['ingest'])
@RateLimited('ingestion')
@Controller('v1')
export class CatalogueController {
  constructor(private readonly ingestion: IngestionService) {}

  @BatchRoute(
    'products',
    'Create or update products',
    'Keyed by the SKU in `externalId`. A field left out keeps its stored value, `null` clears it; `attributes` set only the ' +
      'keys they name; `categories` (paths such as "Hogar > Cocina") replace the product\'s categories, and every level of a ' +
      'path is created when new. Products first seen in an order or event exist as stubs until sent here.',
    ProductBatchDto,
  )
  products(@Body(BatchEnvelopePipe) items: unknown[]): Promise<BatchResult> {
    return this.ingestion.upsertProducts(items);
  }
}
