import { Body, Controller, Get, HttpCode, Param, Post, Req, UseFilters } from '@nestjs/common';
import { ApiBody, ApiOkResponse, ApiOperation, ApiParam, ApiResponse, ApiTags } from '@nestjs/swagger';
import type { Request } from 'express';
import { DataSource } from 'typeorm';
import { PersonaEnrichmentRequest, type PersonaEnrichment, type PersonaEnrichmentList } from '@marea/contracts';
import { describePrincipal, type Principal as RequestPrincipal } from '@marea/domain/access';
import { applyPersonaEnrichment, listPersonaEnrichments, revertPersonaEnrichment } from '@marea/infra/persistence';
import { Allow } from '../../access/allow.decorator';
import { AuditLog } from '../../access/audit-log';
import { parseBody } from '../../access/parse-body';
import { Principal } from '../../access/principal.decorator';
import { PersonaEnrichmentDto, PersonaEnrichmentListDto, PersonaEnrichmentRequestDto, PersonaErrorDto } from './persona-documents';
import { clusterIndex } from './persona-request-parsing';
import { clusterNotFound, PersonaRefusal } from './persona-refusal';
import { PersonaRefusalFilter } from './persona-refusal.filter';

/** Today in UTC: what the profile edit checks birth dates against (enrichments set no dates). */
const today = () => new Date().toISOString().slice(0, 10);

/** Enrichments: custom fields set on every customer of a cluster, audited and reversible. */
@ApiTags('analyses')
@Controller('v1/analyses/personas')
@UseFilters(PersonaRefusalFilter)
@Allow(['admin', 'marketer'])
export class PersonaEnrichmentsController {
  constructor(
    private readonly dataSource: DataSource,
    private readonly audit: AuditLog,
  ) {}

  @Post(':id/clusters/:cluster/enrichments')
  @ApiOperation({
    summary: 'Enrich a cluster: set key/value custom fields on every customer of it (reversible)',
    description:
      'Each customer is edited as on the profile, so the change is in their history. A key that is not a custom field yet ' +
      'becomes a text field; a key defined with another type is refused. The values replaced are kept for the revert.',
  })
  @ApiParam({ name: 'id', description: 'the analysis id' })
  @ApiParam({ name: 'cluster', description: 'the cluster index, 0 … k − 1' })
  @ApiBody({ type: PersonaEnrichmentRequestDto })
  @ApiResponse({ status: 201, type: PersonaEnrichmentDto })
  @ApiResponse({ status: 400, type: PersonaErrorDto, description: 'INVALID_REQUEST or INVALID_PERSONA_ENRICHMENT: see details (attributes.<key>)' })
  @ApiResponse({ status: 404, type: PersonaErrorDto, description: 'PERSONA_CLUSTER_NOT_FOUND' })
  async apply(
    @Param('id') id: string,
    @Param('cluster') cluster: string,
    @Body() body: unknown,
    @Principal() principal: RequestPrincipal | null,
    @Req() request: Request,
  ): Promise<PersonaEnrichment> {
    const { attributes } = parseBody(PersonaEnrichmentRequest, body);
    const outcome = await applyPersonaEnrichment(this.dataSource, { analysisId: id, cluster: clusterIndex(cluster) }, attributes, describePrincipal(principal), today());
    if (outcome.kind === 'not_found') throw clusterNotFound(id, cluster);
    if (outcome.kind === 'rejected') {
      const summary = outcome.errors.map((e) => `${e.field} ${e.message}`).join('; ');
      throw new PersonaRefusal('INVALID_PERSONA_ENRICHMENT', `The enrichment is not valid: ${summary}.`, outcome.errors);
    }
    const { enrichment } = outcome;
    await this.audit.record(request, 'persona-enrichment.applied', {
      subject: `persona analysis ${id} cluster ${cluster}`,
      details: { enrichmentId: enrichment.id, attributes, customers: enrichment.customers },
    });
    return enrichment;
  }

  @Get(':id/enrichments')
  @ApiOperation({ summary: 'The enrichments applied to the clusters of an analysis, newest first' })
  @ApiParam({ name: 'id', description: 'the analysis id' })
  @ApiOkResponse({ type: PersonaEnrichmentListDto })
  @ApiResponse({ status: 404, type: PersonaErrorDto, description: 'PERSONA_ANALYSIS_NOT_FOUND' })
  async list(@Param('id') id: string): Promise<PersonaEnrichmentList> {
    const items = await listPersonaEnrichments(this.dataSource, id);
    if (!items) throw new PersonaRefusal('PERSONA_ANALYSIS_NOT_FOUND', `There is no persona analysis ${id}.`);
    return { items };
  }

  @Post('enrichments/:enrichmentId/revert')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Revert an enrichment: put back the values it replaced, except those changed since',
    description: 'A value a later edit changed is left as it is and counted in keptOnRevert (docs/personas.md).',
  })
  @ApiParam({ name: 'enrichmentId', description: 'the enrichment id' })
  @ApiOkResponse({ type: PersonaEnrichmentDto })
  @ApiResponse({ status: 404, type: PersonaErrorDto, description: 'PERSONA_ENRICHMENT_NOT_FOUND' })
  @ApiResponse({ status: 409, type: PersonaErrorDto, description: 'PERSONA_ENRICHMENT_REVERTED: it was reverted already' })
  async revert(@Param('enrichmentId') enrichmentId: string, @Principal() principal: RequestPrincipal | null, @Req() request: Request): Promise<PersonaEnrichment> {
    const outcome = await revertPersonaEnrichment(this.dataSource, enrichmentId, describePrincipal(principal), today());
    if (outcome.kind === 'not_found') throw new PersonaRefusal('PERSONA_ENRICHMENT_NOT_FOUND', `There is no enrichment ${enrichmentId}.`);
    if (outcome.kind === 'already_reverted') {
      throw new PersonaRefusal('PERSONA_ENRICHMENT_REVERTED', `Enrichment ${enrichmentId} was reverted already (${outcome.enrichment.revertedAt}).`);
    }
    const { enrichment } = outcome;
    await this.audit.record(request, 'persona-enrichment.reverted', {
      subject: `persona analysis ${enrichment.analysisId} cluster ${enrichment.cluster}`,
      details: { enrichmentId, keptOnRevert: enrichment.keptOnRevert },
    });
    return enrichment;
  }
}
