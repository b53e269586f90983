import { type CurrentUser, NotificationQueries } from '@app/application';
import { type Clock } from '@app/domain';
import { CLOCK } from '@app/application';
import { Controller, Get, HttpCode, Inject, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsBoolean, IsOptional } from 'class-validator';
import { User } from '../auth/auth.guard.js';
import { UuidParam } from '../http/uuid-param.js';

export class ListNotificationsQuery {
  @ApiPropertyOptional({ default: false })
  @IsOptional() @Transform(({ value }) => value === 'true' || value === true) @IsBoolean() unread?: boolean;
}

/** In-app notifications for the signed-in user (assignments now; deadline alerts later). */
@ApiTags('notifications')
@ApiBearerAuth()
@Controller('notifications')
export class NotificationsController {
  constructor(
    private readonly notifications: NotificationQueries,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  @Get()
  list(@User() user: CurrentUser, @Query() query: ListNotificationsQuery) {
    return this.notifications.list(user, query.unread ?? false, this.clock.now());
  }

  @Post(':id/read')
  @HttpCode(204)
  async markRead(@User() user: CurrentUser, @UuidParam('id') id: string): Promise<void> {
    await this.notifications.markRead(user, id, this.clock.now());
  }
}
