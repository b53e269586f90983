import {
  AppError,
  type CurrentUser,
  PlanReceptionDayUseCase,
  ReceptionDayActionUseCase,
  type ReceptionDayCommandInput,
  ReceptionDayQueries,
} from '@app/application';
import { LABELS, RECEPTION_ACTIONS, type ReceptionAction } from '@app/domain';
import { Body, Controller, Get, Headers, HttpCode, Param, Post, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiCreatedResponse, ApiExtraModels, ApiHeader, ApiOkResponse, ApiOperation, ApiParam, ApiTags, getSchemaPath } from '@nestjs/swagger';
import type { Response } from 'express';
import { User } from '../auth/auth.guard.js';
import { UuidParam } from '../http/uuid-param.js';
import { validateBody } from '../http/validation.js';
import { parseIfMatch } from '../petitions/petitions.controller.js';
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
    const view = await this.queries.get(user, id);
    res.status(201).setHeader('Location', `/api/reception-days/${id}`).setHeader('ETag', `"${view.version}"`);
    return view;
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
    const view = await this.queries.get(user, id);
    res.setHeader('ETag', `"${view.version}"`);
    return view;
  }

  @Post(':id/actions/:action')
  @HttpCode(200)
  @ApiOperation({ summary: 'hold (on or after the day: attendees and petitions taken), cancel (with a reason), link-petitions (after hold)' })
  @ApiParam({ name: 'action', enum: RECEPTION_ACTIONS })
  @ApiHeader({ name: 'If-Match', required: false, description: 'The version you last saw; a stale one gets 412' })
  @ApiBody({ schema: { oneOf: Object.values(RECEPTION_ACTION_BODIES).map((c) => ({ $ref: getSchemaPath(c) })) } })
  @ApiOkResponse({ type: ReceptionDayDetailDto })
  async perform(
    @User() user: CurrentUser,
    @UuidParam('id') id: string,
    @Param('action') action: string,
    @Body() body: unknown,
    @Headers('if-match') ifMatch: string | undefined,
    @Res({ passthrough: true }) res: Response,
  ) {
    if (!(RECEPTION_ACTIONS as readonly string[]).includes(action)) {
      throw new AppError('not-found', 'error.not_found', { what: LABELS.entity.action }, { allowedActions: RECEPTION_ACTIONS });
    }
    const expectedVersion = parseIfMatch(ifMatch);
    const dto = await validateBody<object>(RECEPTION_ACTION_BODIES[action as ReceptionAction], body ?? {});
    await this.act.execute(user, id, { ...dto, action } as ReceptionDayCommandInput, expectedVersion);
    const view = await this.queries.get(user, id);
    res.setHeader('ETag', `"${view.version}"`);
    return view;
  }
}
