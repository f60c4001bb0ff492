import { Body, Controller } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { BatchResult } from '@marea/contracts';
import { IngestionService } from '@marea/engine/ingestion';
import { BatchEnvelopePipe } from './batch-envelope.pipe';
import { BatchRoute } from './batch-route';
import { CurrencyRateBatchDto, CustomFieldBatchDto, StoreBatchDto } from './ingestion-documents';
import { Allow } from '../access/allow.decorator';
import { RateLimited } from '../access/rate-limit';

/** What other records refer to: stores, exchange rates and custom-field definitions. */
@ApiTags('ingestion: reference data')
@Allow(['admin'], ['ingest'])
@RateLimited('ingestion')
@Controller('v1')
export class ReferenceDataController {
  constructor(private readonly ingestion: IngestionService) {}

  @BatchRoute(
    'stores',
    'Create or update stores and business units',
    'Keyed by `externalId`. A store is a web shop (`ecommerce`) or a physical `store` with its own currency, the default currency of its orders.',
    StoreBatchDto,
  )
  stores(@Body(BatchEnvelopePipe) items: unknown[]): Promise<BatchResult> {
    return this.ingestion.upsertStores(items);
  }

  @BatchRoute(
    'currency-rates',
    'Create or update daily exchange rates into the account currency',
    'Keyed by `currency` and `date`; `rate` is how many units of the account currency one unit of `currency` was worth. ' +
      'An order converts at the latest rate on or before its date (in the account time zone); orders already stored keep their rate.',
    CurrencyRateBatchDto,
  )
  currencyRates(@Body(BatchEnvelopePipe) items: unknown[]): Promise<BatchResult> {
    return this.ingestion.upsertCurrencyRates(items);
  }

  @BatchRoute(
    'custom-fields',
    'Define typed custom fields of customers',
    'Keyed by `key`. The type (text, number, date, boolean) types the values customers carry in `attributes`; it cannot change once customers have values for the field.',
    CustomFieldBatchDto,
  )
  customFields(@Body(BatchEnvelopePipe) items: unknown[]): Promise<BatchResult> {
    return this.ingestion.upsertCustomFields(items);
  }
}
