import {
  CreatePetitionUseCase,
  type CurrentUser,
  PerformPetitionActionUseCase,
  type PetitionCommandInput,
  PetitionQueries,
  PetitionReceiptQuery,
} from '@app/application';
import { PETITION_ACTIONS } from '@app/domain';
import { Body, Controller, Get, Headers, Param, Post, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiExtraModels, ApiHeader, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { User } from '../auth/auth.guard.js';
import { ActionRoute, actionCommand } from '../http/action-route.js';
import { IDEMPOTENCY_KEY_HEADER, idempotencyKeyOf } from '../http/idempotency.js';
import { created, withETag } from '../http/if-match.js';
import { UuidParam } from '../http/uuid-param.js';
import { ACTION_BODIES, CreatePetitionDto, ListPetitionsQuery, PetitionListPageView } from './petition.dto.js';
import { PetitionReceiptDto } from './petition-receipt.dto.js';


@ApiTags('petitions')
@ApiBearerAuth()
@ApiExtraModels(...Object.values(ACTION_BODIES))
@Controller('petitions')
export class PetitionsController {
  constructor(
    private readonly create: CreatePetitionUseCase,
    private readonly act: PerformPetitionActionUseCase,
    private readonly queries: PetitionQueries,
    private readonly receipts: PetitionReceiptQuery,
  ) {}

  @Post()
  @ApiHeader(IDEMPOTENCY_KEY_HEADER)
  async createPetition(
    @User() user: CurrentUser,
    @Body() body: CreatePetitionDto,
    @Headers('idempotency-key') idempotencyKey: string | undefined,
    @Res({ passthrough: true }) res: Response,
  ) {
    const { petitionId, replayed } = await this.create.execute(user, body, idempotencyKeyOf(idempotencyKey));
    return created(res, `/api/petitions/${petitionId}`, await this.queries.get(user, petitionId), replayed);
  }

  @Get()
  @ApiOperation({
    summary: 'Petitions in your jurisdiction: the inbox (scope, open, sort=time_left), the reception log (receivedFrom, receivedTo, channel) and search (q)',
  })
  @ApiOkResponse({ type: PetitionListPageView })
  list(@User() user: CurrentUser, @Query() query: ListPetitionsQuery) {
    return this.queries.list(user, query);
  }

  @Get(':id')
  async get(@User() user: CurrentUser, @UuidParam('id') id: string, @Res({ passthrough: true }) res: Response) {
    return withETag(res, await this.queries.get(user, id));
  }

  @Get(':id/receipt')
  @ApiOperation({
    summary: 'The printed receipt slip (giấy biên nhận), desk and head: tracking code and URL, kind, receiving unit, day received, channel, petitioner’s name, and what happens next by when',
  })
  @ApiOkResponse({ type: PetitionReceiptDto })
  receipt(@User() user: CurrentUser, @UuidParam('id') id: string) {
    return this.receipts.get(user, id);
  }

  @ActionRoute(PETITION_ACTIONS, ACTION_BODIES)
  async perform(
    @User() user: CurrentUser,
    @UuidParam('id') id: string,
    @Param('action') action: string,
    @Body() body: unknown,
    @Headers('if-match') ifMatch: string | undefined,
    @Res({ passthrough: true }) res: Response,
  ) {
    const { input, expectedVersion } = await actionCommand(PETITION_ACTIONS, ACTION_BODIES, action, body, ifMatch);
    await this.act.execute(user, id, input as PetitionCommandInput, expectedVersion);
    return withETag(res, await this.queries.get(user, id));
  }
}
