import {
  type CalendarEntry,
  type DeadlinePolicy,
  statutoryHolidays,
  WorkingCalendar,
} from '@app/domain';
import type { EntityManager } from 'typeorm';

/**
 * The working-day calendar: statutory holidays (computed) plus the administrator's table, for a span of years
 * around `around` wide enough for any statutory period. The table is small; it is read fresh every time so
 * that an edit made through the API applies at once in every process.
 */
export async function loadCalendar(em: EntityManager, around: Date): Promise<WorkingCalendar> {
  const year = around.getUTCFullYear();
  const years = [year - 1, year, year + 1, year + 2];
  const rows: { date: string; kind: CalendarEntry['kind']; name: string; legal_ref: string | null }[] = await em.query(
    `SELECT to_char(date, 'YYYY-MM-DD') AS date, kind, name, legal_ref FROM calendar_entries WHERE date BETWEEN $1 AND $2 ORDER BY date`,
    [`${years[0]}-01-01`, `${years[years.length - 1]}-12-31`],
  );
  return calendarFrom(years, rows.map((r) => ({ date: r.date, kind: r.kind, name: r.name, legalRef: r.legal_ref })));
}

/** Statutory base first, then the table: a table entry for the same date wins. */
export function calendarFrom(years: readonly number[], entries: readonly CalendarEntry[]): WorkingCalendar {
  return new WorkingCalendar([...years.flatMap((y) => statutoryHolidays(y)), ...entries]);
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
