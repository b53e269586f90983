import { type CurrentUser, HotSpotsUseCase } from '@app/application';
import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { User } from '../auth/auth.guard.js';
import { HotSpotsQuery } from './grouping.dto.js';

/** The board's hot-spot view: growing clusters and group petitions in the caller's jurisdiction (counts only). */
@ApiTags('board')
@ApiBearerAuth()
@Controller('board')
export class HotSpotsController {
  constructor(private readonly hotSpots: HotSpotsUseCase) {}

  @Get('hot-spots')
  @ApiOperation({ summary: 'Open clusters with size and growth over the last `days` days (hot when growth or a group petition passes the threshold), and open group petitions in no cluster (counts only)' })
  list(@User() user: CurrentUser, @Query() query: HotSpotsQuery) {
    return this.hotSpots.execute(user, query);
  }
}
