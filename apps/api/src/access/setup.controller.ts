import { Body, Controller, Get, HttpCode, Inject, Post, Req, Res } from '@nestjs/common';
import { ApiBody, ApiOkResponse, ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { AcceptInvitationRequest, FirstAdminRequest, type SessionInfo, type SetupStatus } from '@marea/contracts';
import { PgUserStore } from '@marea/infra/persistence';
import type { AppConfig } from '../config/app-config';
import { APP_CONFIG } from '../config/app-config.token';
import { ApiErrorDto } from '../ingestion/ingestion-documents';
import { AcceptInvitationRequestDto, FirstAdminRequestDto, SessionInfoDto, SetupStatusDto } from './access-documents';
import { Public } from './allow.decorator';
import { parseBody } from './parse-body';
import { RateLimited } from './rate-limit';
import { startSession } from './session.controller';
import { SignInService } from './sign-in.service';

/** Becoming a user without being signed in: the first admin of an installation, or an invited person. */
@ApiTags('access')
@Controller('v1')
export class SetupController {
  constructor(
    private readonly signIns: SignInService,
    @Inject(PgUserStore) private readonly users: PgUserStore,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  @Get('setup')
  @Public()
  @ApiOperation({ summary: 'Whether the installation still needs its first admin (the web app then shows the setup screen)' })
  @ApiOkResponse({ type: SetupStatusDto })
  async status(): Promise<SetupStatus> {
    return { needsFirstAdmin: await this.users.needsFirstAdmin() };
  }

  @Post('setup')
  @Public()
  @RateLimited('sign-in')
  @HttpCode(201)
  @ApiOperation({
    summary: 'Create the first admin and sign in as them',
    description: 'Works once: when several arrive together, the first wins and the others get 409 SETUP_DONE.',
  })
  @ApiBody({ type: FirstAdminRequestDto })
  @ApiOkResponse({ type: SessionInfoDto })
  @ApiResponse({ status: 409, type: ApiErrorDto, description: 'SETUP_DONE: an admin exists' })
  async createFirstAdmin(@Body() body: unknown, @Req() request: Request, @Res({ passthrough: true }) response: Response): Promise<SessionInfo> {
    const { email, name, password } = parseBody(FirstAdminRequest, body);
    return startSession(this.config, request, response, await this.signIns.createFirstAdmin(request, email, name, password));
  }

  @Post('invitations/accept')
  @Public()
  @RateLimited('sign-in')
  @HttpCode(200)
  @ApiOperation({ summary: 'Accept an invitation: choose a password and sign in', description: 'The token works once, for 7 days.' })
  @ApiBody({ type: AcceptInvitationRequestDto })
  @ApiOkResponse({ type: SessionInfoDto })
  @ApiResponse({ status: 400, type: ApiErrorDto, description: 'INVITATION_INVALID: used or expired' })
  async acceptInvitation(@Body() body: unknown, @Req() request: Request, @Res({ passthrough: true }) response: Response): Promise<SessionInfo> {
    const { token, password } = parseBody(AcceptInvitationRequest, body);
    return startSession(this.config, request, response, await this.signIns.acceptInvitation(request, token, password));
  }
}
