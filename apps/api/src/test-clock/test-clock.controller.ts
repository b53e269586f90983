import { AppError, type CurrentUser, type FieldError, type SharedTestClock, TEST_CLOCK } from '@app/application';
import { isAcceptedInstant, LABELS, parseIsoDuration } from '@app/domain';
import { Body, Controller, Get, HttpCode, Inject, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { User } from '../auth/auth.guard.js';
import { validateBody } from '../http/validation.js';
import { MoveTestClockDto, TestClockView } from './test-clock.dto.js';

/**
 * The shared test clock (GRASSROOTS_TEST_CLOCK=1 only; ApiModule does not register this controller otherwise,
 * so the route is a 404). Moving it moves the API and every worker; administrators only.
 */
@ApiTags('test-clock')
@ApiBearerAuth()
@Controller('test-clock')
export class TestClockController {
  constructor(@Inject(TEST_CLOCK) private readonly clock: SharedTestClock | null) {}

  @Get()
  @ApiOperation({ summary: 'The current instant of the shared test clock (administrators)' })
  @ApiOkResponse({ type: TestClockView })
  read(@User() user: CurrentUser): TestClockView {
    return this.view(this.authorize(user));
  }

  @Post()
  @HttpCode(200)
  @ApiOperation({ summary: 'Move the shared test clock: exactly one of `advance` (ISO 8601 duration) or `set` (instant)' })
  @ApiBody({ type: MoveTestClockDto })
  @ApiOkResponse({ type: TestClockView })
  async move(@User() user: CurrentUser, @Body() body: unknown): Promise<TestClockView> {
    // Role first, then the body: a non-administrator learns nothing about what would have been accepted.
    const clock = this.authorize(user);
    const dto = await validateBody(MoveTestClockDto, body ?? {});
    const given = (['advance', 'set'] as const).filter((f) => dto[f] !== undefined && dto[f] !== null);
    if (given.length !== 1) {
      const detail = 'Give exactly one of advance (an ISO 8601 duration) or set (an instant)';
      const messageKey = given.length === 0 ? 'validation.required' : 'validation.whitelistValidation';
      const errors: (FieldError & { detail: string })[] = (['advance', 'set'] as const).map((field) => ({ field, messageKey, detail }));
      throw new AppError('invalid', 'error.validation', {}, {}, errors);
    }
    if (dto.advance !== undefined && dto.advance !== null) {
      const step = parseIsoDuration(dto.advance)!;
      // Like `set`, the clock stays in the years every date may take: past them each request would be refused.
      if (!isAcceptedInstant(new Date(clock.now().getTime() + step))) {
        throw new AppError('invalid', 'error.validation', {}, {}, [{ field: 'advance', messageKey: 'validation.dateRange' }]);
      }
      await clock.advance(step);
    }
    else await clock.set(new Date(dto.set!));
    return this.view(clock);
  }

  private authorize(user: CurrentUser): SharedTestClock {
    if (user.role !== 'admin') throw new AppError('forbidden', 'error.forbidden');
    // Unreachable while ApiModule registers this controller only with the test clock on.
    if (!this.clock) throw new AppError('not-found', 'error.not_found', { what: LABELS.entity.resource });
    return this.clock;
  }

  private view(clock: SharedTestClock): TestClockView {
    return { now: clock.now().toISOString(), offsetMs: clock.offsetMs() };
  }
}
