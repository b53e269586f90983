import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { KNOWN_CIVIL_SERVICE_ENTRIES } from './civil-service-schedule.js';
import { computeDue, overdueInstant, type PeriodSpec, thresholdInstant } from './deadline.js';
import { addLocalDays, endOfLocalDay, type LocalDate, startOfLocalDay, toLocalDate } from './local-date.js';
import { statutoryHolidays } from './statutory-holidays.js';
import { type CalendarEntry, WorkingCalendar } from './working-calendar.js';
import { deliveryInstant } from './working-hours.js';

const calendarWith = (...extra: CalendarEntry[]) =>
  new WorkingCalendar([...statutoryHolidays(2026), ...statutoryHolidays(2027), ...KNOWN_CIVIL_SERVICE_ENTRIES, ...extra]);
const cal = calendarWith();
/** 09:00 Vietnam time on a date. */
const at9 = (d: LocalDate) => new Date(startOfLocalDay(d).getTime() + 9 * 3600_000);
const period = (start: LocalDate, days: number, unit: PeriodSpec['unit'], more: Partial<PeriodSpec> = {}): PeriodSpec => ({
  startedAt: at9(start),
  days,
  unit,
  pauses: [],
  extensions: [],
  ...more,
});
const NOW = new Date('2026-12-31T00:00:00Z');

describe('Vietnamese local dates', () => {
  it('uses UTC+7: 23:30 UTC is already the next day in Hà Nội', () => {
    expect(toLocalDate(new Date('2026-02-13T16:59:59Z'))).toBe('2026-02-13');
    expect(toLocalDate(new Date('2026-02-13T17:00:00Z'))).toBe('2026-02-14');
    expect(endOfLocalDay('2026-02-13').toISOString()).toBe('2026-02-13T17:00:00.000Z');
  });
});

describe('the 2026 working-day calendar', () => {
  it('has Tết Bính Ngọ off from Sat 14/02 to Sun 22/02, back to work on Mon 23/02', () => {
    for (let d = '2026-02-14'; d <= '2026-02-22'; d = addLocalDays(d, 1)) expect([d, cal.isWorkingDay(d)]).toEqual([d, false]);
    expect(cal.isWorkingDay('2026-02-13')).toBe(true);
    expect(cal.isWorkingDay('2026-02-23')).toBe(true);
    expect(cal.info('2026-02-18').off?.kind).toBe('holiday');
  });

  it('has the Hùng Kings holiday 25–27/04 (Sunday 26/04 plus the compensatory Monday)', () => {
    expect(['2026-04-24', '2026-04-25', '2026-04-26', '2026-04-27', '2026-04-28'].map((d) => cal.isWorkingDay(d))).toEqual([
      true,
      false,
      false,
      false,
      true,
    ]);
    expect(cal.info('2026-04-27').off).toEqual({ kind: 'compensatory', name: 'Nghỉ bù Giỗ Tổ Hùng Vương' });
  });

  it('has 30/04 – 03/05 off', () => {
    expect(['2026-04-29', '2026-04-30', '2026-05-01', '2026-05-02', '2026-05-03', '2026-05-04'].map((d) => cal.isWorkingDay(d))).toEqual([
      true,
      false,
      false,
      false,
      false,
      true,
    ]);
  });

  it('counts a swapped working Saturday as a working day', () => {
    const swapped = calendarWith({ date: '2026-03-07', kind: 'swap_work', name: 'Làm bù' });
    expect(cal.isWorkingDay('2026-03-07')).toBe(false);
    expect(swapped.isWorkingDay('2026-03-07')).toBe(true);
    // 5 working days after Wed 04/03: Thu 05, Fri 06, Sat 07 (swapped), Mon 09, Tue 10.
    expect(swapped.addWorkingDays('2026-03-04', 5)).toBe('2026-03-10');
    expect(cal.addWorkingDays('2026-03-04', 5)).toBe('2026-03-11');
  });
});

