import { ArgumentsHost, Catch, ExceptionFilter } from '@nestjs/common';
import type { Response } from 'express';
import type { ApiErrorBody } from '@marea/contracts';
import { ClvModelRefusal } from './clv-model-refusal';

@Catch(ClvModelRefusal)
export class ClvModelRefusalFilter implements ExceptionFilter {
  catch(refusal: ClvModelRefusal, host: ArgumentsHost): void {
    const body: ApiErrorBody = { error: { code: refusal.code, message: refusal.message, ...(refusal.details && { details: refusal.details }) } };
    host.switchToHttp().getResponse<Response>().status(refusal.status).json(body);
  }
}
