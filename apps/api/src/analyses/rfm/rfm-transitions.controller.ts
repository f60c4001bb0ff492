import { Controller, Get, Query, UseFilters } from '@nestjs/common';
import { ApiBadRequestResponse, ApiOkResponse, ApiOperation, ApiQuery, ApiTags } from '@nestjs/swagger';
import { createZodDto } from 'nestjs-zod';
import { DataSource } from 'typeorm';
import { ApiErrorBody, RfmTransitionsQuery, RfmTransitionTable } from '@marea/contracts';
import { readRfmTransitions } from '@marea/infra/persistence';
import { Allow } from '../../access/allow.decorator';
import { ClvModelRefusal } from '../clv-model/clv-model-refusal';
import { ClvModelRefusalFilter } from '../clv-model/clv-model-refusal.filter';

class RfmTransitionTableDto extends createZodDto(RfmTransitionTable) {}
class ApiErrorDto extends createZodDto(ApiErrorBody) {}

@ApiTags('analyses')
@Controller('v1/analyses')
@UseFilters(ClvModelRefusalFilter)
@Allow(['admin', 'marketer'])
export class RfmTransitionsController {
  constructor(private readonly dataSource: DataSource) {}

  @Get('rfm-transitions')
  @ApiOperation({
    summary: 'Movement between RFM segments: how many customers went from each segment to each other between two days',
    description:
      'counts[i][j] is the number of customers in segments[i] at the end of `from` and in segments[j] at the end of `to` ' +
      "(days in the account's time zone), read from the RFM history that every whole-base metrics refresh records. " +
      'Customers without a segment on either day are not counted.',
  })
  @ApiQuery({ name: 'from', required: true, example: '2026-10-01' })
  @ApiQuery({ name: 'to', required: true, example: '2026-11-01' })
  @ApiOkResponse({ type: RfmTransitionTableDto })
  @ApiBadRequestResponse({ type: ApiErrorDto, description: 'from or to is not a date, or to is before from; `details` names the field' })
  async transitions(@Query() query: Record<string, string>): Promise<RfmTransitionTable> {
    const parsed = RfmTransitionsQuery.safeParse(query);
    if (!parsed.success) throw ClvModelRefusal.invalid('INVALID_RFM_TRANSITIONS_QUERY', 'The query', parsed.error);
    return readRfmTransitions((text, parameters) => this.dataSource.query(text, parameters), parsed.data, new Date());
  }
}
