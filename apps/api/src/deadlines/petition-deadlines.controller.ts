import {
  AppError,
  ClockActsUseCase,
  type ClockActInput,
  type CurrentUser,
  DeadlineQueries,
  type PetitionDeadlinesView,
  SetCaseFlagsUseCase,
  RecordComplaintObstacleUseCase,
  toLegalEffectView,
} from '@app/application';
import { Body, Controller, Get, Headers, HttpCode, Post, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiHeader, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { User } from '../auth/auth.guard.js';
import { UuidParam } from '../http/uuid-param.js';
import { parseIfMatch, PETITION_IF_MATCH_HEADER, withETag } from '../http/if-match.js';
import { validateBody } from '../http/validation.js';
import { CaseFlagsBody, ComplaintObstacleBody, ExtendClockBody, MeetClockBody, PauseClockBody } from './deadline.dto.js';

/**
 * A petition's statutory clocks: read by anyone who may see the petition; paused, resumed, extended, met and
 * re-flagged by the competent head only, each as one transaction with its audit event.
 */
@ApiTags('deadlines')
@ApiBearerAuth()
@Controller('petitions')
export class PetitionDeadlinesController {
  constructor(
    private readonly queries: DeadlineQueries,
    private readonly acts: ClockActsUseCase,
    private readonly flags: SetCaseFlagsUseCase,
    private readonly obstacles: RecordComplaintObstacleUseCase,
  ) {}

  @Get(':id/deadlines')
  @ApiOperation({ summary: 'Every clock of the petition, with its thresholds and how its due date was counted' })
  async list(@User() user: CurrentUser, @UuidParam('id') id: string, @Res({ passthrough: true }) res: Response): Promise<PetitionDeadlinesView> {
    return withETag(res, await this.queries.forPetition(user, id));
  }

  @Post(':id/deadlines/:clockId/pause')
  @HttpCode(200)
  @ApiOperation({ summary: 'Pause a clock for a typed reason the rule allows (paused days do not count)' })
  @ApiHeader(PETITION_IF_MATCH_HEADER)
  @ApiBody({ type: PauseClockBody })
  async pause(
    @User() user: CurrentUser,
    @UuidParam('id') id: string,
    @UuidParam('clockId') clockId: string,
    @Body() body: unknown,
    @Headers('if-match') ifMatch: string | undefined,
    @Res({ passthrough: true }) res: Response,
  ) {
    const expected = parseIfMatch(ifMatch);
    const dto = await validateBody(PauseClockBody, body ?? {});
    return this.run(user, id, clockId, { act: 'pause', reason: dto.reason, note: dto.note ?? null }, expected, res);
  }

  @Post(':id/deadlines/:clockId/resume')
  @HttpCode(200)
  @ApiOperation({ summary: 'Resume a paused clock; its due date moves by the paused days' })
  @ApiHeader(PETITION_IF_MATCH_HEADER)
  async resume(
    @User() user: CurrentUser,
    @UuidParam('id') id: string,
    @UuidParam('clockId') clockId: string,
    @Body() body: unknown,
    @Headers('if-match') ifMatch: string | undefined,
    @Res({ passthrough: true }) res: Response,
  ) {
    const expected = parseIfMatch(ifMatch);
    if (body !== undefined && body !== null && (typeof body !== 'object' || Array.isArray(body))) {
      throw new AppError('invalid', 'error.validation', {}, {}, [{ field: '', messageKey: 'validation.isObject' }]);
    }
    const extra = Object.keys((body ?? {}) as object);
    if (extra.length > 0) {
      throw new AppError('invalid', 'error.validation', {}, {}, extra.map((field) => ({ field, messageKey: 'validation.whitelistValidation' as const })));
    }
    return this.run(user, id, clockId, { act: 'resume' }, expected, res);
  }

  @Post(':id/deadlines/:clockId/extend')
  @HttpCode(200)
  @ApiOperation({ summary: 'Extend a clock by a written decision, within the limits of its rule (LTC Art 30: twice 30 days)' })
  @ApiHeader(PETITION_IF_MATCH_HEADER)
  @ApiBody({ type: ExtendClockBody })
  async extend(
    @User() user: CurrentUser,
    @UuidParam('id') id: string,
    @UuidParam('clockId') clockId: string,
    @Body() body: unknown,
    @Headers('if-match') ifMatch: string | undefined,
    @Res({ passthrough: true }) res: Response,
  ) {
    const expected = parseIfMatch(ifMatch);
    const dto = await validateBody(ExtendClockBody, body ?? {});
    return this.run(user, id, clockId, { act: 'extend', reason: dto.reason, decisionRef: dto.decisionRef ?? null }, expected, res);
  }

  @Post(':id/deadlines/:clockId/met')
  @HttpCode(200)
  @ApiOperation({ summary: 'Record a clock met by an act outside the workflow (e.g. the T3 notices sent); only for rules without a workflow event' })
  @ApiHeader(PETITION_IF_MATCH_HEADER)
  @ApiBody({ type: MeetClockBody })
  async met(
    @User() user: CurrentUser,
    @UuidParam('id') id: string,
    @UuidParam('clockId') clockId: string,
    @Body() body: unknown,
    @Headers('if-match') ifMatch: string | undefined,
    @Res({ passthrough: true }) res: Response,
  ) {
    const expected = parseIfMatch(ifMatch);
    const dto = await validateBody(MeetClockBody, body ?? {});
    return this.run(user, id, clockId, { act: 'met', reference: dto.reference }, expected, res);
  }

  @Post(':id/flags')
  @HttpCode(200)
  @ApiOperation({ summary: 'Record the case as complex (longer periods) and/or prolonged (earlier escalation)' })
  @ApiHeader(PETITION_IF_MATCH_HEADER)
  async setFlags(
    @User() user: CurrentUser,
    @UuidParam('id') id: string,
    @Body() body: CaseFlagsBody,
    @Headers('if-match') ifMatch: string | undefined,
    @Res({ passthrough: true }) res: Response,
  ): Promise<PetitionDeadlinesView> {
    const expected = parseIfMatch(ifMatch);
    if (body.complex === undefined && body.prolonged === undefined && body.particularlyComplex === undefined) {
      throw new AppError('invalid', 'error.validation', {}, {}, [
        { field: 'complex', messageKey: 'deadline.flags_required' },
        { field: 'prolonged', messageKey: 'deadline.flags_required' },
      ]);
    }
    await this.flags.execute(
      user,
      id,
      { complex: body.complex, particularlyComplex: body.particularlyComplex, prolonged: body.prolonged, reason: body.reason },
      expected,
    );
    return withETag(res, await this.queries.forPetition(user, id));
  }

  @Post(':id/complaint-obstacles')
  @HttpCode(200)
  @ApiOperation({ summary: 'Desk or head: record a period the complainant could not act (LKN Art 9, 33); its days are not counted in the K6 window' })
  @ApiBody({ type: ComplaintObstacleBody })
  async recordObstacle(@User() user: CurrentUser, @UuidParam('id') id: string, @Body() body: unknown) {
    const dto = await validateBody(ComplaintObstacleBody, body ?? {});
    const { version, facts } = await this.obstacles.execute(user, id, { fromDay: dto.fromDay, toDay: dto.toDay, reason: dto.reason, note: dto.note ?? null });
    return { version, secondComplaintWindow: facts.secondComplaintWindow, legalEffect: toLegalEffectView(facts.legalEffect) };
  }

  private async run(user: CurrentUser, id: string, clockId: string, input: ClockActInput, expected: number | undefined, res: Response) {
    await this.acts.execute(user, id, clockId, input, expected);
    return withETag(res, await this.queries.forPetition(user, id));
  }
}
