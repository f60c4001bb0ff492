import { Body, Controller, Get, HttpCode, Param, Patch, Post, Query, UseFilters } from '@nestjs/common';
import { ApiBody, ApiOkResponse, ApiOperation, ApiParam, ApiQuery, ApiResponse, ApiTags } from '@nestjs/swagger';
import { randomInt } from 'node:crypto';
import { DataSource } from 'typeorm';
import {
  PersonaAnalysisListQuery,
  PersonaAnalysisParameters,
  PersonaClusterCustomersQuery,
  PersonaClusterRename,
  type PersonaAnalysisPage,
  type PersonaAnalysisResult,
  type PersonaAnalysisSummary,
  type PersonaCluster,
  type PersonaClusterCustomerPage,
} from '@marea/contracts';
import { describePrincipal, type Principal as RequestPrincipal } from '@marea/domain/access';
import { compileSegmentRule } from '@marea/domain/segments';
import {
  CATEGORY_ATTRIBUTE,
  listPersonaAnalyses,
  listPersonaClusterCustomers,
  PersonaAnalysisWorker,
  queuePersonaAnalysis,
  readPersonaAnalysis,
  readSegmentCatalogue,
  renamePersonaCluster,
} from '@marea/infra/persistence';
import { Allow } from '../../access/allow.decorator';
import { parseBody } from '../../access/parse-body';
import { Principal } from '../../access/principal.decorator';
import {
  PersonaAnalysisPageDto,
  PersonaAnalysisParametersDto,
  PersonaAnalysisResultDto,
  PersonaAnalysisSummaryDto,
  PersonaClusterCustomerPageDto,
  PersonaClusterDto,
  PersonaClusterRenameDto,
  PersonaErrorDto,
} from './persona-documents';
import { clusterIndex, parseQuery } from './persona-request-parsing';
import { clusterNotFound, PersonaRefusal } from './persona-refusal';
import { PersonaRefusalFilter } from './persona-refusal.filter';

const ID = { name: 'id', description: 'the analysis id' };
const CLUSTER = { name: 'cluster', description: 'the cluster index, 0 … k − 1' };

/** Customer-persona analyses (docs/personas.md): queued as a background job, followed, read, named. */
@ApiTags('analyses')
@Controller('v1/analyses/personas')
@UseFilters(PersonaRefusalFilter)
@Allow(['admin', 'marketer'])
export class PersonaAnalysesController {
  constructor(
    private readonly dataSource: DataSource,
    private readonly worker: PersonaAnalysisWorker,
  ) {}

  @Post()
  @HttpCode(202)
  @ApiOperation({
    summary: 'Start a persona analysis: k-means over customers × attribute values, run in the background',
    description:
      'Answers at once with the queued analysis; follow it with GET /api/v1/analyses/personas/{id} (status, progress). ' +
      'attribute is "category" (the products\' most specific categories) or a product attribute key (department, brand …). ' +
      'Without a seed the server draws one and stores it, so the analysis can be repeated exactly. ' +
      'Every problem is reported in details with its path (clusters, audience.conditions[0].test.value).',
  })
  @ApiBody({ type: PersonaAnalysisParametersDto })
  @ApiResponse({ status: 202, type: PersonaAnalysisSummaryDto })
  @ApiResponse({ status: 400, type: PersonaErrorDto, description: 'INVALID_REQUEST or INVALID_PERSONA_ANALYSIS: see details' })
  async create(@Body() body: unknown, @Principal() principal: RequestPrincipal | null): Promise<PersonaAnalysisSummary> {
    const parameters = parseBody(PersonaAnalysisParameters, body);
    await this.checkAgainstTheShop(parameters);
    const summary = await queuePersonaAnalysis(
      this.dataSource,
      { ...parameters, seed: parameters.seed ?? randomInt(0, 2 ** 31 - 1) },
      describePrincipal(principal),
    );
    this.worker.wake();
    return summary;
  }