describe('computeDue (Civil Code Art 147–148)', () => {
  it('does not count the trigger day: 30 days from thụ lý on 01/10 end at 24:00 on 31/10', () => {
    // 31/10/2026 is a Saturday, so the period runs on to the end of Monday 02/11.
    const r = computeDue(period('2026-10-01', 30, 'calendar_days'), cal, NOW);
    expect(r.explanation.firstCountedDay).toBe('2026-10-02');
    expect(r.explanation.nominalLastDay).toBe('2026-10-31');
    expect(r.explanation.rolledForwardTo).toBe('2026-11-02');
    expect(r.dueAt).toEqual(endOfLocalDay('2026-11-02'));
  });

  it('rolls a period that ends on a Saturday to the end of Monday', () => {
    const r = computeDue(period('2026-11-04', 10, 'calendar_days'), cal, NOW); // nominal Sat 14/11
    expect(r.explanation.nominalLastDay).toBe('2026-11-14');
    expect(r.explanation.lastDay).toBe('2026-11-16');
  });

  it('keeps a period that ends on a working day as it is', () => {
    const r = computeDue(period('2026-11-02', 10, 'calendar_days'), cal, NOW); // Thu 12/11
    expect(r.explanation.rolledForwardTo).toBeNull();
    expect(r.dueAt).toEqual(endOfLocalDay('2026-11-12'));
  });

  it('rolls a calendar-day period that ends inside Tết to the first working day after it', () => {
    const r = computeDue(period('2026-01-16', 30, 'calendar_days'), cal, NOW); // nominal Sun 15/02
    expect(r.explanation.lastDay).toBe('2026-02-23');
    expect(r.explanation.daysOff.map((d) => d.date)).toContain('2026-02-17');
  });

  it('skips Tết when counting working days: 7 WD from Thu 12/02/2026 end on Mon 02/03', () => {
    // Fri 13/02 (1), Tết 14–22/02 skipped, Mon 23 (2) … Fri 27 (6), Mon 02/03 (7).
    const r = computeDue(period('2026-02-12', 7, 'working_days'), cal, NOW);
    expect(r.explanation.lastDay).toBe('2026-03-02');
    expect(r.explanation.daysOff.filter((d) => d.off?.kind === 'holiday').length).toBe(5);
  });

  it('adds extensions to the period (a denunciation extended once by 30 days)', () => {
    const base = computeDue(period('2026-06-01', 30, 'calendar_days'), cal, NOW);
    const extended = computeDue(period('2026-06-01', 30, 'calendar_days', { extensions: [{ days: 30, reason: 'complex' }] }), cal, NOW);
    expect(base.explanation.nominalLastDay).toBe('2026-07-01');
    expect(extended.explanation.nominalLastDay).toBe('2026-07-31');
    expect(extended.explanation.extensionDays).toBe(30);
  });

  it('has no due instant while paused, and adds the paused days back once resumed', () => {
    const from = at9('2026-06-10');
    const paused = computeDue(period('2026-06-01', 30, 'calendar_days', { pauses: [{ from, to: null, reason: 'documents' }] }), cal, NOW);
    expect(paused.dueAt).toBeNull();
    const resumed = computeDue(period('2026-06-01', 30, 'calendar_days', { pauses: [{ from, to: at9('2026-06-15'), reason: 'documents' }] }), cal, NOW);
    expect(resumed.explanation.pausedDays).toBe(5);
    expect(resumed.explanation.nominalLastDay).toBe('2026-07-06');
  });
});

describe('thresholds and delivery', () => {
  it('puts 50% and 80% of a 30-day period at the ends of days 15 and 24, and 100% at the due instant', () => {
    const spec = period('2026-06-01', 30, 'calendar_days');
    expect(thresholdInstant(spec, 0.5, cal, NOW)).toEqual(endOfLocalDay('2026-06-16'));
    expect(thresholdInstant(spec, 0.8, cal, NOW)).toEqual(endOfLocalDay('2026-06-25'));
    expect(thresholdInstant(spec, 1, cal, NOW)).toEqual(computeDue(spec, cal, NOW).dueAt);
  });

  it('counts overdue reminders in working days after the due instant', () => {
    // Due at the end of Fri 13/11/2026; 10 working days later is the end of Fri 27/11.
    expect(overdueInstant(endOfLocalDay('2026-11-13'), 10, cal)).toEqual(endOfLocalDay('2026-11-27'));
  });

  it('delivers an alert raised at night at 07:30 the next working morning, and one raised in Tết after Tết', () => {
    expect(deliveryInstant(endOfLocalDay('2026-11-12'), cal).toISOString()).toBe('2026-11-13T00:30:00.000Z');
    expect(deliveryInstant(at9('2026-02-18'), cal).toISOString()).toBe('2026-02-23T00:30:00.000Z');
    const duringOfficeHours = at9('2026-11-12');
    expect(deliveryInstant(duringOfficeHours, cal)).toEqual(duringOfficeHours);
  });
});

describe('properties', () => {
  const day = fc.integer({ min: 0, max: 600 }).map((n) => addLocalDays('2026-01-01', n));
  const unit = fc.constantFrom<PeriodSpec['unit']>('calendar_days', 'working_days');

  it('due is never before the start', () => {
    fc.assert(
      fc.property(day, fc.integer({ min: 1, max: 90 }), unit, (start, days, u) => {
        const spec = period(start, days, u);
        expect(computeDue(spec, cal, NOW).dueAt!.getTime()).toBeGreaterThan(spec.startedAt.getTime());
      }),
    );
  });

  it('pausing for k working days moves a working-day due date by exactly k working days', () => {
    fc.assert(
      fc.property(day, fc.integer({ min: 1, max: 60 }), fc.integer({ min: 0, max: 20 }), fc.integer({ min: 0, max: 20 }), (start, days, offset, k) => {
        const pauseStart = cal.onOrAfter(addLocalDays(start, offset));
        const pauseEnd = cal.addWorkingDays(pauseStart, k);
        const plain = computeDue(period(start, days, 'working_days'), cal, NOW).explanation.lastDay;
        const withPause = computeDue(
          period(start, days, 'working_days', { pauses: [{ from: at9(pauseStart), to: at9(pauseEnd), reason: 'x' }] }),
          cal,
          NOW,
        ).explanation.lastDay;
        expect(cal.workingDaysBetween(plain, withPause)).toBe(k);
      }),
    );
  });

  it('recomputing is idempotent and ends on a working day', () => {
    fc.assert(
      fc.property(day, fc.integer({ min: 1, max: 90 }), unit, (start, days, u) => {
        const a = computeDue(period(start, days, u), cal, NOW);
        const b = computeDue(period(start, days, u), cal, NOW);
        expect(b).toEqual(a);
        expect(cal.isWorkingDay(a.explanation.lastDay)).toBe(true);
      }),
    );
  });
});
