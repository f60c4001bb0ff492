import { Controller, Get, HttpCode, Param, Post, Query, Req, Res, UseFilters } from '@nestjs/common';
import { ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiParam, ApiQuery, ApiTags } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { createZodDto } from 'nestjs-zod';
import { DataSource } from 'typeorm';
import { ApiErrorBody, CustomerDataExport, CustomerErasureResult, CustomerExportFormat } from '@marea/contracts';
import { collectCustomerData, eraseCustomer } from '@marea/infra/persistence';
import { Allow } from '../access/allow.decorator';
import { AuditLog } from '../access/audit-log';
import { CustomerRefusal } from './customer-request-refusal';
import { CustomerRefusalFilter } from './customer-refusal.filter';
import { customerIdOf, customerNotFound } from './customer-request-parsing';
import { customerExportHtml, customerExportXml } from './customer-export-formats';

class CustomerDataExportDto extends createZodDto(CustomerDataExport) {}
class CustomerErasureResultDto extends createZodDto(CustomerErasureResult) {}
class ApiErrorDto extends createZodDto(ApiErrorBody) {}

/** The data subject's rights: everything held about a customer (JSON, XML or a page to read), and erasure. */
@ApiTags('customers')
@Controller('v1/customers')
@UseFilters(CustomerRefusalFilter)
@Allow(['admin', 'marketer'])
export class CustomerPrivacyController {
  constructor(
    private readonly dataSource: DataSource,
    private readonly audit: AuditLog,
  ) {}

  @Get(':id/export')
  @ApiOperation({
    summary: 'Export everything held about a customer (GDPR access and portability): JSON, XML or a readable HTML page',
    description:
      'The profile, the profiles merged into it and every row of every table that belongs to the customer (orders with ' +
      'their lines, events, consents and their history, carts, favourites, segment history, changes, messages, tasks …), ' +
      'read in one snapshot. JSON and XML come as a file to download; HTML as a page. Recorded in the audit log.',
  })
  @ApiParam({ name: 'id', description: "Marea's id of the customer", example: '42' })
  @ApiQuery({ name: 'format', required: false, enum: CustomerExportFormat.options })
  @ApiOkResponse({ type: CustomerDataExportDto, description: 'format=json; xml and html carry the same content' })
  @ApiNotFoundResponse({ type: ApiErrorDto })
  async export(@Param('id') id: string, @Query('format') format: string | undefined, @Req() request: Request, @Res() response: Response): Promise<void> {
    const customerId = customerIdOf(id);
    const parsed = CustomerExportFormat.safeParse(format ?? 'json');
    if (!parsed.success) {
      const message = `must be one of ${CustomerExportFormat.options.join(', ')}`;
      throw new CustomerRefusal('INVALID_QUERY', `The export format "${format}" ${message}.`, [{ field: 'format', message }]);
    }
    const data = await collectCustomerData(this.dataSource, customerId, new Date());
    if (!data) throw customerNotFound(customerId);
    await this.audit.record(request, 'customers.exported', { subject: `customer ${customerId}`, details: { format: parsed.data } });
    const file = `customer-${customerId}`;
    if (parsed.data === 'json') response.type('application/json').attachment(`${file}.json`).send(JSON.stringify(data, null, 2));
    else if (parsed.data === 'xml') response.type('application/xml').attachment(`${file}.xml`).send(customerExportXml(data));
    else response.type('text/html; charset=utf-8').send(customerExportHtml(data));
  }

  @Post(':id/erasure')
  @HttpCode(200)
  @Allow(['admin'])
  @ApiOperation({
    summary: 'Erase a customer (right to be forgotten): no personal data is left; orders stay, anonymous',
    description:
      'In one transaction: every row about the customer is deleted (events and their properties, consents, carts, ' +
      'favourites, changes, segment history, messages and their bodies, tasks, queued jobs, profiles merged into it, ' +
      'rejected CSV rows and kept import files naming them) except the orders, which stay on an anonymous record so ' +
      'revenue totals do not change. A one-way hash of each identifier (external id, email, phone) is kept, and data ' +
      'pushed later naming them is rejected with the erasure date. Cannot be undone. Recorded in the audit log.',
  })
  @ApiParam({ name: 'id', description: "Marea's id of the customer", example: '42' })
  @ApiOkResponse({ type: CustomerErasureResultDto })
  @ApiNotFoundResponse({ type: ApiErrorDto, description: 'no customer has this id' })
  async erase(@Param('id') id: string, @Req() request: Request): Promise<CustomerErasureResult> {
    const customerId = customerIdOf(id);
    const outcome = await eraseCustomer(this.dataSource, customerId, new Date());
    if (outcome.kind === 'not_found') throw customerNotFound(customerId);
    if (outcome.kind === 'erased') await this.audit.record(request, 'customer.erased', { subject: `customer ${customerId}`, details: { removedRows: outcome.removedRows } });
    return { customerId, erasedAt: outcome.erasedAt.toISOString(), removedRows: outcome.kind === 'erased' ? outcome.removedRows : 0 };
  }
}
