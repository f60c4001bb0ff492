import { Controller, Get, Param, Query, Req, Res, UseFilters } from '@nestjs/common';
import { ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiParam, ApiQuery, ApiTags } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { createZodDto } from 'nestjs-zod';
import { DataSource } from 'typeorm';
import { ApiErrorBody, CustomerDataExport, CustomerExportFormat } from '@marea/contracts';
import { collectCustomerData } from '@marea/infra/persistence';
import { Allow } from '../access/allow.decorator';
import { AuditLog } from '../access/audit-log';
import { CustomerRefusal } from './customer-request-refusal';
import { CustomerRefusalFilter } from './customer-refusal.filter';
import { customerIdOf, customerNotFound } from './customer-request-parsing';
import { customerExportHtml, customerExportXml } from './customer-export-formats';

class CustomerDataExportDto extends createZodDto(CustomerDataExport) {}
class ApiErrorDto extends createZodDto(ApiErrorBody) {}

/** The data subject's rights: everything held about a customer, as JSON, XML or a page to read. */
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
}
