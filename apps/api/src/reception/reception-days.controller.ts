import {
  type CurrentUser,
  PlanReceptionDayUseCase,
  ReceptionDayActionUseCase,
  type ReceptionDayCommandInput,
  ReceptionDayQueries,
} from '@app/application';
import { RECEPTION_ACTIONS } from '@app/domain';
import { Body, Controller, Get, Headers, Param, Post, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiExtraModels, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { User } from '../auth/auth.guard.js';
import { ActionRoute, actionCommand } from '../http/action-route.js';
import { created, withETag } from '../http/if-match.js';
import { UuidParam } from '../http/uuid-param.js';
import { ListReceptionDaysQuery, PlanReceptionDayDto, RECEPTION_ACTION_BODIES, ReceptionDayDetailDto, ReceptionDayPageDto } from './reception.dto.js';

/**
 * Heads' periodic citizen-reception days (tiếp công dân định kỳ, DOMAIN.md R1, R2, R4): planned by reception
 * staff or the heads, recorded as held with who came and the petitions taken, or cancelled with a reason.
 */
@ApiTags('reception-days')
@ApiBearerAuth()
@ApiExtraModels(...Object.values(RECEPTION_ACTION_BODIES))
@Controller('reception-days')
export class ReceptionDaysController {
  constructor(
    private readonly plan: PlanReceptionDayUseCase,
    private readonly act: ReceptionDayActionUseCase,
    private readonly queries: ReceptionDayQueries,
  ) {}

  @Post()
  @ApiOperation({ summary: 'Plan a reception day (head, desk of the unit, or admin); the host must hold the position there on that date' })
  @ApiCreatedResponse({ type: ReceptionDayDetailDto })
  async create(@User() user: CurrentUser, @Body() body: PlanReceptionDayDto, @Res({ passthrough: true }) res: Response) {
    const id = await this.plan.execute(user, body);
    return created(res, `/api/reception-days/${id}`, await this.queries.get(user, id), false);
  }

  @Get()
  @ApiOperation({ summary: 'Reception days in your jurisdiction, by date' })
  @ApiOkResponse({ type: ReceptionDayPageDto })
  list(@User() user: CurrentUser, @Query() query: ListReceptionDaysQuery) {
    return this.queries.list(user, query);
  }

  @Get(':id')
  @ApiOkResponse({ type: ReceptionDayDetailDto })
  async get(@User() user: CurrentUser, @UuidParam('id') id: string, @Res({ passthrough: true }) res: Response) {
    return withETag(res, await this.queries.get(user, id));
  }

  @ActionRoute(RECEPTION_ACTIONS, RECEPTION_ACTION_BODIES)
  @ApiOperation({ summary: 'hold (on or after the day: attendees and petitions taken), cancel (with a reason), link-petitions (after hold)' })
  @ApiOkResponse({ type: ReceptionDayDetailDto })
  async perform(
    @User() user: CurrentUser,
    @UuidParam('id') id: string,
    @Param('action') action: string,
    @Body() body: unknown,
    @Headers('if-match') ifMatch: string | undefined,
    @Res({ passthrough: true }) res: Response,
  ) {
    const { input, expectedVersion } = await actionCommand(RECEPTION_ACTIONS, RECEPTION_ACTION_BODIES, action, body, ifMatch);
    await this.act.execute(user, id, input as ReceptionDayCommandInput, expectedVersion);
    return withETag(res, await this.queries.get(user, id));
  }
}
