import { Controller, Get, Inject, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiQuery, ApiTags } from '@nestjs/swagger';
import * as z from 'zod';
import type { AuditPage } from '@marea/contracts';
import { PgAuditLog } from '@marea/infra/persistence';
import { AuditPageDto } from './access-documents';
import { Allow } from './allow.decorator';
import { parseBody } from './parse-body';

const AuditQuery = z.object({
  limit: z.coerce.number().int().min(1).max(500).default(100),
  before: z.string().regex(/^\d{1,18}$/, 'must be an entry id').optional(),
});

@ApiTags('access')
@Allow(['admin'])
@Controller('v1/audit-log')
export class AuditLogController {
  constructor(@Inject(PgAuditLog) private readonly log: PgAuditLog) {}

  @Get()
  @ApiOperation({
    summary: 'The audit log, newest first: sign-ins, user and key changes, exports, erasures, merges, automation activations',
    description: 'Pages by `before` (the `before` of the previous answer).',
  })
  @ApiQuery({ name: 'limit', required: false, schema: { type: 'integer', minimum: 1, maximum: 500, default: 100 } })
  @ApiQuery({ name: 'before', required: false, schema: { type: 'string' } })
  @ApiOkResponse({ type: AuditPageDto })
  page(@Query() query: unknown): Promise<AuditPage> {
    const { limit, before } = parseBody(AuditQuery, query);
    return this.log.page(limit, before);
  }
}
