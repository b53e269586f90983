import {
  AppError,
  CreatePetitionUseCase,
  type CurrentUser,
  PerformPetitionActionUseCase,
  type PetitionCommandInput,
  PetitionQueries,
} from '@app/application';
import { LABELS, PETITION_ACTIONS, type PetitionAction } from '@app/domain';
import { Body, Controller, Get, Headers, HttpCode, Param, Post, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiExtraModels, ApiHeader, ApiParam, ApiTags, getSchemaPath } from '@nestjs/swagger';
import type { Response } from 'express';
import { User } from '../auth/auth.guard.js';
import { UuidParam } from '../http/uuid-param.js';
import { validateBody } from '../http/validation.js';
import { ACTION_BODIES, CreatePetitionDto, ListPetitionsQuery } from './petition.dto.js';

/** `If-Match: 3`, `"3"` or `W/"3"` → 3. Absent → undefined (no precondition). */
export function parseIfMatch(header: string | undefined): number | undefined {
  if (header === undefined || header.trim() === '') return undefined;
  const m = /^\s*(?:W\/)?"?(\d{1,9})"?\s*$/.exec(header);
  if (!m) throw new AppError('invalid', 'petition.if_match_invalid', {}, {}, [{ field: 'If-Match', messageKey: 'petition.if_match_invalid' }]);
  return Number(m[1]);
}

const IDEMPOTENCY_KEY = /^[A-Za-z0-9._:-]{8,200}$/;

@ApiTags('petitions')
@ApiBearerAuth()
@ApiExtraModels(...Object.values(ACTION_BODIES))
@Controller('petitions')
export class PetitionsController {
  constructor(
    private readonly create: CreatePetitionUseCase,
    private readonly act: PerformPetitionActionUseCase,
    private readonly queries: PetitionQueries,
  ) {}

  @Post()
  @ApiHeader({ name: 'Idempotency-Key', required: false, description: 'Same key and body → the same petition, never a second one' })
  async createPetition(
    @User() user: CurrentUser,
    @Body() body: CreatePetitionDto,
    @Headers('idempotency-key') idempotencyKey: string | undefined,
    @Res({ passthrough: true }) res: Response,
  ) {
    if (idempotencyKey !== undefined && !IDEMPOTENCY_KEY.test(idempotencyKey)) {
      throw new AppError('invalid', 'error.validation', {}, {}, [{ field: 'Idempotency-Key', messageKey: 'validation.matches' }]);
    }
    const { petitionId, replayed } = await this.create.execute(user, body, idempotencyKey);
    const view = await this.queries.get(user, petitionId);
    res.status(201).setHeader('Location', `/api/petitions/${petitionId}`).setHeader('ETag', `"${view.version}"`);
    if (replayed) res.setHeader('Idempotent-Replayed', 'true');
    return view;
  }

  @Get()
  list(@User() user: CurrentUser, @Query() query: ListPetitionsQuery) {
    return this.queries.list(user, query);
  }

  @Get(':id')
  async get(@User() user: CurrentUser, @UuidParam('id') id: string, @Res({ passthrough: true }) res: Response) {
    const view = await this.queries.get(user, id);
    res.setHeader('ETag', `"${view.version}"`);
    return view;
  }

  @Post(':id/actions/:action')
  @HttpCode(200)
  @ApiParam({ name: 'action', enum: PETITION_ACTIONS })
  @ApiHeader({ name: 'If-Match', required: false, description: 'The version you last saw; a stale one gets 412' })
  @ApiBody({ schema: { oneOf: Object.values(ACTION_BODIES).map((c) => ({ $ref: getSchemaPath(c) })) } })
  async perform(
    @User() user: CurrentUser,
    @UuidParam('id') id: string,
    @Param('action') action: string,
    @Body() body: unknown,
    @Headers('if-match') ifMatch: string | undefined,
    @Res({ passthrough: true }) res: Response,
  ) {
    if (!(PETITION_ACTIONS as readonly string[]).includes(action)) {
      throw new AppError('not-found', 'error.not_found', { what: LABELS.entity.action }, { allowedActions: PETITION_ACTIONS });
    }
    const expectedVersion = parseIfMatch(ifMatch);
    const dto = await validateBody<object>(ACTION_BODIES[action as PetitionAction], body ?? {});
    await this.act.execute(user, id, { ...dto, action } as PetitionCommandInput, expectedVersion);
    const view = await this.queries.get(user, id);
    res.setHeader('ETag', `"${view.version}"`);
    return view;
  }
}
