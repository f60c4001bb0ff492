import { Injectable, SetMetadata, type ExecutionContext } from '@nestjs/common';
import { ThrottlerGuard, type ThrottlerLimitDetail, type ThrottlerModuleOptions } from '@nestjs/throttler';
import type { Request, Response } from 'express';
import type { AppConfig } from '../config/app-config';
import { RequestRefusal } from '../http/request-refusal';
import { requestPrincipal } from './request-principal';

type RateLimitName = 'sign-in' | 'ingestion';
const RATE_LIMIT = 'marea:rate-limit';

/** Puts a route under one of the named limits; routes without it are not limited. */
export const RateLimited = (name: RateLimitName) => SetMetadata(RATE_LIMIT, name);

const WINDOW_MS = 60_000;

/** skipIf of a named limit: true for routes that are not under it. */
const notUnder = (name: RateLimitName) => (context: ExecutionContext) =>
  Reflect.getMetadata(RATE_LIMIT, context.getHandler()) !== name && Reflect.getMetadata(RATE_LIMIT, context.getClass()) !== name;

/**
 * Sign-in: per client address and email, so guessing one person's password is slow while
 * colleagues behind the same address still sign in. Ingestion: per key (or user), generous, to
 * stop a runaway integration without slowing a normal one. Counted in process, per minute.
 */
export function rateLimits(config: AppConfig): ThrottlerModuleOptions {
  return {
    throttlers: [
      {
        name: 'sign-in',
        ttl: WINDOW_MS,
        limit: config.SIGN_IN_RATE_LIMIT,
        skipIf: notUnder('sign-in'),
        getTracker: (request) => {
          const email = (request as Request).body?.email;
          return `${(request as Request).ip}|${typeof email === 'string' ? email.toLowerCase().slice(0, 320) : ''}`;
        },
      },
      {
        name: 'ingestion',
        ttl: WINDOW_MS,
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
