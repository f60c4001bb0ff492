import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiBadRequestResponse, ApiOkResponse, ApiOperation, ApiParam, ApiQuery, ApiTags } from '@nestjs/swagger';
import { createZodDto } from 'nestjs-zod';
import * as z from 'zod';
import { ApiErrorBody, SegmentValueList, SegmentValueMatches, SegmentValueSearchQuery } from '@marea/contracts';
import { DataSource } from 'typeorm';
import { PgSegmentValueSearch } from '@marea/infra/persistence';
import { Allow } from '../access/allow.decorator';
import { parseBody } from '../access/parse-body';

class SegmentValueMatchesDto extends createZodDto(SegmentValueMatches) {}
class ApiErrorDto extends createZodDto(ApiErrorBody) {}

/**
 * The long lists a rule may name (SKUs, tags, cities …), searched as the marketer types in the
 * rule builder's include / exclude chips: too many to send whole with the catalogue.
 */
@ApiTags('segments')
@Allow(['admin', 'marketer'])
@Controller('v1/segment-values')
export class SegmentValueSearchController {
  private readonly search: PgSegmentValueSearch;

  constructor(dataSource: DataSource) {
    this.search = new PgSegmentValueSearch(dataSource);
  }

  @Get(':list')
  @ApiOperation({
    summary: 'Search the names of a long list a segment rule may use: product SKUs, tags, city / country / language / gender, a text custom field',
    description: 'By prefix (products also by name), the most common first. `list` is `products`, `tags`, `field.city` … or `attributes.<custom field key>`.',
  })
  @ApiParam({ name: 'list', schema: { type: 'string', example: 'tags' } })
  @ApiQuery({ name: 'q', required: false, schema: { type: 'string', maxLength: 200 } })
  @ApiQuery({ name: 'limit', required: false, schema: { type: 'integer', minimum: 1, maximum: 50, default: 20 } })
  @ApiOkResponse({ type: SegmentValueMatchesDto })
  @ApiBadRequestResponse({ type: ApiErrorDto })
  async values(@Param('list') list: string, @Query() query: unknown): Promise<SegmentValueMatches> {
    const request = parseBody(z.object({ list: SegmentValueList, query: SegmentValueSearchQuery }), { list, query });
    return { items: await this.search.search(request.list, request.query.q, request.query.limit) };
  }
}
