import { Controller, MessageEvent, Param, Sse, UseFilters } from '@nestjs/common';
import { ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiParam, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { Observable } from 'rxjs';
import { DataSource } from 'typeorm';
import { customerVisibility, type Principal as RequestPrincipal } from '@marea/domain/access';
import { isVisibleCustomer } from '@marea/infra/persistence';
import { ANY_ROLE, Allow } from '../access/allow.decorator';
import { Principal } from '../access/principal.decorator';
import { CustomerActivityHost } from './customer-activity.host';
import { CustomerRefusalFilter } from './customer-refusal.filter';
import { customerIdOf, customerNotFound } from './customer-request-parsing';

@ApiTags('customers')
@Controller('v1/customers')
@UseFilters(CustomerRefusalFilter)
export class CustomerLiveController {
  constructor(
    private readonly dataSource: DataSource,
    private readonly activity: CustomerActivityHost,
  ) {}

  @Sse(':id/live')
  @Allow(ANY_ROLE, ['read'])
  @ApiOperation({
    summary: "Server-sent events of a customer's new activity, for an open profile page",
    description:
      'An `activity` event `{customerId, at}` each time events of this customer are recorded (after their commit); the page ' +
      'then reloads the newest timeline entries. A `ready` event says the stream is listening. Other customers\' activity ' +
      'is never sent. The stream carries no personal data.',
  })
  @ApiParam({ name: 'id', description: "Marea's id of the customer, in decimal", example: '42' })
  @ApiProduces('text/event-stream')
  @ApiOkResponse({ description: 'text/event-stream', schema: { type: 'string' } })
  @ApiNotFoundResponse({ description: 'no customer has this id' })
  async live(@Param('id') id: string, @Principal() principal: RequestPrincipal): Promise<Observable<MessageEvent>> {
    const customerId = customerIdOf(id);
    if (!(await isVisibleCustomer(this.dataSource, customerId, customerVisibility(principal)))) throw customerNotFound(customerId);
    return this.activity.streamOf(customerId);
  }
}
