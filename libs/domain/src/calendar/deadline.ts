import { addLocalDays, endOfLocalDay, type LocalDate, localDaysBetween, toLocalDate } from './local-date.js';
import type { DayInfo, UnconfirmedFact, WorkingCalendar } from './working-calendar.js';

/** "Ngày" means calendar days unless the law says "ngày làm việc" (DOMAIN.md §8.2). */
export type DurationUnit = 'calendar_days' | 'working_days';

export interface Pause {
  readonly from: Date;
  /** Null while the clock is still paused. */
  readonly to: Date | null;
  readonly reason: string;
}

export interface Extension {
  readonly days: number;
  readonly reason: string;
}

export interface PeriodSpec {
  /** The triggering event (e.g. thụ lý). Its day is not counted (BLDS Art 147). */
  readonly startedAt: Date;
  readonly days: number;
  readonly unit: DurationUnit;
  readonly pauses: readonly Pause[];
  readonly extensions: readonly Extension[];
  /**
   * Art 148: a period whose last day is a day off runs to the end of the next working day. Off (false) for a
   * date people were promised, such as a commitment's due date: that day is the deadline whatever it is.
   */
  readonly rollForward?: boolean;
}

export interface DueExplanation {
  /** The last day of the period, before any roll-forward. */
  readonly startDay: LocalDate;
  readonly firstCountedDay: LocalDate;
  readonly baseDays: number;
  readonly extensionDays: number;
  /** Days (in the period's unit) during which the clock was paused; they do not count. */
  readonly pausedDays: number;
  readonly countedDays: number;
  readonly nominalLastDay: LocalDate;
  /** Set when the nominal last day was a day off and the period ran on to the next working day (BLDS Art 148). */
  readonly rolledForwardTo: LocalDate | null;
  readonly lastDay: LocalDate;
  /** Days off inside the counted span (skipped for working-day periods; for calendar-day ones, shown for context). */
  readonly daysOff: DayInfo[];
  /**
   * Yearly announcements not yet recorded that bear on the counted span: the Tết span and the second National
   * Day, for which the calendar assumes the fewest days off meanwhile (see statutoryHolidays), so the due date
   * can only move later once the notice is entered. Unannounced swaps are assumed absent and are reported by
   * the calendar, not by every clock of the year.
   */
  readonly unconfirmed: UnconfirmedFact[];
}

export interface DueResult {
  /** Null while paused: a paused clock has no due instant, only days remaining. */
  readonly dueAt: Date | null;
  readonly explanation: DueExplanation;
}

/** How many days of the period's unit a pause took: the days from its start day up to its end day. */
export function pausedDaysOf(pause: Pause, unit: DurationUnit, calendar: WorkingCalendar, now: Date): number {
  const from = toLocalDate(pause.from);
  const to = toLocalDate(pause.to ?? now);
  if (to <= from) return 0;
  return unit === 'calendar_days' ? localDaysBetween(from, to) : calendar.workingDaysBetween(from, to);
}

/** The last counted day after `count` days of the unit, without roll-forward. */
function nominalLastDay(startDay: LocalDate, count: number, unit: DurationUnit, calendar: WorkingCalendar): LocalDate {
  return unit === 'calendar_days' ? addLocalDays(startDay, count) : calendar.addWorkingDays(startDay, count);
}

/**
 * The due instant of a statutory period, with everything a citizen or official needs to check it by hand.
 * Counting (BLDS Art 147–148): the trigger day is excluded; the period ends at 24:00 (Vietnam time) of its last
 * day; if that day is not a working day, the period ends at the end of the next working day. Working-day
 * periods skip days off as they count. Paused days are added back; extensions lengthen the period.
 */
export function computeDue(spec: PeriodSpec, calendar: WorkingCalendar, now: Date): DueResult {
  const startDay = toLocalDate(spec.startedAt);
  const extensionDays = spec.extensions.reduce((n, e) => n + e.days, 0);
  const pausedDays = spec.pauses.reduce((n, p) => n + pausedDaysOf(p, spec.unit, calendar, now), 0);
  const countedDays = spec.days + extensionDays + pausedDays;
  const nominal = nominalLastDay(startDay, countedDays, spec.unit, calendar);
  const lastDay = spec.rollForward === false ? nominal : calendar.onOrAfter(nominal);
  const explanation: DueExplanation = {
    startDay,
    firstCountedDay: addLocalDays(startDay, 1),
    baseDays: spec.days,
    extensionDays,
    pausedDays,
    countedDays,
    nominalLastDay: nominal,
    rolledForwardTo: lastDay === nominal ? null : lastDay,
    lastDay,
    daysOff: calendar.daysOffBetween(startDay, lastDay),
    unconfirmed: calendar.unconfirmedBetween(addLocalDays(startDay, 1), lastDay).filter((f) => f.fact !== 'swaps'),
  };
  const paused = spec.pauses.some((p) => p.to === null);
  return { dueAt: paused ? null : endOfLocalDay(lastDay), explanation };
}

/**
 * When a share of the period has been used, e.g. 0.5 of 30 days = the end of day 15 (counted as the period is,
 * pauses included). 1.0 is the due instant itself, roll-forward included; shares below 1 do not roll forward
 * (an early warning on a holiday still belongs to that day).
 */
export function thresholdInstant(spec: PeriodSpec, share: number, calendar: WorkingCalendar, now: Date): Date | null {
  if (share >= 1) return computeDue(spec, calendar, now).dueAt;
  if (spec.pauses.some((p) => p.to === null)) return null;
  const base = spec.days + spec.extensions.reduce((n, e) => n + e.days, 0);
  const paused = spec.pauses.reduce((n, p) => n + pausedDaysOf(p, spec.unit, calendar, now), 0);
  const count = Math.max(1, Math.ceil(base * share)) + paused;
  return endOfLocalDay(nominalLastDay(toLocalDate(spec.startedAt), count, spec.unit, calendar));
}

/** The instant `workingDays` working days after the due instant (overdue reminders: "every N working days"). */
export function overdueInstant(dueAt: Date, workingDays: number, calendar: WorkingCalendar): Date {
  // dueAt is 24:00 of the last day, i.e. 00:00 of the next; count from the last day itself.
  const lastDay = addLocalDays(toLocalDate(dueAt), -1);
  return endOfLocalDay(calendar.addWorkingDays(lastDay, workingDays));
}
