import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post, Query, Req, Res, UseFilters } from '@nestjs/common';
import { ApiBody, ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiParam, ApiProduces, ApiQuery, ApiResponse, ApiTags } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import type { Segment, SegmentList, SegmentMemberPage, SegmentPreview, SegmentSizeHistory } from '@marea/contracts';
import type { Principal as RequestPrincipal } from '@marea/domain/access';
import { SegmentService } from '@marea/engine/segments';
import { Allow } from '../access/allow.decorator';
import { Principal } from '../access/principal.decorator';
import { AuditLog } from '../access/audit-log';
import { csvLine } from './csv-cell';
import {
  SegmentDto,
  SegmentEditDto,
  SegmentErrorDto,
  SegmentInputDto,
  SegmentListDto,
  SegmentMemberPageDto,
  SegmentPreviewDto,
  SegmentPreviewRequestDto,
  SegmentSizeHistoryDto,
} from './segment-documents';
import { SegmentsErrorFilter } from './segments-error.filter';

const CODE = { name: 'code', description: 'the segment\'s symbolic code, e.g. vip-garden' };
const EXPORT_COLUMNS = ['customer_id', 'external_id', 'first_name', 'last_name', 'email', 'phone', 'city', 'country', 'entered_at'];

/** Segments: definitions, their background computation, members, export and size history. */
@ApiTags('segments')
@Allow(['admin', 'marketer'])
@Controller('v1/segments')
@UseFilters(SegmentsErrorFilter)
export class SegmentsController {
  constructor(
    private readonly segments: SegmentService,
    private readonly audit: AuditLog,
  ) {}

  @Get()
  @ApiOperation({ summary: 'Every segment with its size and the state of its computation' })
  @ApiOkResponse({ type: SegmentListDto })
  async list(): Promise<SegmentList> {
    return { items: await this.segments.list() };
  }

  @Post()
  @ApiOperation({
    summary: 'Create a segment; it is computed in the background at once',
    description:
      'A static segment is computed once and then locked; a dynamic one is recomputed every recomputeEveryMinutes ' +
      '(default 240, at least hourly when its rule reads the clock) and in real time for customers whose data changes. ' +
      'The rule is described in docs/segment-rules.md; every problem is reported in details with its path (rule.conditions[0].test.value).',
  })
  @ApiBody({ type: SegmentInputDto })
  @ApiResponse({ status: 201, type: SegmentDto })
  @ApiResponse({ status: 400, type: SegmentErrorDto, description: 'INVALID_SEGMENT: see details for each problem and its path' })
  @ApiResponse({ status: 409, type: SegmentErrorDto, description: 'SEGMENT_CODE_TAKEN' })
  create(@Body() body: unknown, @Principal() principal: RequestPrincipal | null): Promise<Segment> {
    return this.segments.create(body, principal?.kind === 'user' ? principal.userId : null);
  }

