import { describe, expect, it } from '@jest/globals';
import { KNOWN_CIVIL_SERVICE_ENTRIES } from '../calendar/civil-service-schedule.js';
import { toLocalDate } from '../calendar/local-date.js';
import { statutoryHolidays } from '../calendar/statutory-holidays.js';
import { WorkingCalendar } from '../calendar/working-calendar.js';
import type { DutyHolder, ReceptionDayFact } from './reception-compliance.js';
import {
  computeReceptionCompliance,
  DEFAULT_RECEPTION_DUTY_RULES,
  lastDayOfMonth,
  monthOf,
  ruleForMonth,
  validateDutyRule,
  weeksOfMonth,
} from './reception-compliance.js';

/* Expected figures are worked out by hand from DOMAIN.md R1, R1', R2 and R4, not computed by the code. */

const rules = DEFAULT_RECEPTION_DUTY_RULES;
/** A date after every month judged below: those months are over. */
const LATER = '2027-01-15';
const partyHead = (userId: string, effectiveFrom = '2020-01-01', effectiveTo: string | null = null): DutyHolder => ({
  userId,
  unitId: 'C1',
  position: 'commune_party_head',
  effectiveFrom,
  effectiveTo,
});
const chair = (userId: string, effectiveFrom = '2020-01-01', effectiveTo: string | null = null): DutyHolder => ({
  userId,
  unitId: 'C1',
  position: 'commune_chair',
  effectiveFrom,
  effectiveTo,
});
const day = (hostUserId: string, date: string, status: ReceptionDayFact['status'] = 'held', position: ReceptionDayFact['position'] = 'commune_party_head'): ReceptionDayFact => ({
  hostUserId,
  unitId: 'C1',
  position,
  date,
  status,
});

describe('months in Asia/Ho_Chi_Minh', () => {
  it('puts an instant in the month of its Vietnamese date', () => {
    // 17:30Z on 30/11 is 00:30 on 01/12 in Vietnam.
    expect(monthOf(toLocalDate(new Date('2026-11-30T17:30:00.000Z')))).toBe('2026-12');
    expect(monthOf(toLocalDate(new Date('2026-11-30T16:59:59.000Z')))).toBe('2026-11');
  });

  it('knows the last day of each month, leap years included', () => {
    expect(lastDayOfMonth('2026-11')).toBe('2026-11-30');
    expect(lastDayOfMonth('2026-12')).toBe('2026-12-31');
    expect(lastDayOfMonth('2028-02')).toBe('2028-02-29');
    expect(lastDayOfMonth('2027-02')).toBe('2027-02-28');
  });
});

describe('the duty rules seeded from DOMAIN.md', () => {
  it('asks a commune Party head for 2 days a month (R4) and a provincial chair for 1 (R2)', () => {
    expect(ruleForMonth(rules, 'commune_party_head', '2026-11')).toMatchObject({ ruleId: 'R4', minDaysPerMonth: 2 });
    expect(ruleForMonth(rules, 'province_party_head', '2026-11')).toMatchObject({ ruleId: 'R4', minDaysPerMonth: 1 });
    expect(ruleForMonth(rules, 'province_chair', '2026-11')).toMatchObject({ ruleId: 'R2', minDaysPerMonth: 1 });
  });

  it('switches the commune chair from 1 day a week (R1) to the unverified 2 days a month (R1\') on 01/07/2026', () => {
    expect(ruleForMonth(rules, 'commune_chair', '2026-06')).toMatchObject({ ruleId: 'R1', minDaysPerWeek: 1, verification: 'verified' });
    expect(ruleForMonth(rules, 'commune_chair', '2026-07')).toMatchObject({ ruleId: "R1'", minDaysPerMonth: 2, verification: 'unverified' });
  });

  it('has no rule before a position\'s rule took effect', () => {
    expect(ruleForMonth(rules, 'commune_party_head', '2019-01')).toBeNull();
  });

  it('are all valid by the same check that guards new rules', () => {
    for (const r of rules) expect(validateDutyRule(r)).toBeNull();
    expect(validateDutyRule({ ...rules[0]!, minDaysPerMonth: 2 })).toEqual({ field: 'minDaysPerMonth', messageKey: 'reception.rule_one_frequency' });
    expect(validateDutyRule({ ...rules[1]!, minDaysPerMonth: 0 })).toEqual({ field: 'minDaysPerMonth', messageKey: 'validation.min' });
    expect(validateDutyRule({ ...rules[1]!, effectiveTo: '2026-06-30' })).toEqual({ field: 'effectiveTo', messageKey: 'reception.rule_dates_order' });
  });
});

