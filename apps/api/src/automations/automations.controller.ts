import { Body, Controller, Delete, Get, HttpCode, Param, Post, Put, Query, Req, UseFilters } from '@nestjs/common';
import { ApiBadRequestResponse, ApiCreatedResponse, ApiNoContentResponse, ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiQuery, ApiTags } from '@nestjs/swagger';
import type { Request } from 'express';
import { createZodDto } from 'nestjs-zod';
import * as z from 'zod';
import {
  ApiErrorBody,
  Automation,
  type AutomationDefinition,
  AutomationDraft,
  AutomationRun,
  AutomationStatistics,
  AutomationStatisticsQuery,
  AutomationTraceEntry,
  AutomationVersion,
  DeadLetter,
  DraftMessagePreviewRequest,
  MessagePreview,
  MessagePreviewRequest,
  TestSendRequest,
  TestSendResult,
} from '@marea/contracts';
import { decisionReasons, describeReason, type DecisionReason } from '@marea/domain/automations';
import { describePrincipal, type Principal as RequestPrincipal } from '@marea/domain/access';
import { checkAutomation, messageActionOf, previewStepMessage, testSendStepMessage } from '@marea/engine/automations';
import { PgAutomationCatalogue } from '@marea/infra/persistence';
import { ANY_ROLE, Allow } from '../access/allow.decorator';
import { AuditLog } from '../access/audit-log';
import { Principal } from '../access/principal.decorator';
import { AutomationRefusal, AutomationRefusalFilter } from './automation-refusal';
import { automationIdOf, automationNotFound, invalid, parseAutomationRequest } from './automation-request-parsing';
import { AutomationEngineHost } from './automation-engine.host';

class AutomationDto extends createZodDto(Automation) {}
class AutomationDraftDto extends createZodDto(AutomationDraft) {}
class AutomationListDto extends createZodDto(z.object({ items: z.array(Automation) })) {}
class AutomationVersionsDto extends createZodDto(z.object({ items: z.array(AutomationVersion) })) {}
class AutomationRunsDto extends createZodDto(z.object({ items: z.array(AutomationRun) })) {}
class AutomationTraceDto extends createZodDto(z.object({ items: z.array(AutomationTraceEntry) })) {}
class AutomationStatisticsDto extends createZodDto(AutomationStatistics) {}
class MessagePreviewRequestDto extends createZodDto(MessagePreviewRequest) {}
class DraftMessagePreviewRequestDto extends createZodDto(DraftMessagePreviewRequest) {}
class MessagePreviewDto extends createZodDto(MessagePreview) {}
class TestSendRequestDto extends createZodDto(TestSendRequest) {}
class TestSendResultsDto extends createZodDto(z.object({ items: z.array(TestSendResult) })) {}
class DeadLettersDto extends createZodDto(z.object({ items: z.array(DeadLetter) })) {}
class ApiErrorDto extends createZodDto(ApiErrorBody) {}

const EDITORS = ['admin', 'marketer'] as const;
const KNOWN_REASONS = new Set<string>(decisionReasons);

/** Plain English for a trace line: the rules' vocabulary, plus entering a run. */
function explain(reason: string): string {
  if (reason === 'entered') return 'The customer entered the automation.';
  return KNOWN_REASONS.has(reason) ? describeReason(reason as DecisionReason) : reason;
}

/** Automations and one-off campaigns: definitions and versions, activation, runs, the "why", statistics, previews. */
@ApiTags('automations')
@Controller('v1/automations')
@UseFilters(AutomationRefusalFilter)
@Allow(EDITORS, ['admin'])
export class AutomationsController {
  constructor(
    private readonly catalogue: PgAutomationCatalogue,
    private readonly host: AutomationEngineHost,
    private readonly audit: AuditLog,
  ) {}

  @Get()
  @Allow(ANY_ROLE, ['read'])
  @ApiOperation({ summary: 'Every automation and campaign, with its current definition and status' })
  @ApiOkResponse({ type: AutomationListDto })
  async list(): Promise<{ items: Automation[] }> {
    return { items: await this.catalogue.list() };
  }

