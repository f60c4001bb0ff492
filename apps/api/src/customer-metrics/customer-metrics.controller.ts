import { Controller, Get, Param, UseFilters } from '@nestjs/common';
import { ApiBadRequestResponse, ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
import { createZodDto } from 'nestjs-zod';
import { DataSource } from 'typeorm';
import { ApiErrorBody, CustomerId, CustomerMetrics } from '@marea/contracts';
import { customerVisibility, type Principal as Asker } from '@marea/domain/access';
import { readCustomerMetrics } from '@marea/infra/persistence';
import { Allow, ANY_ROLE } from '../access/allow.decorator';
import { Principal } from '../access/principal.decorator';
import { CustomerMetricsRefusal } from './customer-metrics-refusal';
import { CustomerMetricsRefusalFilter } from './customer-metrics-refusal.filter';

class CustomerMetricsDto extends createZodDto(CustomerMetrics) {}
class ApiErrorDto extends createZodDto(ApiErrorBody) {}

@ApiTags('customers')
@Controller('v1/customers')
@UseFilters(CustomerMetricsRefusalFilter)
@Allow(ANY_ROLE, ['read'])
export class CustomerMetricsController {
  constructor(private readonly dataSource: DataSource) {}

  @Get(':id/metrics')
  @ApiOperation({
    summary: "A customer's purchase metrics: tickets, revenue, margin, averages, first and last purchase, affinity, RFM",
    description:
      'Computed live from the customer\'s orders as of now; docs/customer-metrics.md defines every figure. Money is net ' +
      '(after tax and discounts, returns subtracted, cancelled orders left out) in the account currency at the rate of ' +
      'each order\'s date; purchases on one calendar day in the store\'s time zone are one ticket. Affinity is shown from ' +
      '3 tickets on. RFM scores are quintiles over the whole base, dealt hourly (null until the customer has been scored). ' +
      'A manager sees only the customers they manage (404 for any other).',
  })
  @ApiParam({ name: 'id', description: "Marea's id of the customer, in decimal", example: '42' })
  @ApiOkResponse({ type: CustomerMetricsDto })
  @ApiBadRequestResponse({ type: ApiErrorDto, description: 'the id is not a customer id' })
  @ApiNotFoundResponse({ type: ApiErrorDto, description: 'no customer has this id' })
  async metrics(@Param('id') id: string, @Principal() asker: Asker): Promise<CustomerMetrics> {
    const parsed = CustomerId.safeParse(id);
    if (!parsed.success) {
      const message = parsed.error.issues[0].message;
      throw new CustomerMetricsRefusal(400, 'INVALID_CUSTOMER_ID', `The customer id "${id}" ${message}.`, [{ field: 'id', message }]);
    }
    const metrics = await readCustomerMetrics(this.dataSource, parsed.data, new Date(), customerVisibility(asker));
    if (!metrics) throw new CustomerMetricsRefusal(404, 'CUSTOMER_NOT_FOUND', `There is no customer with id ${parsed.data}.`);
    return metrics;
  }
}
