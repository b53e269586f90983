import { AppError, CalendarAdminUseCase, type CurrentUser, requireAdmin } from '@app/application';
import { CALENDAR_YEAR_MAX, CALENDAR_YEAR_MIN, isAcceptedLocalDate, isCalendarFact, isLocalDate } from '@app/domain';
import { Body, Controller, Delete, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
import { User } from '../auth/auth.guard.js';
import { validateBody } from '../http/validation.js';
import { CalendarEntryBody, CalendarFactBody, CalendarYearQuery, DryRunQuery } from './deadline.dto.js';

/**
 * The working-day calendar (DOMAIN.md §8): statutory holidays plus the administrator's table of compensatory,
 * swapped and late-announced days. Every signed-in user reads it; administrators edit it, and each edit
 * reports (and, unless a dry run, applies) the move of every open clock it affects.
 */
@ApiTags('calendar')
@ApiBearerAuth()
@Controller('calendar')
export class CalendarController {
  constructor(private readonly calendar: CalendarAdminUseCase) {}

  @Get()
  @ApiOperation({
    summary:
      'Every day off of a year with its reason (weekends only with includeWeekends=true), swapped working days, the year\'s announced facts, and the facts of the next 12 months not yet announced',
  })
  year(@User() user: CurrentUser, @Query() query: CalendarYearQuery) {
    return this.calendar.year(user, query.year, query.includeWeekends);
  }

  @Post('entries')
  @HttpCode(200)
  @ApiOperation({ summary: 'Add or replace the entry of a date; returns the open clocks whose due instant moves' })
  @ApiBody({ type: CalendarEntryBody })
  async upsert(@User() user: CurrentUser, @Query() query: DryRunQuery, @Body() body: unknown) {
    requireAdmin(user);
    const dto = await validateBody(CalendarEntryBody, body ?? {});
    return this.calendar.upsert(user, { date: dto.date, kind: dto.kind, name: dto.name, legalRef: dto.legalRef ?? null }, query.dryRun);
  }

  @Delete('entries/:date')
  @ApiOperation({ summary: "Remove the administrator's entry of a date; returns the open clocks whose due instant moves" })
  @ApiParam({ name: 'date', example: '2026-12-24' })
  remove(@User() user: CurrentUser, @Param('date') date: string, @Query() query: DryRunQuery) {
    requireAdmin(user);
    if (!isAcceptedLocalDate(date)) {
      const messageKey = isLocalDate(date) ? 'validation.dateRange' : 'validation.isLocalDate';
      throw new AppError('invalid', 'error.validation', {}, {}, [{ field: 'date', messageKey }]);
    }
    return this.calendar.remove(user, date, query.dryRun);
  }

  @Post('facts')
  @HttpCode(200)
  @ApiOperation({ summary: "Record the notice that confirms a year's Tết span, second National Day or swaps; returns the open clocks that move" })
  @ApiBody({ type: CalendarFactBody })
  async upsertFact(@User() user: CurrentUser, @Query() query: DryRunQuery, @Body() body: unknown) {
    requireAdmin(user);
    const dto = await validateBody(CalendarFactBody, body ?? {});
    return this.calendar.upsertFact(user, { year: dto.year, fact: dto.fact, reference: dto.reference, verification: dto.verification, note: dto.note ?? null }, query.dryRun);
  }

  @Delete('facts/:year/:fact')
  @ApiOperation({ summary: 'Withdraw a recorded notice: the fact is unconfirmed again; returns the open clocks that move' })
  @ApiParam({ name: 'year', example: '2027' })
  @ApiParam({ name: 'fact', example: 'tet' })
  removeFact(@User() user: CurrentUser, @Param('year') year: string, @Param('fact') fact: string, @Query() query: DryRunQuery) {
    requireAdmin(user);
    const y = Number(year);
    if (!/^\d{4}$/.test(year) || y < CALENDAR_YEAR_MIN || y > CALENDAR_YEAR_MAX) throw new AppError('invalid', 'error.validation', {}, {}, [{ field: 'year', messageKey: 'validation.isInt' }]);
    if (!isCalendarFact(fact)) throw new AppError('invalid', 'error.validation', {}, {}, [{ field: 'fact', messageKey: 'validation.isIn' }]);
    return this.calendar.removeFact(user, y, fact, query.dryRun);
  }
}