  @Post()
  @ApiOperation({ summary: 'Create an automation (inactive until activated)', description: 'The definition is checked whole: schema, graph, templates and rules, each problem at its path.' })
  @ApiCreatedResponse({ type: AutomationDto })
  @ApiBadRequestResponse({ type: ApiErrorDto })
  async create(@Body() body: AutomationDraftDto, @Principal() principal: RequestPrincipal): Promise<Automation> {
    const draft = await this.checkedDraft(body);
    return this.catalogue.create(draft.name, draft.definition, describePrincipal(principal));
  }

  @Get('dead-letters')
  @ApiOperation({ summary: 'Step jobs that failed every retry (e.g. an SMTP server answering 4xx for hours)' })
  @ApiOkResponse({ type: DeadLettersDto })
  async deadLetters(): Promise<{ items: DeadLetter[] }> {
    const dead = await this.host.deps.jobs.deadLetters(200);
    return { items: dead.map((job) => ({ id: job.id, queue: 'automation-steps', data: job.job, failedAt: job.failedAt?.toISOString() ?? null, error: job.error })) };
  }

  @Post('dead-letters/:jobId/retry')
  @HttpCode(204)
  @ApiOperation({ summary: 'Put a dead step job back on the queue' })
  @ApiNoContentResponse({ description: 'queued again' })
  @ApiNotFoundResponse({ type: ApiErrorDto })
  async retryDeadLetter(@Param('jobId') jobId: string): Promise<void> {
    if (!(await this.host.deps.jobs.retryDeadLetter(jobId))) {
      throw new AutomationRefusal('DEAD_LETTER_NOT_FOUND', `There is no dead step job with id ${jobId}.`);
    }
  }

  @Get(':id')
  @Allow(ANY_ROLE, ['read'])
  @ApiOperation({ summary: 'One automation with its current definition' })
  @ApiOkResponse({ type: AutomationDto })
  @ApiNotFoundResponse({ type: ApiErrorDto })
  async one(@Param('id') id: string): Promise<Automation> {
    return this.found(id);
  }

  @Put(':id')
  @ApiOperation({ summary: 'Edit an automation: a new version; runs in flight keep the version they entered with' })
  @ApiOkResponse({ type: AutomationDto })
  @ApiBadRequestResponse({ type: ApiErrorDto })
  @ApiNotFoundResponse({ type: ApiErrorDto })
  async edit(@Param('id') id: string, @Body() body: AutomationDraftDto): Promise<Automation> {
    const automationId = automationIdOf(id);
    const draft = await this.checkedDraft(body);
    const edited = await this.catalogue.edit(automationId, draft.name, draft.definition);
    if (!edited) throw automationNotFound(automationId);
    this.host.wake();
    return edited;
  }

  @Delete(':id')
  @HttpCode(204)
  @ApiOperation({ summary: 'Delete an automation with its versions, runs and statistics' })
  @ApiNoContentResponse({ description: 'deleted' })
  @ApiNotFoundResponse({ type: ApiErrorDto })
  async remove(@Param('id') id: string): Promise<void> {
    const automationId = automationIdOf(id);
    if (!(await this.catalogue.remove(automationId))) throw automationNotFound(automationId);
  }

  @Post(':id/activate')
  @HttpCode(200)
  @ApiOperation({ summary: 'Activate: the trigger starts runs (a campaign is sent at its time)' })
  @ApiOkResponse({ type: AutomationDto })
  @ApiNotFoundResponse({ type: ApiErrorDto })
  async activate(@Param('id') id: string, @Req() request: Request): Promise<Automation> {
    const automation = await this.catalogue.setStatus(automationIdOf(id), 'active');
    if (!automation) throw automationNotFound(id);
    this.host.wake();
    await this.audit.record(request, 'automation.activated', { subject: `automation ${automation.id}`, details: { name: automation.name, version: automation.currentVersion } });
    return automation;
  }

  @Post(':id/deactivate')
  @HttpCode(200)
  @ApiOperation({ summary: 'Deactivate: no new runs; runs in flight stop at their next step (recorded as automation-inactive)' })
  @ApiOkResponse({ type: AutomationDto })
  @ApiNotFoundResponse({ type: ApiErrorDto })
  async deactivate(@Param('id') id: string, @Req() request: Request): Promise<Automation> {
    const automation = await this.catalogue.setStatus(automationIdOf(id), 'inactive');
    if (!automation) throw automationNotFound(id);
    await this.audit.record(request, 'automation.deactivated', { subject: `automation ${automation.id}`, details: { name: automation.name } });
    return automation;
  }

