import { ArgumentsHost, Catch, ExceptionFilter, HttpStatus } from '@nestjs/common';
import type { Response } from 'express';
import type { ApiErrorBody } from '@marea/contracts';
import { SegmentError, type SegmentErrorCode } from '@marea/engine/segments';

const STATUS: Record<SegmentErrorCode, number> = {
  INVALID_SEGMENT: HttpStatus.BAD_REQUEST,
  SEGMENT_NOT_FOUND: HttpStatus.NOT_FOUND,
  SEGMENT_CODE_TAKEN: HttpStatus.CONFLICT,
  SEGMENT_LOCKED: HttpStatus.CONFLICT,
  SEGMENT_IN_USE: HttpStatus.CONFLICT,
  PREVIEW_TIMEOUT: HttpStatus.UNPROCESSABLE_ENTITY,
};

/** Segment mistakes as the API's error body; anything else goes on to the global filter. */
@Catch(SegmentError)
export class SegmentsErrorFilter implements ExceptionFilter {
  catch(exception: SegmentError, host: ArgumentsHost): void {
    const response = host.switchToHttp().getResponse<Response>();
    const body: ApiErrorBody = {
      error: { code: exception.code, message: exception.message, ...(exception.details?.length ? { details: exception.details } : {}) },
    };
    response.status(STATUS[exception.code]).json(body);
  }
}
