import { Body, Controller, Delete, Get, HttpCode, Inject, Post, Req, Res } from '@nestjs/common';
import { ApiBody, ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { SignInRequest, type SessionInfo } from '@marea/contracts';
import type { UserPrincipal } from '@marea/domain/access';
import { PgSessionStore } from '@marea/infra/persistence';
import type { AppConfig } from '../config/app-config';
import { APP_CONFIG } from '../config/app-config.token';
import { ApiErrorDto } from '../ingestion/ingestion-documents';
import { SessionInfoDto, SignInRequestDto } from './access-documents';
import { Public, SignedInUsers } from './allow.decorator';
import { AuditLog } from './audit-log';
import { parseBody } from './parse-body';
import { Principal } from './principal.decorator';
import { RateLimited } from './rate-limit';
import { clearSessionCookie, setSessionCookie } from './session-cookie';
import { SignInService, type SignedIn } from './sign-in.service';

/** Signing in and out of the web app. Integrations use API keys instead. */
@ApiTags('access')
@Controller('v1/session')
export class SessionController {
  constructor(
    private readonly signIns: SignInService,
    @Inject(PgSessionStore) private readonly sessions: PgSessionStore,
    private readonly audit: AuditLog,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  @Post()
  @Public()
  @RateLimited('sign-in')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Sign in with email and password',
    description:
      'Sets the httpOnly session cookie and answers with the user and the CSRF token to send in X-CSRF-Token with every ' +
      'request that changes something. Limited to SIGN_IN_RATE_LIMIT attempts a minute per address and email.',
  })
  @ApiBody({ type: SignInRequestDto })
  @ApiOkResponse({ type: SessionInfoDto })
  @ApiResponse({ status: 401, type: ApiErrorDto, description: 'SIGN_IN_FAILED' })
  @ApiResponse({ status: 429, type: ApiErrorDto, description: 'RATE_LIMITED' })
  async signIn(@Body() body: unknown, @Req() request: Request, @Res({ passthrough: true }) response: Response): Promise<SessionInfo> {
    const { email, password } = parseBody(SignInRequest, body);
    return startSession(this.config, request, response, await this.signIns.signIn(request, email, password));
  }

  @Get()
  @SignedInUsers()
  @ApiOperation({ summary: 'The signed-in user and the CSRF token of the session' })
  @ApiOkResponse({ type: SessionInfoDto })
  @ApiResponse({ status: 401, type: ApiErrorDto, description: 'UNAUTHENTICATED: nobody is signed in' })
  current(@Principal() principal: UserPrincipal): SessionInfo {
    const { userId: id, email, name, role, csrfToken } = principal;
    return { user: { id, email, name, role }, csrfToken };
  }

  @Delete()
  @SignedInUsers()
  @HttpCode(204)
  @ApiOperation({ summary: 'Sign out: ends the session and clears its cookie' })
  @ApiNoContentResponse()
  async signOut(@Principal() principal: UserPrincipal, @Req() request: Request, @Res({ passthrough: true }) response: Response): Promise<void> {
    await this.sessions.close(principal.sessionId);
    await this.audit.record(request, 'session.signed-out', { subject: principal.email });
    clearSessionCookie(this.config, request, response);
  }
}

/** Sets the cookie of a new session and answers what the web app needs from it. */
export function startSession(config: AppConfig, request: Request, response: Response, { user, session }: SignedIn): SessionInfo {
  setSessionCookie(config, request, response, session.token, session.expiresAt);
  return { user, csrfToken: session.csrfToken };
}
