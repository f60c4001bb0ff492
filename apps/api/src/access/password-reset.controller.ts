import { Body, Controller, HttpCode, Param, Post, Req } from '@nestjs/common';
import { ApiAcceptedResponse, ApiBody, ApiCreatedResponse, ApiNoContentResponse, ApiOperation, ApiParam, ApiResponse, ApiTags } from '@nestjs/swagger';
import type { Request } from 'express';
import { CompletePasswordResetRequest, PasswordResetRequest, type PasswordResetLink } from '@marea/contracts';
import { ApiErrorDto } from '../ingestion/ingestion-documents';
import { CompletePasswordResetRequestDto, PasswordResetLinkDto, PasswordResetRequestDto } from './access-documents';
import { Allow, Public } from './allow.decorator';
import { parseBody } from './parse-body';
import { PasswordResetService } from './password-reset.service';
import { RateLimited } from './rate-limit';

/** Getting back in after forgetting a password: a link from an admin, or one asked for by email. */
@ApiTags('access')
@Controller('v1')
export class PasswordResetController {
  constructor(private readonly resets: PasswordResetService) {}

  @Post('users/:id/password-reset')
  @Allow(['admin'])
  @HttpCode(201)
  @ApiOperation({
    summary: 'Issue a one-time password reset link for a user, shown only now',
    description:
      'The admin passes the link on; it works once, for 24 hours. The password stays as it is until the link is used; ' +
      'using it ends every session of the user.',
  })
  @ApiParam({ name: 'id' })
  @ApiCreatedResponse({ type: PasswordResetLinkDto })
  @ApiResponse({ status: 404, type: ApiErrorDto, description: 'USER_NOT_FOUND' })
  @ApiResponse({ status: 409, type: ApiErrorDto, description: 'RESET_IMPOSSIBLE: the user has no password yet, or is deactivated' })
  issue(@Param('id') id: string, @Req() request: Request): Promise<PasswordResetLink> {
    return this.resets.issueForUser(request, id);
  }

  @Post('session/password-reset')
  @Public()
  @RateLimited('password-reset')
  @HttpCode(202)
  @ApiOperation({
    summary: 'Ask for a password reset link by email',
    description:
      'Answers 202 whether or not an account uses the email, at once; the link (one use, one hour) is emailed through ' +
      'SMTP_URL. Without SMTP_URL nothing is sent (an admin issues links instead). Limited to ' +
      'PASSWORD_RESET_RATE_LIMIT requests an hour per address and email.',
  })
  @ApiBody({ type: PasswordResetRequestDto })
  @ApiAcceptedResponse({ description: 'If an active account uses the email, a link is on its way.' })
  @ApiResponse({ status: 429, type: ApiErrorDto, description: 'RATE_LIMITED' })
  askByEmail(@Body() body: unknown, @Req() request: Request): void {
    const { email } = parseBody(PasswordResetRequest, body);
    this.resets.requestByEmail(request, email);
  }

  @Post('session/password-reset/complete')
  @Public()
  @RateLimited('sign-in')
  @HttpCode(204)
  @ApiOperation({
    summary: 'Choose a new password with a reset link',
    description: 'The token works once, before it expires. Every session of the user ends; they sign in with the new password.',
  })
  @ApiBody({ type: CompletePasswordResetRequestDto })
  @ApiNoContentResponse()
  @ApiResponse({ status: 400, type: ApiErrorDto, description: 'RESET_LINK_INVALID: used or expired; INVALID_REQUEST: the password is too short' })
  async complete(@Body() body: unknown, @Req() request: Request): Promise<void> {
    const { token, password } = parseBody(CompletePasswordResetRequest, body);
    await this.resets.complete(request, token, password);
  }
}
