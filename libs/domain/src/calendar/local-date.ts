/**
 * Calendar dates in Vietnam (Asia/Ho_Chi_Minh, UTC+7 all year: Vietnam has no daylight saving time, so a
 * fixed offset is exact and no time-zone library is needed). A LocalDate is 'YYYY-MM-DD'.
 */
export type LocalDate = string;

export const VN_OFFSET_MS = 7 * 3600_000;
const DAY_MS = 86_400_000;
const LOCAL_DATE = /^\d{4}-\d{2}-\d{2}$/;

/**
 * The dates anyone may give the system (calendar entries, commitments, reception days, reports, months):
 * the years the working calendar is kept for. Past 2100 no government schedule exists and the lunar holidays
 * were never checked, and nothing in this system (a case, a promise, a report) reaches back before 2000. It
 * also bounds every walk over days to about 37,000 steps.
 */
export const LOCAL_DATE_MIN: LocalDate = '2000-01-01';
export const LOCAL_DATE_MAX: LocalDate = '2100-12-31';
export const CALENDAR_YEAR_MIN = 2000;
export const CALENDAR_YEAR_MAX = 2100;

/**
 * Longest walk over days any calendar function takes (the accepted range and as much again for periods that
 * run past it): a request can never make the domain loop for long.
 */
export const MAX_DAY_SPAN = 2 * 36_890;

/**
 * A date outside what the day arithmetic can represent (years 0000–9999, where 'YYYY-MM-DD' strings sort as
 * dates), a malformed one, or a walk over more than MAX_DAY_SPAN days. Adapters report it as bad input.
 */
export class LocalDateRangeError extends Error {
  constructor(readonly value: string) {
    super(`Date out of range: ${value}`);
    this.name = 'LocalDateRangeError';
  }
}

export function isLocalDate(s: string): s is LocalDate {
  if (!LOCAL_DATE.test(s)) return false;
  const d = new Date(`${s}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
}

/** A local date inside [LOCAL_DATE_MIN, LOCAL_DATE_MAX]: what the API accepts. */
export function isAcceptedLocalDate(s: string): s is LocalDate {
  return isLocalDate(s) && s >= LOCAL_DATE_MIN && s <= LOCAL_DATE_MAX;
}

/** An instant whose Vietnam date is inside the accepted range. */
export function isAcceptedInstant(instant: Date): boolean {
  const t = instant.getTime();
  return Number.isFinite(t) && t >= startOfLocalDay(LOCAL_DATE_MIN).getTime() && t < endOfLocalDay(LOCAL_DATE_MAX).getTime();
}

/** `s` itself when it is a representable local date; otherwise a LocalDateRangeError. */
function checked(s: string): LocalDate {
  if (!isLocalDate(s)) throw new LocalDateRangeError(s);
  return s;
}

/** The Vietnamese calendar date of an instant. */
export function toLocalDate(instant: Date): LocalDate {
  const t = instant.getTime() + VN_OFFSET_MS;
  // Past year 9999 toISOString writes '+010000-…', which sorts below every date and made day loops endless.
  if (!Number.isFinite(t) || Math.abs(t) > 8.64e15) throw new LocalDateRangeError(String(instant.getTime()));
  return checked(new Date(t).toISOString().slice(0, 10));
}

/** 00:00 local time of a date, as an instant. */
export function startOfLocalDay(date: LocalDate): Date {
  return new Date(Date.parse(`${checked(date)}T00:00:00Z`) - VN_OFFSET_MS);
}

/** 24:00 local time of a date (BLDS Art 148: a day-based period ends at the end of its last day). */
export function endOfLocalDay(date: LocalDate): Date {
  return new Date(startOfLocalDay(date).getTime() + DAY_MS);
}

/** The last day of a period that ends at `end` (24:00 local of that day, i.e. 00:00 of the next): endOfLocalDay's inverse. */
export function lastLocalDayOf(end: Date): LocalDate {
  return toLocalDate(new Date(end.getTime() - 1));
}

/**
 * The date `days` days after (or before) `date`. Total: a result outside years 0000–9999 (or a malformed date,
 * or a non-integer count) is a LocalDateRangeError, never a string that sorts wrongly.
 */
export function addLocalDays(date: LocalDate, days: number): LocalDate {
  if (!Number.isSafeInteger(days) || Math.abs(days) > 3_700_000) throw new LocalDateRangeError(`${date} + ${days} days`);
  const t = Date.parse(`${checked(date)}T00:00:00Z`) + days * DAY_MS;
  if (!Number.isFinite(t) || Math.abs(t) > 8.64e15) throw new LocalDateRangeError(`${date} + ${days} days`);
  // 'YYYY-MM-DDTHH:mm:ss.sssZ' for years 0000–9999; longer ('+010000-…', '-000001-…') outside them.
  const iso = new Date(t).toISOString();
  if (iso.length !== 24) throw new LocalDateRangeError(`${date} + ${days} days`);
  return iso.slice(0, 10);
}

/** Whole days from a to b (b − a). */
export function localDaysBetween(a: LocalDate, b: LocalDate): number {
  return Math.round((Date.parse(`${checked(b)}T00:00:00Z`) - Date.parse(`${checked(a)}T00:00:00Z`)) / DAY_MS);
}

/** 0 = Sunday … 6 = Saturday. */
export function dayOfWeek(date: LocalDate): number {
  return new Date(`${checked(date)}T00:00:00Z`).getUTCDay();
}

/** Local wall-clock hour (0–23) of an instant. */
export function localHour(instant: Date): number {
  return new Date(instant.getTime() + VN_OFFSET_MS).getUTCHours();
}

/** An instant at a local wall-clock time on a date, e.g. 07:30 on 2026-02-23. */
export function atLocalTime(date: LocalDate, hour: number, minute = 0): Date {
  return new Date(startOfLocalDay(date).getTime() + (hour * 60 + minute) * 60_000);
}
