import { Body, Controller, HttpCode, Param, Post, Req, UseFilters } from '@nestjs/common';
import { ApiBadRequestResponse, ApiBody, ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
import type { Request } from 'express';
import { createZodDto } from 'nestjs-zod';
import { DataSource } from 'typeorm';
import { ApiErrorBody, CustomerMergePreview, CustomerMergeRequest, CustomerMergeResult } from '@marea/contracts';
import { describePrincipal, type Principal as RequestPrincipal } from '@marea/domain/access';
import { mergeCustomers, previewCustomerMerge, type CustomerMergeOutcome } from '@marea/infra/persistence';
import { Allow } from '../access/allow.decorator';
import { AuditLog } from '../access/audit-log';
import { Principal } from '../access/principal.decorator';
import { CustomerRefusal } from './customer-request-refusal';
import { CustomerRefusalFilter } from './customer-refusal.filter';
import { customerIdOf, customerNotFound, parseRequest } from './customer-request-parsing';

class CustomerMergeRequestDto extends createZodDto(CustomerMergeRequest) {}
class CustomerMergePreviewDto extends createZodDto(CustomerMergePreview) {}
class CustomerMergeResultDto extends createZodDto(CustomerMergeResult) {}
class ApiErrorDto extends createZodDto(ApiErrorBody) {}

function settled<T>(outcome: CustomerMergeOutcome<T>): T {
  if (outcome.kind === 'not_found') throw customerNotFound(outcome.customerId);
  if (outcome.kind === 'rejected') {
    const summary = outcome.errors.map((error) => `${error.field}: ${error.message}`).join('; ');
    throw new CustomerRefusal('INVALID_MERGE', `${outcome.message} ${summary}.`, outcome.errors);
  }
  return outcome.value;
}

/** Merging duplicate profiles: a preview of every field's winner and of the rows that move, then the merge. */
@ApiTags('customers')
@Controller('v1/customers')
@UseFilters(CustomerRefusalFilter)
@Allow(['admin', 'marketer'])
export class CustomerMergeController {
  constructor(
    private readonly dataSource: DataSource,
    private readonly audit: AuditLog,
  ) {}

  @Post(':id/merge/preview')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Preview merging a duplicate into this customer: the winner of each field and the rows that move',
    description:
      'Each field takes the newest non-empty value (the profile changed last wins when both have one) unless `choices` names ' +
      'the side (`{"email": "survivor", "attributes.shoeSize": "absorbed"}`). Tags are united. Nothing is changed.',
  })
  @ApiParam({ name: 'id', description: 'the survivor: the profile that stays', example: '42' })
  @ApiBody({ type: CustomerMergeRequestDto })
  @ApiOkResponse({ type: CustomerMergePreviewDto })
  @ApiBadRequestResponse({ type: ApiErrorDto, description: 'INVALID_MERGE: a choice names an unknown field, or the ids are the same' })
  @ApiNotFoundResponse({ type: ApiErrorDto, description: 'one of the two customers does not exist' })
  async preview(@Param('id') id: string, @Body() body: unknown): Promise<CustomerMergePreview> {
    const request = parseRequest(CustomerMergeRequest, body, 'INVALID_MERGE', 'merge request');
    return settled(await previewCustomerMerge(this.dataSource, customerIdOf(id), request.absorbedId, request.choices));
  }

  @Post(':id/merge')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Merge a duplicate into this customer',
    description:
      'In one transaction: the fields as in the preview; orders, events, carts, consents (the newer per channel), tags, ' +
      'attributes, segment history, tasks, messages and every other row of the duplicate move to this customer; the merge ' +
      "is recorded in this customer's timeline and its figures are recomputed. The duplicate's id then answers 308 with " +
      "this customer's URL, and data pushed later under its external id lands here.",
  })
  @ApiParam({ name: 'id', description: 'the survivor: the profile that stays', example: '42' })
  @ApiBody({ type: CustomerMergeRequestDto })
  @ApiOkResponse({ type: CustomerMergeResultDto })
  @ApiBadRequestResponse({ type: ApiErrorDto, description: 'INVALID_MERGE: see details' })
  @ApiNotFoundResponse({ type: ApiErrorDto, description: 'one of the two customers does not exist' })
  async merge(@Param('id') id: string, @Body() body: unknown, @Principal() principal: RequestPrincipal, @Req() http: Request): Promise<CustomerMergeResult> {
    const survivorId = customerIdOf(id);
    const request = parseRequest(CustomerMergeRequest, body, 'INVALID_MERGE', 'merge request');
    const result = settled(
      await mergeCustomers(this.dataSource, survivorId, request.absorbedId, request.choices, { mergedBy: describePrincipal(principal), now: new Date() }),
    );
    await this.audit.record(http, 'customers.merged', { subject: `customer ${survivorId}`, details: { absorbedId: request.absorbedId } });
    return result;
  }
}
