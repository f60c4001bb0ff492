import { ArgumentsHost, Catch, ExceptionFilter, HttpException, HttpStatus, Inject, PayloadTooLargeException } from '@nestjs/common';
import type { Response } from 'express';
import type { ApiErrorBody } from '@marea/contracts';
import { CsvImportError, type CsvImportErrorCode } from '@marea/engine/csv-import';
import type { AppConfig } from '../config/app-config';
import { APP_CONFIG } from '../config/app-config.token';

const STATUS: Record<CsvImportErrorCode, number> = {
  INVALID_IMPORT_OPTIONS: HttpStatus.BAD_REQUEST,
  IMPORT_NOT_FOUND: HttpStatus.NOT_FOUND,
};

/** Maps import errors (and multer's upload limit) to the API's error body. */
@Catch(CsvImportError, HttpException)
export class ImportsErrorFilter implements ExceptionFilter {
  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  catch(exception: CsvImportError | HttpException, host: ArgumentsHost): void {
    const response = host.switchToHttp().getResponse<Response>();
    const [status, body] = this.describe(exception);
    response.status(status).json(body);
  }

  private describe(exception: CsvImportError | HttpException): [number, ApiErrorBody] {
    if (exception instanceof CsvImportError) {
      return [STATUS[exception.code], { error: { code: exception.code, message: exception.message } }];
    }
    if (exception instanceof PayloadTooLargeException) {
      const message =
        `The file is larger than the upload limit of ${this.config.CSV_UPLOAD_LIMIT_MB} MB ` +
        `(setting CSV_UPLOAD_LIMIT_MB); split it into several files.`;
      return [HttpStatus.PAYLOAD_TOO_LARGE, { error: { code: 'FILE_TOO_LARGE', message } }];
    }
    const status = exception.getStatus();
    const answer = exception.getResponse();
    const message = typeof answer === 'string' ? answer : String((answer as { message?: unknown }).message ?? exception.message);
    return [status, { error: { code: status === 400 ? 'BAD_REQUEST' : `HTTP_${status}`, message } }];
  }
}
