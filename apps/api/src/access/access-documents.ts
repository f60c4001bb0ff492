import { createZodDto } from 'nestjs-zod';
import {
  AcceptInvitationRequest,
  ApiKey,
  AuditPage,
  CompletePasswordResetRequest,
  CreateApiKeyRequest,
  CreatedApiKey,
  FirstAdminRequest,
  Invitation,
  InviteUserRequest,
  PasswordResetLink,
  PasswordResetRequest,
  SessionInfo,
  SetupStatus,
  SignInRequest,
  UpdateUserRequest,
  User,
} from '@marea/contracts';

// OpenAPI descriptions generated from the access contracts; bodies are validated with parseBody.
export class SignInRequestDto extends createZodDto(SignInRequest) {}
export class FirstAdminRequestDto extends createZodDto(FirstAdminRequest) {}
export class AcceptInvitationRequestDto extends createZodDto(AcceptInvitationRequest) {}
export class SessionInfoDto extends createZodDto(SessionInfo) {}
export class SetupStatusDto extends createZodDto(SetupStatus) {}
export class UserDto extends createZodDto(User) {}
export class InviteUserRequestDto extends createZodDto(InviteUserRequest) {}
export class InvitationDto extends createZodDto(Invitation) {}
export class UpdateUserRequestDto extends createZodDto(UpdateUserRequest) {}
export class ApiKeyDto extends createZodDto(ApiKey) {}
export class CreateApiKeyRequestDto extends createZodDto(CreateApiKeyRequest) {}
export class CreatedApiKeyDto extends createZodDto(CreatedApiKey) {}
export class AuditPageDto extends createZodDto(AuditPage) {}
export class PasswordResetRequestDto extends createZodDto(PasswordResetRequest) {}
export class CompletePasswordResetRequestDto extends createZodDto(CompletePasswordResetRequest) {}
export class PasswordResetLinkDto extends createZodDto(PasswordResetLink) {}
