/**
 * Calendar dates in Vietnam (Asia/Ho_Chi_Minh, UTC+7 all year: Vietnam has no daylight saving time, so a
 * fixed offset is exact and no time-zone library is needed). A LocalDate is 'YYYY-MM-DD'.
 */
export type LocalDate = string;

export const VN_OFFSET_MS = 7 * 3600_000;
const DAY_MS = 86_400_000;
const LOCAL_DATE = /^\d{4}-\d{2}-\d{2}$/;

export function isLocalDate(s: string): s is LocalDate {
  if (!LOCAL_DATE.test(s)) return false;
  const d = new Date(`${s}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
}

/** The Vietnamese calendar date of an instant. */
export function toLocalDate(instant: Date): LocalDate {
  return new Date(instant.getTime() + VN_OFFSET_MS).toISOString().slice(0, 10);
}

/** 00:00 local time of a date, as an instant. */
export function startOfLocalDay(date: LocalDate): Date {
  return new Date(Date.parse(`${date}T00:00:00Z`) - VN_OFFSET_MS);
}

/** 24:00 local time of a date (BLDS Art 148: a day-based period ends at the end of its last day). */
export function endOfLocalDay(date: LocalDate): Date {
  return new Date(startOfLocalDay(date).getTime() + DAY_MS);
}

/** The last day of a period that ends at `end` (24:00 local of that day, i.e. 00:00 of the next): endOfLocalDay's inverse. */
export function lastLocalDayOf(end: Date): LocalDate {
  return toLocalDate(new Date(end.getTime() - 1));
}

export function addLocalDays(date: LocalDate, days: number): LocalDate {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);
}

/** Whole days from a to b (b − a). */
export function localDaysBetween(a: LocalDate, b: LocalDate): number {
  return Math.round((Date.parse(`${b}T00:00:00Z`) - Date.parse(`${a}T00:00:00Z`)) / DAY_MS);
}

/** 0 = Sunday … 6 = Saturday. */
export function dayOfWeek(date: LocalDate): number {
  return new Date(`${date}T00:00:00Z`).getUTCDay();
}

/** Local wall-clock hour (0–23) of an instant. */
export function localHour(instant: Date): number {
  return new Date(instant.getTime() + VN_OFFSET_MS).getUTCHours();
}

/** An instant at a local wall-clock time on a date, e.g. 07:30 on 2026-02-23. */
export function atLocalTime(date: LocalDate, hour: number, minute = 0): Date {
  return new Date(startOfLocalDay(date).getTime() + (hour * 60 + minute) * 60_000);
}
