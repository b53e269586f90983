import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { DEFAULT_DEADLINE_POLICY } from '../deadlines/deadline-policy.js';
import { commitmentClock } from '../deadlines/subject-clock.js';
import { lastDayOfMonth, weeksOfMonth } from '../reception/reception-compliance.js';
import { computeDue } from './deadline.js';
import {
  addLocalDays,
  dayOfWeek,
  endOfLocalDay,
  isAcceptedLocalDate,
  isLocalDate,
  LOCAL_DATE_MAX,
  LOCAL_DATE_MIN,
  LocalDateRangeError,
  localDaysBetween,
  MAX_DAY_SPAN,
  startOfLocalDay,
  toLocalDate,
} from './local-date.js';
import { statutoryHolidays } from './statutory-holidays.js';
import { WorkingCalendar } from './working-calendar.js';

/*
 * The day arithmetic is total and every walk over days ends, whatever it is given: a result, or a
 * LocalDateRangeError, never another error, never a string that sorts wrongly, never an endless loop.
 * (Past year 9999, toISOString wrote '+010000-01-01', which sorts below every date: a walk "until the due date"
 * never got there and the API died of heap exhaustion.)
 */
const FC_PARAMS = { seed: 20261207, numRuns: 300 } as const;
const pad = (n: number, w: number) => String(n).padStart(w, '0');

/** Any real date of years 0000–9999, weighted to the edges. */
const anyDate = fc.oneof(
  { arbitrary: fc.constantFrom('0000-01-01', '0000-12-31', '9999-12-31', '9999-01-01', LOCAL_DATE_MIN, LOCAL_DATE_MAX, '2026-02-28'), weight: 2 },
  { arbitrary: fc.date({ min: new Date('0000-01-01T00:00:00Z'), max: new Date('9999-12-31T00:00:00Z'), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10)), weight: 5 },
);
/** Strings that are dates only sometimes. */
const anyString = fc.oneof(anyDate, fc.string({ maxLength: 12 }), fc.constantFrom('+010000-01-01', '-000001-12-31', '2026-02-30', '2026-13-01', '', '99999-01-01'));
const anyDays = fc.oneof(
  fc.integer({ min: -400, max: 400 }),
  fc.integer(),
  fc.constantFrom(Number.MAX_SAFE_INTEGER, -Number.MAX_SAFE_INTEGER, 1e300, Number.NaN, Infinity, -Infinity, 0.5, 3_700_001),
);
const anyInstant = fc.oneof(
  fc.integer({ min: -8.64e15, max: 8.64e15 }).map((t) => new Date(t)),
  fc.constantFrom(new Date(Number.NaN), new Date(8.64e15), new Date(-8.64e15), new Date(Date.UTC(9999, 11, 31, 20))),
);

/** Runs f; a LocalDateRangeError counts as an answer, anything else thrown fails the property. */
function totalOrRangeError<T>(f: () => T): { ok: true; value: T } | { ok: false } {
  try {
    return { ok: true, value: f() };
  } catch (e) {
    if (e instanceof LocalDateRangeError) return { ok: false };
    throw e;
  }
}

const calendars = [
  { calendar: new WorkingCalendar([...statutoryHolidays(2026), ...statutoryHolidays(2027)]), numRuns: 40 },
  // A calendar with no working day at all: a walk counting working days must still end (each run walks the
  // whole span, so fewer runs).
  { calendar: new WorkingCalendar([], [0, 1, 2, 3, 4, 5, 6]), numRuns: 8 },
];

