import { ArgumentsHost, Catch, ExceptionFilter } from '@nestjs/common';
import type { Response } from 'express';
import type { ApiErrorBody } from '@marea/contracts';
import { AnalysesRefusal } from './analyses-refusal';

@Catch(AnalysesRefusal)
export class AnalysesRefusalFilter implements ExceptionFilter {
  catch(refusal: AnalysesRefusal, host: ArgumentsHost): void {
    const body: ApiErrorBody = { error: { code: refusal.code, message: refusal.message, ...(refusal.details && { details: refusal.details }) } };
    host.switchToHttp().getResponse<Response>().status(refusal.status).json(body);
  }
}