describe('compliance for a month', () => {
  it('flags a commune Party head with 1 held day, not one with 2, and one with none at all', () => {
    const rows = computeReceptionCompliance({
      month: '2026-11',
      today: LATER,
      rules,
      holders: [partyHead('one'), partyHead('two'), partyHead('none')],
      days: [day('one', '2026-11-05'), day('two', '2026-11-05'), day('two', '2026-11-19')],
    });
    const by = Object.fromEntries(rows.map((r) => [r.userId, r]));
    expect(by.one).toMatchObject({ required: 2, held: 1, flagged: true, heldDates: ['2026-11-05'] });
    expect(by.two).toMatchObject({ required: 2, held: 2, flagged: false });
    expect(by.none).toMatchObject({ required: 2, held: 0, flagged: true, heldDates: [] });
    // Furthest behind first.
    expect(rows.map((r) => r.userId)).toEqual(['none', 'one', 'two']);
  });

  it('counts neither cancelled nor merely planned days, and one date once', () => {
    const [row] = computeReceptionCompliance({
      month: '2026-11',
      today: LATER,
      rules,
      holders: [partyHead('h')],
      days: [day('h', '2026-11-05'), day('h', '2026-11-12', 'cancelled'), day('h', '2026-11-26', 'planned')],
    });
    expect(row).toMatchObject({ held: 1, cancelled: 1, planned: 1, flagged: true });
  });

  it('counts a day by its Vietnamese date: 01/12 belongs to December, not November', () => {
    const days = [day('h', '2026-11-30'), day('h', '2026-12-01')];
    const nov = computeReceptionCompliance({ month: '2026-11', today: LATER, rules, holders: [partyHead('h')], days })[0]!;
    const dec = computeReceptionCompliance({ month: '2026-12', today: LATER, rules, holders: [partyHead('h')], days })[0]!;
    expect(nov.heldDates).toEqual(['2026-11-30']);
    expect(dec.heldDates).toEqual(['2026-12-01']);
  });

  it('accounts for a host recorded on a day even without a duty row', () => {
    const rows = computeReceptionCompliance({ month: '2026-11', today: LATER, rules, holders: [], days: [day('stray', '2026-11-10')] });
    expect(rows).toEqual([expect.objectContaining({ userId: 'stray', held: 1, required: 2, flagged: true })]);
  });

  it('requires and flags nothing when no rule is in force', () => {
    const [row] = computeReceptionCompliance({ month: '2026-11', today: LATER, rules: [], holders: [partyHead('h')], days: [] });
    expect(row).toMatchObject({ rule: null, required: 0, flagged: false });
  });

  it('judges a weekly rule (R1 until 06/2026) week by week, with the weeks whose Thursday is in the month', () => {
    // June 2026: Mon 01/06 … Tue 30/06. Thursdays 4, 11, 18, 25 → weeks 01–07, 08–14, 15–21, 22–28; 29–30/06 go to July.
    expect(weeksOfMonth('2026-06').map((w) => `${w.from}/${w.to}`)).toEqual([
      '2026-06-01/2026-06-07',
      '2026-06-08/2026-06-14',
      '2026-06-15/2026-06-21',
      '2026-06-22/2026-06-28',
    ]);
    // May 2026 starts on a Friday: its first Thursday is 07/05, so 27/04–03/05 belongs to April.
    expect(weeksOfMonth('2026-05')[0]).toEqual({ from: '2026-05-04', to: '2026-05-10' });
    const weekly = (dates: string[]) =>
      computeReceptionCompliance({ month: '2026-06', today: LATER, rules, holders: [chair('chair')], days: dates.map((d) => day('chair', d, 'held', 'commune_chair')) })[0]!;
    // Four held days, but two in the same week: the third week is short.
    const short = weekly(['2026-06-02', '2026-06-09', '2026-06-10', '2026-06-23']);
    expect(short).toMatchObject({ required: 4, held: 4, flagged: true, shortWeeks: [{ from: '2026-06-15', to: '2026-06-21', held: 0 }] });
    expect(weekly(['2026-06-02', '2026-06-09', '2026-06-16', '2026-06-23'])).toMatchObject({ required: 4, held: 4, flagged: false, shortWeeks: [] });
  });
});