  /** The audience must compile in this shop and some product must have the attribute. */
  private async checkAgainstTheShop(parameters: PersonaAnalysisParameters): Promise<void> {
    const details: { field: string; message: string }[] = [];
    if (parameters.audience) {
      const compiled = compileSegmentRule(parameters.audience, { now: new Date(), catalogue: await readSegmentCatalogue(this.dataSource) });
      if (!compiled.ok) details.push(...compiled.problems.map((p) => ({ field: p.path ? `audience.${p.path}` : 'audience', message: p.message })));
    }
    const [{ known }] = await this.dataSource.query<{ known: boolean }[]>(
      parameters.attribute === CATEGORY_ATTRIBUTE
        ? `SELECT EXISTS (SELECT 1 FROM product_categories) AS known`
        : `SELECT EXISTS (SELECT 1 FROM products WHERE nullif(btrim(attributes ->> $1), '') IS NOT NULL) AS known`,
      parameters.attribute === CATEGORY_ATTRIBUTE ? [] : [parameters.attribute],
    );
    if (!known) details.push({ field: 'attribute', message: `no product has a value of "${parameters.attribute}"` });
    if (details.length) {
      throw new PersonaRefusal('INVALID_PERSONA_ANALYSIS', `The analysis is not valid: ${details.map((d) => `${d.field} ${d.message}`).join('; ')}.`, details);
    }
  }

  @Get()
  @ApiOperation({ summary: 'Past and running persona analyses, newest first, paged' })
  @ApiQuery({ name: 'page', required: false, example: 1 })
  @ApiQuery({ name: 'pageSize', required: false, example: 20 })
  @ApiOkResponse({ type: PersonaAnalysisPageDto })
  @ApiResponse({ status: 400, type: PersonaErrorDto, description: 'INVALID_REQUEST: page or pageSize' })
  list(@Query() query: unknown): Promise<PersonaAnalysisPage> {
    const { page, pageSize } = parseQuery(PersonaAnalysisListQuery, query);
    return listPersonaAnalyses(this.dataSource, page, pageSize);
  }

  @Get(':id')
  @ApiOperation({
    summary: 'A persona analysis: status and progress, then values, clusters (centroids, lifts, propensity levels) and the k suggestion',
    description: 'clusters is empty until status is done. The heatmap rows are values; lifts above 1 are above the population mean.',
  })
  @ApiParam(ID)
  @ApiOkResponse({ type: PersonaAnalysisResultDto })
  @ApiResponse({ status: 404, type: PersonaErrorDto, description: 'PERSONA_ANALYSIS_NOT_FOUND' })
  async get(@Param('id') id: string): Promise<PersonaAnalysisResult> {
    const result = await readPersonaAnalysis(this.dataSource, id);
    if (!result) throw new PersonaRefusal('PERSONA_ANALYSIS_NOT_FOUND', `There is no persona analysis ${id}.`);
    return result;
  }

  @Patch(':id/clusters/:cluster')
  @ApiOperation({ summary: 'Rename a cluster; persona_cluster segment conditions test this name' })
  @ApiParam(ID)
  @ApiParam(CLUSTER)
  @ApiBody({ type: PersonaClusterRenameDto })
  @ApiOkResponse({ type: PersonaClusterDto })
  @ApiResponse({ status: 400, type: PersonaErrorDto, description: 'INVALID_REQUEST: name' })
  @ApiResponse({ status: 404, type: PersonaErrorDto, description: 'PERSONA_CLUSTER_NOT_FOUND' })
  async rename(@Param('id') id: string, @Param('cluster') cluster: string, @Body() body: unknown): Promise<PersonaCluster> {
    const { name } = parseBody(PersonaClusterRename, body);
    const renamed = await renamePersonaCluster(this.dataSource, id, clusterIndex(cluster), name);
    if (!renamed) throw clusterNotFound(id, cluster);
    return renamed;
  }

  @Get(':id/clusters/:cluster/customers')
  @ApiOperation({ summary: 'The customers of a cluster, in customer id order, paged' })
  @ApiParam(ID)
  @ApiParam(CLUSTER)
  @ApiQuery({ name: 'page', required: false, example: 1 })
  @ApiQuery({ name: 'pageSize', required: false, example: 50 })
  @ApiOkResponse({ type: PersonaClusterCustomerPageDto })
  @ApiResponse({ status: 404, type: PersonaErrorDto, description: 'PERSONA_CLUSTER_NOT_FOUND' })
  async customers(@Param('id') id: string, @Param('cluster') cluster: string, @Query() query: unknown): Promise<PersonaClusterCustomerPage> {
    const { page, pageSize } = parseQuery(PersonaClusterCustomersQuery, query);
    const customers = await listPersonaClusterCustomers(this.dataSource, id, clusterIndex(cluster), page, pageSize);
    if (!customers) throw clusterNotFound(id, cluster);
    return customers;
  }
}
