import {
  AppError,
  CommitmentQueries,
  type CommitmentActionInput,
  CreateCommitmentUseCase,
  type CurrentUser,
  type DialogueActionInput,
  DialogueQueries,
  PerformCommitmentActionUseCase,
  PerformDialogueActionUseCase,
  RequestDialogueUseCase,
} from '@app/application';
import { DIALOGUE_ACTIONS, LABELS } from '@app/domain';
import { Body, Controller, Get, Headers, HttpCode, Param, Post, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiExtraModels, ApiHeader, ApiOperation, ApiParam, ApiTags, getSchemaPath } from '@nestjs/swagger';
import type { Response } from 'express';
import { User } from '../auth/auth.guard.js';
import { UuidParam } from '../http/uuid-param.js';
import { validateBody } from '../http/validation.js';
import { parseIfMatch } from '../petitions/petitions.controller.js';
import {
  COMMITMENT_ACTION_BODIES,
  CreateCommitmentDto,
  DIALOGUE_ACTION_BODIES,
  ListCommitmentsQuery,
  ListDialoguesQuery,
  RequestDialogueDto,
} from './dialogue.dto.js';

const COMMITMENT_ACTIONS = Object.keys(COMMITMENT_ACTION_BODIES) as (keyof typeof COMMITMENT_ACTION_BODIES)[];

@ApiTags('dialogues')
@ApiBearerAuth()
@ApiExtraModels(...Object.values(DIALOGUE_ACTION_BODIES))
@Controller('dialogues')
export class DialoguesController {
  constructor(
    private readonly request: RequestDialogueUseCase,
    private readonly act: PerformDialogueActionUseCase,
    private readonly queries: DialogueQueries,
  ) {}

  @Post()
  @ApiOperation({ summary: 'Record that a dialogue is due (desk, head); G2 checks a voters’ request reaches 10%' })
  async create(@User() user: CurrentUser, @Body() body: RequestDialogueDto, @Res({ passthrough: true }) res: Response) {
    const id = await this.request.execute(user, body);
    const view = await this.queries.get(user, id);
    res.status(201).setHeader('Location', `/api/dialogues/${id}`).setHeader('ETag', `"${view.version}"`);
    return view;
  }

  @Get()
  list(@User() user: CurrentUser, @Query() query: ListDialoguesQuery) {
    return this.queries.list(user, query);
  }

  @Get(':id')
  @ApiOperation({ summary: 'The dialogue with its minutes, question outcomes, linked petitions, commitments and events' })
  async get(@User() user: CurrentUser, @UuidParam('id') id: string, @Res({ passthrough: true }) res: Response) {
    const view = await this.queries.get(user, id);
    res.setHeader('ETag', `"${view.version}"`);
    return view;
  }

  @Post(':id/actions/:action')
  @HttpCode(200)
  @ApiParam({ name: 'action', enum: DIALOGUE_ACTIONS })
  @ApiHeader({ name: 'If-Match', required: false, description: 'The version you last saw; a stale one gets 412' })
  @ApiBody({ schema: { oneOf: Object.values(DIALOGUE_ACTION_BODIES).map((c) => ({ $ref: getSchemaPath(c) })) } })
  async perform(
    @User() user: CurrentUser,
    @UuidParam('id') id: string,
    @Param('action') action: string,
    @Body() body: unknown,
    @Headers('if-match') ifMatch: string | undefined,
    @Res({ passthrough: true }) res: Response,
  ) {
    if (!(DIALOGUE_ACTIONS as readonly string[]).includes(action)) {
      throw new AppError('not-found', 'error.not_found', { what: LABELS.entity.action }, { allowedActions: DIALOGUE_ACTIONS });
    }
    const expectedVersion = parseIfMatch(ifMatch);
    const dto = await validateBody<object>(DIALOGUE_ACTION_BODIES[action as keyof typeof DIALOGUE_ACTION_BODIES], body ?? {});
    await this.act.execute(user, id, { ...dto, action } as DialogueActionInput, expectedVersion);
    const view = await this.queries.get(user, id);
    res.setHeader('ETag', `"${view.version}"`);
    return view;
  }
}

@ApiTags('commitments')
@ApiBearerAuth()
@ApiExtraModels(...Object.values(COMMITMENT_ACTION_BODIES))
@Controller('commitments')
export class CommitmentsController {
  constructor(
    private readonly create: CreateCommitmentUseCase,
    private readonly act: PerformCommitmentActionUseCase,
    private readonly queries: CommitmentQueries,
  ) {}

  @Post()
  @ApiOperation({ summary: 'Head: record a commitment made at a held dialogue' })
  async createCommitment(@User() user: CurrentUser, @Body() body: CreateCommitmentDto, @Res({ passthrough: true }) res: Response) {
    const id = await this.create.execute(user, body);
    const view = await this.queries.get(user, id);
    res.status(201).setHeader('Location', `/api/commitments/${id}`).setHeader('ETag', `"${view.version}"`);
    return view;
  }

  @Get()
  list(@User() user: CurrentUser, @Query() query: ListCommitmentsQuery) {
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
  @ApiParam({ name: 'action', enum: COMMITMENT_ACTIONS })
  @ApiHeader({ name: 'If-Match', required: false, description: 'The version you last saw; a stale one gets 412' })
  @ApiBody({ schema: { oneOf: Object.values(COMMITMENT_ACTION_BODIES).map((c) => ({ $ref: getSchemaPath(c) })) } })
  async perform(
    @User() user: CurrentUser,
    @UuidParam('id') id: string,
    @Param('action') action: string,
    @Body() body: unknown,
    @Headers('if-match') ifMatch: string | undefined,
    @Res({ passthrough: true }) res: Response,
  ) {
    if (!(COMMITMENT_ACTIONS as string[]).includes(action)) {
      throw new AppError('not-found', 'error.not_found', { what: LABELS.entity.action }, { allowedActions: COMMITMENT_ACTIONS });
    }
    const expectedVersion = parseIfMatch(ifMatch);
    const dto = await validateBody<object>(COMMITMENT_ACTION_BODIES[action as keyof typeof COMMITMENT_ACTION_BODIES], body ?? {});
    await this.act.execute(user, id, { ...dto, action } as CommitmentActionInput, expectedVersion);
    const view = await this.queries.get(user, id);
    res.setHeader('ETag', `"${view.version}"`);
    return view;
  }
}
