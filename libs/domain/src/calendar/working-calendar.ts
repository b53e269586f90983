import { addLocalDays, dayOfWeek, type LocalDate, LocalDateRangeError, localDaysBetween, MAX_DAY_SPAN } from './local-date.js';

/** Facts fixed by a yearly announcement (see calendar-facts.ts). */
export const CALENDAR_FACTS = ['tet', 'national_day', 'swaps'] as const;
export type CalendarFact = (typeof CALENDAR_FACTS)[number];

/** A fact not yet announced (or not recorded), and the days its announcement may change (inclusive). */
export interface UnconfirmedFact {
  readonly year: number;
  readonly fact: CalendarFact;
  readonly from: LocalDate;
  readonly to: LocalDate;
}

/**
 * Why a date is or is not a working day. `holiday` comes from statute (BLLĐ Art 112, via date-holidays) or
 * from an announced schedule; `compensatory` is derived (Art 111(3)) or entered; the others come from the yearly
 * government schedule an administrator maintains (calendar_entries, calendar_facts).
 */
export type DayOffKind = 'weekend' | 'holiday' | 'compensatory' | 'swap_off';
export type CalendarEntryKind = 'holiday' | 'compensatory' | 'swap_off' | 'swap_work';

export interface CalendarEntry {
  readonly date: LocalDate;
  readonly kind: CalendarEntryKind;
  readonly name: string;
  readonly legalRef?: string | null;
  /** A day off assumed while its year's announcement is missing: no day in lieu is derived from it. */
  readonly assumed?: boolean;
}

export interface DayInfo {
  readonly date: LocalDate;
  readonly working: boolean;
  /** Set for days off: what makes them off. */
  readonly off?: { readonly kind: DayOffKind; readonly name: string };
  /** Set for a Saturday or Sunday worked in exchange for a weekday off (làm bù). */
  readonly swapWork?: { readonly name: string };
}

/** Days in lieu: BLLĐ 2019 Art 111(3) (a weekly rest day that coincides with a holiday of Art 112(1)). */
export const COMPENSATORY_LEGAL_REF = 'Bộ luật Lao động 2019 Điều 111 khoản 3';

/**
 * Working days for public bodies: Monday–Friday (DOMAIN.md §8.3, unverified: kept as data below), minus
 * statutory holidays, compensatory days and swapped days off, plus swapped working weekend days.
 * Immutable and pure; build a new one when the entries change.
 */
export class WorkingCalendar {
  private readonly entries = new Map<LocalDate, CalendarEntry>();
  private readonly derived = new Map<LocalDate, CalendarEntry>();

  constructor(
    entries: readonly CalendarEntry[],
    /** Days of the week that are rest days (0 = Sunday, 6 = Saturday). */
    private readonly weekendDays: readonly number[] = [0, 6],
    /** Announcements not yet recorded for the years covered: the calendar holds an assumption there. */
    readonly unconfirmed: readonly UnconfirmedFact[] = [],
  ) {
    for (const e of entries) {
      // A swapped working day overrides a holiday entry on the same date only if entered so; the later
      // entry for a date wins, so the admin table (listed after the statutory base) has the last word.
      this.entries.set(e.date, e);
    }
    this.deriveCompensatoryDays();
  }

  /**
   * Art 111(3): a holiday on a weekly rest day gives the next working day off. Each holiday on a rest day, in
   * date order, takes the first later day that is not a rest day, a holiday, a swapped day off or already taken
   * by an earlier one (30/04 and 01/05 on a weekend take Monday and Tuesday). An entry on that date still wins
   * (info() reads entries first): an administrator may record the Government's different choice. Assumed Tết
   * days derive nothing; an announced span places its 5 days on working days, absorbing the weekends itself.
   */
  private deriveCompensatoryDays(): void {
    const rest = (d: LocalDate) => this.weekendDays.includes(dayOfWeek(d));
    const blocked = (d: LocalDate) => {
      const e = this.entries.get(d);
      return rest(d) || e?.kind === 'holiday' || e?.kind === 'swap_off' || this.derived.has(d);
    };
    const onRestDays = [...this.entries.values()].filter((e) => e.kind === 'holiday' && !e.assumed && rest(e.date)).sort((a, b) => a.date.localeCompare(b.date));
    for (const h of onRestDays) {
      let d = addLocalDays(h.date, 1);
      while (blocked(d)) d = addLocalDays(d, 1);
      this.derived.set(d, { date: d, kind: 'compensatory', name: `Nghỉ bù ${h.name}`, legalRef: COMPENSATORY_LEGAL_REF });
    }
  }

  info(date: LocalDate): DayInfo {
    const entry = this.entries.get(date) ?? this.derived.get(date);
    if (entry?.kind === 'swap_work') return { date, working: true, swapWork: { name: entry.name } };
    if (entry) return { date, working: false, off: { kind: entry.kind as DayOffKind, name: entry.name } };
    if (this.weekendDays.includes(dayOfWeek(date))) return { date, working: false, off: { kind: 'weekend', name: 'Cuối tuần' } };
    return { date, working: true };
  }

  /** The entry behind a date's status, and whether the calendar derived it (a day in lieu) rather than was given it. */
  source(date: LocalDate): { readonly entry: CalendarEntry; readonly derived: boolean } | null {
    const given = this.entries.get(date);
    if (given) return { entry: given, derived: false };
    const derived = this.derived.get(date);
    return derived ? { entry: derived, derived: true } : null;
  }

  /** Unconfirmed announcements bearing on any day in [from, to]. */
  unconfirmedBetween(from: LocalDate, to: LocalDate): UnconfirmedFact[] {
    return this.unconfirmed.filter((f) => f.from <= to && f.to >= from);
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
