import { LABELS, type Message, renderMessage } from '../shared/messages.js';
import { addLocalDays, type LocalDate } from './local-date.js';
import { type ConfirmedFacts, lunarDates } from './statutory-holidays.js';
import { CALENDAR_FACTS, type CalendarFact, type UnconfirmedFact } from './working-calendar.js';

/**
 * Facts of the working-day calendar that the law leaves to a yearly announcement (BLLĐ 2019 Art 112(3); the
 * state-sector swaps are decided by the Government and announced by the Ministry of Home Affairs):
 * - `tet`: the 5 days of Tết of the lunar year that starts in `year`;
 * - `national_day`: the day next to 02/09 (01/09 or 03/09);
 * - `swaps`: the year's swapped days (a weekday off, a weekend day worked), all of them.
 * A fact is confirmed when its notice is recorded (with a reference and a verification mark) and the days it
 * sets are in the calendar table. Until then the calendar applies the conservative assumption below and says so.
 */
export function isCalendarFact(s: string): s is CalendarFact {
  return (CALENDAR_FACTS as readonly string[]).includes(s);
}

/** A recorded notice: the fact of a year is confirmed by it. */
export interface CalendarFactRecord {
  readonly year: number;
  readonly fact: CalendarFact;
  /** The notice, e.g. "Thông báo 9441/TB-BNV ngày 16/10/2025 của Bộ Nội vụ". */
  readonly reference: string;
  /** Whether the reference was checked against the notice itself (verified) or only reports of it (partial). */
  readonly verification: 'verified' | 'partial' | 'unverified';
  readonly note?: string | null;
}

/**
 * The days a fact's announcement can change. Tết: a week either side of lunar New Year's Day (the 5 days and
 * the weekends the announcement joins to them). National Day: 01/09–03/09. Swaps: the whole year.
 */
export function factWindow(year: number, fact: CalendarFact): { from: LocalDate; to: LocalDate } {
  switch (fact) {
    case 'tet': {
      const { newYear } = lunarDates(year);
      return { from: addLocalDays(newYear, -7), to: addLocalDays(newYear, 7) };
    }
    case 'national_day':
      return { from: `${year}-09-01`, to: `${year}-09-03` };
    case 'swaps':
      return { from: `${year}-01-01`, to: `${year}-12-31` };
  }
}

export function confirmedFactsOf(year: number, records: readonly Pick<CalendarFactRecord, 'year' | 'fact'>[]): ConfirmedFacts {
  const has = (fact: CalendarFact) => records.some((r) => r.year === year && r.fact === fact);
  return { tet: has('tet'), nationalDay: has('national_day') };
}

/** Every fact of these years with no recorded notice. */
export function unconfirmedFacts(years: readonly number[], records: readonly Pick<CalendarFactRecord, 'year' | 'fact'>[]): UnconfirmedFact[] {
  const out: UnconfirmedFact[] = [];
  for (const year of years) {
    for (const fact of CALENDAR_FACTS) {
      if (records.some((r) => r.year === year && r.fact === fact)) continue;
      out.push({ year, fact, ...factWindow(year, fact) });
    }
  }
  return out.sort((a, b) => a.from.localeCompare(b.from) || a.fact.localeCompare(b.fact));
}

/** Those of the facts whose window meets [from, to]. */
export function factsMeeting<T extends Pick<UnconfirmedFact, 'from' | 'to'>>(facts: readonly T[], from: LocalDate, to: LocalDate): T[] {
  return facts.filter((f) => f.from <= to && f.to >= from);
}

const dmy = (d: LocalDate) => d.split('-').reverse().join('/');

/** What the calendar assumes while a fact is unconfirmed, in plain words (for the calendar view and clock explanations). */
export function describeUnconfirmedFact(f: Pick<UnconfirmedFact, 'year' | 'fact'>): { readonly label: Message; readonly message: Message } {
  const params: Record<string, string | number> = f.fact === 'tet' ? { year: f.year, newYear: dmy(lunarDates(f.year).newYear) } : { year: f.year };
  return { label: LABELS.calendarFact[f.fact], message: renderMessage(`calendar.unconfirmed.${f.fact}`, params) };
}
