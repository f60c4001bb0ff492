import { ArgumentsHost, Catch, ExceptionFilter, HttpException, HttpStatus } from '@nestjs/common';
import type { Request, Response } from 'express';
import type { Logger } from 'pino';
import type { ApiErrorBody } from '@marea/contracts';
import { IngestionError, type IngestionErrorCode } from '@marea/domain/ingestion';
import { RequestRefusal } from './request-refusal';

const INGESTION_STATUS: Record<IngestionErrorCode, number> = {
  INVALID_ACCOUNT: HttpStatus.BAD_REQUEST,
  ACCOUNT_CURRENCY_LOCKED: HttpStatus.CONFLICT,
};

type Answer = [number, ApiErrorBody];

/**
 * The one place errors become HTTP answers `{ error: { code, message, details? } }`. User
 * mistakes carry their own code and words; anything unexpected is logged in full and answered
 * with a generic 500, so neither a stack trace nor SQL ever reaches a client.
 */
@Catch()
export class ApiExceptionFilter implements ExceptionFilter {
  constructor(private readonly logger: Logger) {}

  catch(exception: unknown, host: ArgumentsHost): void {
    const context = host.switchToHttp();
    const request = context.getRequest<Request>();
    const response = context.getResponse<Response>();
    const [status, body] = this.answer(exception, request);
    if (response.headersSent) return;
    response.status(status).json(body);
  }

  private answer(exception: unknown, request: Request): Answer {
    if (exception instanceof RequestRefusal) {
      return [exception.status, body(exception.code, exception.message, exception.details)];
    }
    if (exception instanceof IngestionError) {
      return [INGESTION_STATUS[exception.code], body(exception.code, exception.message, exception.details)];
    }
    if (exception instanceof HttpException) return this.httpAnswer(exception, request);
    this.logger.error({ err: exception, method: request.method, url: request.originalUrl }, 'request failed on an internal error');
    return [
      HttpStatus.INTERNAL_SERVER_ERROR,
      body('INTERNAL_ERROR', 'Something went wrong on our side; it has been logged. Please retry later.'),
    ];
  }

  private httpAnswer(exception: HttpException, request: Request): Answer {
    const status = exception.getStatus();
    if (status === HttpStatus.NOT_FOUND) {
      return [status, body('NOT_FOUND', `There is no ${request.method} ${request.path}; see /api/docs for the routes.`)];
    }
    if (status >= 500) {
      this.logger.error({ err: exception, method: request.method, url: request.originalUrl }, 'request failed');
      return [status, body('INTERNAL_ERROR', 'Something went wrong on our side; it has been logged. Please retry later.')];
    }
    const answer = exception.getResponse();
    const message = typeof answer === 'string' ? answer : String((answer as { message?: unknown }).message ?? exception.message);
    return [status, body(status === 400 ? 'BAD_REQUEST' : `HTTP_${status}`, message)];
  }
}

function body(code: string, message: string, details?: { field: string; message: string }[]): ApiErrorBody {
  return { error: { code, message, ...(details && details.length ? { details } : {}) } };
}
