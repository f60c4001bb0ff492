import { Controller, Get, Query, UseFilters } from '@nestjs/common';
import { ApiBadRequestResponse, ApiOkResponse, ApiOperation, ApiQuery, ApiTags } from '@nestjs/swagger';
import { createZodDto } from 'nestjs-zod';
import { DataSource } from 'typeorm';
import { ApiErrorBody, ClvScoreTable, ClvStateLimits, ClvStateLimitsQuery } from '@marea/contracts';
import { readClvScoreTable } from '@marea/infra/persistence';
import { Allow } from '../access/allow.decorator';
import { AnalysesRefusal } from './analyses-refusal';
import { AnalysesRefusalFilter } from './analyses-refusal.filter';

class ClvScoreTableDto extends createZodDto(ClvScoreTable) {}
class ApiErrorDto extends createZodDto(ApiErrorBody) {}

@ApiTags('analyses')
@Controller('v1/analyses')
@UseFilters(AnalysesRefusalFilter)
@Allow(['admin', 'marketer'])
export class ClvStatesController {
  constructor(private readonly dataSource: DataSource) {}

  @Get('clv-states')
  @ApiOperation({
    summary: 'The CLV score table: customers, tickets, spend and recency by state (active, inactive, hibernating, lost)',
    description:
      'Computed live over the customers with at least one purchase. A customer is active below activeDays days since ' +
      'their last purchase, inactive below inactiveDays, hibernating below hibernatingDays, lost from there on. Spend is ' +
      'net revenue (returns subtracted, cancelled orders left out) in the account currency; purchases on one local day ' +
      'of the store are one ticket. Shares are 0–1.',
  })
  @ApiQuery({ name: 'activeDays', required: false, example: 182 })
  @ApiQuery({ name: 'inactiveDays', required: false, example: 365 })
  @ApiQuery({ name: 'hibernatingDays', required: false, example: 730 })
  @ApiOkResponse({ type: ClvScoreTableDto })
  @ApiBadRequestResponse({ type: ApiErrorDto, description: 'a limit is not a whole number of days ≥ 1, or the limits do not increase' })
  async clvStates(@Query() query: Record<string, string>): Promise<ClvScoreTable> {
    const limits = ClvStateLimitsQuery.pipe(ClvStateLimits).safeParse(query);
    if (!limits.success) {
      const details = limits.error.issues.map((issue) => ({ field: issue.path.join('.'), message: issue.message }));
      const summary = details.map(({ field, message }) => `${field} ${message}`).join('; ');
      throw new AnalysesRefusal(400, 'INVALID_CLV_STATE_LIMITS', `The state limits are wrong: ${summary}.`, details);
    }
    return readClvScoreTable((text, parameters) => this.dataSource.query(text, parameters), limits.data, new Date());
  }
}
