import { Controller, Get } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { createZodDto } from 'nestjs-zod';
import { SegmentCatalogue } from '@marea/contracts';
import { DataSource } from 'typeorm';
import { PgSegmentCatalogueSource } from '@marea/infra/persistence';
import { Allow } from '../access/allow.decorator';

class SegmentCatalogueDto extends createZodDto(SegmentCatalogue) {}

/**
 * What a rule may refer to, for the rule builder: it offers these names as autocomplete and
 * validates a rule in the browser against exactly the catalogue the server validates with.
 * A separate path, not `segments/values`, so it can never shadow a segment coded "values".
 */
@ApiTags('segments')
@Allow(['admin', 'marketer'])
@Controller('v1/segment-values')
export class SegmentValuesController {
  private readonly source: PgSegmentCatalogueSource;

  constructor(dataSource: DataSource) {
    this.source = new PgSegmentCatalogueSource(dataSource);
  }

  @Get()
  @ApiOperation({
    summary: 'The names a segment rule may use: time zone, custom fields, categories, stores, managers and segment codes',
    description: 'Products are not listed (a shop has too many); the rule builder takes SKUs as typed.',
  })
  @ApiOkResponse({ type: SegmentCatalogueDto })
  values(): Promise<SegmentCatalogue> {
    return this.source.catalogue();
  }
}