describe('compliance over the part of the month a head held the duty', () => {
  const chairDay = (host: string, date: string) => day(host, date, 'held', 'commune_chair');
  const june = (holders: DutyHolder[], days: ReceptionDayFact[], today = LATER) =>
    Object.fromEntries(computeReceptionCompliance({ month: '2026-06', today, rules, holders, days }).map((r) => [r.userId, r]));
  const november = (holders: DutyHolder[], days: ReceptionDayFact[], today = LATER) =>
    Object.fromEntries(computeReceptionCompliance({ month: '2026-11', today, rules, holders, days }).map((r) => [r.userId, r]));

  it('judges a chair appointed mid-month (weekly R1) only for the whole weeks after the appointment', () => {
    // Appointed Wed 17/06/2026: weeks 01–07 and 08–14 were the predecessor's; 15–21 was handed over midweek
    // (judged for neither); 22–28 is the new chair's alone.
    const rows = june([chair('new', '2026-06-17')], [chairDay('new', '2026-06-23')]);
    expect(rows.new).toMatchObject({ required: 1, held: 1, shortWeeks: [], status: 'met', flagged: false });
    // Without a day in the one week that is theirs, only that week is short.
    expect(june([chair('new', '2026-06-17')], [])['new']).toMatchObject({
      required: 1,
      shortWeeks: [{ from: '2026-06-22', to: '2026-06-28', held: 0 }],
      flagged: true,
    });
  });

  it('judges a chair who left mid-month (weekly R1) only for the weeks before the departure', () => {
    // Last day Tue 16/06: weeks 01–07 and 08–14 are theirs, 15–21 (left midweek) and 22–28 are not.
    const rows = june([chair('old', '2020-01-01', '2026-06-16'), chair('new', '2026-06-17')], [chairDay('old', '2026-06-02'), chairDay('old', '2026-06-09'), chairDay('new', '2026-06-24')]);
    expect(rows.old).toMatchObject({ required: 2, held: 2, shortWeeks: [], status: 'met', flagged: false });
    expect(rows.new).toMatchObject({ required: 1, held: 1, status: 'met', flagged: false });
    expect(june([chair('old', '2020-01-01', '2026-06-16')], [chairDay('old', '2026-06-02')])['old']).toMatchObject({
      required: 2,
      shortWeeks: [{ from: '2026-06-08', to: '2026-06-14', held: 0 }],
      flagged: true,
    });
  });

  it('pro-rates a monthly rule (R4: 2 days) to the days of the month in the duty, to the nearest day', () => {
    // November has 30 days. Appointed on 20/11: 11 days → 2 × 11/30 = 0.73 → 1 day.
    expect(november([partyHead('new', '2026-11-20')], [])['new']).toMatchObject({ required: 1, held: 0, status: 'short', flagged: true });
    expect(november([partyHead('new', '2026-11-20')], [day('new', '2026-11-26')])['new']).toMatchObject({ required: 1, held: 1, status: 'met', flagged: false });
    // Appointed on 26/11: 5 days → 0.33 → nothing required.
    expect(november([partyHead('late', '2026-11-26')], [])['late']).toMatchObject({ required: 0, status: 'not_required', flagged: false });
    // Left after 10/11: 10 days → 0.67 → 1 day, met by the day held on 05/11.
    expect(november([partyHead('old', '2020-01-01', '2026-11-10')], [day('old', '2026-11-05')])['old']).toMatchObject({ required: 1, held: 1, status: 'met', flagged: false });
    // The whole month: the full 2 days.
    expect(november([partyHead('all')], [day('all', '2026-11-05')])['all']).toMatchObject({ required: 2, status: 'short', flagged: true });
  });

  it('reports the current month as in progress, not flagged, until it is over or can no longer be met', () => {
    // Sun 01/11/2026, nothing held yet: 30 days left for 2 days.
    expect(november([partyHead('h')], [], '2026-11-01')['h']).toMatchObject({ required: 2, held: 0, status: 'in_progress', flagged: false });
    // 30/11 with one day held: today can still be the second.
    expect(november([partyHead('h')], [day('h', '2026-11-05')], '2026-11-30')['h']).toMatchObject({ status: 'in_progress', flagged: false });
    // 30/11 with none: one day left cannot make two.
    expect(november([partyHead('h')], [], '2026-11-30')['h']).toMatchObject({ status: 'short', flagged: true });
    // Met early.
    expect(november([partyHead('h')], [day('h', '2026-11-05'), day('h', '2026-11-12')], '2026-11-16')['h']).toMatchObject({ status: 'met', flagged: false });
    // A month still to come.
    expect(november([partyHead('h')], [], '2026-10-20')['h']).toMatchObject({ status: 'in_progress', flagged: false });
    // The outgoing holder's part of the current month is over once they have left: judged now.
    expect(november([partyHead('old', '2020-01-01', '2026-11-10')], [], '2026-11-16')['old']).toMatchObject({ required: 1, status: 'short', flagged: true });
  });

  it('judges a weekly rule in the current month only for the weeks that are over', () => {
    // Mon 01/06/2026 (R1 in force): no week is over, none is flagged.
    expect(june([chair('c')], [], '2026-06-01')['c']).toMatchObject({ required: 4, shortWeeks: [], status: 'in_progress', flagged: false });
    // Wed 10/06 with a day held in the first week: the second week is under way.
    expect(june([chair('c')], [chairDay('c', '2026-06-02')], '2026-06-10')['c']).toMatchObject({ shortWeeks: [], status: 'in_progress', flagged: false });
    // Mon 15/06 with nothing in the second week: that week (and only that one) is short.
    expect(june([chair('c')], [chairDay('c', '2026-06-02')], '2026-06-15')['c']).toMatchObject({
      shortWeeks: [{ from: '2026-06-08', to: '2026-06-14', held: 0 }],
      status: 'short',
      flagged: true,
    });
  });
});

