import { ArgumentsHost, Catch, ExceptionFilter, HttpStatus } from '@nestjs/common';
import type { Response } from 'express';
import type { ApiErrorBody } from '@marea/contracts';

export type OutboxRefusalCode = 'INVALID_OUTBOX_QUERY' | 'OUTBOX_MESSAGE_NOT_FOUND';

const STATUS: Record<OutboxRefusalCode, number> = {
  INVALID_OUTBOX_QUERY: HttpStatus.BAD_REQUEST,
  OUTBOX_MESSAGE_NOT_FOUND: HttpStatus.NOT_FOUND,
};

/** A request about the outbox the API cannot answer: a bad filter, or no such message. */
export class OutboxRefusal extends Error {
  constructor(
    readonly code: OutboxRefusalCode,
    message: string,
    readonly details: { field: string; message: string }[] = [],
  ) {
    super(message);
    this.name = 'OutboxRefusal';
  }
}

/** Outbox refusals as the API's error body; anything else goes on to the global filter. */
@Catch(OutboxRefusal)
export class OutboxRefusalFilter implements ExceptionFilter {
  catch(refusal: OutboxRefusal, host: ArgumentsHost): void {
    const body: ApiErrorBody = { error: { code: refusal.code, message: refusal.message, ...(refusal.details.length ? { details: refusal.details } : {}) } };
    host.switchToHttp().getResponse<Response>().status(STATUS[refusal.code]).json(body);
  }
}