  @Get(':id/versions')
  @Allow(ANY_ROLE, ['read'])
  @ApiOperation({ summary: 'Every version of the definition, newest first' })
  @ApiOkResponse({ type: AutomationVersionsDto })
  @ApiNotFoundResponse({ type: ApiErrorDto })
  async versions(@Param('id') id: string): Promise<{ items: AutomationVersion[] }> {
    const automation = await this.found(id);
    return { items: await this.catalogue.versions(automation.id) };
  }

  @Get(':id/runs')
  @Allow(ANY_ROLE, ['read'])
  @ApiOperation({ summary: 'Runs, newest first: the customer, the version, where each run is or how it ended' })
  @ApiQuery({ name: 'customerId', required: false, schema: { type: 'string' } })
  @ApiQuery({ name: 'limit', required: false, schema: { type: 'integer', minimum: 1, maximum: 500, default: 100 } })
  @ApiOkResponse({ type: AutomationRunsDto })
  @ApiNotFoundResponse({ type: ApiErrorDto })
  async runs(@Param('id') id: string, @Query() query: Record<string, unknown>): Promise<{ items: AutomationRun[] }> {
    const request = parseAutomationRequest(
      z.object({ customerId: z.string().regex(/^\d+$/, 'needs a customer id').optional(), limit: z.coerce.number().int().min(1).max(500).default(100) }).strict(),
      query,
      'INVALID_QUERY',
      'runs query',
    );
    const automation = await this.found(id);
    return { items: await this.catalogue.runs(automation.id, request) };
  }

  @Get(':id/why/:customerId')
  @Allow(ANY_ROLE, ['read'])
  @ApiOperation({ summary: 'Why the automation fired or not for a customer: every decision and deferral with its reason' })
  @ApiOkResponse({ type: AutomationTraceDto })
  @ApiNotFoundResponse({ type: ApiErrorDto })
  async why(@Param('id') id: string, @Param('customerId') customerId: string): Promise<{ items: AutomationTraceEntry[] }> {
    const automation = await this.found(id);
    if (!/^\d+$/.test(customerId)) throw invalid('INVALID_REQUEST', 'customer id', [{ field: 'customerId', message: 'needs a customer id' }]);
    const entries = await this.catalogue.trace(automation.id, customerId);
    return {
      items: entries.map((entry) => ({ ...entry, at: entry.at.toISOString(), explanation: explain(entry.reason) })),
    };
  }

  @Get(':id/statistics')
  @Allow(ANY_ROLE, ['read'])
  @ApiOperation({ summary: 'Entered, sent, delivered, opened, clicked, bounced, unsubscribed, failed and capped by day, for the automation and each step' })
  @ApiQuery({ name: 'from', required: false, schema: { type: 'string', format: 'date' }, description: 'first day (UTC), default 30 days ago' })
  @ApiQuery({ name: 'to', required: false, schema: { type: 'string', format: 'date' }, description: 'last day (UTC), default today' })
  @ApiOkResponse({ type: AutomationStatisticsDto })
  @ApiBadRequestResponse({ type: ApiErrorDto })
  async statistics(@Param('id') id: string, @Query() query: Record<string, unknown>): Promise<AutomationStatistics> {
    const request = parseAutomationRequest(AutomationStatisticsQuery, query, 'INVALID_QUERY', 'statistics query');
    const automation = await this.found(id);
    const today = new Date().toISOString().slice(0, 10);
    const from = request.from ?? new Date(Date.now() - 30 * 86_400_000).toISOString().slice(0, 10);
    return this.catalogue.statistics(automation.id, from, request.to ?? today);
  }

