import { Body, Controller, Get, Param, Patch, Query, UseFilters } from '@nestjs/common';
import { ApiBadRequestResponse, ApiBody, ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiParam, ApiQuery, ApiTags } from '@nestjs/swagger';
import { createZodDto } from 'nestjs-zod';
import { DataSource } from 'typeorm';
import {
  ApiErrorBody,
  CustomerEdit,
  CustomerProfile,
  CustomerSearchPage,
  CustomerSearchQuery,
  TimelineEntryType,
  TimelinePage,
  TimelineQuery,
} from '@marea/contracts';
import { customerVisibility, describePrincipal, type Principal as RequestPrincipal } from '@marea/domain/access';
import { decodeTimelineCursor } from '@marea/domain/customers';
import { editCustomer, isVisibleCustomer, readCustomerProfile, readCustomerTimeline, searchCustomers, survivorOf } from '@marea/infra/persistence';
import { ANY_ROLE, Allow } from '../access/allow.decorator';
import { Principal } from '../access/principal.decorator';
import { CustomerRefusal } from './customer-request-refusal';
import { CustomerRefusalFilter } from './customer-refusal.filter';
import { customerIdOf, customerMerged, customerNotFound, parseRequest } from './customer-request-parsing';

class CustomerSearchPageDto extends createZodDto(CustomerSearchPage) {}
class CustomerProfileDto extends createZodDto(CustomerProfile) {}
class CustomerEditDto extends createZodDto(CustomerEdit) {}
class TimelinePageDto extends createZodDto(TimelinePage) {}
class ApiErrorDto extends createZodDto(ApiErrorBody) {}

@ApiTags('customers')
@Controller('v1/customers')
@UseFilters(CustomerRefusalFilter)
export class CustomersController {
  constructor(private readonly dataSource: DataSource) {}

  /**
   * The customer's id when whoever asks may see them (a manager: their own customers only); a
   * redirect to the survivor for a profile merged away; 404 otherwise.
   */
  private async visibleCustomer(id: string, principal: RequestPrincipal): Promise<string> {
    const customerId = customerIdOf(id);
    if (await isVisibleCustomer(this.dataSource, customerId, customerVisibility(principal))) return customerId;
    const survivorId = await survivorOf(this.dataSource, customerId);
    if (survivorId && (await isVisibleCustomer(this.dataSource, survivorId, customerVisibility(principal)))) throw customerMerged(customerId, survivorId);
    throw customerNotFound(customerId);
  }

  @Get()
  @Allow(ANY_ROLE, ['read'])
  @ApiOperation({
    summary: 'Search customers by name, email, phone or external id',
    description:
      'Every word of `q` must occur in the name, email, external id or phone, ignoring case and accents ("garcia" finds ' +
      'García). A query that looks like a phone number matches its digits however the number was written. A query ' +
      'without any word of 3 characters or more matches exact external ids, emails and phones only. Newest customers ' +
      'first; without `q`, every customer.',
  })
  @ApiQuery({ name: 'q', required: false, schema: { type: 'string', maxLength: 200 } })
  @ApiQuery({ name: 'page', required: false, schema: { type: 'integer', minimum: 1, default: 1 } })
  @ApiQuery({ name: 'pageSize', required: false, schema: { type: 'integer', minimum: 1, maximum: 100, default: 25 } })
  @ApiOkResponse({ type: CustomerSearchPageDto })
  @ApiBadRequestResponse({ type: ApiErrorDto })
  search(@Query() query: Record<string, unknown>, @Principal() principal: RequestPrincipal): Promise<CustomerSearchPage> {
    const search = parseRequest(CustomerSearchQuery, query, 'INVALID_QUERY', 'search');
    return searchCustomers(this.dataSource, search, customerVisibility(principal));
  }

  @Get(':id')
  @Allow(ANY_ROLE, ['read'])
  @ApiOperation({
    summary: "A customer's 360° profile: personal and contact data, consents, tags, attributes, cart, favourites, last order, segments",
    description:
      'The purchase figures are at GET /api/v1/customers/{id}/metrics and the history at …/timeline. The RFM segment and CLV ' +
      'state of the header come from the customer metrics (null until computed). Money is in the account currency, except ' +
      'the cart, valued in its store\'s currency.',
  })
  @ApiParam({ name: 'id', description: "Marea's id of the customer, in decimal", example: '42' })
  @ApiOkResponse({ type: CustomerProfileDto })
  @ApiBadRequestResponse({ type: ApiErrorDto, description: 'the id is not a customer id' })
  @ApiNotFoundResponse({ type: ApiErrorDto, description: 'no customer has this id' })
  async profile(@Param('id') id: string, @Principal() principal: RequestPrincipal): Promise<CustomerProfile> {
    const customerId = await this.visibleCustomer(id, principal);
    const profile = await readCustomerProfile(this.dataSource, customerId);
    if (!profile) throw customerNotFound(customerId);
    return profile;
  }

