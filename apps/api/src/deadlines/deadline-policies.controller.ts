import { AppError, type CurrentUser, DeadlinePolicyAdminUseCase, requireAdmin } from '@app/application';
import { Body, Controller, Get, HttpCode, Param, ParseIntPipe, Post, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { User } from '../auth/auth.guard.js';
import { validateBody } from '../http/validation.js';
import { PublishDeadlinePolicyBody, RecomputeBody } from './deadline.dto.js';

const VersionParam = () =>
  Param(
    'version',
    new ParseIntPipe({
      exceptionFactory: () => new AppError('invalid', 'error.validation', {}, {}, [{ field: 'version', messageKey: 'validation.isInt' }]),
    }),
  );

/**
 * Versioned deadline policies (administrators only). Publishing makes a new version for clocks that start on
 * or after its effective date; open clocks move only through a scoped recompute, dry run first.
 */
@ApiTags('deadline-policies')
@ApiBearerAuth()
@Controller('deadline-policies')
export class DeadlinePoliciesController {
  constructor(private readonly policies: DeadlinePolicyAdminUseCase) {}

  @Get()
  @ApiOperation({ summary: 'Every published version, with its validity and rules' })
  list(@User() user: CurrentUser) {
    return this.policies.list(user);
  }

  @Post()
  @ApiOperation({ summary: 'Publish a new version (max + 1); the open-ended version ends where it begins' })
  @ApiBody({ type: PublishDeadlinePolicyBody })
  async publish(@User() user: CurrentUser, @Body() body: unknown, @Res({ passthrough: true }) res: Response) {
    // Role first, then the body: a non-administrator learns nothing about what would have been accepted.
    requireAdmin(user);
    const dto = await validateBody(PublishDeadlinePolicyBody, body ?? {});
    const view = await this.policies.publish(user, dto);
    res.status(201).setHeader('Location', `/api/deadline-policies/${view.version}`);
    return view;
  }

  @Post(':version/recompute')
  @HttpCode(200)
  @ApiOperation({ summary: "Re-pin open clocks in scope to this version's rules and recompute their due dates (dryRun: report only)" })
  @ApiParam({ name: 'version', type: Number })
  @ApiBody({ type: RecomputeBody })
  async recompute(@User() user: CurrentUser, @VersionParam() version: number, @Body() body: unknown) {
    requireAdmin(user);
    const dto = await validateBody(RecomputeBody, body ?? {});
    return this.policies.recompute(user, version, { scope: { unitId: dto.scope.unitId, ruleId: dto.scope.ruleId }, dryRun: dto.dryRun });
  }
}
