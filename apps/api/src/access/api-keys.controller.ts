import { Body, Controller, Delete, Get, HttpCode, Inject, Param, Post, Req } from '@nestjs/common';
import { ApiBody, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiParam, ApiResponse, ApiTags } from '@nestjs/swagger';
import type { Request } from 'express';
import { CreateApiKeyRequest, type ApiKey, type CreatedApiKey } from '@marea/contracts';
import { PgApiKeyStore } from '@marea/infra/persistence';
import { RequestRefusal } from '../http/request-refusal';
import { ApiErrorDto } from '../ingestion/ingestion-documents';
import { ApiKeyDto, CreateApiKeyRequestDto, CreatedApiKeyDto } from './access-documents';
import { Allow } from './allow.decorator';
import { ApiKeyAuthenticator } from './api-key-authenticator';
import { AuditLog } from './audit-log';
import { parseBody } from './parse-body';
import { requestPrincipal } from './request-principal';

/** API keys of integrations; admins only. */
@ApiTags('access')
@Allow(['admin'])
@Controller('v1/api-keys')
export class ApiKeysController {
  constructor(
    @Inject(PgApiKeyStore) private readonly keys: PgApiKeyStore,
    @Inject(ApiKeyAuthenticator) private readonly authenticator: ApiKeyAuthenticator,
    private readonly audit: AuditLog,
  ) {}

  @Get()
  @ApiOperation({ summary: 'Every API key: name, scope, prefix, last use, revocation (never the secret)' })
  @ApiOkResponse({ type: ApiKeyDto, isArray: true })
  list(): Promise<ApiKey[]> {
    return this.keys.list();
  }

  @Post()
  @HttpCode(201)
  @ApiOperation({
    summary: 'Create an API key; its secret is in this answer only',
    description: 'Scopes: ingest (the batch routes), read (reading routes), admin (whatever an admin may). Only a digest is stored.',
  })
  @ApiBody({ type: CreateApiKeyRequestDto })
  @ApiCreatedResponse({ type: CreatedApiKeyDto })
  async create(@Body() body: unknown, @Req() request: Request): Promise<CreatedApiKey> {
    const { name, scope } = parseBody(CreateApiKeyRequest, body);
    const principal = requestPrincipal(request);
    const created = await this.keys.create(name, scope, principal?.kind === 'user' ? principal.userId : null);
    await this.audit.record(request, 'api-key.created', { subject: `${created.key.name} (${created.key.prefix}…)`, details: { scope } });
    return created;
  }

  @Delete(':id')
  @ApiOperation({ summary: 'Revoke an API key: refused from the next request on' })
  @ApiParam({ name: 'id' })
  @ApiOkResponse({ type: ApiKeyDto })
  @ApiResponse({ status: 404, type: ApiErrorDto, description: 'API_KEY_NOT_FOUND' })
  async revoke(@Param('id') id: string, @Req() request: Request): Promise<ApiKey> {
    const key = await this.keys.revoke(id);
    if (!key) throw new RequestRefusal(404, 'API_KEY_NOT_FOUND', `There is no API key ${id}.`);
    this.authenticator.forget(key.id);
    await this.audit.record(request, 'api-key.revoked', { subject: `${key.name} (${key.prefix}…)` });
    return key;
  }
}
