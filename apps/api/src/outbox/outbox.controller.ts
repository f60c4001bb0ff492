import { Controller, Get, Param, Query, UseFilters } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiParam, ApiQuery, ApiResponse, ApiTags } from '@nestjs/swagger';
import { createZodDto } from 'nestjs-zod';
import { OUTBOX_PAGE_MAX, OutboxChannel, OutboxMessage, OutboxPage, OutboxQuery } from '@marea/contracts';
import { OutboxStore } from '@marea/infra/messaging';
import { Allow } from '../access/allow.decorator';
import { OutboxRefusal, OutboxRefusalFilter } from './outbox-refusal';

class OutboxPageDto extends createZodDto(OutboxPage) {}
class OutboxMessageDto extends createZodDto(OutboxMessage) {}

/**
 * The built-in outbox: the messages the embedded default kept instead of sending (no SMTP
 * server, no Twilio account configured), shown as their recipients would have received them.
 */
@ApiTags('outbox')
@Allow(['admin', 'marketer'])
@UseFilters(OutboxRefusalFilter)
@Controller('v1/outbox')
export class OutboxController {
  constructor(private readonly outbox: OutboxStore) {}

  @Get()
  @ApiOperation({ summary: 'Messages kept in the outbox, newest first, a page at a time; by customer or channel' })
  @ApiQuery({ name: 'channel', required: false, enum: OutboxChannel.options })
  @ApiQuery({ name: 'customerId', required: false, schema: { type: 'string', pattern: '^\\d+$' } })
  @ApiQuery({ name: 'before', required: false, description: 'The `nextBefore` of the previous page', schema: { type: 'string', pattern: '^\\d+$' } })
  @ApiQuery({ name: 'limit', required: false, schema: { type: 'integer', minimum: 1, maximum: OUTBOX_PAGE_MAX, default: 50 } })
  @ApiOkResponse({ type: OutboxPageDto })
  @ApiResponse({ status: 400, description: 'INVALID_OUTBOX_QUERY: a filter is malformed (details name it)' })
  list(@Query() query: Record<string, string>): Promise<OutboxPage> {
    const parsed = OutboxQuery.safeParse(query);
    if (!parsed.success) {
      const details = parsed.error.issues.map((issue) => ({ field: issue.path.join('.') || '(query)', message: issue.message }));
      throw new OutboxRefusal('INVALID_OUTBOX_QUERY', `The outbox query is not valid: ${details.map((d) => `${d.field} ${d.message}`).join('; ')}`, details);
    }
    return this.outbox.list(parsed.data);
  }

  @Get(':id')
  @ApiOperation({ summary: 'One message of the outbox as received: headers, HTML and text' })
  @ApiParam({ name: 'id', schema: { type: 'string', pattern: '^\\d+$' } })
  @ApiOkResponse({ type: OutboxMessageDto })
  @ApiResponse({ status: 404, description: 'OUTBOX_MESSAGE_NOT_FOUND' })
  async get(@Param('id') id: string): Promise<OutboxMessage> {
    const message = /^\d{1,18}$/.test(id) ? await this.outbox.get(id) : null;
    if (!message) throw new OutboxRefusal('OUTBOX_MESSAGE_NOT_FOUND', `There is no message ${id} in the outbox`);
    return message;
  }
}
