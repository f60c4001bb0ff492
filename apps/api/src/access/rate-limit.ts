import { Injectable, SetMetadata, type ExecutionContext } from '@nestjs/common';
import { ThrottlerGuard, type ThrottlerLimitDetail, type ThrottlerModuleOptions } from '@nestjs/throttler';
import type { Request, Response } from 'express';
import type { AppConfig } from '../config/app-config';
import { RequestRefusal } from '../http/request-refusal';
import { requestPrincipal } from './request-principal';
import type { SharedThrottlerStorage } from './shared-throttler-storage';

type RateLimitName = 'sign-in' | 'password-reset' | 'ingestion';
const RATE_LIMIT = 'marea:rate-limit';

/** Puts a route under one of the named limits; routes without it are not limited. */
export const RateLimited = (name: RateLimitName) => SetMetadata(RATE_LIMIT, name);

const MINUTE_MS = 60_000;
const HOUR_MS = 60 * MINUTE_MS;

/** skipIf of a named limit: true for routes that are not under it. */
const notUnder = (name: RateLimitName) => (context: ExecutionContext) =>
  Reflect.getMetadata(RATE_LIMIT, context.getHandler()) !== name && Reflect.getMetadata(RATE_LIMIT, context.getClass()) !== name;

/** Client address and the email the body names, so colleagues behind one address are counted apart. */
const addressAndEmail = (request: Record<string, unknown>) => {
  const email = (request as unknown as Request).body?.email;
  return `${(request as unknown as Request).ip}|${typeof email === 'string' ? email.toLowerCase().slice(0, 320) : ''}`;
};

/**
 * Sign-in: per client address and email, so guessing one person's password is slow while
 * colleagues behind the same address still sign in. Password reset by email: the same, per
 * hour, so nobody floods a mailbox with links. Ingestion: per key (or user), generous, to stop a
 * runaway integration without slowing a normal one. Counted in PostgreSQL, shared by every
 * process (SharedThrottlerStorage); no X-RateLimit-* headers, since a process does not know
 * the other processes' share of the count.
 */
export function rateLimits(config: AppConfig, storage: SharedThrottlerStorage): ThrottlerModuleOptions {
  return {
    storage,
    setHeaders: false,
    throttlers: [
      {
        name: 'sign-in',
        ttl: MINUTE_MS,
        limit: config.SIGN_IN_RATE_LIMIT,
        skipIf: notUnder('sign-in'),
        getTracker: addressAndEmail,
      },
      {
        name: 'password-reset',
        ttl: HOUR_MS,
        limit: config.PASSWORD_RESET_RATE_LIMIT,
        skipIf: notUnder('password-reset'),
        getTracker: addressAndEmail,
      },
      {
        name: 'ingestion',
        ttl: MINUTE_MS,
        limit: config.INGEST_RATE_LIMIT,
        skipIf: notUnder('ingestion'),
        getTracker: (request) => {
          const principal = requestPrincipal(request);
          return principal?.kind === 'key' ? `key ${principal.keyId}` : `user ${principal?.userId}`;
        },
      },
    ],
  };
}

/** Runs after AccessGuard (it needs the principal) and answers 429 in the API's error shape. */
@Injectable()
export class RateLimitGuard extends ThrottlerGuard {
  protected override async throwThrottlingException(context: ExecutionContext, detail: ThrottlerLimitDetail): Promise<void> {
    const seconds = Math.max(1, Math.ceil(detail.timeToBlockExpire || detail.ttl / 1000));
    context.switchToHttp().getResponse<Response>().setHeader('Retry-After', String(seconds));
    throw new RequestRefusal(429, 'RATE_LIMITED', `Too many requests; retry in ${seconds} s.`);
  }
}
