import { ArgumentsHost, Catch, ExceptionFilter } from '@nestjs/common';
import type { Request, Response } from 'express';
import type { ApiErrorBody } from '@marea/contracts';
import { CustomerRefusal } from './customer-request-refusal';

@Catch(CustomerRefusal)
export class CustomerRefusalFilter implements ExceptionFilter {
  catch(refusal: CustomerRefusal, host: ArgumentsHost): void {
    const body: ApiErrorBody = {
      error: { code: refusal.code, message: refusal.message, ...(refusal.details.length ? { details: refusal.details } : {}) },
    };
    const http = host.switchToHttp();
    const response = http.getResponse<Response>();
    if (refusal.survivorId) {
      const path = http.getRequest<Request>().originalUrl.replace(/\/customers\/\d+/, `/customers/${refusal.survivorId}`);
      response.location(path);
    }
    response.status(refusal.status).json(body);
  }
}
