import { describe, expect, it } from '@jest/globals';
import Holidays from 'date-holidays';
import { confirmedFactsOf, describeUnconfirmedFact, factsMeeting, unconfirmedFacts } from './calendar-facts.js';
import { KNOWN_CALENDAR_FACTS, KNOWN_CIVIL_SERVICE_ENTRIES } from './civil-service-schedule.js';
import { computeDue } from './deadline.js';
import { addLocalDays, type LocalDate, startOfLocalDay, toLocalDate } from './local-date.js';
import { lunarDates, statutoryHolidays } from './statutory-holidays.js';
import { WorkingCalendar } from './working-calendar.js';

/** The calendar as the application builds it: statute per year (with what is confirmed), then the table. */
const build = (years: number[], facts = KNOWN_CALENDAR_FACTS, entries = KNOWN_CIVIL_SERVICE_ENTRIES) =>
  new WorkingCalendar([...years.flatMap((y) => statutoryHolidays(y, confirmedFactsOf(y, facts))), ...entries], undefined, unconfirmedFacts(years, facts));
const cal = build([2026, 2027]);
const status = (c: WorkingCalendar, from: LocalDate, to: LocalDate) => {
  const out: string[] = [];
  for (let d = from; d <= to; d = addLocalDays(d, 1)) out.push(`${d.slice(5)} ${c.info(d).off?.kind ?? (c.info(d).swapWork ? 'swap_work' : 'working')}`);
  return out;
};

describe('what date-holidays 3.37 returns for Vietnam (checked against the real library, not trusted)', () => {
  const publicDays = (year: number) =>
    new Holidays('VN')
      .getHolidays(year)
      .filter((h) => h.type === 'public')
      .map((h) => `${toLocalDate(h.start)}..${addLocalDays(toLocalDate(h.end), -1)} ${h.rule}`);

  it('has lunar New Year on Tue 17/02/2026 and Sat 06/02/2027, and the Hùng Kings on Sun 26/04/2026 and Fri 16/04/2027', () => {
    expect(lunarDates(2026)).toEqual({ newYear: '2026-02-17', hungKings: '2026-04-26' });
    expect(lunarDates(2027)).toEqual({ newYear: '2027-02-06', hungKings: '2027-04-16' });
  });

  it('guesses a Tết block of its own (eve + 4 days) and knows only 02/09 of National Day', () => {
    // 2026: Mon 16 – Fri 20/02, which happens to be the announced span; 2027: Fri 05 – Tue 09/02, a guess.
    expect(publicDays(2026)).toContain('2026-02-16..2026-02-20 1 day before vietnamese 1-0-1 P5D');
    expect(publicDays(2027)).toContain('2027-02-05..2027-02-09 1 day before vietnamese 1-0-1 P5D');
    expect(publicDays(2026).filter((d) => d.includes('-09-'))).toEqual(['2026-09-02..2026-09-02 09-02']);
    expect(publicDays(2027).filter((d) => d.includes('-09-'))).toEqual(['2027-09-02..2027-09-02 09-02']);
  });
});

describe('the 2026 state-sector schedule (recorded notices)', () => {
  it('New Year: Thu 01/01 – Sun 04/01 off, Friday 02/01 swapped with Saturday 10/01', () => {
    expect(status(cal, '2026-01-01', '2026-01-05')).toEqual(['01-01 holiday', '01-02 swap_off', '01-03 weekend', '01-04 weekend', '01-05 working']);
    expect(cal.isWorkingDay('2026-01-10')).toBe(true);
    expect(cal.isWorkingDay('2026-01-11')).toBe(false);
  });

  it('Tết Bính Ngọ: 5 days Mon 16/02 – Fri 20/02, so Sat 14/02 – Sun 22/02 off', () => {
    expect(status(cal, '2026-02-13', '2026-02-23')).toEqual([
      '02-13 working',
      '02-14 weekend',
      '02-15 weekend',
      ...['16', '17', '18', '19', '20'].map((d) => `02-${d} holiday`),
      '02-21 weekend',
      '02-22 weekend',
      '02-23 working',
    ]);
  });

  it('National Day: Tue 01/09 and Wed 02/09, Monday 31/08 swapped with Saturday 22/08 (Sat 29/08 – Wed 02/09 off)', () => {
    expect(status(cal, '2026-08-28', '2026-09-03')).toEqual([
      '08-28 working',
      '08-29 weekend',
      '08-30 weekend',
      '08-31 swap_off',
      '09-01 holiday',
      '09-02 holiday',
      '09-03 working',
    ]);
    expect(cal.info('2026-08-22').swapWork).toBeDefined();
  });

  it('has no unconfirmed fact in 2026', () => {
    expect(cal.unconfirmedBetween('2026-01-01', '2026-12-31').filter((f) => f.year === 2026)).toEqual([]);
  });
});

