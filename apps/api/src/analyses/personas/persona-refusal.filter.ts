import { ArgumentsHost, Catch, ExceptionFilter } from '@nestjs/common';
import type { Response } from 'express';
import type { ApiErrorBody } from '@marea/contracts';
import { PERSONA_REFUSAL_STATUS, PersonaRefusal } from './persona-refusal';

@Catch(PersonaRefusal)
export class PersonaRefusalFilter implements ExceptionFilter {
  catch(refusal: PersonaRefusal, host: ArgumentsHost): void {
    const body: ApiErrorBody = { error: { code: refusal.code, message: refusal.message, ...(refusal.details?.length && { details: refusal.details }) } };
    host.switchToHttp().getResponse<Response>().status(PERSONA_REFUSAL_STATUS[refusal.code]).json(body);
  }
}
