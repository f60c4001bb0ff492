import { BadRequestException, Body, Controller, Get, HttpCode, Post } from '@nestjs/common';
import { ApiBody, ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { createZodDto } from 'nestjs-zod';
import * as z from 'zod';
import { NotificationList } from '@marea/contracts';
import type { Principal as RequestPrincipal } from '@marea/domain/access';
import { PgNotifications } from '@marea/infra/persistence';
import { Allow, ANY_ROLE } from '../access/allow.decorator';
import { Principal } from '../access/principal.decorator';

const MarkRead = z.object({ ids: z.array(z.string().regex(/^\d{1,18}$/, 'must be a notification id')).optional() }).strict();
class NotificationListDto extends createZodDto(NotificationList) {}
class MarkReadDto extends createZodDto(MarkRead) {}

/** The signed-in user's in-app notifications (e.g. a segment's first computation finished). */
@ApiTags('notifications')
@Allow(ANY_ROLE)
@Controller('v1/notifications')
export class NotificationsController {
  constructor(private readonly notifications: PgNotifications) {}

  @Get()
  @ApiOperation({ summary: 'My notifications, newest first (the last 100), with how many are unread' })
  @ApiOkResponse({ type: NotificationListDto })
  list(@Principal() principal: RequestPrincipal | null): Promise<NotificationList> {
    return this.notifications.list(userOf(principal), 100);
  }

  @Post('read')
  @HttpCode(204)
  @ApiOperation({ summary: 'Mark notifications read: the ids given, or all of mine without ids' })
  @ApiBody({ type: MarkReadDto })
  @ApiNoContentResponse({ description: 'Marked read' })
  async markRead(@Body() body: unknown, @Principal() principal: RequestPrincipal | null): Promise<void> {
    const parsed = MarkRead.safeParse(body ?? {});
    if (!parsed.success) {
      const [issue] = parsed.error.issues;
      throw new BadRequestException(`${issue.path.join('.') || '(body)'}: ${issue.message}`);
    }
    await this.notifications.markRead(userOf(principal), parsed.data.ids ?? null);
  }
}

function userOf(principal: RequestPrincipal | null): string | null {
  return principal?.kind === 'user' ? principal.userId : null;
}