  @Post('preview')
  @HttpCode(200)
  @ApiOperation({
    summary: "A step of an unsaved definition (the editor's draft) rendered for a chosen customer",
    description: 'Only the problems of that step refuse the preview: the rest of a draft may still be unfinished.',
  })
  @ApiOkResponse({ type: MessagePreviewDto })
  @ApiBadRequestResponse({ type: ApiErrorDto })
  @ApiNotFoundResponse({ type: ApiErrorDto })
  async previewDraft(@Body() body: DraftMessagePreviewRequestDto): Promise<MessagePreview> {
    const request = parseAutomationRequest(DraftMessagePreviewRequest, body, 'INVALID_REQUEST', 'preview request');
    const action = this.messageStep(request.definition, 'The draft', request.stepId);
    const step = `steps.${request.stepId}.`;
    const problems = (await checkAutomation(request.definition, this.host.deps)).filter((problem) => problem.path.startsWith(step));
    if (problems.length > 0) {
      throw invalid('INVALID_REQUEST', 'preview request', problems.map((problem) => ({ field: `definition.${problem.path}`, message: problem.message })));
    }
    return this.rendered(await previewStepMessage(this.host.deps, request.definition, action, request.customerId), request.customerId);
  }

  @Post(':id/preview')
  @HttpCode(200)
  @ApiOperation({ summary: "A step's message rendered for a chosen customer, as they would receive it (SMS with its segment count)" })
  @ApiOkResponse({ type: MessagePreviewDto })
  @ApiBadRequestResponse({ type: ApiErrorDto })
  @ApiNotFoundResponse({ type: ApiErrorDto })
  async preview(@Param('id') id: string, @Body() body: MessagePreviewRequestDto): Promise<MessagePreview> {
    const request = parseAutomationRequest(MessagePreviewRequest, body, 'INVALID_REQUEST', 'preview request');
    const automation = await this.found(id);
    const action = this.messageStep(automation.definition, `Automation ${automation.id}`, request.stepId);
    return this.rendered(await previewStepMessage(this.host.deps, automation.definition, action, request.customerId), request.customerId);
  }

  @Post(':id/test-send')
  @HttpCode(200)
  @ApiOperation({ summary: "Send a step's message, rendered for a customer, to a few test addresses", description: 'Outside every run: no decision is recorded and no consent is needed.' })
  @ApiOkResponse({ type: TestSendResultsDto })
  @ApiBadRequestResponse({ type: ApiErrorDto })
  @ApiNotFoundResponse({ type: ApiErrorDto })
  async testSend(@Param('id') id: string, @Body() body: TestSendRequestDto): Promise<{ items: TestSendResult[] }> {
    const request = parseAutomationRequest(TestSendRequest, body, 'INVALID_REQUEST', 'test send');
    const automation = await this.found(id);
    const action = this.messageStep(automation.definition, `Automation ${automation.id}`, request.stepId);
    const results = await testSendStepMessage(this.host.deps, automation.definition, action, request.customerId, request.addresses);
    if (!results) throw new AutomationRefusal('CUSTOMER_NOT_FOUND', `There is no customer with id ${request.customerId}.`);
    return { items: results };
  }

  private async found(id: string): Promise<Automation> {
    const automationId = automationIdOf(id);
    const automation = await this.catalogue.get(automationId);
    if (!automation) throw automationNotFound(automationId);
    return automation;
  }

  /** A preview, or the refusal when the customer does not exist. */
  private rendered(preview: MessagePreview | null, customerId: string): MessagePreview {
    if (!preview) throw new AutomationRefusal('CUSTOMER_NOT_FOUND', `There is no customer with id ${customerId}.`);
    return preview;
  }

  /** `owner` names the definition in a refusal: "Automation 12", "The draft". */
  private messageStep(definition: AutomationDefinition, owner: string, stepId: string) {
    const action = messageActionOf(definition, stepId);
    if (action === 'no-step') throw new AutomationRefusal('STEP_NOT_FOUND', `${owner} has no step "${stepId}".`);
    if (action === 'not-a-message') throw new AutomationRefusal('NOT_A_MESSAGE', `Step "${stepId}" sends no email or SMS.`, [{ field: 'stepId', message: 'sends no email or SMS' }]);
    return action;
  }

  private async checkedDraft(body: unknown): Promise<AutomationDraft> {
    const draft = parseAutomationRequest(AutomationDraft, body, 'INVALID_AUTOMATION', 'automation');
    const problems = await checkAutomation(draft.definition, this.host.deps);
    if (problems.length > 0) {
      throw invalid('INVALID_AUTOMATION', 'automation', problems.map((problem) => ({ field: `definition.${problem.path}`, message: problem.message })));
    }
    return draft;
  }
}
