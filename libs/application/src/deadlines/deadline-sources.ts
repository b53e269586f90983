import {
  type CalendarEntry,
  type CalendarFactRecord,
  confirmedFactsOf,
  type DeadlinePolicy,
  statutoryHolidays,
  unconfirmedFacts,
  WorkingCalendar,
} from '@app/domain';
import { calendarStore } from '@app/persistence';
import type { EntityManager } from 'typeorm';

/** The years a calendar covers around an instant: wide enough for any statutory period. */
export const calendarYearsAround = (around: Date): number[] => {
  const year = around.getUTCFullYear();
  return [year - 1, year, year + 1, year + 2];
};

/**
 * The working-day calendar: statutory holidays (computed) plus the administrator's table and recorded
 * announcements, for a span of years around `around`. Read fresh every time so that an edit made through the
 * API applies at once in every process.
 */
export async function loadCalendar(em: EntityManager, around: Date): Promise<WorkingCalendar> {
  const years = calendarYearsAround(around);
  const entries = await calendarStore.entriesBetween(em, `${years[0]}-01-01`, `${years[years.length - 1]}-12-31`);
  return calendarFrom(years, entries, await calendarStore.factsOf(em, years[0]!, years[years.length - 1]!));
}

/**
 * Statutory base first (with the conservative assumption for each fact not yet announced), then the table:
 * a table entry for the same date wins. The unannounced facts travel with the calendar, for explanations.
 */
export function calendarFrom(years: readonly number[], entries: readonly CalendarEntry[], facts: readonly CalendarFactRecord[]): WorkingCalendar {
  return new WorkingCalendar(
    [...years.flatMap((y) => statutoryHolidays(y, confirmedFactsOf(y, facts))), ...entries],
    undefined,
    unconfirmedFacts(years, facts),
  );
}

/** Every published policy version (a handful of rows; versions are immutable once published). */
export async function loadPolicies(em: EntityManager): Promise<DeadlinePolicy[]> {
  const rows: { body: DeadlinePolicy; version: number; effective_from: string; effective_to: string | null }[] = await em.query(
    `SELECT body, version, to_char(effective_from, 'YYYY-MM-DD') AS effective_from, to_char(effective_to, 'YYYY-MM-DD') AS effective_to
       FROM deadline_policies ORDER BY version`,
  );
  // The columns are authoritative for validity (an admin may close a version); the body holds the rules.
  return rows.map((r) => ({ ...r.body, version: r.version, effectiveFrom: r.effective_from, effectiveTo: r.effective_to }));
}
