import { ArgumentsHost, Catch, ExceptionFilter } from '@nestjs/common';
import type { Response } from 'express';
import type { ApiErrorBody } from '@marea/contracts';

export type AutomationRefusalCode =
  | 'INVALID_AUTOMATION'
  | 'INVALID_AUTOMATION_ID'
  | 'AUTOMATION_NOT_FOUND'
  | 'STEP_NOT_FOUND'
  | 'CUSTOMER_NOT_FOUND'
  | 'NOT_A_MESSAGE'
  | 'INVALID_QUERY'
  | 'INVALID_REQUEST'
  | 'DEAD_LETTER_NOT_FOUND';

const STATUS: Record<AutomationRefusalCode, 400 | 404> = {
  INVALID_AUTOMATION: 400,
  INVALID_AUTOMATION_ID: 400,
  AUTOMATION_NOT_FOUND: 404,
  STEP_NOT_FOUND: 404,
  CUSTOMER_NOT_FOUND: 404,
  NOT_A_MESSAGE: 400,
  INVALID_QUERY: 400,
  INVALID_REQUEST: 400,
  DEAD_LETTER_NOT_FOUND: 404,
};

/** An automation request the client must change; answered with the API's error body. */
export class AutomationRefusal extends Error {
  readonly status: 400 | 404;

  constructor(
    readonly code: AutomationRefusalCode,
    message: string,
    readonly details: { field: string; message: string }[] = [],
  ) {
    super(message);
    this.name = 'AutomationRefusal';
    this.status = STATUS[code];
  }
}

@Catch(AutomationRefusal)
export class AutomationRefusalFilter implements ExceptionFilter {
  catch(refusal: AutomationRefusal, host: ArgumentsHost): void {
    const body: ApiErrorBody = {
      error: { code: refusal.code, message: refusal.message, ...(refusal.details.length ? { details: refusal.details } : {}) },
    };
    host.switchToHttp().getResponse<Response>().status(refusal.status).json(body);
  }
}