  @Post('preview')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Preview an unsaved rule: how many customers it selects now and the first 50',
    description: 'Stopped after a time limit (5 s) with 422 PREVIEW_TIMEOUT; saved segments are computed without it.',
  })
  @ApiBody({ type: SegmentPreviewRequestDto })
  @ApiOkResponse({ type: SegmentPreviewDto })
  @ApiResponse({ status: 400, type: SegmentErrorDto, description: 'INVALID_SEGMENT: see details' })
  @ApiResponse({ status: 422, type: SegmentErrorDto, description: 'PREVIEW_TIMEOUT: the rule took longer than the limit' })
  preview(@Body() body: unknown): Promise<SegmentPreview> {
    return this.segments.preview(body);
  }

  @Get(':code')
  @ApiOperation({ summary: 'A segment with its size and the state of its computation (progress while it runs)' })
  @ApiParam(CODE)
  @ApiOkResponse({ type: SegmentDto })
  @ApiResponse({ status: 404, type: SegmentErrorDto, description: 'SEGMENT_NOT_FOUND' })
  get(@Param('code') code: string): Promise<Segment> {
    return this.segments.get(code);
  }

  @Patch(':code')
  @ApiOperation({
    summary: 'Change a segment\'s name, description, rule, schedule or state',
    description: 'A new rule is computed at once. The rule of a static segment is locked once it has been computed (409 SEGMENT_LOCKED).',
  })
  @ApiParam(CODE)
  @ApiBody({ type: SegmentEditDto })
  @ApiOkResponse({ type: SegmentDto })
  @ApiResponse({ status: 400, type: SegmentErrorDto, description: 'INVALID_SEGMENT: see details' })
  @ApiResponse({ status: 409, type: SegmentErrorDto, description: 'SEGMENT_LOCKED' })
  edit(@Param('code') code: string, @Body() body: unknown): Promise<Segment> {
    return this.segments.edit(code, body);
  }

  @Post(':code/activate')
  @HttpCode(200)
  @ApiOperation({ summary: 'Activate a segment: it is computed again now and on its schedule' })
  @ApiParam(CODE)
  @ApiOkResponse({ type: SegmentDto })
  activate(@Param('code') code: string): Promise<Segment> {
    return this.segments.setActive(code, true);
  }

  @Post(':code/deactivate')
  @HttpCode(200)
  @ApiOperation({ summary: 'Deactivate a segment: it is no longer computed, its members stay as they are' })
  @ApiParam(CODE)
  @ApiOkResponse({ type: SegmentDto })
  deactivate(@Param('code') code: string): Promise<Segment> {
    return this.segments.setActive(code, false);
  }

  @Delete(':code')
  @HttpCode(204)
  @ApiOperation({ summary: 'Delete a segment with its members, history and feed rows' })
  @ApiParam(CODE)
  @ApiNoContentResponse({ description: 'Deleted' })
  @ApiResponse({ status: 409, type: SegmentErrorDto, description: 'SEGMENT_IN_USE: another segment\'s rule uses it' })
  async delete(@Param('code') code: string): Promise<void> {
    await this.segments.delete(code);
  }

  @Get(':code/customers')
  @ApiOperation({ summary: 'The customers currently in a segment, by customer id, a page at a time' })
  @ApiParam(CODE)
  @ApiQuery({ name: 'page', required: false, schema: { type: 'integer', minimum: 1, default: 1 } })
  @ApiQuery({ name: 'pageSize', required: false, schema: { type: 'integer', minimum: 1, maximum: 500, default: 50 } })
  @ApiOkResponse({ type: SegmentMemberPageDto })
  members(@Param('code') code: string, @Query() query: Record<string, string>): Promise<SegmentMemberPage> {
    return this.segments.members(code, query);
  }

  @Get(':code/customers.csv')
  @ApiOperation({
    summary: 'Export the customers of a segment as CSV, streamed',
    description: 'Cells that a spreadsheet would run as a formula (=, +, -, @, tab, CR first) are prefixed with a quote.',
  })
  @ApiParam(CODE)
  @ApiProduces('text/csv')
  @ApiOkResponse({ description: 'text/csv attachment', schema: { type: 'string' } })
  async export(@Param('code') code: string, @Req() request: Request, @Res() response: Response): Promise<void> {
    const pages = await this.segments.exportMembers(code);
    await this.audit.record(request, 'customers.exported', { subject: `segment ${code}`, details: { format: 'csv' } });
    response.status(200).type('text/csv; charset=utf-8').attachment(`segment-${code}.csv`);
    response.write(csvLine(EXPORT_COLUMNS));
    for await (const members of pages) {
      const chunk = members
        .map((m) => csvLine([m.id, m.externalId, m.firstName, m.lastName, m.email, m.phone, m.city, m.country, m.enteredAt]))
        .join('');
      // Respect back-pressure: a slow client holds the export, not the server's memory.
      if (!response.write(chunk)) await new Promise((resolve) => response.once('drain', resolve).once('close', resolve));
      if (response.destroyed) return; // the client went away: stop reading
    }
    response.end();
  }

  @Get(':code/sizes')
  @ApiOperation({ summary: 'The size of a segment after each computation, oldest first (the last 500)' })
  @ApiParam(CODE)
  @ApiOkResponse({ type: SegmentSizeHistoryDto })
  async sizes(@Param('code') code: string): Promise<SegmentSizeHistory> {
    return { items: await this.segments.sizeHistory(code) };
  }
}
