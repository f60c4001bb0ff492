import { Controller, Get } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { createZodDto } from 'nestjs-zod';
import { DataSource } from 'typeorm';
import { Overview } from '@marea/contracts';
import { readOverview } from '@marea/infra/persistence';
import { Allow, ANY_ROLE } from '../access/allow.decorator';

class OverviewDto extends createZodDto(Overview) {}

@ApiTags('overview')
@Allow(ANY_ROLE, ['read'])
@Controller('v1/overview')
export class OverviewController {
  constructor(private readonly dataSource: DataSource) {}

  @Get()
  @ApiOperation({
    summary: 'Headline figures of the account: customers, orders, revenue, products, recent events, stores',
    description:
      'Read live from the database. Money is in the account currency; revenue is after tax and discounts with ' +
      'returns subtracted and cancelled orders left out.',
  })
  @ApiOkResponse({ type: OverviewDto })
  overview(): Promise<Overview> {
    return readOverview(this.dataSource);
  }
}
