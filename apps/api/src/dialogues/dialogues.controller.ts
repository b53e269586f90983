import {
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
import { DIALOGUE_ACTIONS } from '@app/domain';
import { Body, Controller, Get, Headers, Param, Post, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiExtraModels, ApiHeader, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { User } from '../auth/auth.guard.js';
import { ActionRoute, actionCommand } from '../http/action-route.js';
import { IDEMPOTENCY_KEY_HEADER, idempotencyKeyOf } from '../http/idempotency.js';
import { created, withETag } from '../http/if-match.js';
import { UuidParam } from '../http/uuid-param.js';
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
  @ApiHeader(IDEMPOTENCY_KEY_HEADER)
  async create(
    @User() user: CurrentUser,
    @Body() body: RequestDialogueDto,
    @Headers('idempotency-key') idempotencyKey: string | undefined,
    @Res({ passthrough: true }) res: Response,
  ) {
    const { id, replayed } = await this.request.execute(user, body, idempotencyKeyOf(idempotencyKey));
    return created(res, `/api/dialogues/${id}`, await this.queries.get(user, id), replayed);
  }

  @Get()
  list(@User() user: CurrentUser, @Query() query: ListDialoguesQuery) {
    return this.queries.list(user, query);
  }

  @Get(':id')
  @ApiOperation({ summary: 'The dialogue with its minutes, question outcomes, linked petitions, commitments and events' })
  async get(@User() user: CurrentUser, @UuidParam('id') id: string, @Res({ passthrough: true }) res: Response) {
    return withETag(res, await this.queries.get(user, id));
  }

  @ActionRoute(DIALOGUE_ACTIONS, DIALOGUE_ACTION_BODIES)
  async perform(
    @User() user: CurrentUser,
    @UuidParam('id') id: string,
    @Param('action') action: string,
    @Body() body: unknown,
    @Headers('if-match') ifMatch: string | undefined,
    @Res({ passthrough: true }) res: Response,
  ) {
    const { input, expectedVersion } = await actionCommand(DIALOGUE_ACTIONS, DIALOGUE_ACTION_BODIES, action, body, ifMatch);
    await this.act.execute(user, id, input as DialogueActionInput, expectedVersion);
    return withETag(res, await this.queries.get(user, id));
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
  @ApiHeader(IDEMPOTENCY_KEY_HEADER)
  async createCommitment(
    @User() user: CurrentUser,
    @Body() body: CreateCommitmentDto,
    @Headers('idempotency-key') idempotencyKey: string | undefined,
    @Res({ passthrough: true }) res: Response,
  ) {
    const { id, replayed } = await this.create.execute(user, body, idempotencyKeyOf(idempotencyKey));
    return created(res, `/api/commitments/${id}`, await this.queries.get(user, id), replayed);
  }

  @Get()
  list(@User() user: CurrentUser, @Query() query: ListCommitmentsQuery) {
    return this.queries.list(user, query);
  }

  @Get(':id')
  async get(@User() user: CurrentUser, @UuidParam('id') id: string, @Res({ passthrough: true }) res: Response) {
    return withETag(res, await this.queries.get(user, id));
  }

  @ActionRoute(COMMITMENT_ACTIONS, COMMITMENT_ACTION_BODIES)
  async perform(
    @User() user: CurrentUser,
    @UuidParam('id') id: string,
    @Param('action') action: string,
    @Body() body: unknown,
    @Headers('if-match') ifMatch: string | undefined,
    @Res({ passthrough: true }) res: Response,
  ) {
    const { input, expectedVersion } = await actionCommand(COMMITMENT_ACTIONS, COMMITMENT_ACTION_BODIES, action, body, ifMatch);
    await this.act.execute(user, id, input as CommitmentActionInput, expectedVersion);
    return withETag(res, await this.queries.get(user, id));
  }
}
