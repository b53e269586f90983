import {
  addLocalDays,
  type CalendarEntry,
  type Clock,
  dayOfWeek,
  type DayOffKind,
  LABELS,
  type LocalDate,
  type Message,
  recomputeClock,
  statutoryHolidays,
  type WorkingCalendar,
} from '@app/domain';
import { Inject, Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import type { CurrentUser } from '../auth/current-user.js';
import { AppError } from '../shared/app-error.js';
import { CLOCK } from '../shared/clock.provider.js';
import { type ClockDiff, recomputeOpenClocks } from './clock-recompute.js';
import { recomputeSubjectClocks, type SubjectClockDiff } from './subject-clocks.js';
import { requireAdmin } from './deadline-command.js';
import { calendarFrom, loadPolicies } from './deadline-sources.js';

export interface CalendarDayView {
  readonly date: LocalDate;
  readonly weekday: Message;
  readonly kind: DayOffKind;
  readonly kindLabel: Message;
  readonly name: string;
  readonly legalRef: string | null;
  /** statute: BLLĐ Art 112 as computed; table: the administrator's entry; weekend: the working week. */
  readonly source: 'statute' | 'table' | 'weekend';
}

export interface CalendarYearView {
  readonly year: number;
  readonly includeWeekends: boolean;
  readonly daysOff: CalendarDayView[];
  /** Weekend days worked in exchange for a weekday off (làm bù). */
  readonly swappedWorkingDays: { readonly date: LocalDate; readonly weekday: Message; readonly name: string; readonly legalRef: string | null }[];
}

export interface CalendarEditResult {
  readonly dryRun: boolean;
  /** The entry written (or that would be), or null for a deletion. */
  readonly entry: CalendarEntry | null;
  /** The entry it replaces or deletes, if any. */
  readonly previous: CalendarEntry | null;
  readonly changed: number;
  readonly diff: ClockDiff[];
  /** Commitment and dialogue-results clocks that move. */
  readonly subjectDiff: SubjectClockDiff[];
}

type EntryRow = { date: string; kind: CalendarEntry['kind']; name: string; legal_ref: string | null };
const toEntry = (r: EntryRow): CalendarEntry => ({ date: r.date, kind: r.kind, name: r.name, legalRef: r.legal_ref });

/** The years loadCalendar covers around an instant: every open clock's span fits in them. */
const yearsAround = (now: Date) => {
  const y = now.getUTCFullYear();
  return [y - 1, y, y + 1, y + 2];
};

async function tableEntries(em: EntityManager, from: LocalDate, to: LocalDate): Promise<CalendarEntry[]> {
  const rows: EntryRow[] = await em.query(
    `SELECT to_char(date, 'YYYY-MM-DD') AS date, kind, name, legal_ref FROM calendar_entries WHERE date BETWEEN $1 AND $2 ORDER BY date`,
    [from, to],
  );
  return rows.map(toEntry);
}

/** The working calendar as it is, or as it would be with one entry written or removed (for dry runs). */
export async function calendarWithChange(em: EntityManager, now: Date, change: { date: LocalDate; entry: CalendarEntry | null } | null): Promise<WorkingCalendar> {
  const years = yearsAround(now);
  const entries = (await tableEntries(em, `${years[0]}-01-01`, `${years[years.length - 1]}-12-31`)).filter((e) => !change || e.date !== change.date);
  return calendarFrom(years, change?.entry ? [...entries, change.entry] : entries);
}

/**
 * The working-day calendar: everyone signed in reads it; administrators add, replace or remove the entries of
 * the yearly government schedule. Every edit (or its dry run) reports each open clock whose due instant moves;
 * a real edit recomputes those clocks and their unfired thresholds. Editing to the same entry again moves nothing.
 */
@Injectable()
export class CalendarAdminUseCase {
  constructor(
    private readonly dataSource: DataSource,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async year(_user: CurrentUser, year: number, includeWeekends: boolean): Promise<CalendarYearView> {
    const table = await tableEntries(this.dataSource.manager, `${year}-01-01`, `${year}-12-31`);
    const tableByDate = new Map(table.map((e) => [e.date, e]));
    const statuteByDate = new Map(statutoryHolidays(year).map((e) => [e.date, e]));
    const calendar = calendarFrom([year], table);
    const daysOff: CalendarDayView[] = [];
    const swappedWorkingDays: CalendarYearView['swappedWorkingDays'] = [];
    const weekday = (d: LocalDate) => LABELS.weekday[String(dayOfWeek(d)) as keyof typeof LABELS.weekday];
    for (let d = `${year}-01-01`; d <= `${year}-12-31`; d = addLocalDays(d, 1)) {
      const info = calendar.info(d);
      const source = tableByDate.get(d) ?? statuteByDate.get(d);
      if (info.swapWork) swappedWorkingDays.push({ date: d, weekday: weekday(d), name: info.swapWork.name, legalRef: source?.legalRef ?? null });
      if (info.working || !info.off) continue;
      if (info.off.kind === 'weekend' && !includeWeekends) continue;
      daysOff.push({
        date: d,
        weekday: weekday(d),
        kind: info.off.kind,
        kindLabel: LABELS.dayOffKind[info.off.kind],
        name: info.off.name,
        legalRef: source?.legalRef ?? null,
        source: tableByDate.has(d) ? 'table' : statuteByDate.has(d) ? 'statute' : 'weekend',
      });
    }
    return { year, includeWeekends, daysOff, swappedWorkingDays };
  }

  async upsert(user: CurrentUser, entry: CalendarEntry, dryRun: boolean): Promise<CalendarEditResult> {
    requireAdmin(user);
    const normalized: CalendarEntry = { date: entry.date, kind: entry.kind, name: entry.name.trim(), legalRef: entry.legalRef?.trim() || null };
    const previous = await this.entryOn(normalized.date);
    if (!dryRun) {
      await this.dataSource.query(
        `INSERT INTO calendar_entries (date, kind, name, legal_ref, created_by, created_at) VALUES ($1, $2, $3, $4, $5, $6)
         ON CONFLICT (date) DO UPDATE SET kind = EXCLUDED.kind, name = EXCLUDED.name, legal_ref = EXCLUDED.legal_ref,
                created_by = EXCLUDED.created_by, created_at = EXCLUDED.created_at`,
        [normalized.date, normalized.kind, normalized.name, normalized.legalRef, user.id, this.clock.now()],
      );
    }
    const { diff, subjectDiff } = await this.recompute(normalized.date, dryRun ? { date: normalized.date, entry: normalized } : null, dryRun);
    return { dryRun, entry: normalized, previous, changed: diff.length + subjectDiff.length, diff, subjectDiff };
  }

  async remove(user: CurrentUser, date: LocalDate, dryRun: boolean): Promise<CalendarEditResult> {
    requireAdmin(user);
    const previous = await this.entryOn(date);
    if (!previous) throw new AppError('not-found', 'calendar.entry_not_found', { date });
    if (!dryRun) await this.dataSource.query(`DELETE FROM calendar_entries WHERE date = $1`, [date]);
    const { diff, subjectDiff } = await this.recompute(date, dryRun ? { date, entry: null } : null, dryRun);
    return { dryRun, entry: null, previous, changed: diff.length + subjectDiff.length, diff, subjectDiff };
  }

  private async entryOn(date: LocalDate): Promise<CalendarEntry | null> {
    const rows: EntryRow[] = await this.dataSource.query(
      `SELECT to_char(date, 'YYYY-MM-DD') AS date, kind, name, legal_ref FROM calendar_entries WHERE date = $1`,
      [date],
    );
    return rows[0] ? toEntry(rows[0]) : null;
  }

  /** Open clocks whose counted span contains the day: only they can move. */
  private async recompute(
    day: LocalDate,
    hypothetical: { date: LocalDate; entry: CalendarEntry | null } | null,
    dryRun: boolean,
  ): Promise<{ diff: ClockDiff[]; subjectDiff: SubjectClockDiff[] }> {
    const now = this.clock.now();
    const diff = await recomputeOpenClocks(this.dataSource, {
      scope: { spanContains: day },
      dryRun,
      now,
      context: async (em) => ({ policies: await loadPolicies(em), calendar: await calendarWithChange(em, now, hypothetical) }),
      transform: (clock, _facts, ctx) => recomputeClock(clock, ctx.calendar, now),
    });
    const subjectDiff = await recomputeSubjectClocks(this.dataSource, { day, dryRun, now, calendar: (em) => calendarWithChange(em, now, hypothetical) });
    return { diff, subjectDiff };
  }
}
