import { addLocalDays, dayOfWeek, type LocalDate, LocalDateRangeError, localDaysBetween, MAX_DAY_SPAN } from './local-date.js';

/**
 * Why a date is or is not a working day. `holiday` comes from statute (BLLĐ Art 112, via date-holidays);
 * the others come from the yearly government schedule an administrator maintains (DOMAIN.md §8).
 */
export type DayOffKind = 'weekend' | 'holiday' | 'compensatory' | 'swap_off';
export type CalendarEntryKind = 'holiday' | 'compensatory' | 'swap_off' | 'swap_work';

export interface CalendarEntry {
  readonly date: LocalDate;
  readonly kind: CalendarEntryKind;
  readonly name: string;
  readonly legalRef?: string | null;
}

export interface DayInfo {
  readonly date: LocalDate;
  readonly working: boolean;
  /** Set for days off: what makes them off. */
  readonly off?: { readonly kind: DayOffKind; readonly name: string };
  /** Set for a Saturday or Sunday worked in exchange for a weekday off (làm bù). */
  readonly swapWork?: { readonly name: string };
}

/**
 * Working days for public bodies: Monday–Friday (DOMAIN.md §8.3, unverified: kept as data below), minus
 * statutory holidays, compensatory days and swapped days off, plus swapped working weekend days.
 * Immutable and pure; build a new one when the entries change.
 */
export class WorkingCalendar {
  private readonly entries = new Map<LocalDate, CalendarEntry>();

  constructor(
    entries: readonly CalendarEntry[],
    /** Days of the week that are rest days (0 = Sunday, 6 = Saturday). */
    private readonly weekendDays: readonly number[] = [0, 6],
  ) {
    for (const e of entries) {
      // A swapped working day overrides a holiday entry on the same date only if entered so; the later
      // entry for a date wins, so the admin table (listed after the statutory base) has the last word.
      this.entries.set(e.date, e);
    }
  }

  info(date: LocalDate): DayInfo {
    const entry = this.entries.get(date);
    if (entry?.kind === 'swap_work') return { date, working: true, swapWork: { name: entry.name } };
    if (entry) return { date, working: false, off: { kind: entry.kind as DayOffKind, name: entry.name } };
    if (this.weekendDays.includes(dayOfWeek(date))) return { date, working: false, off: { kind: 'weekend', name: 'Cuối tuần' } };
    return { date, working: true };
  }

  isWorkingDay(date: LocalDate): boolean {
    return this.info(date).working;
  }

  /** The first working day on or after `date`. */
  onOrAfter(date: LocalDate): LocalDate {
    let d = date;
    for (let i = 0; i < 400 && !this.isWorkingDay(d); i++) d = addLocalDays(d, 1);
    if (!this.isWorkingDay(d)) throw new Error(`No working day within 400 days after ${date}`);
    return d;
  }

  /** The n-th working day after `date` (n ≥ 1; `date` itself is never counted). */
  addWorkingDays(date: LocalDate, n: number): LocalDate {
    // Bounded whatever n and the calendar are (a calendar with no working day would otherwise walk forever).
    if (!Number.isSafeInteger(n) || n > MAX_DAY_SPAN) throw new LocalDateRangeError(`${date} + ${n} working days`);
    let d = date;
    let left = n;
    for (let steps = 0; left > 0; steps++) {
      if (steps >= MAX_DAY_SPAN) throw new LocalDateRangeError(`${date} + ${n} working days`);
      d = addLocalDays(d, 1);
      if (this.isWorkingDay(d)) left--;
    }
    return d;
  }

  /** Working days in (from, to]: the count that addWorkingDays(from, n) = to inverts. */
  workingDaysBetween(from: LocalDate, to: LocalDate): number {
    spanChecked(from, to);
    let n = 0;
    for (let d = addLocalDays(from, 1); d <= to; d = addLocalDays(d, 1)) if (this.isWorkingDay(d)) n++;
    return n;
  }

  /** Days off strictly between two dates, with why: for explanations. */
  daysOffBetween(fromExclusive: LocalDate, toInclusive: LocalDate): DayInfo[] {
    spanChecked(fromExclusive, toInclusive);
    const out: DayInfo[] = [];
    for (let d = addLocalDays(fromExclusive, 1); d <= toInclusive; d = addLocalDays(d, 1)) {
      const i = this.info(d);
      if (!i.working) out.push(i);
    }
    return out;
  }
}

/** Both dates valid and at most MAX_DAY_SPAN days apart, so a walk from one to the other is short. */
function spanChecked(from: LocalDate, to: LocalDate): void {
  if (localDaysBetween(from, to) > MAX_DAY_SPAN) throw new LocalDateRangeError(`${from} … ${to}`);
}
