import { ArgumentsHost, Catch, ExceptionFilter } from '@nestjs/common';
import type { Response } from 'express';
import type { ApiErrorBody } from '@marea/contracts';
import { CustomerMetricsRefusal } from './customer-metrics-refusal';

@Catch(CustomerMetricsRefusal)
export class CustomerMetricsRefusalFilter implements ExceptionFilter {
  catch(refusal: CustomerMetricsRefusal, host: ArgumentsHost): void {
    const body: ApiErrorBody = { error: { code: refusal.code, message: refusal.message, ...(refusal.details && { details: refusal.details }) } };
    host.switchToHttp().getResponse<Response>().status(refusal.status).json(body);
  }
}