describe('local dates: total arithmetic', () => {
  it('addLocalDays gives a valid date that is `days` away, or a LocalDateRangeError', () => {
    fc.assert(
      fc.property(anyString, anyDays, (date, days) => {
        const r = totalOrRangeError(() => addLocalDays(date, days));
        if (!r.ok) return;
        expect(isLocalDate(r.value)).toBe(true);
        expect(localDaysBetween(date, r.value)).toBe(days);
        // String order is date order, so `d <= to` loops are sound.
        if (days > 0) expect(r.value > date).toBe(true);
        if (days < 0) expect(r.value < date).toBe(true);
      }),
      FC_PARAMS,
    );
  });

  it('refuses to step past year 9999 or before year 0000', () => {
    expect(() => addLocalDays('9999-12-31', 1)).toThrow(LocalDateRangeError);
    expect(() => addLocalDays('0000-01-01', -1)).toThrow(LocalDateRangeError);
    expect(() => addLocalDays('+010000-01', 1)).toThrow(LocalDateRangeError);
    expect(() => toLocalDate(new Date(Date.UTC(9999, 11, 31, 20)))).toThrow(LocalDateRangeError);
    expect(() => toLocalDate(new Date(Number.NaN))).toThrow(LocalDateRangeError);
  });

  it('toLocalDate, startOfLocalDay, endOfLocalDay, dayOfWeek and localDaysBetween are total', () => {
    fc.assert(
      fc.property(anyInstant, anyString, anyString, (instant, a, b) => {
        const d = totalOrRangeError(() => toLocalDate(instant));
        if (d.ok) expect(isLocalDate(d.value)).toBe(true);
        const s = totalOrRangeError(() => startOfLocalDay(a));
        if (s.ok) expect(toLocalDate(s.value)).toBe(a);
        totalOrRangeError(() => endOfLocalDay(a));
        const w = totalOrRangeError(() => dayOfWeek(a));
        if (w.ok) expect(w.value >= 0 && w.value <= 6).toBe(true);
        const n = totalOrRangeError(() => localDaysBetween(a, b));
        if (n.ok) expect(Number.isInteger(n.value)).toBe(true);
      }),
      FC_PARAMS,
    );
  });

  it('accepts exactly the dates of the range at the edge', () => {
    expect(isAcceptedLocalDate(LOCAL_DATE_MIN)).toBe(true);
    expect(isAcceptedLocalDate(LOCAL_DATE_MAX)).toBe(true);
    expect(isAcceptedLocalDate(addLocalDays(LOCAL_DATE_MIN, -1))).toBe(false);
    expect(isAcceptedLocalDate(addLocalDays(LOCAL_DATE_MAX, 1))).toBe(false);
    expect(isAcceptedLocalDate('9999-12-31')).toBe(false);
    // Every walk across the whole range fits in the span the calendar allows.
    expect(localDaysBetween(LOCAL_DATE_MIN, LOCAL_DATE_MAX)).toBeLessThanOrEqual(MAX_DAY_SPAN);
  });
});

describe('walks over days end for any input', () => {
  it.each(calendars.map((c, i) => [i, c] as const))('calendar %i: workingDaysBetween, daysOffBetween, addWorkingDays, onOrAfter', (_i, { calendar, numRuns }) => {
    fc.assert(
      fc.property(anyDate, anyDate, anyDays, (from, to, n) => {
        const between = totalOrRangeError(() => calendar.workingDaysBetween(from, to));
        if (between.ok) expect(between.value).toBeGreaterThanOrEqual(0);
        const off = totalOrRangeError(() => calendar.daysOffBetween(from, to));
        if (off.ok) expect(off.value.every((d) => d.date > from && d.date <= to)).toBe(true);
        const added = totalOrRangeError(() => calendar.addWorkingDays(from, n));
        if (added.ok) expect(added.value >= from).toBe(true);
        try {
          calendar.onOrAfter(from);
        } catch (e) {
          // A calendar without working days says so (bounded to 400 days); a date at the very edge is a range error.
          expect(e instanceof LocalDateRangeError || /No working day/.test((e as Error).message)).toBe(true);
        }
      }),
      { ...FC_PARAMS, numRuns },
    );
  });

  it("a commitment's clock due on any date is computed or refused, never loops", () => {
    const calendar = calendars[0]!.calendar;
    fc.assert(
      fc.property(anyDate, anyInstant, (dueDate, createdAt) => {
        // Due before it was made is the caller's precondition (the use case refuses it first), not this property.
        const created = totalOrRangeError(() => toLocalDate(createdAt));
        if (created.ok && dueDate < created.value) return;
        const r = totalOrRangeError(() =>
          commitmentClock({ id: 'c1', commitmentId: 'k1', createdAt, dueDate }, DEFAULT_DEADLINE_POLICY, calendar, createdAt),
        );
        if (r.ok) expect(r.value.dueAt).toBe(endOfLocalDay(dueDate).toISOString());
      }),
      { ...FC_PARAMS, numRuns: 60, examples: [['9999-12-31', new Date('2026-12-07T03:00:00Z')]] },
    );
  });

  it('a due date of 9999-12-31 is refused with a LocalDateRangeError', () => {
    const spec = { startedAt: new Date('2026-12-07T03:00:00Z'), days: localDaysBetween('2026-12-07', '9999-12-31'), unit: 'calendar_days' as const, pauses: [], extensions: [], rollForward: false };
    expect(() => computeDue(spec, calendars[0]!.calendar, spec.startedAt)).toThrow(LocalDateRangeError);
  });

  it('months of any year: last day and weeks are computed or refused', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 9999 }), fc.integer({ min: 1, max: 12 }), (y, m) => {
        const month = `${pad(y, 4)}-${pad(m, 2)}`;
        const last = totalOrRangeError(() => lastDayOfMonth(month));
        if (last.ok) {
          expect(last.value.slice(0, 7)).toBe(month);
          expect(isLocalDate(addLocalDays(last.value, 1)) && addLocalDays(last.value, 1).endsWith('-01')).toBe(true);
        }
        const weeks = totalOrRangeError(() => weeksOfMonth(month));
        if (weeks.ok) expect(weeks.value.length >= 4 && weeks.value.length <= 5).toBe(true);
      }),
      { ...FC_PARAMS, examples: [[0, 12], [999, 12], [99, 12], [9999, 12]] },
    );
  });
});
