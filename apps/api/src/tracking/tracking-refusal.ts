import { ArgumentsHost, Catch, ExceptionFilter } from '@nestjs/common';
import type { Response } from 'express';
import type { ApiErrorBody } from '@marea/contracts';
import type { TrackingPurpose } from '@marea/infra/tracking';

/** A tracking link whose token Marea did not sign (tampered, truncated, for another purpose). */
export class InvalidTrackingLink extends Error {
  readonly code = 'INVALID_TRACKING_LINK';

  constructor(purpose: TrackingPurpose) {
    super(`This is not an ${purpose === 'click' ? 'email link' : `${purpose} link`} Marea signed: it was changed or cut short, so it leads nowhere.`);
    this.name = 'InvalidTrackingLink';
  }
}

@Catch(InvalidTrackingLink)
export class InvalidTrackingLinkFilter implements ExceptionFilter {
  catch(refusal: InvalidTrackingLink, host: ArgumentsHost): void {
    const body: ApiErrorBody = { error: { code: refusal.code, message: refusal.message, details: [{ field: 'token', message: 'signature does not match' }] } };
    host.switchToHttp().getResponse<Response>().status(400).setHeader('cache-control', 'no-store').json(body);
  }
}
