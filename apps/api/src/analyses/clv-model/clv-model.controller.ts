import { Body, Controller, Get, HttpCode, Param, Post, UseFilters } from '@nestjs/common';
import {
  ApiAcceptedResponse,
  ApiBadRequestResponse,
  ApiBody,
  ApiConflictResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiParam,
  ApiTags,
} from '@nestjs/swagger';
import { createZodDto } from 'nestjs-zod';
import * as z from 'zod';
import { DataSource } from 'typeorm';
import { ApiErrorBody, ClvModelFit, ClvModelFitRequest } from '@marea/contracts';
import { ClvModelFitRunning, readClvModelFit, readLatestClvModelFit } from '@marea/infra/persistence';
import { Allow } from '../../access/allow.decorator';
import { ClvModelFits } from './clv-model-fits';
import { ClvModelRefusal } from './clv-model-refusal';
import { ClvModelRefusalFilter } from './clv-model-refusal.filter';

class ClvModelFitDto extends createZodDto(ClvModelFit) {}
class ClvModelFitRequestDto extends createZodDto(ClvModelFitRequest) {}
class ApiErrorDto extends createZodDto(ApiErrorBody) {}

const FitId = z.string().regex(/^[1-9]\d{0,18}$/, 'must be a fit id such as 12');

@ApiTags('analyses')
@Controller('v1/analyses/clv-model')
@UseFilters(ClvModelRefusalFilter)
@Allow(['admin', 'marketer'])
export class ClvModelController {
  constructor(
    private readonly dataSource: DataSource,
    private readonly fits: ClvModelFits,
  ) {}

  @Post('fits')
  @HttpCode(202)
  @ApiOperation({
    summary: 'Fit the CLV model (BG/NBD + Gamma-Gamma) over every customer, in the background',
    description:
      'Reads every buyer\'s tickets (purchases on one local day count once, returns and cancelled orders left out), fits ' +
      'BG/NBD and Gamma-Gamma by maximum likelihood, checks the model on the last holdoutWeeks weeks, then writes each ' +
      "customer's expected purchases in 12 months, P(alive), expected order value, 12-month CLV (discounted at discountRate " +
      'a year) and expected next order date, and customer_metrics.predicted_clv. Answers the fit as running; follow it at ' +
      'GET /api/v1/analyses/clv-model/fits/{id}. Only one fit runs at a time (409 otherwise).',
  })
  @ApiBody({ type: ClvModelFitRequestDto, required: false })
  @ApiAcceptedResponse({ type: ClvModelFitDto, description: 'the fit, running' })
  @ApiBadRequestResponse({ type: ApiErrorDto, description: 'discountRate or holdoutWeeks is wrong; `details` names the field' })
  @ApiConflictResponse({ type: ApiErrorDto, description: 'another fit is running' })
  async startFit(@Body() body: unknown): Promise<ClvModelFit> {
    const request = ClvModelFitRequest.safeParse(body ?? {});
    if (!request.success) throw ClvModelRefusal.invalid('INVALID_CLV_MODEL_FIT', 'The fit request', request.error);
    try {
      return await this.fits.start(request.data);
    } catch (error) {
      if (error instanceof ClvModelFitRunning) throw new ClvModelRefusal(409, 'CLV_MODEL_FIT_RUNNING', error.message);
      throw error;
    }
  }

  @Get()
  @ApiOperation({
    summary: 'The CLV model in force: the latest done fit, with its parameters, log-likelihoods and holdout check',
    description: "The customers' CLV figures (profile, segment conditions) come from this fit. 404 NO_CLV_MODEL before the first fit is done.",
  })
  @ApiOkResponse({ type: ClvModelFitDto })
  @ApiNotFoundResponse({ type: ApiErrorDto, description: 'no fit is done yet' })
  async latest(): Promise<ClvModelFit> {
    const fit = await readLatestClvModelFit(this.dataSource);
    if (!fit) throw new ClvModelRefusal(404, 'NO_CLV_MODEL', 'No CLV model has been fitted yet: POST /api/v1/analyses/clv-model/fits fits one.');
    return fit;
  }

  @Get('fits/:id')
  @ApiOperation({ summary: 'One CLV model fit in any state (running, done or failed with its reason)' })
  @ApiParam({ name: 'id', description: 'the fit id', example: '12' })
  @ApiOkResponse({ type: ClvModelFitDto })
  @ApiBadRequestResponse({ type: ApiErrorDto, description: 'the id is not a fit id' })
  @ApiNotFoundResponse({ type: ApiErrorDto, description: 'no fit has this id' })
  async one(@Param('id') id: string): Promise<ClvModelFit> {
    const parsed = FitId.safeParse(id);
    if (!parsed.success) {
      const message = parsed.error.issues[0].message;
      throw new ClvModelRefusal(400, 'INVALID_CLV_MODEL_FIT_ID', `The fit id "${id}" ${message}.`, [{ field: 'id', message }]);
    }
    const fit = await readClvModelFit(this.dataSource, parsed.data);
    if (!fit) throw new ClvModelRefusal(404, 'CLV_MODEL_FIT_NOT_FOUND', `There is no CLV model fit with id ${parsed.data}.`);
    return fit;
  }
}
