import {
  addLocalDays,
  type CalendarEntry,
  type CalendarFact,
  type CalendarFactRecord,
  type Clock,
  dayOfWeek,
  type DayOffKind,
  describeUnconfirmedFact,
  factsMeeting,
  LABELS,
  type LocalDate,
  type Message,
  recomputeClock,
  toLocalDate,
  unconfirmedFacts,
  type Verification,
  type WorkingCalendar,
} from '@app/domain';
import { calendarStore } from '@app/persistence';
import { Inject, Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import type { CurrentUser } from '../auth/current-user.js';
import { AppError } from '../shared/app-error.js';
import { CLOCK } from '../shared/clock.provider.js';
import { type ClockDiff, recomputeOpenClocks } from './clock-recompute.js';
import { recomputeSubjectClocks, type SubjectClockDiff } from './subject-clocks.js';
import { requireAdmin } from './deadline-command.js';
import { calendarFrom, calendarYearsAround, loadPolicies } from './deadline-sources.js';

export interface CalendarDayView {
  readonly date: LocalDate;
  readonly weekday: Message;
  readonly kind: DayOffKind;
  readonly kindLabel: Message;
  readonly name: string;
  readonly legalRef: string | null;
  /**
   * statute: BLLĐ Art 112 as computed; rule: a day in lieu derived by Art 111(3); table: the administrator's
   * entry (announced days included); weekend: the working week.
   */
  readonly source: 'statute' | 'rule' | 'table' | 'weekend';
  /** A day taken as off only while its announcement is missing (the first days of an unannounced Tết). */
  readonly assumed: boolean;
}

/** A yearly announcement and whether it is recorded. */
export interface CalendarFactView {
  readonly year: number;
  readonly fact: CalendarFact;
  readonly label: Message;
  readonly status: 'confirmed' | 'unconfirmed';
  /** The days the announcement bears on. */
  readonly from: LocalDate;
  readonly to: LocalDate;
  readonly reference: string | null;
  readonly verification: Verification | null;
  readonly note: string | null;
  /** Unconfirmed: what the calendar assumes meanwhile. */
  readonly assumption: Message | null;
}

export interface CalendarYearView {
  readonly year: number;
  readonly includeWeekends: boolean;
  readonly daysOff: CalendarDayView[];
  /** Weekend days worked in exchange for a weekday off (làm bù). */
  readonly swappedWorkingDays: { readonly date: LocalDate; readonly weekday: Message; readonly name: string; readonly legalRef: string | null }[];
  /** The year's announcements (Tết span, second National Day, swaps), recorded or not. */
  readonly facts: CalendarFactView[];
  /** Announcements bearing on the next 12 months from today (the clock's) that are not recorded yet. */
  readonly unconfirmedNext12Months: { readonly from: LocalDate; readonly to: LocalDate; readonly facts: CalendarFactView[] };
}

export interface CalendarFactEditResult {
  readonly dryRun: boolean;
  readonly fact: CalendarFactRecord | null;
  readonly previous: CalendarFactRecord | null;
  readonly changed: number;
  readonly diff: ClockDiff[];
  readonly subjectDiff: SubjectClockDiff[];
}

/** A hypothetical edit for dry runs: one entry written or removed, or one announcement recorded or removed. */
export type CalendarChange =
  | { readonly date: LocalDate; readonly entry: CalendarEntry | null }
  | { readonly year: number; readonly fact: CalendarFact; readonly record: CalendarFactRecord | null };

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

const factView = (year: number, fact: CalendarFact, from: LocalDate, to: LocalDate, record: CalendarFactRecord | null): CalendarFactView => {
  const { label, message } = describeUnconfirmedFact({ year, fact });
  return {
    year,
    fact,
    label,
    status: record ? 'confirmed' : 'unconfirmed',
    from,
    to,
    reference: record?.reference ?? null,
    verification: record?.verification ?? null,
    note: record?.note ?? null,
    assumption: record ? null : message,
  };
};

/**
 * The day whose containing clocks an entry edit can move, or null for every open clock: a holiday or a swapped
 * day off also moves the day in lieu derived from (or around) it, which may lie outside those clocks' spans.
 */
const scopeDay = (entry: CalendarEntry, previous: CalendarEntry | null): LocalDate | null =>
  [entry, previous].some((e) => e?.kind === 'holiday' || e?.kind === 'swap_off') ? null : entry.date;

/** The working calendar as it is, or as it would be with one change applied (for dry runs). */
export async function calendarWithChange(em: EntityManager, now: Date, change: CalendarChange | null): Promise<WorkingCalendar> {
  const years = calendarYearsAround(now);
  let entries = await calendarStore.entriesBetween(em, `${years[0]}-01-01`, `${years[years.length - 1]}-12-31`);
  let facts = await calendarStore.factsOf(em, years[0]!, years[years.length - 1]!);
  if (change && 'date' in change) {
    entries = entries.filter((e) => e.date !== change.date);
    if (change.entry) entries.push(change.entry);
  } else if (change) {
    facts = facts.filter((f) => !(f.year === change.year && f.fact === change.fact));
    if (change.record) facts.push(change.record);
  }
  return calendarFrom(years, entries, facts);
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
    const em = this.dataSource.manager;
    const today = toLocalDate(this.clock.now());
    const horizon = addLocalDays(today, 364);
    const horizonYears = [...new Set([Number(today.slice(0, 4)), Number(horizon.slice(0, 4))])];
    const years = [...new Set([year, ...horizonYears])].sort();
    const table = await calendarStore.entriesBetween(em, `${year}-01-01`, `${year}-12-31`);
    // The derived day in lieu of a 31/12 holiday falls in January: the previous year's statute is included.
    const records = await calendarStore.factsOf(em, Math.min(year - 1, ...years), Math.max(...years));
    const calendar = calendarFrom([year - 1, year], table, records);
    const daysOff: CalendarDayView[] = [];
    const swappedWorkingDays: CalendarYearView['swappedWorkingDays'] = [];
    const weekday = (d: LocalDate) => LABELS.weekday[String(dayOfWeek(d)) as keyof typeof LABELS.weekday];
    const tableDates = new Set(table.map((e) => e.date));
    for (let d = `${year}-01-01`; d <= `${year}-12-31`; d = addLocalDays(d, 1)) {
      const info = calendar.info(d);
      const source = calendar.source(d);
      if (info.swapWork) swappedWorkingDays.push({ date: d, weekday: weekday(d), name: info.swapWork.name, legalRef: source?.entry.legalRef ?? null });
      if (info.working || !info.off) continue;
      if (info.off.kind === 'weekend' && !includeWeekends) continue;
      daysOff.push({
        date: d,
        weekday: weekday(d),
        kind: info.off.kind,
        kindLabel: LABELS.dayOffKind[info.off.kind],
        name: info.off.name,
        legalRef: source?.entry.legalRef ?? null,
        source: !source ? 'weekend' : tableDates.has(d) ? 'table' : source.derived ? 'rule' : 'statute',
        assumed: source?.entry.assumed === true,
      });
    }
    const viewsOf = (ys: readonly number[]) =>
      unconfirmedFacts(ys, []).map((f) => factView(f.year, f.fact, f.from, f.to, records.find((r) => r.year === f.year && r.fact === f.fact) ?? null));
    const next = factsMeeting(viewsOf(horizonYears), today, horizon).filter((f) => f.status === 'unconfirmed');
    return { year, includeWeekends, daysOff, swappedWorkingDays, facts: viewsOf([year]), unconfirmedNext12Months: { from: today, to: horizon, facts: next } };
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
    const { diff, subjectDiff } = await this.recompute(scopeDay(normalized, previous), dryRun ? { date: normalized.date, entry: normalized } : null, dryRun);
    return { dryRun, entry: normalized, previous, changed: diff.length + subjectDiff.length, diff, subjectDiff };
  }

  async remove(user: CurrentUser, date: LocalDate, dryRun: boolean): Promise<CalendarEditResult> {
    requireAdmin(user);
    const previous = await this.entryOn(date);
    if (!previous) throw new AppError('not-found', 'calendar.entry_not_found', { date });
    if (!dryRun) await this.dataSource.query(`DELETE FROM calendar_entries WHERE date = $1`, [date]);
    const { diff, subjectDiff } = await this.recompute(scopeDay(previous, null), dryRun ? { date, entry: null } : null, dryRun);
    return { dryRun, entry: null, previous, changed: diff.length + subjectDiff.length, diff, subjectDiff };
  }

  private async entryOn(date: LocalDate): Promise<CalendarEntry | null> {
    return calendarStore.entryOn(this.dataSource.manager, date);
  }

  /** Record (or replace) the notice that confirms a year's fact; the days it sets are entered as entries. */
  async upsertFact(user: CurrentUser, record: CalendarFactRecord, dryRun: boolean): Promise<CalendarFactEditResult> {
    requireAdmin(user);
    const normalized: CalendarFactRecord = { ...record, reference: record.reference.trim(), note: record.note?.trim() || null };
    const previous = await calendarStore.factOf(this.dataSource.manager, normalized.year, normalized.fact);
    if (!dryRun) await calendarStore.upsertFact(this.dataSource.manager, normalized, user.id, this.clock.now());
    const { diff, subjectDiff } = await this.recompute(null, dryRun ? { year: normalized.year, fact: normalized.fact, record: normalized } : null, dryRun);
    return { dryRun, fact: normalized, previous, changed: diff.length + subjectDiff.length, diff, subjectDiff };
  }

  /** Withdraw a recorded notice: the fact is unconfirmed again and the conservative assumption applies. */
  async removeFact(user: CurrentUser, year: number, fact: CalendarFact, dryRun: boolean): Promise<CalendarFactEditResult> {
    requireAdmin(user);
    const previous = await calendarStore.factOf(this.dataSource.manager, year, fact);
    if (!previous) throw new AppError('not-found', 'calendar.fact_not_found', { year, fact });
    if (!dryRun) await calendarStore.deleteFact(this.dataSource.manager, year, fact);
    const { diff, subjectDiff } = await this.recompute(null, dryRun ? { year, fact, record: null } : null, dryRun);
    return { dryRun, fact: null, previous, changed: diff.length + subjectDiff.length, diff, subjectDiff };
  }

  /**
   * Open clocks whose counted span contains the day: only they can move. An announcement bears on several days
   * (and its derived days in lieu): every open clock is counted again, and only those that move are reported.
   */
  private async recompute(
    day: LocalDate | null,
    hypothetical: CalendarChange | null,
    dryRun: boolean,
  ): Promise<{ diff: ClockDiff[]; subjectDiff: SubjectClockDiff[] }> {
    const now = this.clock.now();
    const diff = await recomputeOpenClocks(this.dataSource, {
      scope: day === null ? {} : { spanContains: day },
      dryRun,
      now,
      context: async (em) => ({ policies: await loadPolicies(em), calendar: await calendarWithChange(em, now, hypothetical) }),
      transform: (clock, _facts, ctx) => recomputeClock(clock, ctx.calendar, now),
    });
    const subjectDiff = await recomputeSubjectClocks(this.dataSource, { day, dryRun, now, calendar: (em) => calendarWithChange(em, now, hypothetical) });
    return { diff, subjectDiff };
  }
}