  @Patch(':id')
  @Allow(ANY_ROLE)
  @ApiOperation({
    summary: 'Edit a customer: personal and contact data, tags, typed custom fields',
    description:
      'A field left out keeps its value, `null` clears it; `tags` replace the tags; `attributes` set the custom fields they ' +
      'name, each of its defined type (`null` clears one). The edit is checked whole and every problem is listed with its ' +
      'field; nothing is stored unless all of it is valid. Each changed field is recorded in the timeline (attribute_change). ' +
      'Answers the updated profile.',
  })
  @ApiParam({ name: 'id', description: "Marea's id of the customer, in decimal", example: '42' })
  @ApiBody({ type: CustomerEditDto })
  @ApiOkResponse({ type: CustomerProfileDto })
  @ApiBadRequestResponse({ type: ApiErrorDto, description: 'the edit is not valid; `details` names every field' })
  @ApiNotFoundResponse({ type: ApiErrorDto, description: 'no customer has this id' })
  async edit(@Param('id') id: string, @Body() body: unknown, @Principal() principal: RequestPrincipal): Promise<CustomerProfile> {
    const customerId = await this.visibleCustomer(id, principal);
    const edit = parseRequest(CustomerEdit, body, 'INVALID_CUSTOMER_EDIT', 'edit');
    const today = new Date().toISOString().slice(0, 10);
    const outcome = await editCustomer(this.dataSource, customerId, edit, { changedBy: describePrincipal(principal), today });
    if (outcome.kind === 'not_found') throw customerNotFound(customerId);
    if (outcome.kind === 'rejected') {
      const summary = outcome.errors.map((error) => `${error.field}: ${error.message}`).join('; ');
      throw new CustomerRefusal('INVALID_CUSTOMER_EDIT', `The edit is not valid: ${summary}.`, outcome.errors);
    }
    return this.profile(customerId, principal);
  }

  @Get(':id/timeline')
  @Allow(ANY_ROLE, ['read'])
  @ApiOperation({
    summary: "A customer's timeline, newest first: orders, web visits, form answers, events, consent and attribute changes, segment entries and exits, messages, tasks",
    description:
      'Keyset-paged: pass the answer\'s `nextBefore` as `before` for the next page. `types` filters by a comma-separated list ' +
      `of ${TimelineEntryType.options.join(', ')}. ` +
      'Events of one web visit form one `visit` entry, live while its newest event is less than 30 minutes old.',
  })
  @ApiParam({ name: 'id', description: "Marea's id of the customer, in decimal", example: '42' })
  @ApiQuery({ name: 'before', required: false, schema: { type: 'string' } })
  @ApiQuery({ name: 'limit', required: false, schema: { type: 'integer', minimum: 1, maximum: 100, default: 20 } })
  @ApiQuery({ name: 'types', required: false, schema: { type: 'string', example: 'order,visit' } })
  @ApiOkResponse({ type: TimelinePageDto })
  @ApiBadRequestResponse({ type: ApiErrorDto })
  @ApiNotFoundResponse({ type: ApiErrorDto, description: 'no customer has this id' })
  async timeline(@Param('id') id: string, @Query() query: Record<string, unknown>, @Principal() principal: RequestPrincipal): Promise<TimelinePage> {
    const customerId = await this.visibleCustomer(id, principal);
    const request = parseRequest(TimelineQuery, query, 'INVALID_QUERY', 'timeline query');
    const before = request.before === undefined ? null : decodeTimelineCursor(request.before);
    if (request.before !== undefined && !before) {
      const message = 'must be the nextBefore of a previous page';
      throw new CustomerRefusal('INVALID_QUERY', `The timeline query is not valid: before: ${message}.`, [{ field: 'before', message }]);
    }
    return readCustomerTimeline(this.dataSource, { customerId, before, limit: request.limit, types: request.types, now: new Date() });
  }
}
