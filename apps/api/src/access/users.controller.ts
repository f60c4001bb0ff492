import { Body, Controller, Get, HttpCode, Inject, Param, Patch, Post, Req } from '@nestjs/common';
import { ApiBody, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiParam, ApiResponse, ApiTags } from '@nestjs/swagger';
import type { Request } from 'express';
import { InviteUserRequest, UpdateUserRequest, type Invitation, type User } from '@marea/contracts';
import { PgUserStore } from '@marea/infra/persistence';
import { ApiErrorDto } from '../ingestion/ingestion-documents';
import { InvitationDto, InviteUserRequestDto, UpdateUserRequestDto, UserDto } from './access-documents';
import { Allow } from './allow.decorator';
import { AuditLog } from './audit-log';
import { parseBody } from './parse-body';
import { refusalsAsAnswers } from './sign-in.service';

/** Users and their roles; admins only. */
@ApiTags('access')
@Allow(['admin'])
@Controller('v1/users')
export class UsersController {
  constructor(
    @Inject(PgUserStore) private readonly users: PgUserStore,
    private readonly audit: AuditLog,
  ) {}

  @Get()
  @ApiOperation({ summary: 'Every user: role, status (none, invited, active, deactivated), last sign-in' })
  @ApiOkResponse({ type: UserDto, isArray: true })
  list(): Promise<User[]> {
    return this.users.list();
  }

  @Post()
  @HttpCode(201)
  @ApiOperation({
    summary: 'Invite a person: answers the one-time invitation link, shown only now',
    description:
      'The invited person opens the link, chooses a password and is signed in. A user who cannot sign in yet (a manager ' +
      'created by customer ingestion) can be invited with their email; a user who can is refused with 409 EMAIL_TAKEN.',
  })
  @ApiBody({ type: InviteUserRequestDto })
  @ApiCreatedResponse({ type: InvitationDto })
  @ApiResponse({ status: 409, type: ApiErrorDto, description: 'EMAIL_TAKEN' })
  async invite(@Body() body: unknown, @Req() request: Request): Promise<Invitation> {
    const { email, name, role } = parseBody(InviteUserRequest, body);
    const { user, token, expiresAt } = await refusalsAsAnswers(() => this.users.invite(email, name, role));
    await this.audit.record(request, 'user.invited', { subject: user.email, details: { role } });
    return { user, token, path: `/invitation?token=${token}`, expiresAt: expiresAt.toISOString() };
  }

  @Patch(':id')
  @ApiOperation({
    summary: "Change a user's role, or deactivate / reactivate them",
    description: "Deactivating ends the user's sessions at once. The last active admin keeps the role (409 LAST_ADMIN).",
  })
  @ApiParam({ name: 'id' })
  @ApiBody({ type: UpdateUserRequestDto })
  @ApiOkResponse({ type: UserDto })
  @ApiResponse({ status: 404, type: ApiErrorDto, description: 'USER_NOT_FOUND' })
  @ApiResponse({ status: 409, type: ApiErrorDto, description: 'LAST_ADMIN' })
  async update(@Param('id') id: string, @Body() body: unknown, @Req() request: Request): Promise<User> {
    const change = parseBody(UpdateUserRequest, body);
    const { before, after } = await refusalsAsAnswers(() => this.users.update(id, change));
    if (before.role !== after.role) {
      await this.audit.record(request, 'user.role-changed', { subject: after.email, details: { from: before.role, to: after.role } });
    }
    if ((before.status === 'deactivated') !== (after.status === 'deactivated')) {
      await this.audit.record(request, after.status === 'deactivated' ? 'user.deactivated' : 'user.reactivated', { subject: after.email });
    }
    return after;
  }
}