describe('weeks and months with no working day (Tết Bính Ngọ, Sat 14/02 – Sun 22/02/2026)', () => {
  const calendar = new WorkingCalendar([...statutoryHolidays(2026, { tet: true, nationalDay: true }), ...KNOWN_CIVIL_SERVICE_ENTRIES]);
  const isWorkingDay = (d: string) => calendar.isWorkingDay(d);
  // February 2026 answers for the weeks of Mon 02, 09, 16 (Tết) and 23/02 under R1 (1 day a week until 30/06/2026).
  const held = ['2026-02-04', '2026-02-11', '2026-02-25'].map((d) => day('chair', d, 'held', 'commune_chair'));

  it('does not flag a chair for the Tết week: it requires nothing', () => {
    const [row] = computeReceptionCompliance({ month: '2026-02', today: LATER, rules, holders: [chair('chair')], days: held, isWorkingDay });
    expect(row).toMatchObject({ required: 3, held: 3, shortWeeks: [], status: 'met', flagged: false });
  });

  it('would flag it on a bare Monday-to-Friday week (the calendar is what excuses the week)', () => {
    const [row] = computeReceptionCompliance({ month: '2026-02', today: LATER, rules, holders: [chair('chair')], days: held });
    expect(row).toMatchObject({ required: 4, status: 'short', shortWeeks: [{ from: '2026-02-16', to: '2026-02-22', held: 0 }] });
  });

  it('requires nothing of a chair whose only week in the month is the Tết week', () => {
    const [row] = computeReceptionCompliance({ month: '2026-02', today: LATER, rules, holders: [chair('acting', '2026-02-16', '2026-02-22')], days: [], isWorkingDay });
    expect(row).toMatchObject({ required: 0, status: 'not_required', flagged: false });
  });

  it('requires nothing under a monthly rule of a holder whose part of the month has no working day', () => {
    const rows = computeReceptionCompliance({ month: '2026-02', today: LATER, rules, holders: [partyHead('acting', '2026-02-14', '2026-02-22')], days: [], isWorkingDay });
    expect(rows[0]).toMatchObject({ required: 0, status: 'not_required', flagged: false });
    // Without the calendar, 9 of 28 days of a 2-day rule would round to 1 day owed.
    expect(computeReceptionCompliance({ month: '2026-02', today: LATER, rules, holders: [partyHead('acting', '2026-02-14', '2026-02-22')], days: [] })[0]).toMatchObject({
      required: 1,
      status: 'short',
    });
  });
});
