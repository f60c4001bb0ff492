import { Controller, Get, Inject, Param, Post, Res, UseFilters } from '@nestjs/common';
import { ApiBadRequestResponse, ApiFoundResponse, ApiOkResponse, ApiOperation, ApiParam, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { createZodDto } from 'nestjs-zod';
import { DataSource } from 'typeorm';
import { ApiErrorBody } from '@marea/contracts';
import { PgMessageEventRecorder, TrackingTokens, unsubscribeFromEmail, type TrackingClaims, type TrackingPurpose } from '@marea/infra/tracking';
import { Public } from '../access/allow.decorator';
import { InvalidTrackingLink, InvalidTrackingLinkFilter } from './tracking-refusal';
import { confirmationPage, outcomePage } from './unsubscribe-page';

class ApiErrorDto extends createZodDto(ApiErrorBody) {}

/** The smallest transparent GIF: 1×1 pixel. */
const PIXEL = Buffer.from('R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7', 'base64');
const tokenParam = { name: 'token', description: 'signed token from the link in the message' };

/**
 * The links inside messages, answered for anyone (recipients are not users). Each carries a
 * signed token; a token Marea did not sign is refused with 400 and never redirects anywhere.
 */
@ApiTags('tracking')
@Public()
@Controller('t')
@UseFilters(InvalidTrackingLinkFilter)
export class TrackingController {
  constructor(
    private readonly dataSource: DataSource,
    @Inject(TrackingTokens) private readonly tokens: TrackingTokens,
    @Inject(PgMessageEventRecorder) private readonly events: PgMessageEventRecorder,
  ) {}

  @Get('o/:file')
  @ApiOperation({ summary: 'Open pixel: records that the message was opened and answers a 1×1 transparent GIF (never cached)' })
  @ApiParam({ name: 'file', description: 'the signed token followed by .gif' })
  @ApiProduces('image/gif')
  @ApiOkResponse({ description: 'a 1×1 GIF' })
  @ApiBadRequestResponse({ type: ApiErrorDto, description: 'the token was not signed by Marea' })
  async open(@Param('file') file: string, @Res() response: Response): Promise<void> {
    const claims = this.claims(file.endsWith('.gif') ? file.slice(0, -4) : '', 'open');
    await this.events.record({ messageId: claims.messageId, customerId: claims.customerId, kind: 'opened', at: new Date() });
    response
      .status(200)
      .setHeader('content-type', 'image/gif')
      .setHeader('cache-control', 'no-store, no-cache, must-revalidate, private')
      // Mail clients show the image from their own origin.
      .setHeader('cross-origin-resource-policy', 'cross-origin')
      .end(PIXEL);
  }

  @Get('c/:token')
  @ApiOperation({ summary: 'Click redirect: records the click and redirects (302) to the link’s original URL, carried inside the signed token' })
  @ApiParam(tokenParam)
  @ApiFoundResponse({ description: 'redirect to the original URL of the link' })
  @ApiBadRequestResponse({ type: ApiErrorDto, description: 'the token was not signed by Marea: no redirect' })
  async click(@Param('token') token: string, @Res() response: Response): Promise<void> {
    const claims = this.claims(token, 'click');
    await this.events.record({ messageId: claims.messageId, customerId: claims.customerId, kind: 'clicked', at: new Date(), detail: claims.url });
    response.status(302).setHeader('cache-control', 'no-store').setHeader('location', claims.url).end();
  }

  @Get('u/:token')
  @ApiOperation({ summary: 'Unsubscribe page: asks for confirmation with a button; a GET never unsubscribes (mail scanners follow links)' })
  @ApiParam(tokenParam)
  @ApiProduces('text/html')
  @ApiOkResponse({ description: 'the confirmation page' })
  @ApiBadRequestResponse({ type: ApiErrorDto, description: 'the token was not signed by Marea' })
  confirm(@Param('token') token: string, @Res() response: Response): void {
    this.claims(token, 'unsubscribe');
    html(response, confirmationPage());
  }

  @Post('u/:token')
  @ApiOperation({
    summary: 'Unsubscribe (RFC 8058 one-click, and the page’s button): withdraws the email consent and records the unsubscribe',
    description: 'Mail clients post `List-Unsubscribe=One-Click`; the signed token alone identifies the message and the customer.',
  })
  @ApiParam(tokenParam)
  @ApiProduces('text/html')
  @ApiOkResponse({ description: 'a page confirming the unsubscribe' })
  @ApiBadRequestResponse({ type: ApiErrorDto, description: 'the token was not signed by Marea' })
  async unsubscribe(@Param('token') token: string, @Res() response: Response): Promise<void> {
    const claims = this.claims(token, 'unsubscribe');
    const outcome = await unsubscribeFromEmail(this.dataSource, { messageId: claims.messageId, customerId: claims.customerId, at: new Date() });
    html(response, outcomePage(outcome));
  }

  /** The claims of a token signed for `purpose`; anything else is refused before any effect. */
  private claims<P extends TrackingPurpose>(token: string, purpose: P): Extract<TrackingClaims, { purpose: P }> {
    const claims = this.tokens.verify(token);
    if (claims?.purpose !== purpose) throw new InvalidTrackingLink(purpose);
    return claims as Extract<TrackingClaims, { purpose: P }>;
  }
}

function html(response: Response, body: string): void {
  response.status(200).setHeader('content-type', 'text/html; charset=utf-8').setHeader('cache-control', 'no-store').end(body);
}
