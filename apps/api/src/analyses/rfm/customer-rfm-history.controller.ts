import { Controller, Get, Param, UseFilters } from '@nestjs/common';
import { ApiBadRequestResponse, ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
import { createZodDto } from 'nestjs-zod';
import { DataSource } from 'typeorm';
import { ApiErrorBody, CustomerId, RfmHistory } from '@marea/contracts';
import { customerVisibility, type Principal as Asker } from '@marea/domain/access';
import { readCustomerRfmHistory } from '@marea/infra/persistence';
import { Allow, ANY_ROLE } from '../../access/allow.decorator';
import { Principal } from '../../access/principal.decorator';
import { ClvModelRefusal } from '../clv-model/clv-model-refusal';
import { ClvModelRefusalFilter } from '../clv-model/clv-model-refusal.filter';

class RfmHistoryDto extends createZodDto(RfmHistory) {}
class ApiErrorDto extends createZodDto(ApiErrorBody) {}

@ApiTags('customers')
@Controller('v1/customers')
@UseFilters(ClvModelRefusalFilter)
@Allow(ANY_ROLE, ['read'])
export class CustomerRfmHistoryController {
  constructor(private readonly dataSource: DataSource) {}

  @Get(':id/rfm-history')
  @ApiOperation({
    summary: "A customer's RFM segment over time: each segment held, from when, until when (null: still held), newest first",
    description: 'Recorded by every whole-base metrics refresh (hourly and nightly). A manager sees only the customers they manage (404 for any other).',
  })
  @ApiParam({ name: 'id', description: "Marea's id of the customer, in decimal", example: '42' })
  @ApiOkResponse({ type: RfmHistoryDto })
  @ApiBadRequestResponse({ type: ApiErrorDto, description: 'the id is not a customer id' })
  @ApiNotFoundResponse({ type: ApiErrorDto, description: 'no customer has this id (or the manager does not manage them)' })
  async history(@Param('id') id: string, @Principal() asker: Asker): Promise<RfmHistory> {
    const parsed = CustomerId.safeParse(id);
    if (!parsed.success) {
      const message = parsed.error.issues[0].message;
      throw new ClvModelRefusal(400, 'INVALID_CUSTOMER_ID', `The customer id "${id}" ${message}.`, [{ field: 'id', message }]);
    }
    const history = await readCustomerRfmHistory(this.dataSource, parsed.data, customerVisibility(asker));
    if (!history) throw new ClvModelRefusal(404, 'CUSTOMER_NOT_FOUND', `There is no customer with id ${parsed.data}.`);
    return history;
  }
}
