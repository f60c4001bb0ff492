import { Controller, Get, HttpCode, Post, UseFilters } from '@nestjs/common';
import { ApiAcceptedResponse, ApiConflictResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { createZodDto } from 'nestjs-zod';
import { DataSource } from 'typeorm';
import { AnalysesRefreshRun, AnalysesRefreshStatus, ApiErrorBody } from '@marea/contracts';
import { readLatestRefreshRun } from '@marea/infra/persistence';
import { Allow } from '../../access/allow.decorator';
import { ClvModelRefusal } from '../clv-model/clv-model-refusal';
import { ClvModelRefusalFilter } from '../clv-model/clv-model-refusal.filter';
import { AnalysesRefresh, AnalysesRefreshRunning } from './analyses-refresh';
import { NightlyAnalysesRefresh } from './nightly-analyses-refresh';

class AnalysesRefreshStatusDto extends createZodDto(AnalysesRefreshStatus) {}
class AnalysesRefreshRunDto extends createZodDto(AnalysesRefreshRun) {}
class ApiErrorDto extends createZodDto(ApiErrorBody) {}

@ApiTags('analyses')
@Controller('v1/analyses/refresh')
@UseFilters(ClvModelRefusalFilter)
@Allow(['admin', 'marketer'])
export class AnalysesRefreshController {
  constructor(
    private readonly dataSource: DataSource,
    private readonly refresh: AnalysesRefresh,
    private readonly nightly: NightlyAnalysesRefresh,
  ) {}

  @Get()
  @ApiOperation({
    summary: 'The nightly analyses refresh: its schedule and the latest run with each step (customer metrics and RFM history, CLV model, personas)',
  })
  @ApiOkResponse({ type: AnalysesRefreshStatusDto })
  async status(): Promise<AnalysesRefreshStatus> {
    return AnalysesRefreshStatus.parse({
      schedule: this.nightly.schedule,
      timeZone: this.nightly.scheduleTimeZone,
      lastRun: await readLatestRefreshRun(this.dataSource),
    });
  }

  @Post()
  @HttpCode(202)
  @ApiOperation({
    summary: 'Run the analyses refresh now, in the background (as the nightly schedule does)',
    description: 'Answers the run as it starts; follow it at GET /api/v1/analyses/refresh. 409 while a refresh runs, in any API process.',
  })
  @ApiAcceptedResponse({ type: AnalysesRefreshRunDto, description: 'the run, started' })
  @ApiConflictResponse({ type: ApiErrorDto, description: 'a refresh is already running' })
  async runNow(): Promise<AnalysesRefreshRun> {
    try {
      await this.refresh.start('manual');
    } catch (error) {
      if (error instanceof AnalysesRefreshRunning) throw new ClvModelRefusal(409, 'ANALYSES_REFRESH_RUNNING', error.message);
      throw error;
    }
    return (await readLatestRefreshRun(this.dataSource)) as AnalysesRefreshRun;
  }
}