describe('2027, not yet announced: the conservative assumption', () => {
  it('takes only mùng 1–3 of Tết Đinh Mùi off (Sat 06 – Mon 08/02) and derives no day in lieu for them', () => {
    expect(status(cal, '2027-02-04', '2027-02-11')).toEqual([
      '02-04 working',
      '02-05 working',
      '02-06 holiday',
      '02-07 holiday',
      '02-08 holiday',
      '02-09 working',
      '02-10 working',
      '02-11 working',
    ]);
  });

  it('takes only 02/09/2027 (Thursday) off: 01/09 and 03/09 count as working days', () => {
    expect(status(cal, '2027-09-01', '2027-09-03')).toEqual(['09-01 working', '09-02 holiday', '09-03 working']);
  });

  it('still derives Monday 03/05/2027 for Labour Day on a Saturday (a date fixed by the Code)', () => {
    expect(cal.info('2027-05-03').off?.kind).toBe('compensatory');
  });

  it('lists the unconfirmed facts of the next 12 months from 07/12/2026, with their text', () => {
    const next = factsMeeting(unconfirmedFacts([2026, 2027, 2028], KNOWN_CALENDAR_FACTS), '2026-12-07', '2027-12-06');
    expect(next.map((f) => `${f.year} ${f.fact}`)).toEqual(['2027 swaps', '2027 tet', '2027 national_day']);
    const tet = describeUnconfirmedFact({ year: 2027, fact: 'tet' });
    expect(tet.label.vi).toBe('Lịch nghỉ Tết Nguyên đán');
    expect(tet.message.vi).toContain('06/02/2027');
    expect(tet.message.en).toContain('only the 1st, 2nd and 3rd days of Tết');
  });

  it('once the Tết notice is recorded, uses the entered span and drops the assumption', () => {
    const facts = [...KNOWN_CALENDAR_FACTS, { year: 2027, fact: 'tet' as const, reference: 'Thông báo (giả định cho kiểm thử)', verification: 'verified' as const }];
    const entered = ['2027-02-04', '2027-02-05', '2027-02-08', '2027-02-09', '2027-02-10'].map((date) => ({ date, kind: 'holiday' as const, name: 'Tết Đinh Mùi' }));
    const confirmed = build([2026, 2027], facts, [...KNOWN_CIVIL_SERVICE_ENTRIES, ...entered]);
    expect(status(confirmed, '2027-02-03', '2027-02-11').map((s) => s.split(' ')[1])).toEqual([
      'working',
      'holiday',
      'holiday',
      'weekend',
      'weekend',
      'holiday',
      'holiday',
      'holiday',
      'working',
    ]);
    expect(confirmed.unconfirmedBetween('2027-02-01', '2027-02-28').map((f) => f.fact)).toEqual(['swaps']);
  });
});

describe('a clock that crosses an unannounced fact', () => {
  it('counts conservatively and says so: 10 working days from Mon 01/02/2027 end on Tue 16/02/2027', () => {
    // Tue 02 (1), Wed 03, Thu 04, Fri 05 (4); Sat–Mon 06–08 Tết assumed; Tue 09 (5) … Fri 12 (8), Mon 15 (9), Tue 16 (10).
    const spec = { startedAt: new Date(startOfLocalDay('2027-02-01').getTime() + 9 * 3600_000), days: 10, unit: 'working_days' as const, pauses: [], extensions: [] };
    const r = computeDue(spec, cal, new Date('2027-02-01T02:00:00Z'));
    expect(r.explanation.lastDay).toBe('2027-02-16');
    expect(r.explanation.unconfirmed.map((f) => `${f.year} ${f.fact}`)).toEqual(['2027 tet']);
  });

  it('reports nothing for a clock wholly inside confirmed 2026', () => {
    const spec = { startedAt: startOfLocalDay('2026-02-10'), days: 10, unit: 'working_days' as const, pauses: [], extensions: [] };
    expect(computeDue(spec, cal, new Date('2026-02-10T00:00:00Z')).explanation.unconfirmed).toEqual([]);
  });
});
