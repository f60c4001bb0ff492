import { Body, Controller, Get, Put } from '@nestjs/common';
import { ApiBody, ApiOkResponse, ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import type { AccountSettings } from '@marea/contracts';
import { IngestionService } from '@marea/engine/ingestion';
import { AccountSettingsDto, ApiErrorDto } from './ingestion-documents';
import { Allow, ANY_ROLE } from '../access/allow.decorator';

/** The account: name, currency and time zone every figure is expressed in. */
@ApiTags('account')
@Allow(ANY_ROLE, ['read'])
@Controller('v1/account')
export class AccountController {
  constructor(private readonly ingestion: IngestionService) {}

  @Get()
  @ApiOperation({ summary: 'Read the account settings: name, account currency, time zone' })
  @ApiOkResponse({ type: AccountSettingsDto })
  read(): Promise<AccountSettings> {
    return this.ingestion.getAccount();
  }

  @Put()
  @Allow(['admin'])
  @ApiOperation({
    summary: 'Change the account settings',
    description:
      'Replaces name, currency and time zone. The currency is refused with 409 ACCOUNT_CURRENCY_LOCKED once orders or ' +
      'currency rates are stored, because their converted amounts and rates are expressed in it.',
  })
  @ApiBody({ type: AccountSettingsDto })
  @ApiOkResponse({ type: AccountSettingsDto })
  @ApiResponse({ status: 400, type: ApiErrorDto, description: 'INVALID_ACCOUNT: a field is missing or wrong (see details)' })
  @ApiResponse({ status: 409, type: ApiErrorDto, description: 'ACCOUNT_CURRENCY_LOCKED: orders or rates are stored in the current currency' })
  update(@Body() account: unknown): Promise<AccountSettings> {
    return this.ingestion.updateAccount(account);
  }
}
