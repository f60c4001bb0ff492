import { ArgumentsHost, Catch, ExceptionFilter } from '@nestjs/common';
import type { Response } from 'express';
import type { ApiErrorBody } from '@marea/contracts';
import { TaskRefusal } from './task-refusal';

@Catch(TaskRefusal)
export class TaskRefusalFilter implements ExceptionFilter {
  catch(refusal: TaskRefusal, host: ArgumentsHost): void {
    const body: ApiErrorBody = {
      error: { code: refusal.code, message: refusal.message, ...(refusal.details.length ? { details: refusal.details } : {}) },
    };
    host.switchToHttp().getResponse<Response>().status(refusal.status).json(body);
  }
}
