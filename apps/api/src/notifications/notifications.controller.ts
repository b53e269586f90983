import { AuthService, type CurrentUser, NotificationQueries } from '@app/application';
import { APP_CONFIG, type AppConfig } from '@app/config';
import { type Clock } from '@app/domain';
import { CLOCK } from '@app/application';
import { Controller, Get, HttpCode, Inject, Logger, Post, Query, Req, Res } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiExtraModels,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiOperation,
  ApiProduces,
  ApiPropertyOptional,
  ApiTags,
  getSchemaPath,
} from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsBoolean, IsOptional } from 'class-validator';
import type { Request, Response } from 'express';
import { tokenExpiresAt, User } from '../auth/auth.guard.js';
import { UuidParam } from '../http/uuid-param.js';
import { NotificationHub } from './notification-hub.service.js';
import { NotificationStream } from './notification-stream.js';
import { DigestResponse, MarkAllReadResponse, NotificationListResponse, NotificationViewDto, StreamEndDto, UnreadCountDto } from './notification.dto.js';

export class ListNotificationsQuery {
  @ApiPropertyOptional({ default: false })
  @IsOptional() @Transform(({ value }) => value === 'true' || value === true) @IsBoolean() unread?: boolean;
}

/** The path of the live stream; the request log leaves it out (its lifetime is not a response time). */
export const NOTIFICATION_STREAM_PATH = '/api/notifications/stream';

/** In-app notifications for the signed-in user: assignments, reopened cases, commitments, deadline alerts and the daily digest. */
@ApiTags('notifications')
@ApiBearerAuth()
@Controller('notifications')
export class NotificationsController {
  private readonly log = new Logger('NotificationStream');

  constructor(
    private readonly notifications: NotificationQueries,
    private readonly hub: NotificationHub,
    private readonly auth: AuthService,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  @Get()
  @ApiOperation({ summary: 'My notifications, newest first, with the unread count' })
  @ApiOkResponse({ type: NotificationListResponse })
  list(@User() user: CurrentUser, @Query() query: ListNotificationsQuery) {
    return this.notifications.list(user, query.unread ?? false, this.clock.now());
  }

  @Get('stream')
  @ApiOperation({
    summary: 'Live notifications (server-sent events)',
    description:
      'Send the usual `Authorization: Bearer` header (read it with fetch streaming; EventSource cannot send headers, and tokens never go in URLs). ' +
      'Events: `unread` (data UnreadCountDto) on connect and whenever the count changes; `notification` (data NotificationViewDto, as in GET /notifications) ' +
      'for each new notification; `end` (data StreamEndDto) just before the server closes the stream, at the latest when the token expires. ' +
      'Comment lines (`: keep-alive`) every ~25 s. Reconnect after a drop; the first `unread` event carries the current count. ' +
      'Too many open streams for one user: 429.',
  })
  @ApiProduces('text/event-stream')
  @ApiExtraModels(UnreadCountDto, NotificationViewDto, StreamEndDto)
  @ApiOkResponse({
    description: 'An event stream; each event’s data is one JSON object',
    content: {
      'text/event-stream': {
        schema: { oneOf: [{ $ref: getSchemaPath(UnreadCountDto) }, { $ref: getSchemaPath(NotificationViewDto) }, { $ref: getSchemaPath(StreamEndDto) }] },
      },
    },
  })
  async stream(@User() user: CurrentUser, @Req() req: Request, @Res() res: Response): Promise<void> {
    const stream = new NotificationStream(res, user, {
      hub: this.hub,
      queries: this.notifications,
      auth: this.auth,
      clock: this.clock,
      log: this.log,
      heartbeatMs: this.config.notifications.heartbeatMs,
    });
    await stream.open(tokenExpiresAt(req));
  }

  @Get('digest')
  @ApiOperation({ summary: 'My latest daily digest as a list: one item per case, commitment or dialogue with its clock state' })
  @ApiOkResponse({ type: DigestResponse })
  digest(@User() user: CurrentUser) {
    return this.notifications.latestDigest(user, this.clock.now());
  }

  @Post('read-all')
  @HttpCode(200)
  @ApiOperation({ summary: 'Mark all my notifications read' })
  @ApiOkResponse({ type: MarkAllReadResponse })
  async markAllRead(@User() user: CurrentUser): Promise<MarkAllReadResponse> {
    const now = this.clock.now();
    const { marked } = await this.notifications.markAllRead(user, now);
    return { marked, unread: await this.notifications.unreadCount(user, now) };
  }

  @Post(':id/read')
  @HttpCode(204)
  @ApiOperation({ summary: 'Mark one notification read' })
  @ApiNoContentResponse()
  async markRead(@User() user: CurrentUser, @UuidParam('id') id: string): Promise<void> {
    await this.notifications.markRead(user, id, this.clock.now());
  }
}
